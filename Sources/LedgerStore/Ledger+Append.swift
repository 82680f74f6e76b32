import Foundation
import LedgerCapture
import LedgerCore
import LedgerCrypto

extension Ledger {
    /// Runs one append transaction, signed by `signer` when set. A contributor key must have been registered
    /// with `addKey` first (the ledger key is registered by the genesis entry).
    func appending<T>(_ body: (AppendBatch) throws -> T) throws -> T {
        try store.append(time: Bodies.now(), author: ledgerKey.keyID, signer: signer) { batch in
            try checkSigner()
            return try body(batch)
        }
    }

    /// The signer, when set, must be the ledger key or a registered contributor key.
    func checkSigner() throws {
        if let signer, signer.verifier != ledgerKey, try store.seqs(kind: .key, key: signer.verifier.keyID).isEmpty {
            throw StoreError("the key \(signer.verifier.keyID) is not registered in this ledger: run `claimledger key add \(signer.name) VKEY` first")
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
            return try batch.append(.key(KeyBody(name: name, vkey: key.text)))
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
            if let seq = try store.seqs(kind: .source, key: id.hex, scanning: true).first {  // an index missing a row must not let a source in twice
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
            return AddedSource(id: id, seq: try batch.append(.source(body)).seq, existed: false)
        }
    }

    /// Declares a predicate. Declaring the same id twice is an error (declarations are never edited).
    public func addPredicate(_ predicate: ClaimPredicate) throws -> Entry {
        _ = try Bodies.identifier(predicate.id, "predicate id")
        // Category value ids and the unit are shown in every report: the rules of ids and names apply to them too.
        for v in predicate.values { _ = try Bodies.identifier(v.id, "category value") }
        if let unit = predicate.unit { _ = try Bodies.name(unit, "--unit") }
        if let problem = predicate.declarationProblem { throw StoreError(problem) }
        for (l, _) in predicate.labels { _ = try Bodies.lang(l) }
        return try appending { batch in
            if let seq = try store.seqs(kind: .predicate, key: predicate.id, scanning: true).first {
                throw StoreError("predicate \(predicate.id) is already declared (seq \(seq)); declarations cannot be changed")
            }
            // Ids that differ only in case would split claims between two predicates for good.
            if let twin = try store.keys(kind: .predicate, prefix: "", limit: 100_000).first(where: { $0.lowercased() == predicate.id.lowercased() }) {
                throw StoreError("predicate \(predicate.id) differs only in case from the declared \(twin): use \(twin), or choose an id that differs in more than case")
            }
            return try batch.append(.predicate(predicate))
        }
    }

    /// Records an entity with labels per language and aliases. Adding an existing id is an error.
    public func addEntity(id: String, labels: [String: String], aliases: [String]) throws -> Entry {
        let body = try Bodies.entity(id: id, labels: labels, aliases: aliases)
        return try appending { batch in
            if let seq = try store.seqs(kind: .entity, key: id, scanning: true).first {
                throw StoreError("entity \(id) already exists (seq \(seq))")
            }
            // A name belongs to one entity only, or claims using it would be attributed to either.
            let names = try entityNames()
            for name in [id] + labels.keys.sorted().map({ labels[$0]! }) + aliases {
                if let owner = names.resolve(name) { throw StoreError("\"\(name.prefix(70))\" already names another entity, \(owner)") }
            }
            return try batch.append(.entity(body))
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
            return try batch.append(.entityAlias(EntityAliasBody(entity: entity, alias: name)))
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

    /// Retracts a claim: appends a `claim.retraction` pointing at it. The claim stays in the ledger and in its
    /// history; analysis leaves it out. A claim is retracted once.
    public func retract(_ seq: Int64, reason: String) throws -> Entry {
        let why = try Bodies.prose(reason, "--reason")
        return try appending { batch in
            try checkRevisable(seq)
            return try batch.append(.claimRetraction(ClaimRetractionBody(target: seq, reason: why)))
        }
    }

    /// Corrects a claim: appends a `claim.correction` holding the new claim — the claim as it stands now (its
    /// newest correction, else the original) with `changes` applied, anchored and parsed like any claim. A field
    /// not changed is inherited; when neither the source nor the excerpt changes, the excerpt keeps its anchor.
    /// A correction that changes nothing is refused, as is one identical to another current claim unless
    /// `allowDuplicate`. The original stays; analysis uses the newest correction.
    public func correct(_ seq: Int64, changes: ClaimChanges, reason: String, newSubject: Bool = false, allowDuplicate: Bool = false) throws -> Entry {
        try correcting(seq, reason: reason, allowDuplicate: allowDuplicate) { old in
            // An inherited subject was accepted when it was recorded: it is not checked for misspelling again.
            let builder = ClaimBodyBuilder(ledger: self, newSubject: newSubject || changes.subject == nil)
            var sourceChanged = false
            if let typed = changes.source {
                do { sourceChanged = try resolveSource(typed).0 != old.source } catch { throw ClaimError(index: 0, field: "source", message: "\(error)") }
            }
            var occurrence: Int? = nil
            if !sourceChanged, changes.excerpt == nil {
                let places = try builder.locator(old.source).find(old.excerpt.exact)
                if places.count > 1, let i = places.firstIndex(where: { $0.start == old.excerpt.start && $0.end == old.excerpt.end }) { occurrence = i + 1 }
            }
            return try builder.body(for: changes.input(over: old, sourceChanged: sourceChanged, occurrence: occurrence), index: 0)
        }
    }

    /// Corrects a claim with a whole new claim (every field given, as a filled-in form gives them), anchored and
    /// parsed like any claim. A correction identical to the claim as it stands is refused, as is one identical to
    /// another current claim unless `allowDuplicate`.
    public func correct(_ seq: Int64, with input: ClaimInput, reason: String, newSubject: Bool = false, allowDuplicate: Bool = false) throws -> Entry {
        try correcting(seq, reason: reason, allowDuplicate: allowDuplicate) { _ in try ClaimBodyBuilder(ledger: self, newSubject: newSubject).body(for: input, index: 0) }
    }

    /// Appends the correction of claim `seq` to the claim `corrected` makes of it as it stands, unless it is the same.
    private func correcting(_ seq: Int64, reason: String, allowDuplicate: Bool, _ corrected: (ClaimBody) throws -> ClaimBody) throws -> Entry {
        let why = try Bodies.prose(reason, "--reason")
        return try appending { batch in
            try checkRevisable(seq)
            let old = try currentClaim(seq)
            let claim = try corrected(old)
            guard try CanonicalJSON.encode(claim.json) != CanonicalJSON.encode(old.json) else {
                throw StoreError("nothing to correct: the options given leave claim \(seq) as it stands; give the fields that change (e.g. --value \"…\")")
            }
            if !allowDuplicate {
                let keys = try ClaimKeys(store: store, names: try entityNames(), recordedSize: try store.size())
                if let holder = try keys.holder(of: claim, skipping: seq) { throw Self.duplicateError(0, holder) }
            }
            return try batch.append(.claimCorrection(ClaimCorrectionBody(target: seq, reason: why, claim: claim)))
        }
    }

    /// Claim `seq` as it stands: its newest correction's claim, else the claim itself.
    func currentClaim(_ seq: Int64) throws -> ClaimBody {
        if let newest = try store.seqs(kind: .claimCorrection, key: String(seq)).last {
            guard let bytes = try store.entryBytes(newest), case .claimCorrection(let c)? = EntryBody(bytes), c.target == seq else {
                throw StoreError("the correction at seq \(newest) is unreadable; run `claimledger verify`", integrity: true)
            }
            return c.claim
        }
        guard let bytes = try store.entryBytes(seq), case .claim(let c)? = EntryBody(bytes) else {
            throw StoreError("claim \(seq) is unreadable; run `claimledger verify`", integrity: true)
        }
        return c
    }

    /// A retraction or correction must name a claim that is not retracted.
    private func checkRevisable(_ seq: Int64) throws {
        guard let target = try store.entry(seq) else { throw StoreError("no entry \(seq)") }
        guard target.kind == .claim else {
            throw StoreError("entry \(seq) is a \(target.kind.rawValue), not a claim: only claims are retracted or corrected (give the original claim's seq)")
        }
        // Read from the revision entries' bytes, not from their lookup columns: a `key` set to NULL must not let a
        // claim be retracted twice. Columns that disagree with the bytes refuse the append (exit 2).
        let history = try revisionHistory(of: seq)
        if let error = history.disagreementError(seq, then: "nothing was appended") { throw error }
        if let earlier = try history.retraction?.seq ?? store.seqs(kind: .claimRetraction, key: String(seq), scanning: true).first {
            throw StoreError("claim \(seq) was already retracted at seq \(earlier)")
        }
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
