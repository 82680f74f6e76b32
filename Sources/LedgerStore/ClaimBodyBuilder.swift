import LedgerCapture
import LedgerCore
import LedgerCrypto

/// Builds claim bodies for one transaction, resolving sources and predicates once each.
final class ClaimBodyBuilder {
    private let ledger: Ledger
    private var resolved: [String: Digest] = [:]  // as typed (an id or a prefix) → id
    private var sources: [Digest: (body: SourceBody, locator: ExcerptLocator)] = [:]
    private var predicates: [String: ClaimPredicate?] = [:]
    private let newSubject: Bool
    private var names: EntityNames?
    private var recordedNames: [String] = []
    /// Subjects already found not to look like a misspelling (a large import repeats them).
    private var checkedSubjects = Set<String>()

    init(ledger: Ledger, newSubject: Bool = false) {
        self.ledger = ledger
        self.newSubject = newSubject
    }

    /// The body of `input`, the claim at `position` (its index in the batch, or the caller's line number), which
    /// errors carry.
    func body(for input: ClaimInput, index n: Int) throws -> ClaimBody {
        func fail(_ field: String, _ message: String) -> Ledger.ClaimError { Ledger.ClaimError(index: n, field: field, message: message) }
        let id: Digest
        if let known = resolved[input.source] {
            id = known
        } else {
            do { id = try ledger.resolveSource(input.source).0 } catch { throw fail("source", "\(error)") }
            resolved[input.source] = id
        }
        try load(id)
        let source = sources[id]!
        if predicates[input.predicate] == nil { predicates[input.predicate] = .some(try ledger.predicate(input.predicate)) }
        // A malformed id is left to `body`, which names what is wrong with it.
        if predicates[input.predicate]! == nil, (try? Bodies.identifier(input.predicate, "predicate")) != nil {
            throw fail("predicate", try undeclared(input.predicate))
        }
        // A typed origin (`--origin ID`) is resolved here for every caller: a declared entity id or a recorded source.
        var input = input
        if case .named? = input.origin {
            let names = try entityNames()
            do { input = try input.resolvingOrigin(names: names, source: { try self.ledger.resolveSource($0).0 }) } catch {
                throw fail(error.field, error.message)
            }
        }
        if !newSubject, !checkedSubjects.contains(input.subject) {
            if try entityNames().resolve(input.subject) == nil {
                let close = ClosestNames.misspellings(of: input.subject, among: recordedNames)
                if close.isEmpty { checkedSubjects.insert(input.subject) } else {
                    throw fail("subject", "\"\(input.subject.prefix(70))\" is not an entity name; did you mean \(close.map { "\"\($0)\"" }.joined(separator: ", "))? (if it is a new subject, pass --new-subject)")
                }
            }
        }
        do {
            return try input.body(source: source.body, locator: source.locator,
                                  predicate: predicates[input.predicate]!)
        } catch where error.field == "excerpt" && error.message == ExcerptError.notFound.description {
            throw Ledger.ClaimError(index: n, field: "excerpt",
                                    message: "the excerpt is not in the source \(id.hex.prefix(8)) (not even ignoring case, quote style, dashes and spacing)",
                                    missing: .init(source: id, quote: input.excerpt))
        } catch {
            throw fail(error.field, error.message)
        }
    }

    /// Every entity id, label and alias, read once per batch.
    private func entityNames() throws -> EntityNames {
        if let names { return names }
        let read = try ledger.entityNames()
        names = read
        recordedNames = read.recorded.sorted()
        return read
    }

    /// The locator over the anchoring text of the recorded source `id`.
    func locator(_ id: Digest) throws -> ExcerptLocator {
        try load(id)
        return sources[id]!.locator
    }

    /// Reads source `id`'s entry and anchoring text, once.
    private func load(_ id: Digest) throws {
        guard sources[id] == nil else { return }
        let store = ledger.store
        guard let seq = try store.seqs(kind: .source, key: id.hex).first, let entryBytes = try store.entryBytes(seq),
              case .source(let body)? = EntryBody(entryBytes), body.id == id,
              let bytes = try store.blob(id), let text = CapturedText.anchoring(bytes, extractor: body.extractor) else {
            throw StoreError("the bytes of source \(id.hex.prefix(12)) are missing or unreadable; run `claimledger verify`", integrity: true)
        }
        sources[id] = (body, ExcerptLocator(text: text))
    }

    /// Why `id` cannot be a claim's predicate, naming the closest declared ids.
    private func undeclared(_ id: String) throws -> String {
        let declared = try ledger.store.keys(kind: .predicate, prefix: "", limit: 100_000)
        let closest = ClosestNames.find(id, among: declared)
        let hint = closest.isEmpty ? "" : "; did you mean \(closest.joined(separator: ", "))?"
        return "predicate \(id.prefix(70)) is not declared\(hint) (declare it first with `claimledger predicate add \(id.prefix(70)) --type …`)"
    }
}
