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
    }

    /// One group: its key and its claims by position, each position in seq order, positions by first seq.
    public struct Group: Sendable {
        public let key: Key
        public let positions: [[ClaimRecord]]
    }

    public let groups: [Group]

    public init(_ claims: [ClaimRecord], names: EntityNames) {
        var byKey: [Key: [String: [ClaimRecord]]] = [:]
        for c in claims {
            let key = Key(subject: names.canonical(c.subject), predicate: c.predicate, event: c.event, scope: c.scope)
            byKey[key, default: [:]][ClaimGroups.position(c), default: []].append(c)
        }
        groups = byKey.map { key, positions in
            Group(key: key, positions: positions.values.map { $0.sorted { $0.seq < $1.seq } }.sorted { $0[0].seq < $1[0].seq })
        }.sorted { ($0.key.subject, $0.key.predicate, $0.key.event ?? "", $0.key.scope ?? "") < ($1.key.subject, $1.key.predicate, $1.key.event ?? "", $1.key.scope ?? "") }
    }

    /// The position a claim holds: its value without the original wording, polarity, modality, as_of.
    static func position(_ c: ClaimRecord) -> String {
        var v = c.value.json.object ?? [:]
        v["original"] = nil
        let value = (try? CanonicalJSON.encode(.object(v))).map { String(decoding: $0, as: UTF8.self) } ?? c.value.original
        return "\(value)|\(c.polarity.rawValue)|\(c.modality.rawValue)|\(c.asOf?.value ?? "")"
    }
}
