/// A web-archive source whose WARC record carries a `WARC-Payload-Digest` that does not match (or cannot be checked
/// against) the payload it labels. The snapshot is still exactly what was archived, so this does not make the audit
/// fail: it tells a reader that the archive's own label is wrong, which is common in real archives.
public struct PayloadDigestFinding: Sendable, Equatable {
    public let seq: Int64
    /// The source id (SHA-256 of the stored record).
    public let source: String
    public let recordID: String
    public let targetURI: String
    /// One line saying what the record states and what the payload's digest is.
    public let problem: String

    public init(seq: Int64, source: String, recordID: String, targetURI: String, problem: String) {
        self.seq = seq
        self.source = source
        self.recordID = recordID
        self.targetURI = targetURI
        self.problem = problem
    }
}
