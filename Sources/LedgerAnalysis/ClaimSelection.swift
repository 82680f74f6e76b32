import LedgerCore

/// Which claims a list shows (`claim list`, the server's claims page and `GET /api/claims`): each filter given must
/// match exactly — the subject also through entity names, so an alias selects its entity's claims — and the status
/// says whether current claims (the default: retracted ones left out, corrected ones at their newest version),
/// retracted ones, or both are listed.
public struct ClaimSelection: Sendable {
    /// Which claims by their state.
    public enum Status: String, Sendable, CaseIterable { case current, retracted, all }

    /// A listed claim and whether it was retracted.
    public struct Row: Sendable {
        public let claim: ClaimRecord
        public let retracted: Bool

        public init(claim: ClaimRecord, retracted: Bool) {
            self.claim = claim
            self.retracted = retracted
        }

        /// The claim as every list gives it in JSON: `ClaimRecord.json` with its seq, leaf hash, predicate, event,
        /// scope and whether it was retracted.
        public var json: JSONValue {
            var o = claim.json.object ?? [:]
            o["seq"] = .int(Int(claim.seq))
            o["retracted"] = .bool(retracted)
            o["predicate"] = .string(claim.predicate)
            if let event = claim.event { o["event"] = .string(event) }
            if let scope = claim.scope { o["scope"] = .string(scope) }
            return .object(o)
        }
    }

    public var outlet: String?
    public var speaker: String?
    public var subject: String?
    public var predicate: String?
    public var lang: String?
    public var status: Status = .current

    public init(outlet: String? = nil, speaker: String? = nil, subject: String? = nil, predicate: String? = nil, lang: String? = nil,
                status: Status = .current) {
        self.outlet = outlet
        self.speaker = speaker
        self.subject = subject
        self.predicate = predicate
        self.lang = lang
        self.status = status
    }

    /// The claims of `history` that pass, in ledger order; `current` is `history.current` when the caller has it.
    public func apply(_ history: ClaimHistory, current: [ClaimRecord]? = nil, names: EntityNames) -> [Row] {
        let retractedSeqs = Set(history.revisions.filter { $0.kind == .retraction }.map(\.target))
        let currentRows = (current ?? history.current).map { Row(claim: $0, retracted: false) }
        let retractedRows = history.originals.filter { retractedSeqs.contains($0.seq) }.map { Row(claim: $0, retracted: true) }
        let pool: [Row] = switch status {
        case .current: currentRows
        case .retracted: retractedRows
        case .all: (currentRows + retractedRows).sorted { $0.claim.seq < $1.claim.seq }
        }
        let subjectEntity = subject.flatMap(names.resolve)
        return pool.filter { row in
            let c = row.claim
            return (outlet == nil || c.outlet == outlet) && (speaker == nil || c.speaker == speaker)
                && (predicate == nil || c.predicate == predicate) && (lang == nil || c.lang == lang)
                && (subject == nil || c.subject == subject || (subjectEntity != nil && names.resolve(c.subject) == subjectEntity))
        }
    }
}
