import LedgerAnalysis

/// The claims list's filters, from the query string (`?outlet=…&speaker=…&subject=…&predicate=…&lang=…&status=…`),
/// each an exact match when given; `status` is current (default), retracted or all.
struct ClaimFilter: Sendable {
    enum Status: String, Sendable, CaseIterable { case current, retracted, all }

    var outlet: String?
    var speaker: String?
    var subject: String?
    var predicate: String?
    var lang: String?
    var status: Status = .current

    static let fields = ["outlet", "speaker", "subject", "predicate", "lang"]

    init(query: [String: String]) throws {
        func value(_ k: String) -> String? { query[k].flatMap { $0.isEmpty ? nil : $0 } }
        outlet = value("outlet"); speaker = value("speaker"); subject = value("subject"); predicate = value("predicate"); lang = value("lang")
        if let s = value("status") {
            guard let status = Status(rawValue: s) else {
                throw ServerError(.badRequest, "status must be one of current, retracted, all (not \"\(String(s.prefix(40)))\")")
            }
            self.status = status
        }
    }

    func value(_ field: String) -> String? {
        switch field {
        case "outlet": outlet
        case "speaker": speaker
        case "subject": subject
        case "predicate": predicate
        default: lang
        }
    }

    /// The claims of `snapshot` that pass, each with whether it is retracted.
    func apply(_ snapshot: LedgerSnapshot) -> [(claim: ClaimRecord, retracted: Bool)] {
        let retractedSeqs = Set(snapshot.history.revisions.filter { $0.kind == .retraction }.map(\.target))
        let current = snapshot.claims.map { ($0, false) }
        let retracted = snapshot.history.originals.filter { retractedSeqs.contains($0.seq) }.map { ($0, true) }
        let pool: [(ClaimRecord, Bool)] = switch status {
        case .current: current
        case .retracted: retracted
        case .all: (current + retracted).sorted { $0.0.seq < $1.0.seq }
        }
        return pool.filter { c, _ in
            (outlet == nil || c.outlet == outlet) && (speaker == nil || c.speaker == speaker) && (subject == nil || c.subject == subject)
                && (predicate == nil || c.predicate == predicate) && (lang == nil || c.lang == lang)
        }.map { (claim: $0.0, retracted: $0.1) }
    }
}
