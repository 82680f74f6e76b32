import Foundation
import LedgerCore

/// Extracts the anchoring text of a web-archive capture (`Extractor.warc`, `claimledger-warc 1`) from its snapshot:
/// one WARC `response` record, exactly as it was in the archive.
///
/// The rule:
/// 1. The record must be a WARC `response` holding an HTTP response with a 2xx status (`WebArchiveRecord`).
/// 2. The payload is the HTTP body with chunked transfer coding removed, then its `Content-Encoding` (`gzip`,
///    `x-gzip`, `deflate`; others are refused) undone, at most 64 MiB.
/// 3. An HTML payload (`text/html`, `application/xhtml+xml`) gives `HTMLTextExtractor`'s text, its charset taken from
///    a byte-order mark, else the HTTP `Content-Type` charset, else the page's `<meta charset>`, else UTF-8.
///    A `text/plain` payload gives its own decoding (charset as declared, else UTF-8), NFC, CR LF and CR as LF.
///    Any other content type is refused.
public enum WARCTextExtractor {
    /// The text of the WARC record `bytes`, or a `CaptureError` saying why there is none.
    public static func extract(_ bytes: [UInt8]) throws(CaptureError) -> String {
        try extract(WebArchiveRecord(bytes))
    }

    /// The text of an already parsed record.
    public static func extract(_ record: WebArchiveRecord) throws(CaptureError) -> String {
        guard (200...299).contains(record.status) else {
            throw CaptureError("the archived response for \(String(record.targetURI.prefix(200))) is HTTP \(record.status), not a page (2xx)")
        }
        let payload = try record.payload()
        if record.isHTML { return try HTMLTextExtractor.extract(payload, charset: record.charset) }
        guard record.contentType == "text/plain" else {
            throw CaptureError("the archived response is \(String((record.contentType ?? "of no declared type").prefix(60))); only HTML and plain-text responses can be recorded")
        }
        let label = record.charset ?? "UTF-8"
        guard let encoding = HTMLCharset.encoding(named: label) else {
            throw CaptureError("the archived text declares the charset \"\(String(label.prefix(40)))\", which is not supported")
        }
        let bom = HTMLCharset.byteOrderMark(payload)
        guard let decoded = HTMLCharset.decode(payload[(bom?.1 ?? 0)...], bom?.0 ?? encoding),
              let text = Normalization.anchoringText(Array(decoded.utf8)) else {
            throw CaptureError("the archived text is not valid \(String(label.prefix(40)))")
        }
        guard !text.isEmpty else { throw CaptureError("the archived response's payload is empty") }
        return text
    }
}
