import LedgerCrypto
import Testing
@testable import LedgerCore

/// A claim's named origin (`--origin`): stored as `{"entity": ID}` or `{"source": HEX}`, checked by `EntryCheck`,
/// decoded into `ClaimBody.origin`; and what a user types for it, resolved against entities and sources.
@Suite struct ClaimOriginTests {
    static let sourceID = Digest(hex: String(repeating: "ab", count: 32))!

    /// A well-formed claim body, with `origin` as given (nil: none).
    static func body(origin: JSONValue?) -> JSONValue {
        var o: [String: JSONValue] = [
            "source": .string(sourceID.hex),
            "excerpt": ["exact": "avec 190 000 participants", "prefix": "", "suffix": "", "start": 0, "end": 25, "sha256": .string(String(repeating: "c", count: 64))],
            "speaker": "les organisateurs", "outlet": "CNN (French rendering)", "lang": "fr", "text": "190 000 participants",
            "subject": "group:white-dudes-for-harris", "predicate": "call.attendance",
            "value": ["type": "text", "original": "190 000", "value": "190 000"], "polarity": "affirmed", "modality": "asserted",
            "relay": "selon un post des organisateurs",
        ]
        if let origin { o["origin"] = origin }
        return .object(o)
    }

    func problems(_ body: JSONValue) throws -> [String] {
        let bytes = try CanonicalJSON.encode(body)
        let view = try #require(CanonicalJSONView(bytes))
        return EntryCheck.bodyProblems(.claim, view, view.root)
    }

    @Test func originRoundTripsThroughEncodeCheckAndDecode() throws {
        for origin in [ClaimOrigin.entity("org:organisers"), .source(Self.sourceID)] {
            let json = Self.body(origin: origin.json)
            #expect(try problems(json).isEmpty)
            guard case .claim(let claim)? = EntryBody(kind: .claim, json: json) else {
                Issue.record("a claim with origin \(origin) does not decode")
                continue
            }
            #expect(claim.origin == origin)
            // Encoded canonically, and the same bytes again after decoding.
            #expect(try CanonicalJSON.encode(claim.json) == CanonicalJSON.encode(json))
            // A correction holding it decodes it too.
            let correction: JSONValue = ["target": 5, "reason": "the origin is known", "claim": claim.json]
            guard case .claimCorrection(let c)? = EntryBody(kind: .claimCorrection, json: correction) else {
                Issue.record("a correction with origin \(origin) does not decode")
                continue
            }
            #expect(c.claim.origin == origin)
        }
        #expect(ClaimOrigin.entity("org:organisers").json == ["entity": "org:organisers"])
        #expect(ClaimOrigin.source(Self.sourceID).json == ["source": .string(Self.sourceID.hex)])
    }

    @Test func olderClaimsWithoutOriginStayValidAndMeanTheSame() throws {
        let json = Self.body(origin: nil)
        #expect(try problems(json).isEmpty)
        guard case .claim(let claim)? = EntryBody(kind: .claim, json: json) else { Issue.record("no claim"); return }
        #expect(claim.origin == nil)
        #expect(claim.relay == "selon un post des organisateurs")
        #expect(claim.json.object?["origin"] == nil)
        #expect(try CanonicalJSON.encode(claim.json) == CanonicalJSON.encode(json))
    }

    @Test func malformedOriginsAreRefused() throws {
        let bad: [(JSONValue, String)] = [
            ("org:organisers", "must be {\"entity\": ID} or {\"source\": HEX}"),
            (["entity": ""], "is malformed (entity must be a non-empty string)"),
            (["entity": 7], "is malformed (entity must be a non-empty string)"),
            (["source": "3f2a9c1e"], "is malformed (source must be 64 lowercase hex digits)"),
            (["source": .string(String(repeating: "A", count: 64))], "is malformed (source must be 64 lowercase hex digits)"),
            (["entity": "org:organisers", "source": .string(Self.sourceID.hex)], "must be {\"entity\": ID} or {\"source\": HEX}"),
            (["outlet": "CNN"], "must be {\"entity\": ID} or {\"source\": HEX}"),
            ([:], "must be {\"entity\": ID} or {\"source\": HEX}"),
            (.null, "must be {\"entity\": ID} or {\"source\": HEX}"),
        ]
        for (origin, why) in bad {
            let json = Self.body(origin: origin)
            #expect(try problems(json) == ["body.origin \(why)"], "\(origin)")
            #expect(EntryBody(kind: .claim, json: json) == nil, "\(origin) decoded")
        }
    }

