import LedgerCore

/// Whose reporting each claim rests on, for corroboration's independence and the audit's relay chains (DESIGN §5).
/// In order: the origin the claim names (an entity; a source stands for that source's outlet); else the outlet or
/// entity its free-text relay names ("selon CNN", kept for claims recorded before origins); else its own outlet.
/// Outlet names go through entity names, so the outlet "Reuters" and an entity whose alias is Reuters are one
/// origin. A relay that names nothing known is no origin: the claim counts for its own outlet, and the trace says
/// the relay could not be resolved.
public struct ClaimOrigins: Sendable {
    /// One origin: `key` is the same for two claims exactly when they trace to the same party; `label` is how a
    /// reader sees it (an entity's label, an outlet's name as first recorded).
    public struct Origin: Sendable, Hashable {
        public let key: String
        public let label: String
    }

    /// How a claim's origin was found.
    public enum Basis: String, Sendable {
        /// The claim names it (`--origin`).
        case origin
        /// Its relay names a known outlet or entity.
        case relay
        /// Its own outlet.
        case outlet
    }

    /// The origin of one claim.
    public struct Trace: Sendable {
        public let seq: Int64
        public let origin: Origin
        public let basis: Basis
        /// The claim's relay, when it names nothing known (and the claim names no origin).
        public let unresolvedRelay: String?
    }

    /// The ways a relay says whom it relays, stripped before the rest is matched to outlets and entity names.
    static let leads = ["according to ", "selon ", "d'après ", "d’après ", "via ", "per ", "citing ", "as reported by "]

    private let names: EntityNames
    /// Known outlet names (of claims and sources) by match key, each as first recorded.
    private let outlets: [String: String]
    /// Each recorded source's outlet, by source id.
    private let sourceOutlets: [String: String]
    /// The party of each outlet and the origin each relay names (absent: it names nothing known), computed once per
    /// distinct name, as recorded, so tracing a million claims computes a handful of match keys.
    private var parties: [String: Origin] = [:]
    private var relays: [String: Origin?] = [:]

    public init(claims: [ClaimRecord], sources: [SourceRecord], names: EntityNames) {
        self.names = names
        var distinct: [String] = [], seen = Set<String>()
        for name in claims.lazy.map(\.outlet) where seen.insert(name).inserted { distinct.append(name) }
        for s in sources where seen.insert(s.outlet).inserted { distinct.append(s.outlet) }
        var outlets: [String: String] = [:]
        for name in distinct where outlets[Self.key(name)] == nil { outlets[Self.key(name)] = name }
        self.outlets = outlets
        sourceOutlets = Dictionary(sources.map { ($0.id, $0.outlet) }, uniquingKeysWith: { a, _ in a })
        var parties: [String: Origin] = [:], relays: [String: Origin?] = [:]
        for name in distinct { parties[name] = resolveParty(name) }
        for c in claims { if let r = c.relay, relays[r] == nil { relays[r] = .some(relayed(r)) } }
        self.parties = parties
        self.relays = relays
    }

    /// Where claim `c` traces to.
    public func trace(_ c: ClaimRecord) -> Trace {
        if let o = c.origin { return Trace(seq: c.seq, origin: origin(o), basis: .origin, unresolvedRelay: nil) }
        let own = party(c.outlet)
        if let relay = c.relay {
            if let party = relays[relay] ?? relayed(relay) { return Trace(seq: c.seq, origin: party, basis: .relay, unresolvedRelay: nil) }
            return Trace(seq: c.seq, origin: own, basis: .outlet, unresolvedRelay: relay)
        }
        return Trace(seq: c.seq, origin: own, basis: .outlet, unresolvedRelay: nil)
    }

    /// The party a named origin stands for: the entity, or the outlet of the source.
    public func origin(_ o: ClaimOrigin) -> Origin {
        switch o {
        case .entity(let id): return entity(id)
        case .source(let id):
            guard let outlet = sourceOutlets[id.hex] else { return Origin(key: "source\u{0}\(id.hex)", label: "source \(id.hex.prefix(8))") }
            return party(outlet)
        }
    }

    /// The outlet or entity a free-text relay names, if it names one.
    func relayed(_ relay: String) -> Origin? {
        var rest = relay
        for lead in Self.leads where rest.lowercased().hasPrefix(lead) { rest = String(rest.dropFirst(lead.count)) }
        guard names.resolve(rest) != nil || outlets[Self.key(rest)] != nil else { return nil }
        return party(rest)
    }

    /// An outlet (or any name): the entity it is a name of, else the outlet as first recorded.
    public func party(_ name: String) -> Origin { parties[name] ?? resolveParty(name) }

    private func resolveParty(_ name: String) -> Origin {
        if let id = names.resolve(name) { return entity(id) }
        let k = Self.key(name)
        return Origin(key: "outlet\u{0}\(k)", label: outlets[k] ?? name)
    }

    func entity(_ id: String) -> Origin { Origin(key: "entity\u{0}\(id)", label: names.label(id) ?? id) }

    static func key(_ s: String) -> String { String(String.UnicodeScalarView(MatchKey.ofQuote(s))) }
}
