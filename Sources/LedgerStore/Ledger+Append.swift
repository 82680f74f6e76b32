import Foundation
import LedgerCapture
import LedgerCore
import LedgerCrypto

extension Ledger {
    /// Runs one append transaction, signed by `signer` when set. A contributor key must have been registered
    /// with `addKey` first (the ledger key is registered by the genesis entry).
    func appending<T>(_ body: (AppendBatch) throws -> T) throws -> T {
        try store.append(time: Bodies.now(), author: ledgerKey.keyID, signer: signer) { batch in
            if let signer, signer.verifier != ledgerKey, try store.seqs(kind: .key, key: signer.verifier.keyID).isEmpty {
                throw StoreError("the key \(signer.verifier.keyID) is not registered in this ledger: run `claimledger key add \(signer.name) VKEY` first")
            }
            return try body(batch)
        }
    }

    /// Registers a contributor's public key, so entries they sign can be verified.
    public func addKey(name: String, verifierKey text: String) throws -> Entry {
        guard let key = NoteKey.Verifier(text: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw StoreError("\(NoteKey.quotedKeyText(text)) is not a verifier key (NAME+HASH+BASE64, from `claimledger key generate`)")
        }
        guard key.name == name else { throw StoreError("the verifier key is named \(key.name), not \(name)") }
        return try appending { batch in
            guard key != ledgerKey, try store.seqs(kind: .key, key: key.keyID).isEmpty else {
                throw StoreError("the key \(key.keyID) is already registered")
            }
            return try batch.append(kind: .key, body: ["name": .string(name), "vkey": .string(key.text)])
        }
    }

    /// The result of `addSource`.
    public struct AddedSource: Sendable {
        public let id: Digest
        public let seq: Int64
        /// True when these exact bytes were already in the ledger (nothing was appended).
        public let existed: Bool
    }

    /// Records a captured source: its bytes (stored once, by SHA-256) and a `source` entry. Adding the same
    /// bytes again with the same metadata appends nothing and returns the existing id and seq; with a different
    /// outlet, language, URL, title, publication date, capture time (when given) or extractor it is an error saying
    /// what differs (old → new), and nothing is appended.
    /// `extracted` is the text an extractor derived from `bytes` (an HTML or web-archive capture), which excerpts are
    /// then anchored in; `webArchive` names the WARC record a web-archive capture's bytes are.
    public func addSource(bytes: [UInt8], extracted: (text: String, mediaType: String, extractor: Extractor)? = nil,
                          webArchive: WebArchiveOrigin? = nil,
                          outlet: String, language: String, url: String?, title: String?,
                          published: String?, capturedAt: String?) throws -> AddedSource {
        let (id, body) = try Bodies.source(bytes: bytes, extracted: extracted, webArchive: webArchive, outlet: outlet, language: language,
                                           url: url, title: title, published: published, capturedAt: capturedAt ?? Bodies.now())
        return try appending { batch in
            if let seq = try store.seqs(kind: .source, key: id.hex).first {
                guard let stored = try store.entryBytes(seq), case .source(let old)? = EntryBody(stored) else {
                    throw StoreError("the entry at seq \(seq) for source \(id.hex.prefix(12)) is unreadable; run `claimledger verify`", integrity: true)
                }
                let changes = Self.sourceChanges(old, body, capturedAtGiven: capturedAt != nil)
                guard changes.isEmpty else {
                    throw StoreError("source \(id.hex.prefix(12)) is already recorded at seq \(seq) with different metadata: \(changes.joined(separator: "; ")); entries are never edited, so nothing was appended")
                }
                return AddedSource(id: id, seq: seq, existed: true)
            }
            _ = try batch.storeBlob(bytes)
            return AddedSource(id: id, seq: try batch.append(kind: .source, body: body).seq, existed: false)
        }
    }

    /// Declares a predicate. Declaring the same id twice is an error (declarations are never edited).
    public func addPredicate(_ predicate: ClaimPredicate) throws -> Entry {
        _ = try Bodies.identifier(predicate.id, "predicate id")
        if let problem = predicate.declarationProblem { throw StoreError(problem) }
        for (l, _) in predicate.labels { _ = try Bodies.lang(l) }
        return try appending { batch in
            if let seq = try store.seqs(kind: .predicate, key: predicate.id).first {
                throw StoreError("predicate \(predicate.id) is already declared (seq \(seq)); declarations cannot be changed")
            }
            return try batch.append(kind: .predicate, body: predicate.json)
        }
    }

    /// Records an entity with labels per language and aliases. Adding an existing id is an error.
    public func addEntity(id: String, labels: [String: String], aliases: [String]) throws -> Entry {
        let body = try Bodies.entity(id: id, labels: labels, aliases: aliases)
        return try appending { batch in
            if let seq = try store.seqs(kind: .entity, key: id).first {
                throw StoreError("entity \(id) already exists (seq \(seq))")
            }
            // A name belongs to one entity only, or claims using it would be attributed to either.
            let names = try entityNames()
            for name in [id] + labels.keys.sorted().map({ labels[$0]! }) + aliases {
                if let owner = names.resolve(name) { throw StoreError("\"\(name.prefix(70))\" already names another entity, \(owner)") }
            }
            return try batch.append(kind: .entity, body: body)
        }
    }