    static func names() -> EntityNames {
        var n = EntityNames()
        n.add(EntryBody(kind: .entity, json: ["id": "org:organisers", "labels": ["en": "the organisers", "fr": "les organisateurs"], "aliases": ["WD4H organisers"]])!)
        n.add(EntryBody(kind: .entity, json: ["id": "org:reuters", "labels": ["en": "Reuters"], "aliases": []])!)
        return n
    }

    static func source(_ typed: String) throws -> Digest {
        guard Self.sourceID.hex.hasPrefix(typed.lowercased()) else { throw EntryError("no source has an id starting with \(typed)") }
        return Self.sourceID
    }

    @Test func typedOriginsResolveToEntitiesOrSources() throws {
        let n = Self.names()
        #expect(try ClaimOrigin.resolve("org:organisers", names: n, source: Self.source) == .entity("org:organisers"))
        #expect(try ClaimOrigin.resolve(" org:reuters ", names: n, source: Self.source) == .entity("org:reuters"))
        #expect(try ClaimOrigin.resolve("abababab", names: n, source: Self.source) == .source(Self.sourceID))
        #expect(try ClaimOrigin.resolve(Self.sourceID.hex, names: n, source: Self.source) == .source(Self.sourceID))
        #expect(n.label("org:organisers", lang: "fr-CA") == "les organisateurs")
        #expect(n.label("org:organisers") == "the organisers")
    }

    @Test func anythingElseIsRefusedWithOneLineAndTheClosestIDs() {
        let n = Self.names()
        func why(_ typed: String) -> String {
            do { _ = try ClaimOrigin.resolve(typed, names: n, source: Self.source); return "resolved" } catch { return error.message }
        }
        #expect(why("org:organizers") == "\"org:organizers\" is neither a declared entity id nor a recorded source id; did you mean org:organisers?")
        #expect(why("the organisers") == "\"the organisers\" is neither a declared entity id nor a recorded source id; it is a name of the entity org:organisers: give that id")
        #expect(why("cdcdcdcd") == "no source has an id starting with cdcdcdcd")
        #expect(why("abab") == "\"abab\" is neither a declared entity id nor a recorded source id (a source id needs at least 8 hex digits)")
        #expect(why("un post des organisateurs").hasPrefix("\"un post des organisateurs\" is neither a declared entity id nor a recorded source id"))
        #expect(why("").hasPrefix("is empty"))
        for typed in ["org:organizers", "the organisers", "cdcdcdcd", "abab", ""] { #expect(!why(typed).contains("\n")) }
    }

    @Test func inputsCarryTheOriginIntoTheBodyOnlyOnceResolved() throws {
        var input = ClaimInput(source: Self.sourceID.hex, excerpt: "x", speaker: "s", origin: .named("org:organisers"), text: "t", subject: "s", predicate: "p", value: "v")
        let resolved = try input.resolvingOrigin(names: Self.names(), source: Self.source)
        #expect(resolved.origin == .resolved(.entity("org:organisers")))
        input.origin = .named("nobody")
        #expect(throws: ClaimInputError.self) { try input.resolvingOrigin(names: Self.names(), source: Self.source) }
        do { _ = try input.resolvingOrigin(names: Self.names(), source: Self.source) } catch { #expect(error.field == "origin") }
        // JSON claims (import lines, API requests) name it as typed.
        let json: [String: JSONValue] = ["source": "abababab", "excerpt": "x", "speaker": "s", "text": "t", "subject": "s", "predicate": "p",
                                         "value": "v", "origin": "org:organisers"]
        #expect(try ClaimInput(json: json).origin == .named("org:organisers"))
        var wrong = json
        wrong["origin"] = ["entity": "org:organisers"]
        #expect(throws: ClaimInputError.field("origin", "must be a string, got object")) { try ClaimInput(json: wrong) }
    }
}
