/// Where a source captured from a web archive came from: the WARC response record's `WARC-Record-ID`,
/// `WARC-Target-URI` and `WARC-Date` (WARC 1.1 §5), as a source entry records them (`warc_record_id`,
/// `warc_target_uri`, `warc_date`). The record itself is the source's snapshot.
public struct WebArchiveOrigin: Sendable, Equatable {
    public let recordID: String
    public let targetURI: String
    /// W3C ISO 8601 in UTC, `YYYY-MM-DDThh:mm:ss[.fraction]Z`.
    public let date: String

    public init(recordID: String, targetURI: String, date: String) {
        self.recordID = recordID
        self.targetURI = targetURI
        self.date = date
    }

    /// True when `text` is a WARC-Date: `YYYY-MM-DDThh:mm:ssZ` with an optional fraction of 1–9 digits (WARC 1.1 §5.4).
    public static func isValidDate(_ text: String) -> Bool {
        guard let dot = text.firstIndex(of: ".") else { return text.count == 20 && RFC3339.isValid(text) }
        let fraction = text[text.index(after: dot)...].dropLast()
        guard text.hasSuffix("Z"), (1...9).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return RFC3339.isValid(String(text[..<dot]) + "Z")
    }
}
