/// What a WARC record's `WARC-Payload-Digest` says against the payload it labels (WARC 1.1 §5.9). A wrong digest
/// is common in real archives (a crawler that digested the decoded body, or a record rewritten later): it does not
/// make the snapshot less what it is, so it is reported, never a reason to refuse it.
public enum PayloadDigestCheck: Sendable, Equatable {
    /// The record has no `WARC-Payload-Digest`.
    case absent
    /// The digest matches the payload.
    case matches(recorded: String)
    /// The digest does not match: what the record says and what the payload's digest is (same algorithm, base 32).
    case mismatch(recorded: String, computed: String)
    /// The digest cannot be checked: an unknown algorithm or encoding (`reason` says which).
    case unreadable(recorded: String, reason: String)

    /// One line for a person, or nil when there is nothing to say (absent or matching).
    public var problem: String? {
        switch self {
        case .absent, .matches: nil
        case .mismatch(let recorded, let computed):
            "its WARC-Payload-Digest is \(recorded) but the payload's digest is \(computed)"
        case .unreadable(let recorded, let reason):
            "its WARC-Payload-Digest \(recorded) cannot be checked: \(reason)"
        }
    }
}