    /// Records another name for an existing entity. Claims whose subject is the alias (ignoring case, accents
    /// of quote style and spacing) are analysed as that entity. A name can belong to one entity only.
    public func addAlias(entity: String, alias: String) throws -> Entry {
        let name = try Bodies.name(alias, "alias")
        return try appending { batch in
            guard try !store.seqs(kind: .entity, key: entity).isEmpty else {
                throw StoreError("no entity \(entity): record it first with `claimledger entity add \(entity) --label …`")
            }
            if let owner = try entityNames().resolve(name) {
                throw StoreError(owner == entity ? "\"\(name)\" already names \(entity)" : "\"\(name)\" already names another entity, \(owner)")
            }
            return try batch.append(kind: .entityAlias, body: EntityAliasBody(entity: entity, alias: name).json)
        }
    }

    /// Every entity id, label and alias recorded so far, for resolving subjects.
    public func entityNames() throws -> EntityNames {
        var names = EntityNames()
        for kind in [EntryKind.entity, .entityAlias] {
            for seq in try store.seqs(kind: kind) {
                guard let bytes = try store.entryBytes(seq), let body = EntryBody(bytes) else { continue }
                names.add(body)
            }
        }
        return names
    }

    /// A claim that could not be recorded: which one (0-based, in input order), which field, and why.
    public struct ClaimError: Error, CustomStringConvertible {
        public let index: Int
        public let field: String
        public let message: String
        public var description: String { "\(field): \(message)" }
    }

    /// Where an appended entry landed.
    public struct Appended: Sendable {
        public let seq: Int64
        public let leafHash: Digest
    }

    /// Records claims, all in one transaction: every claim is appended, or none is.
    /// Returns only where each landed, so a large import does not keep every entry in memory.
    /// A subject that is not an entity name but looks like a misspelling of one is refused unless `newSubject`.
    public func addClaims(_ inputs: [ClaimInput], newSubject: Bool = false) throws -> [Appended] {
        var out: [Appended] = []
        out.reserveCapacity(inputs.count)
        var rest = inputs.makeIterator()
        try addClaims(from: { rest.next() }, each: { out.append($0) }, newSubject: newSubject)
        return out
    }

    /// Records the claims `next` hands over one at a time until it returns nil, all in one transaction: every
    /// claim is appended, or none is (an error from `next` also rolls back). A `ClaimError`'s index counts the
    /// claims taken from `next`. Nothing is kept per claim but what `each` keeps, so memory does not grow
    /// with the number of claims.
    public func addClaims(from next: () throws -> ClaimInput?, each: (Appended) -> Void, newSubject: Bool = false) throws {
        try appending { batch in
            let builder = ClaimBodyBuilder(ledger: self, newSubject: newSubject)
            var n = 0
            while let input = try next() {
                let body = try builder.body(for: input, index: n)
                do {
                    let entry = try batch.append(kind: .claim, body: body.json)
                    each(Appended(seq: entry.seq, leafHash: entry.leafHash))
                } catch let e as EntryError {
                    throw ClaimError(index: n, field: "claim", message: e.message)
                }
                n += 1
            }
        }
    }

    /// Retracts a claim: appends a `claim.retraction` pointing at it. The claim stays in the ledger and in its
    /// history; analysis leaves it out. A claim is retracted once.
    public func retract(_ seq: Int64, reason: String) throws -> Entry {
        let why = try Bodies.prose(reason, "--reason")
        return try appending { batch in
            try checkRevisable(seq)
            return try batch.append(kind: .claimRetraction, body: ClaimRetractionBody(target: seq, reason: why).json)
        }
    }

    /// Corrects a claim: appends a `claim.correction` holding the new claim (anchored and parsed like any claim).
    /// The original stays; analysis uses the newest correction in its place.
    public func correct(_ seq: Int64, with input: ClaimInput, reason: String, newSubject: Bool = false) throws -> Entry {
        let why = try Bodies.prose(reason, "--reason")
        return try appending { batch in
            try checkRevisable(seq)
            let claim = try ClaimBodyBuilder(ledger: self, newSubject: newSubject).body(for: input, index: 0)
            return try batch.append(kind: .claimCorrection, body: ClaimCorrectionBody(target: seq, reason: why, claim: claim).json)
        }
    }

    /// A retraction or correction must name a claim that is not retracted.
    private func checkRevisable(_ seq: Int64) throws {
        guard let target = try store.entry(seq) else { throw StoreError("no entry \(seq)") }
        guard target.kind == .claim else {
            throw StoreError("entry \(seq) is a \(target.kind.rawValue), not a claim: only claims are retracted or corrected (give the original claim's seq)")
        }
        if let earlier = try store.seqs(kind: .claimRetraction, key: String(seq), scanning: true).first {
            throw StoreError("claim \(seq) was already retracted at seq \(earlier)")
        }
    }

