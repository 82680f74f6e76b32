import LedgerAnalysis

/// The claims list's filters, from the query string (`?outlet=…&speaker=…&subject=…&predicate=…&lang=…&status=…`):
/// a `ClaimSelection`, as `claim list` makes from its options; `status` is current (default), retracted or all.
struct ClaimFilter: Sendable {
    var selection = ClaimSelection()

    static let fields = ["outlet", "speaker", "subject", "predicate", "lang"]

    init(query: [String: String]) throws {
        func value(_ k: String) -> String? { query[k].flatMap { $0.isEmpty ? nil : $0 } }
        selection = ClaimSelection(outlet: value("outlet"), speaker: value("speaker"), subject: value("subject"),
                                   predicate: value("predicate"), lang: value("lang"))
        if let s = value("status") {
            guard let status = ClaimSelection.Status(rawValue: s) else {
                throw ServerError(.badRequest, "status must be one of current, retracted, all (not \"\(String(s.prefix(40)))\")")
            }
            selection.status = status
        }
    }

    func value(_ field: String) -> String? {
        switch field {
        case "outlet": selection.outlet
        case "speaker": selection.speaker
        case "subject": selection.subject
        case "predicate": selection.predicate
        default: selection.lang
        }
    }

    /// The claims of `snapshot` that pass.
    func apply(_ snapshot: LedgerSnapshot) -> [ClaimSelection.Row] {
        selection.apply(snapshot.history, current: snapshot.claims, names: snapshot.names)
    }
}
