import LedgerCore
import LedgerCrypto

/// A source as the audit receives it: its record and whether its stored bytes still hash to its id. Its text is
/// asked for when the audit reaches it (`Audit.run`'s `text`), so only one source's text is held at a time.
public struct SourceSnapshot: Sendable {
    public let record: SourceRecord
    public let bytesOK: Bool

    public init(record: SourceRecord, bytesOK: Bool) {
        self.record = record
        self.bytesOK = bytesOK
    }
}

/// What a researcher defending a piece of work needs to know (DESIGN §5): is every quote still where we say it
/// is, which claims rest on one outlet, who relayed what from whom, which sources went unused, what was retracted.
public struct AuditReport: Sendable {
    /// Where a stored excerpt stands in its source's stored text.
    public struct ExcerptStatus: Sendable {
        public enum Status: String, Sendable { case exact, moved, missing }
        public let seq: Int64
        public let status: Status
        public let start: Int
        public let end: Int
        /// Where the same text is now, when it moved.
        public let foundAt: Int?
    }

    public struct SourceAudit: Sendable {
        public let record: SourceRecord
        public let bytesOK: Bool
        /// Current claims citing it.
        public let claims: Int
        public let excerpts: [ExcerptStatus]
    }

    /// A subject and predicate that only one outlet supports.
    public struct SingleOutlet: Sendable {
        public let subject: String
        public let predicate: String
        public let outlet: String
        public let seqs: [Int64]
    }

    /// speaker → relay → outlet, and whose reporting the claim rests on (`ClaimOrigins`): one per claim with a
    /// relay or a named origin.
    public struct RelayChain: Sendable {
        public let seq: Int64
        public let speaker: String
        public let relay: String?
        /// The origin the claim names, if any.
        public let origin: ClaimOrigin?
        public let outlet: String
        /// The origin relayed (by label), when it is not the publishing outlet.
        public let dependsOn: String?
        /// Whether the relay names no known outlet or entity (the claim then counts as its outlet's own reporting).
        public let unresolved: Bool
    }

    /// A claim whose stored typed value is not what its original wording parses to today (a hand-made or old entry).
    public struct ValueMismatch: Sendable {
        public let seq: Int64
        public let stored: ClaimValue
        /// What `original` parses to now; nil when it no longer parses (`problem` says why).
        public let parsed: ClaimValue?
        public let problem: String?
    }

    /// Names (outlets, speakers, subjects, entity labels) that differ only by invisible characters, case or
    /// compatibility form (NFKC): two spellings of one name, or one made to pass for another.
    public struct LookAlikeNames: Sendable {
        /// The names as recorded, sorted.
        public let names: [String]
    }

    /// Counts for one outlet or one language.
    public struct Tally: Sendable, Equatable {
        public var sources = 0, claims = 0, speakers = 0, contradictions = 0, retractions = 0
    }

    public let sources: [SourceAudit]
    public let uncited: [SourceRecord]
    public let singleOutlet: [SingleOutlet]
    public let relays: [RelayChain]
    public let lookAlikes: [LookAlikeNames]
    public let byOutlet: [(String, Tally)]
    public let byLanguage: [(String, Tally)]
    public let revisions: [ClaimHistory.Revision]
    /// The claims each revision targets, for showing what was retracted or corrected.
    public let targets: [Int64: ClaimRecord]
    /// Every claim (original or correction) whose stored value does not follow from its words, in ledger order.
    public let valueMismatches: [ValueMismatch]
    /// How many web-archive sources had their WARC record's payload digest checked, and those whose digest is wrong
    /// (in seq order). Filled by the caller, which can read WARC records; never part of `ok`.
    public var webArchivesChecked = 0
    public var payloadDigests: [PayloadDigestFinding] = []
    /// The contradictions counted in the tallies (for the summary of findings per outlet pair and per subject).
    public var contradictions: [ContradictionFinding] = []

    /// True when every source's bytes hash to its id and every excerpt is exactly at its position.
    public var ok: Bool { sources.allSatisfy { $0.bytesOK && $0.excerpts.allSatisfy { $0.status == .exact } } }
}

