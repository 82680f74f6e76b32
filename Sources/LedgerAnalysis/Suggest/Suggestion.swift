import LedgerCore

/// One candidate claim that `ClaimSuggester` found in a source's anchoring text, for a person to check.
///
/// `excerpt` is the exact text at scalar offsets `start..<end` of the anchoring text, so it can be recorded as
/// is; `occurrence` (1-based) is set when the same text occurs more than once, to say which place is meant.
/// Everything else is a guess: `speaker` nil means the outlet's own voice.
public struct Suggestion: Equatable, Sendable {
    /// Why the passage was suggested.
    public enum Reason: String, Sendable, CaseIterable {
        /// A reporting verb or "according to"/"selon" names who said it.
        case reported
        /// A quotation of at least four words.
        case quoted
        /// A number, amount, date or duration the value parser reads.
        case value
        /// The outlet's own statement of an action (suspended, reinstated, bloqué…).
        case event
    }

    public let start: Int
    public let end: Int
    public let excerpt: String
    public let occurrence: Int?
    public let speaker: String?
    public let relay: String?
    /// The value as written in the excerpt, and how the value parser reads it.
    public let value: ClaimValue?
    /// The id of the declared predicate that fits the value and the wording best.
    public let predicate: String?
    public let reasons: [Reason]
    /// 0–100: how likely a fact-checker records it (reasons, a speaker found, a value read).
    public let score: Int

    public init(start: Int, end: Int, excerpt: String, occurrence: Int?, speaker: String?, relay: String?,
                value: ClaimValue?, predicate: String?, reasons: [Reason], score: Int) {
        self.start = start
        self.end = end
        self.excerpt = excerpt
        self.occurrence = occurrence
        self.speaker = speaker
        self.relay = relay
        self.value = value
        self.predicate = predicate
        self.reasons = reasons
        self.score = score
    }
}
