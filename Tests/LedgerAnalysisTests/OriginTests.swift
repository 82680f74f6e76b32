import LedgerCore
import LedgerCrypto
import Testing
@testable import LedgerAnalysis

/// Corroboration independence counts distinct origins (issue 11 item 7), on the corpus's screenshot: the Post (as
/// carried by the Portland Press Herald) and La Tribune both report X's "evading suspension" from the screenshot
/// the organisers posted — relayed as "screenshot of the login screen shared with The Post" and "une capture d'écran
/// publié sur X par les organisateurs du mouvement".
@Suite struct OriginTests {
    typealias C = Claims

    static let post = "according to screenshot of the login screen shared with The Post"
    static let tribune = "D'après une capture d'écran publié sur X par les organisateurs du mouvement"
    static let organisers = ClaimOrigin.entity("org:wd4h-organisers")

    func names() -> EntityNames {
        var n = EntityNames()
        n.add(EntryBody(kind: .entity, json: ["id": "org:wd4h-organisers", "labels": ["en": "the White Dudes for Harris organisers", "fr": "les organisateurs"],
                                              "aliases": []])!)
        n.add(EntryBody(kind: .entity, json: ["id": "org:reuters", "labels": ["en": "Reuters"], "aliases": ["Reuters News"]])!)
        return n
    }

    func reason(_ claims: [ClaimRecord], sources: [SourceRecord] = []) throws -> CorroborationFinding {
        try #require(Corroborations.find(claims, predicates: C.predicates, names: names(), sources: sources).first { $0.predicate == "reason" })
    }

    @Test func claimsNamingTheSameOriginCountOnce() throws {
        let claims = [
            C.make(1, C.reason, "ban_evasion", outlet: "Portland Press Herald", speaker: "X", relay: Self.post, origin: Self.organisers),
            C.make(2, C.reason, "ban_evasion", outlet: "La Tribune", speaker: "X", lang: "fr", relay: Self.tribune, origin: Self.organisers),
            // An older claim whose free-text relay names the organisers by an entity name: the same origin.
            C.make(3, C.reason, "ban_evasion", outlet: "CNN (French rendering)", speaker: "X", lang: "fr", relay: "selon les organisateurs"),
        ]
        // Three outlets, one origin: an echo, not a corroboration.
        #expect(Corroborations.find(claims, predicates: C.predicates, names: names(), sources: []).isEmpty)
        // With an outlet of its own, the organisers count once beside it.
        let f = try reason(claims + [C.make(4, C.reason, "ban_evasion", outlet: "Northline", speaker: "X")])
        #expect(f.outlets == ["Portland Press Herald", "La Tribune", "CNN (French rendering)", "Northline"])
        #expect(f.independentOutlets == 2)
        #expect(f.origins == ["the White Dudes for Harris organisers", "Northline"])
        #expect(f.traces.map(\.basis) == [.origin, .origin, .relay, .outlet])
        #expect(f.unresolvedRelays.isEmpty)
        let json = f.json
        #expect(json["independent_outlets"]?.integer == 2)
        #expect(json["claims"]?.array?[0]["origin"] == ["entity": "org:wd4h-organisers"])
        #expect(json["claim_origins"]?.array?.map { $0["basis"]?.string ?? "" } == ["origin", "origin", "relay", "outlet"])
    }

    @Test func anUnresolvedRelayIsNeverAnOutletOrAnOrigin() throws {
        // The same screenshot relayed in free text, as recorded before origins: neither text names anything known.
        let claims = [
            C.make(1, C.reason, "ban_evasion", outlet: "Portland Press Herald", speaker: "X", relay: Self.post),
            C.make(2, C.reason, "ban_evasion", outlet: "La Tribune", speaker: "X", lang: "fr", relay: Self.tribune),
            C.make(3, C.reason, "ban_evasion", outlet: "CNN (French rendering)", speaker: "les organisateurs", lang: "fr", relay: "selon un post des organisateurs"),
        ]
        let f = try reason(claims)
        #expect(f.origins == ["Portland Press Herald", "La Tribune", "CNN (French rendering)"])  // each counts for its own outlet
        #expect(f.independentOutlets == 3)
        for relay in [Self.post, Self.tribune, "selon un post des organisateurs", "un post des organisateurs"] {
            #expect(!f.origins.contains(relay) && !f.outlets.contains(relay))
        }
        #expect(f.unresolvedRelays.map(\.seq) == [1, 2, 3])
        #expect(f.unresolvedRelays.map(\.relay) == [Self.post, Self.tribune, "selon un post des organisateurs"])
        let json = f.json
        #expect(json["unresolved_relays"]?.array?.count == 3)
        #expect(json["origins"]?.array?.contains(.string("un post des organisateurs")) == false)

        // Naming the origin of two of them (a correction) makes them one; the third still counts for its outlet.
        let named = [
            C.make(1, C.reason, "ban_evasion", outlet: "Portland Press Herald", speaker: "X", relay: Self.post, origin: Self.organisers),
            C.make(2, C.reason, "ban_evasion", outlet: "La Tribune", speaker: "X", lang: "fr", relay: Self.tribune, origin: Self.organisers),
            claims[2],
        ]
        let g = try reason(named)
        #expect(g.origins == ["the White Dudes for Harris organisers", "CNN (French rendering)"])
        #expect(g.independentOutlets == 2)
        #expect(g.unresolvedRelays.map(\.seq) == [3])
    }

