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
        // One pass assigns each claim a group and a position (both interned), then one sort of plain integers puts
        // the claims in report order: groups by key, positions by their first seq, claims by seq. (A dictionary
        // of dictionaries per group cost more than the comparisons themselves once groups numbered hundreds of
        // thousands.)
        var canonical: [String: String] = [:]  // subjects repeat; resolving a name normalizes it
        var valueKeys: [Value: String] = [:]  // values repeat; their canonical form is computed once each
        var keyIDs: [Key: Int32] = [:], keys: [Key] = []
        var positionIDs: [Position: Int64] = [:]
        var firstSeq: [Int64: Int64] = [:]  // (group << 32 | position) → the lowest seq holding it
        var pairs: [Int64] = []
        pairs.reserveCapacity(claims.count)
        for c in claims {
            let subject = canonical[c.subject] ?? names.canonical(c.subject)
            canonical[c.subject] = subject
            let key = Key(subject: subject, predicate: c.predicate, event: c.event, scope: c.scope)
            let group: Int32
            if let g = keyIDs[key] { group = g } else {
                group = Int32(keys.count)
                keyIDs[key] = group
                keys.append(key)
            }
            let value = valueKeys[c.value.value] ?? ClaimGroups.valueKey(c.value)
            valueKeys[c.value.value] = value
            let position = Position(value: value, polarity: c.polarity, modality: c.modality, asOf: c.asOf?.value)
            let id: Int64
            if let p = positionIDs[position] { id = p } else {
                id = Int64(positionIDs.count)
                positionIDs[position] = id
            }
            let pair = Int64(group) << 32 | id
            firstSeq[pair] = min(firstSeq[pair] ?? c.seq, c.seq)
            pairs.append(pair)
        }
        // Rank the group keys by comparing each distinct subject, predicate, event and scope once.
        func ranks(_ values: some Sequence<String>) -> [String: Int32] {
            Dictionary(uniqueKeysWithValues: Set(values).sorted().enumerated().map { ($1, Int32($0)) })
        }
        let subjects = ranks(keys.map(\.subject)), predicates = ranks(keys.map(\.predicate))
        let events = ranks(keys.map { $0.event ?? "" }), scopes = ranks(keys.map { $0.scope ?? "" })
        let sortKeys = keys.map { (subjects[$0.subject]!, predicates[$0.predicate]!, events[$0.event ?? ""]!, scopes[$0.scope ?? ""]!) }
        let order = keys.indices.sorted { sortKeys[$0] < sortKeys[$1] }
        var rank = [Int32](repeating: 0, count: keys.count)
        for (r, g) in order.enumerated() { rank[g] = Int32(r) }
        var rows = claims.indices.map { i in
            (rank: rank[Int(pairs[i] >> 32)], first: firstSeq[pairs[i]]!, seq: claims[i].seq, index: Int32(i))
        }
        rows.sort { ($0.rank, $0.first, $0.seq) < ($1.rank, $1.first, $1.seq) }
        var groups: [Group] = []
        var start = 0
        while start < rows.count {
            var end = start
            while end < rows.count && rows[end].rank == rows[start].rank { end += 1 }
            var positions: [[ClaimRecord]] = []
            for k in start..<end {
                let c = claims[Int(rows[k].index)]
                if k > start && rows[k].first == rows[k - 1].first { positions[positions.count - 1].append(c) } else { positions.append([c]) }
            }
            groups.append(Group(key: keys[Int(pairs[Int(rows[start].index)] >> 32)], positions: positions))
            start = end
        }
        self.groups = groups
    }

    /// What makes two claims of a group hold the same position.
    struct Position: Hashable {
        let value: String
        let polarity: ClaimInput.Polarity
        let modality: ClaimInput.Modality
        let asOf: String?
    }

    /// A value as compared: its canonical JSON without the original wording.
    static func valueKey(_ value: ClaimValue) -> String {
        var v = value.json.object ?? [:]
        v["original"] = nil
        return (try? CanonicalJSON.encode(.object(v))).map { String(decoding: $0, as: UTF8.self) } ?? value.original
    }
}