/// Builds the audit from snapshots, the claim history and the contradictions already found.
public enum Audit {
    /// `recordedNames` adds names analysis does not see as recorded (entity labels and aliases, and names that
    /// held invisible characters) to the claims' and sources' own for the look-alike finding.
    /// `text(record)` gives a reader of a source's anchoring text (nil when it cannot be read); it is called once
    /// per source, in seq order, and the reader is dropped before the next. An excerpt not at its position is
    /// `moved` when its exact text (NFC) is elsewhere in the source, `missing` otherwise.
    public static func run(sources: [SourceSnapshot], text textOf: (SourceRecord) throws -> (any SourceTextReader)?, history: ClaimHistory,
                           contradictions: ContradictionReport, names: EntityNames, predicates: [String: ClaimPredicate],
                           recordedNames: Set<String> = []) throws -> AuditReport {
        let current = history.current
        let every = history.originals + history.revisions.compactMap(\.claim)
        let bySource = Dictionary(grouping: every, by: \.source)
        var audits: [AuditReport.SourceAudit] = []
        for s in sources.sorted(by: { $0.record.seq < $1.record.seq }) {
            let claims = (bySource[s.record.id] ?? []).sorted { $0.seq < $1.seq }
            let reader = try textOf(s.record)
            // Each excerpt is checked at its position; those that are not there are looked for in one pass.
            var exact: [Bool] = []
            for c in claims { exact.append(try reader?.mismatch(c.storedExcerpt) == nil) }
            let lost = claims.indices.filter { !exact[$0] }
            let found = try reader?.firstOccurrences(of: lost.map { claims[$0].excerpt }) ?? []
            let elsewhere = Dictionary(uniqueKeysWithValues: zip(lost, found).compactMap { i, r in r.map { (i, $0) } })
            let excerpts = claims.indices.map { i -> AuditReport.ExcerptStatus in
                let c = claims[i]
                if exact[i] { return .init(seq: c.seq, status: .exact, start: c.excerptStart, end: c.excerptEnd, foundAt: nil) }
                let at = elsewhere[i]
                return .init(seq: c.seq, status: at == nil ? .missing : .moved, start: c.excerptStart, end: c.excerptEnd, foundAt: at?.lowerBound)
            }
            audits.append(.init(record: s.record, bytesOK: s.bytesOK, claims: current.filter { $0.source == s.record.id }.count, excerpts: excerpts))
        }
        let cited = Set(every.map(\.source))
        let uncited = sources.map(\.record).filter { !cited.contains($0.id) }.sorted { $0.seq < $1.seq }

        var groups: [String: [ClaimRecord]] = [:]
        for c in current { groups["\(names.canonical(c.subject))\u{0}\(c.predicate)", default: []].append(c) }
        let single = groups.compactMap { _, claims -> AuditReport.SingleOutlet? in
            let outlets = Set(claims.map { Corroborations.key($0.outlet) })
            guard outlets.count == 1 else { return nil }
            return .init(subject: names.canonical(claims[0].subject), predicate: claims[0].predicate, outlet: claims[0].outlet, seqs: claims.map(\.seq).sorted())
        }.sorted { ($0.subject, $0.predicate) < ($1.subject, $1.predicate) }

        let origins = ClaimOrigins(claims: current, sources: sources.map(\.record), names: names)
        let relays = current.filter { $0.relay != nil || $0.origin != nil }.map { c -> AuditReport.RelayChain in
            let trace = origins.trace(c)
            return .init(seq: c.seq, speaker: c.speaker, relay: c.relay, origin: c.origin, outlet: c.outlet,
                         dependsOn: trace.origin.key == origins.party(c.outlet).key ? nil : trace.origin.label, unresolved: trace.unresolvedRelay != nil)
        }

        var allNames = recordedNames.union(sources.map(\.record.outlet))
        for c in every { allNames.formUnion([c.outlet, c.speaker, c.subject] + (c.relay.map { [$0] } ?? [])) }
        let lookAlikes = Dictionary(grouping: allNames, by: Corroborations.key).values.filter { $0.count > 1 }
            .map { AuditReport.LookAlikeNames(names: $0.sorted()) }.sorted { $0.names[0] < $1.names[0] }

        let retracted = Set(history.revisions.filter { $0.kind == .retraction }.map(\.target))
        let originals = Dictionary(history.originals.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        func tallies(_ keyOfSource: (SourceRecord) -> String, _ keyOfClaim: (ClaimRecord) -> String) -> [(String, AuditReport.Tally)] {
            var t: [String: AuditReport.Tally] = [:]
            for s in sources { t[keyOfSource(s.record), default: .init()].sources += 1 }
            for (k, claims) in Dictionary(grouping: current, by: keyOfClaim) {
                t[k, default: .init()].claims = claims.count
                t[k, default: .init()].speakers = Set(claims.map(\.speaker)).count
            }
            for f in contradictions.findings {
                for k in Set((f.sideA + f.sideB).map(keyOfClaim)) { t[k, default: .init()].contradictions += 1 }
            }
            for seq in retracted { if let c = originals[seq] { t[keyOfClaim(c), default: .init()].retractions += 1 } }
            return t.sorted { $0.key < $1.key }
        }
        var report = AuditReport(sources: audits, uncited: uncited, singleOutlet: single, relays: relays, lookAlikes: lookAlikes,
                           byOutlet: tallies({ $0.outlet }, { $0.outlet }), byLanguage: tallies({ $0.lang }, { $0.lang }),
                           revisions: history.revisions, targets: originals,
                           valueMismatches: every.sorted { $0.seq < $1.seq }.compactMap { valueMismatch($0, predicates[$0.predicate]) })
        report.contradictions = contradictions.findings
        return report
    }

    /// The claim's value as its original wording parses today, when that is not the value stored.
    static func valueMismatch(_ c: ClaimRecord, _ predicate: ClaimPredicate?) -> AuditReport.ValueMismatch? {
        do {
            let parsed = try ValueParser.parse(c.value.original, predicate: predicate, language: c.lang)
            return parsed.value == c.value.value ? nil : .init(seq: c.seq, stored: c.value, parsed: parsed, problem: nil)
        } catch {
            return .init(seq: c.seq, stored: c.value, parsed: nil, problem: error.message)
        }
    }
}