    /// The entries that retract or correct claim `seq`, oldest first.
    public func revisions(of seq: Int64) throws -> [Entry] {
        let seqs = try store.seqs(kind: .claimCorrection, key: String(seq)) + store.seqs(kind: .claimRetraction, key: String(seq))
        return try seqs.sorted().compactMap { try store.entry($0) }
    }

    /// The declared predicate with this id, or nil when it is undeclared.
    public func predicate(_ id: String) throws -> ClaimPredicate? {
        guard let seq = try store.seqs(kind: .predicate, key: id).first, let bytes = try store.entryBytes(seq),
              case .predicate(let p)? = EntryBody(bytes), p.id == id else { return nil }
        return p
    }

    /// Resolves a source id or a unique hex prefix of at least 8 characters to the source and its entry.
    public func resolveSource(_ idOrPrefix: String) throws -> (Digest, SourceBody) {
        let p = idOrPrefix.lowercased()
        guard p.count >= 8, p.count <= 64, Hex.decode(p.count % 2 == 0 ? p : p + "0") != nil else {
            throw StoreError("source id \"\(idOrPrefix.prefix(70))\" must be hex, at least 8 characters of the id `source add` printed")
        }
        let matches = try store.keys(kind: .source, prefix: p, limit: 5)
        guard !matches.isEmpty else { throw StoreError("no source has an id starting with \(p) (see `claimledger log`)") }
        guard matches.count == 1 else {
            throw StoreError("source id prefix \(p) is ambiguous: it matches \(matches.map { String($0.prefix(16)) }.joined(separator: ", ")); give more characters")
        }
        guard let seq = try store.seqs(kind: .source, key: matches[0]).first, let bytes = try store.entryBytes(seq),
              case .source(let body)? = EntryBody(bytes), body.id.hex == matches[0]
        else { throw StoreError("source \(matches[0].prefix(16)) has no readable entry; run `claimledger verify`", integrity: true) }
        return (body.id, body)
    }
}

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

    func body(for input: ClaimInput, index n: Int) throws -> ClaimBody {
        func fail(_ field: String, _ message: String) -> Ledger.ClaimError { Ledger.ClaimError(index: n, field: field, message: message) }
        let store = ledger.store
        let id: Digest
        if let known = resolved[input.source] {
            id = known
        } else {
            do { id = try ledger.resolveSource(input.source).0 } catch { throw fail("source", "\(error)") }
            resolved[input.source] = id
        }
        if sources[id] == nil {
            guard let seq = try store.seqs(kind: .source, key: id.hex).first, let entryBytes = try store.entryBytes(seq),
                  case .source(let body)? = EntryBody(entryBytes), body.id == id,
                  let bytes = try store.blob(id), let text = CapturedText.anchoring(bytes, extractor: body.extractor) else {
                throw StoreError("the bytes of source \(id.hex.prefix(12)) are missing or unreadable; run `claimledger verify`", integrity: true)
            }
            sources[id] = (body, ExcerptLocator(text: text))
        }
        let source = sources[id]!
        if predicates[input.predicate] == nil { predicates[input.predicate] = .some(try ledger.predicate(input.predicate)) }
        // A malformed id is left to `body`, which names what is wrong with it.
        if predicates[input.predicate]! == nil, (try? Bodies.identifier(input.predicate, "predicate")) != nil {
            throw fail("predicate", try undeclared(input.predicate))
        }
        if !newSubject, !checkedSubjects.contains(input.subject) {
            if names == nil {
                names = try ledger.entityNames()
                recordedNames = names!.recorded.sorted()
            }
            if names!.resolve(input.subject) == nil {
                let close = ClosestNames.misspellings(of: input.subject, among: recordedNames)
                if close.isEmpty { checkedSubjects.insert(input.subject) } else {
                    throw fail("subject", "\"\(input.subject.prefix(70))\" is not an entity name; did you mean \(close.map { "\"\($0)\"" }.joined(separator: ", "))? (if it is a new subject, pass --new-subject)")
                }
            }
        }
        do {
            return try input.body(source: source.body, locator: source.locator,
                                  predicate: predicates[input.predicate]!)
        } catch {
            throw fail(error.field, error.message)
        }
    }

    /// Why `id` cannot be a claim's predicate, naming the closest declared ids.
    private func undeclared(_ id: String) throws -> String {
        let declared = try ledger.store.keys(kind: .predicate, prefix: "", limit: 100_000)
        let closest = ClosestNames.find(id, among: declared)
        let hint = closest.isEmpty ? "" : "; did you mean \(closest.joined(separator: ", "))?"
        return "predicate \(id.prefix(70)) is not declared\(hint) (declare it first with `claimledger predicate add \(id.prefix(70)) --type …`)"
    }
}