    @Test func olderEntriesKeepTodaysResult() throws {
        // A relay naming a known outlet counts for that outlet, in either language's wording; no relay: its own outlet.
        let claims = [
            C.make(1, C.reason, "spam", outlet: "Harbor Gazette"),
            C.make(2, C.reason, "spam", outlet: "Le Quotidien", lang: "fr", relay: "selon CNN"),
            C.make(3, C.reason, "spam", outlet: "CNN"),
            C.make(4, C.reason, "spam", outlet: "Northline", relay: "according to Harbor Gazette"),
        ]
        let f = try reason(claims)
        #expect(f.independentOutlets == 2)
        #expect(f.origins == ["Harbor Gazette", "CNN"])
        #expect(f.traces.map(\.basis) == [.outlet, .relay, .outlet, .relay])
        #expect(f.unresolvedRelays.isEmpty)
    }

    @Test func outletsAndEntitiesAreOneOriginThroughEntityNames() throws {
        // "Reuters News" the outlet, an entity whose alias it is, and a source of that outlet named as origin: one.
        let source = SourceRecord(seq: 1, body: try #require(Self.sourceBody(outlet: "Reuters News")))
        let claims = [
            C.make(1, C.reason, "spam", outlet: "Reuters News"),
            C.make(2, C.reason, "spam", outlet: "Harbor Gazette", relay: "according to Reuters"),
            C.make(3, C.reason, "spam", outlet: "Northline", origin: .source(Digest(hex: source.id)!)),
            C.make(4, C.reason, "spam", outlet: "Le Quotidien", lang: "fr", origin: .entity("org:reuters")),
        ]
        #expect(Corroborations.find(claims, predicates: C.predicates, names: names(), sources: [source]).isEmpty, "one origin: no corroboration")
        let f = try reason(claims + [C.make(5, C.reason, "spam", outlet: "Radio Colline", lang: "fr")], sources: [source])
        #expect(f.independentOutlets == 2)
        #expect(f.origins == ["Reuters", "Radio Colline"])
    }

    @Test func auditRelayChainsUseTheSameResolution() throws {
        let claims = [
            C.make(1, C.reason, "ban_evasion", outlet: "Portland Press Herald", speaker: "X", relay: Self.post, origin: Self.organisers),
            C.make(2, C.reason, "ban_evasion", outlet: "La Tribune", speaker: "X", lang: "fr", relay: Self.tribune),
            C.make(3, C.reason, "ban_evasion", outlet: "Le Quotidien", lang: "fr", relay: "selon La Tribune"),
            C.make(4, C.reason, "ban_evasion", outlet: "Northline", origin: .entity("org:reuters")),
            C.make(5, C.reason, "spam", outlet: "Northline"),
        ]
        var history = ClaimHistory()
        for c in claims { history.add(claim: c) }
        let report = try Audit.run(sources: [], text: { _ in nil }, history: history,
                                   contradictions: Contradictions.find(claims, predicates: C.predicates, names: names()),
                                   names: names(), predicates: C.predicates)
        #expect(report.relays.map(\.seq) == [1, 2, 3, 4])
        #expect(report.relays.map(\.dependsOn) == ["the White Dudes for Harris organisers", nil, "La Tribune", "Reuters"])
        #expect(report.relays.map(\.unresolved) == [false, true, false, false])
        #expect(report.relays[0].origin == Self.organisers && report.relays[3].relay == nil)
    }

    static func sourceBody(outlet: String) -> SourceBody? {
        let json: JSONValue = ["id": .string(String(repeating: "d", count: 64)), "text_sha256": .string(String(repeating: "e", count: 64)),
                               "outlet": .string(outlet), "lang": "en", "captured_at": "2024-08-01T10:00:00Z",
                               "media_type": "text/plain; charset=utf-8", "byte_length": 10]
        guard case .source(let s)? = EntryBody(kind: .source, json: json) else { return nil }
        return s
    }
}
