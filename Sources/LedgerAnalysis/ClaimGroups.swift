import LedgerCore

/// Claims grouped for comparison by (canonical subject, predicate, event, scope), built in one pass.
/// Inside a group, claims that hold the same position — the same value (whatever its wording), polarity,
/// modality and `as_of` — are kept together, so each distinct position is compared once.
public struct ClaimGroups: Sendable {
    /// What claims must share to be compared (the separator qualifiers of DESIGN §5 included).
    public struct Key: Hashable, Sendable {
        public let subject: String
        public let predicate: String
        public let event: String?
        public let scope: String?

        /// Report order: by subject, predicate, event, scope (absent first).
        static func precedes(_ a: Key, _ b: Key) -> Bool {
            if a.subject != b.subject { return a.subject < b.subject }
            if a.predicate != b.predicate { return a.predicate < b.predicate }
            let (ae, be) = (a.event ?? "", b.event ?? "")
            if ae != be { return ae < be }
            return (a.scope ?? "") < (b.scope ?? "")
        }
    }

    /// One group: its key and its claims by position, each position in seq order, positions by first seq.
    /// (A class: sorting thousands of groups then moves references.)
    public final class Group: Sendable {
        public let key: Key
        public let positions: [[ClaimRecord]]
        init(key: Key, positions: [[ClaimRecord]]) {
            self.key = key
            self.positions = positions
        }
    }

    public let groups: [Group]

    public init(_ claims: [ClaimRecord], names: EntityNames) {
        var byKey: [Key: [String: [ClaimRecord]]] = [:]
        var canonical: [String: String] = [:]  // subjects repeat; resolving a name normalizes it
        for c in claims {
            let subject = canonical[c.subject] ?? names.canonical(c.subject)
            canonical[c.subject] = subject
            let key = Key(subject: subject, predicate: c.predicate, event: c.event, scope: c.scope)
            byKey[key, default: [:]][ClaimGroups.position(c), default: []].append(c)
        }
        groups = byKey.map { key, positions in
            Group(key: key, positions: positions.values.map { $0.sorted { $0.seq < $1.seq } }.sorted { $0[0].seq < $1[0].seq })
        }.sorted { Key.precedes($0.key, $1.key) }
    }

    /// The position a claim holds: its value without the original wording, polarity, modality, as_of.
    static func position(_ c: ClaimRecord) -> String {
        var v = c.value.json.object ?? [:]
        v["original"] = nil
        let value = (try? CanonicalJSON.encode(.object(v))).map { String(decoding: $0, as: UTF8.self) } ?? c.value.original
        return "\(value)|\(c.polarity.rawValue)|\(c.modality.rawValue)|\(c.asOf?.value ?? "")"
    }
}
