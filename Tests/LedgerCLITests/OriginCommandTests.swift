import Foundation
import LedgerCore
import Testing

/// Origins you can resolve (issue 11 item 7), on the corpus's screenshot: the Post (as carried by the Portland Press
/// Herald) and La Tribune both report X's "evading suspension" from the screenshot the organisers posted. `--origin`
/// names an entity or a recorded source; anything else is one line and changes nothing; corroboration counts origins.
@Suite struct OriginCommandTests {
    typealias W = CarefulEntryTests

    static let postQuote = #"because of "a user report" for "violating our rules against evading suspension,""#
    static let postRelay = "according to screenshot of the login screen shared with The Post"
    static let tribuneQuote = "règles relatives à l'évitement de la suspension"
    static let tribuneRelay = "D'après une capture d'écran publié sur X par les organisateurs du mouvement"

    /// The walkthrough's ledger with `suspension.reason` and the organisers as an entity.
    static func ledger() throws -> CarefulEntryTests.Walkthrough {
        let w = try W.walkthrough()
        #expect(try CLI.run(["predicate", "add", "suspension.reason", "--type", "category", "--values", "ban_evasion,spam",
                             "--value-label", "ban_evasion@en=evading suspension", "--value-label", "ban_evasion@fr=évitement de la suspension",
                             "--ledger", w.dir]).code == 0)
        let org = try CLI.run(["entity", "add", "org:wd4h-organisers", "--label", "en=the White Dudes for Harris organisers",
                               "--label", "fr=les organisateurs", "--ledger", w.dir])
        #expect(org.code == 0, "\(org.stderr)")
        return w
    }

    static func postClaim(_ w: CarefulEntryTests.Walkthrough, _ extra: [String]) -> [String] {
        ["claim", "add", "--source", String(w.wp.prefix(8)), "--excerpt", postQuote, "--speaker", "X", "--relay", postRelay,
         "--text", "X suspended the account for evading suspension.", "--subject", "account:@dudes4harris",
         "--predicate", "suspension.reason", "--value", "evading suspension", "--modality", "reported", "--ledger", w.dir] + extra
    }

    static func tribuneClaim(_ w: CarefulEntryTests.Walkthrough, _ extra: [String]) -> [String] {
        ["claim", "add", "--source", String(w.lt.prefix(8)), "--excerpt", tribuneQuote, "--speaker", "X", "--relay", tribuneRelay,
         "--text", "X a suspendu le compte pour évitement de la suspension.", "--subject", "account:@dudes4harris",
         "--predicate", "suspension.reason", "--value", "évitement de la suspension", "--ledger", w.dir] + extra
    }

    static func seq(_ r: CLI.Result) throws -> Int {
        try #require(Int(r.stdout.split(separator: " ").dropFirst().first ?? ""), "\(r.stdout) \(r.stderr)")
    }

    static func body(_ dir: String, _ seq: Int) throws -> JSONValue? {
        let show = try CLI.run(["show", String(seq), "--json", "--ledger", dir])
        let entry = try JSONParser.parse(show.stdout)["entry"]
        return entry?["body"]?["claim"] ?? entry?["body"]
    }

    /// The corroboration of suspension.reason, from `corroborations --json`, after checking it against its schema.
    static func reason(_ w: CarefulEntryTests.Walkthrough) throws -> JSONValue {
        let r = try CLI.run(["corroborations", "--json", "--no-verify", "--ledger", w.dir])
        #expect(r.code == 0, "\(r.stderr)")
        let path = CLI.write(Array(r.stdout.utf8), "corroborations-\(UUID().uuidString).json", in: w.work)
        #expect(try W.validate(["--corroborations", path]) == 0, "\(r.stdout)")
        let findings = try JSONParser.parse(r.stdout)["findings"]?.array ?? []
        return try #require(findings.first { $0["predicate"] == "suspension.reason" }, "\(r.stdout)")
    }

    @Test func claimAddNamesAnEntityOrASourceAndCorroborationCountsOrigins() throws {
        let w = try Self.ledger()
        // Recorded as today (free-text relays only): two outlets, each its own origin; the relays are listed as unresolved.
        let post = try Self.seq(try CLI.run(Self.postClaim(w, [])))
        let tribune = try Self.seq(try CLI.run(Self.tribuneClaim(w, [])))
        var found = try Self.reason(w)
        #expect(found["independent_outlets"]?.integer == 2)
        #expect(found["origins"] == ["Portland Press Herald", "La Tribune"])
        #expect(found["unresolved_relays"]?.array?.compactMap { $0["relay"]?.string } == [Self.postRelay, Self.tribuneRelay])

        // The Post's claim names the organisers; La Tribune's names a source by prefix (the Post's article): 2 origins.
        let a = try CLI.run(["claim", "correct", String(post), "--origin", "org:wd4h-organisers", "--reason", "the organisers' screenshot", "--ledger", w.dir])
        #expect(a.code == 0, "\(a.stderr)")
        let b = try CLI.run(["claim", "correct", String(tribune), "--origin", String(w.wp.prefix(10)), "--reason", "taken from the Post", "--ledger", w.dir])
        #expect(b.code == 0, "\(b.stderr)")
        let log = try CLI.run(["log", "--ledger", w.dir]).stdout
        #expect(log.contains("origin entity org:wd4h-organisers") && log.contains("origin source \(w.wp.prefix(12))"), "\(log)")
        found = try Self.reason(w)
        #expect(found["origins"] == ["the White Dudes for Harris organisers", "Portland Press Herald"])
        #expect(found["claims"]?.array?.map { $0["origin"] } == [["entity": "org:wd4h-organisers"], ["source": .string(w.wp)]])
        #expect(found["unresolved_relays"] == [])

        // Both name the organisers: they count once — one origin repeated by two outlets corroborates nothing.
        #expect(try CLI.run(["claim", "correct", String(tribune), "--origin", "org:wd4h-organisers", "--reason", "the organisers' screenshot", "--ledger", w.dir]).code == 0)
        let echoed = try CLI.run(["corroborations", "--json", "--no-verify", "--ledger", w.dir])
        #expect(try !(JSONParser.parse(echoed.stdout)["findings"]?.array ?? []).contains { $0["predicate"] == "suspension.reason" }, "\(echoed.stdout)")
        let text = try CLI.run(["corroborations", "--no-verify", "--ledger", w.dir]).stdout
        #expect(!text.contains("suspension.reason") && !text.contains("why the account was suspended"), "\(text)")

        // A new claim naming the origin directly, with a source prefix; the audit's relay chains follow the same rule.
        let direct = try CLI.run(["claim", "add", "--source", String(w.cn.prefix(8)), "--excerpt", "avec 190 000 participants", "--speaker", "les organisateurs",
                                  "--relay", "selon un post des organisateurs", "--origin", String(w.cn.prefix(12)), "--text", "190 000 participants",
                                  "--subject", "WD4H", "--predicate", "call.attendance", "--value", "190 000", "--ledger", w.dir])
        #expect(direct.code == 0, "\(direct.stderr)")
        #expect(try Self.body(w.dir, try Self.seq(direct))?["origin"] == ["source": .string(w.cn)])
        let audit = try CLI.run(["audit", "--json", "--no-verify", "--ledger", w.dir])
        let auditPath = CLI.write(Array(audit.stdout.utf8), "audit.json", in: w.work)
        #expect(try W.validate(["--audit", auditPath]) == 0)
        let chains = try JSONParser.parse(audit.stdout)["relay_chains"]?.array ?? []
        #expect(chains.count == 3)
        #expect(chains.filter { $0["depends_on"] == "the White Dudes for Harris organisers" }.count == 2)
        #expect(chains.allSatisfy { $0["unresolved_relay"] == false })

        // --origin "" removes it: the claim is read from its relay again, which names nothing known.
        let removed = try CLI.run(["claim", "correct", String(tribune), "--origin", "", "--reason", "origin not established", "--ledger", w.dir])
        #expect(removed.code == 0, "\(removed.stderr)")
        let current = try Self.body(w.dir, try #require(Int(removed.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").last ?? "")))
        #expect(current?["origin"] == nil && current?["relay"] == .string(Self.tribuneRelay))
        found = try Self.reason(w)
        #expect(found["origins"] == ["the White Dudes for Harris organisers", "La Tribune"])
        #expect(found["unresolved_relays"]?.array?.count == 1)
        // Removing it again changes nothing, so it is refused.
        try W.refused(["claim", "correct", String(tribune), "--origin", "", "--reason", "again", "--ledger", w.dir], ledger: w.dir)
    }

    @Test func anUnknownOriginIsOneLineAndChangesNothing() throws {
        let w = try Self.ledger()
        let typo = try W.refused(Self.postClaim(w, ["--origin", "org:wd4h-organizers"]), ledger: w.dir)[0]
        #expect(typo.contains("--origin: \"org:wd4h-organizers\" is neither a declared entity id nor a recorded source id; did you mean org:wd4h-organisers?"), "\(typo)")
        let label = try W.refused(Self.postClaim(w, ["--origin", "les organisateurs"]), ledger: w.dir)[0]
        #expect(label.contains("it is a name of the entity org:wd4h-organisers: give that id"), "\(label)")
        let nosource = try W.refused(Self.postClaim(w, ["--origin", "deadbeef00"]), ledger: w.dir)[0]
        #expect(nosource.contains("--origin: no source has an id starting with deadbeef00"), "\(nosource)")
        let freeText = try W.refused(Self.postClaim(w, ["--origin", "un post des organisateurs"]), ledger: w.dir)[0]
        #expect(freeText.contains("is neither a declared entity id nor a recorded source id"), "\(freeText)")
        // The same in a correction.
        let post = try Self.seq(try CLI.run(Self.postClaim(w, [])))
        let wrong = try W.refused(["claim", "correct", String(post), "--origin", "org:nobody", "--reason", "r", "--ledger", w.dir], ledger: w.dir)[0]
        #expect(wrong.contains("--origin: \"org:nobody\" is neither"), "\(wrong)")
    }

    @Test func importLinesNameTheirOrigin() throws {
        let w = try Self.ledger()
        func line(_ origin: String, speaker: String = "X") -> String {
            String(decoding: try! CanonicalJSON.encode([
                "source": .string(String(w.lt.prefix(8))), "excerpt": .string(Self.tribuneQuote), "speaker": .string(speaker), "relay": .string(Self.tribuneRelay),
                "origin": .string(origin), "text": "X a suspendu le compte.", "subject": "account:@dudes4harris",
                "predicate": "suspension.reason", "value": "évitement de la suspension",
            ]), as: UTF8.self)
        }
        let bad = CLI.write(Array((line("org:wd4h-organizers") + "\n").utf8), "bad.jsonl", in: w.work)
        let refused = try W.refused(["claim", "import", bad, "--ledger", w.dir], ledger: w.dir)[0]
        #expect(refused.contains("bad.jsonl line 1: origin: \"org:wd4h-organizers\" is neither a declared entity id nor a recorded source id; did you mean org:wd4h-organisers?"), "\(refused)")
        let good = CLI.write(Array((line("org:wd4h-organisers") + "\n" + line(String(w.wp.prefix(8)), speaker: "X Safety") + "\n").utf8),
                             "good.jsonl", in: w.work)
        let r = try CLI.run(["claim", "import", good, "--json", "--ledger", w.dir])
        #expect(r.code == 0, "\(r.stderr)")
        let first = try #require(JSONParser.parse(r.stdout)["first_seq"]?.integer)
        #expect(try Self.body(w.dir, first)?["origin"] == ["entity": "org:wd4h-organisers"])
        #expect(try Self.body(w.dir, first + 1)?["origin"] == ["source": .string(w.wp)])
        #expect(try CLI.run(["verify", "--ledger", w.dir]).code == 0)
        // `claim list --json` shows them, in its schema's shape.
        let list = try CLI.run(["claim", "list", "--json", "--ledger", w.dir])
        #expect(list.code == 0, "\(list.stderr)")
        #expect(try W.validate(["--schema", "claim-list", CLI.write(Array(list.stdout.utf8), "list.json", in: w.work)]) == 0, "\(list.stdout)")
        #expect(try JSONParser.parse(list.stdout)["claims"]?.array?.compactMap { $0["origin"] } == [["entity": "org:wd4h-organisers"], ["source": .string(w.wp)]])
        // The exported entries, origins included, match schemas/entry.schema.json; a copy imported from them verifies.
        let bundle = w.work.appendingPathComponent("bundle").path
        #expect(try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", w.dir]).code == 0)
        #expect(try W.validate([bundle + "/journal.jsonl"]) == 0)
        let copy = w.work.appendingPathComponent("copy").path
        let imported = try CLI.run(["import", bundle, copy])
        #expect(imported.code == 0, "\(imported.stderr)")
    }

    @Test func helpSaysWhatOriginIs() throws {
        let add = try CLI.run(["claim", "add", "--help"]).stdout
        #expect(add.contains("--origin <ID>") && add.contains("--origin org:organisers"), "\(add)")
        let imports = try CLI.run(["claim", "import", "--help"]).stdout
        #expect(imports.contains(#""origin":"org:organisers","#))
        let corroborations = try CLI.run(["corroborations", "--help"]).stdout
        #expect(corroborations.contains("--origin"), "\(corroborations)")
    }
}
