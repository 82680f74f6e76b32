import Foundation
import LedgerCore
import Testing

/// The real coverage in Tests/Corpus: five sources, claims quoted exactly (typed loosely where French
/// typography has no-break spaces), a quote ending in an emoji, a clean verify, then tampering with sqlite3.
@Suite struct CorpusTests {
    static let predicates: [[String]] = [
        ["call.attendance", "--type", "quantity", "--unit", "people", "--tolerance", "0.05"],
        ["funds.raised", "--type", "quantity", "--unit", "USD"],
        ["suspension.reason", "--type", "category", "--values", "ban_evasion,spam,private_information",
         "--value-label", "ban_evasion@en=evading suspension", "--value-label", "ban_evasion@fr=évitement de la suspension",
         "--value-label", "private_information@en=unredacted personal information"],
        ["suspension.duration", "--type", "duration"],
        ["suspension.date", "--type", "date"],
        ["platform.should_be_banned", "--type", "boolean"],
    ]

    /// (file, excerpt as typed, speaker, subject, predicate, value, extra options)
    static let claims: [(String, String, String, String, String, String, [String])] = [
        ("000", "drew more than 200,000 people to an online fundraiser", "The Washington Post", "group:white-dudes-for-harris",
         "call.attendance", "more than 200,000", ["--event", "wd4h-fundraiser-2024-07-29"]),
        ("000", "raised more than $4 million", "The Washington Post", "group:white-dudes-for-harris", "funds.raised",
         "more than $4 million", ["--event", "wd4h-fundraiser-2024-07-29"]),
        ("000", "It was reinstated several hours later", "The Washington Post", "account:@dudes4harris",
         "suspension.duration", "several hours", []),
        ("000", #"because of "a user report" for "violating our rules against evading suspension,""#, "X", "account:@dudes4harris",
         "suspension.reason", "evading suspension", ["--relay", "screenshot shared by organizers", "--modality", "reported"]),
        ("000", "yours was flagged as spam by mistake", "X", "account:@progs4harris", "suspension.reason", "spam",
         ["--relay", "email shared with The Post"]),
        ("000", "was reinstated after about two hours", "The Washington Post", "account:@progs4harris",
         "suspension.duration", "about two hours", []),
        ("001", "avec 190 000 participants", "les organisateurs", "group:white-dudes-for-harris", "call.attendance",
         "190 000", ["--relay", "selon un post des organisateurs", "--event", "wd4h-fundraiser-2024-07-29"]),
        ("001", "plus de 4 millions de dollars recueillis le 29 juillet", "les organisateurs", "group:white-dudes-for-harris",
         "funds.raised", "plus de 4 millions de dollars", ["--event", "wd4h-fundraiser-2024-07-29"]),
        ("004", "a réuni près de 200.000 personnes", "La Tribune", "group:white-dudes-for-harris", "call.attendance",
         "près de 200.000", ["--event", "wd4h-fundraiser-2024-07-29"]),
        ("004", #"Avant d'ajouter : "Ces gars sont effrayés par le succès que nous avons eu ce soir"#, "Mike Nellis",
         "group:white-dudes-for-harris", "suspension.reason", "ban_evasion", ["--modality", "hedged"]),
        ("004", "Il faut interdire X et Musk, comme C8 et Hanouna (le pantin - pitre- de Bollore)🤣", "reader comment",
         "platform:x", "platform.should_be_banned", "oui", []),
        ("002", "On September 27, 2024, X suspended Klippenstein's account", "web article", "account:@kenklippenstein",
         "suspension.date", "September 27, 2024", []),
        ("003", #"his X account was suspended for "violating rules on posting unredacted personal information.""#, "Baller Alert",
         "account:@kenklippenstein", "suspension.reason", "unredacted personal information", []),
    ]

    static let sources: [(String, String, String, String)] = [
        ("000_488dd66cb813fd74.txt", "Portland Press Herald", "en", "The Washington Post, as carried"),
        ("001_eb67628ebe55fb7f.txt", "CNN (French rendering)", "fr", "CNN"),
        ("002_07d81c0bf9048001.txt", "web article", "en", "Vance dossier links"),
        ("003_935b31bd8621e06a.txt", "Baller Alert", "en", "Klippenstein"),
        ("004_8e23d9a72ab15599.txt", "La Tribune", "fr", "Un compte de soutien à Kamala Harris suspendu sur X"),
    ]

    /// Builds the corpus ledger and returns its directory and the source ids by file prefix.
    static func build() throws -> (String, [String: String]) {
        let dir = CLI.temporaryDirectory().appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir, "--origin", "test.example/corpus"]).code == 0)
        var ids: [String: String] = [:]
        for (file, outlet, lang, title) in sources {
            let r = try CLI.run(["source", "add", CLI.corpus.appendingPathComponent(file).path, "--ledger", dir,
                                 "--outlet", outlet, "--lang", lang, "--title", title, "--captured-at", "2024-08-01T10:00:00Z"])
            #expect(r.code == 0, "\(r.stderr)")
            ids[String(file.prefix(3))] = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for p in predicates { #expect(try CLI.run(["predicate", "add"] + p + ["--ledger", dir]).code == 0) }
        for (file, excerpt, speaker, subject, predicate, value, extra) in claims {
            let r = try CLI.run(["claim", "add", "--ledger", dir, "--source", String(ids[file]!.prefix(8)), "--excerpt", excerpt,
                                 "--speaker", speaker, "--text", "\(subject) \(predicate) \(value)", "--subject", subject,
                                 "--predicate", predicate, "--value", value] + extra)
            #expect(r.code == 0, "\(excerpt): \(r.stderr)")
        }
        return (dir, ids)
    }

    @Test func recordsRealCoverageAndVerifiesThenCatchesTampering() throws {
        let (dir, ids) = try Self.build()
        let verify = try CLI.run(["verify", "--json", "--ledger", dir])
        #expect(verify.code == 0, "\(verify.stdout)")
        let report = try JSONParser.parse(verify.stdout)
        #expect(report["ok"] == true)
        #expect(report["size"]?.integer == 1 + 5 + Self.predicates.count + Self.claims.count)

        // Every stored excerpt is the exact snapshot text at its scalar position.
        let log = try CLI.log(dir)
        let claimsByExcerpt = log.filter { $0["kind"] == "claim" }
        #expect(claimsByExcerpt.count == Self.claims.count)
        let french = try #require(claimsByExcerpt.first { $0["body"]?["speaker"] == "Mike Nellis" })
        let exact = try #require(french["body"]?["excerpt"]?["exact"]?.string)
        #expect(exact.hasPrefix("Avant d'ajouter\u{A0}: «\u{A0}Ces gars"))  // stored with the source's no-break spaces

        let emoji = try #require(claimsByExcerpt.first { $0["body"]?["speaker"] == "reader comment" })
        let text = Normalization.anchoringText(try Data(contentsOf: CLI.corpus.appendingPathComponent("004_8e23d9a72ab15599.txt")))!
        let range = try #require(text.range(of: "Il faut interdire X et Musk"))
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        let lineEnd = text.range(of: "🤣")!.upperBound
        let end = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: lineEnd)
        #expect(emoji["body"]?["excerpt"]?["start"]?.integer == start)
        #expect(emoji["body"]?["excerpt"]?["end"]?.integer == end)
        #expect(text.utf16.distance(from: text.utf16.startIndex, to: lineEnd) == end + 1)  // UTF-16 would be off by one

        // Tamper 1: drop a trigger and change one byte of claim entry 20, with the sqlite3 tool.
        let base = URL(fileURLWithPath: dir).deletingLastPathComponent()
        let a = base.appendingPathComponent("a").path, b = base.appendingPathComponent("b").path
        try FileManager.default.copyItem(atPath: dir, toPath: a)
        try FileManager.default.copyItem(atPath: dir, toPath: b)
        try CLI.sql(a, "DROP TRIGGER entries_no_update; UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), 'reader comment', 'reader commenT') AS BLOB) WHERE seq = 22;")
        let tampered = try CLI.run(["verify", "--ledger", a])
        #expect(tampered.code == 2)
        #expect(tampered.stdout.contains("seq 22 (claim): [entry] stored leaf hash does not match"))
        #expect(tampered.stdout.contains("entries_no_update was dropped"))

        // Tamper 2: change one byte of a source blob.
        let victim = ids["001"]!
        try CLI.sql(b, "DROP TRIGGER blob_chunks_no_update; UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), '190 000', '290 000') AS BLOB) WHERE hex(sha256) = upper('\(victim)');")
        let blob = try CLI.run(["verify", "--json", "--ledger", b])
        #expect(blob.code == 2)
        let findings = try JSONParser.parse(blob.stdout)["findings"]?.array ?? []
        #expect(findings.contains { $0["source"]?.string == victim && $0["what"]?.string?.contains("no longer hash") == true })
        #expect(findings.contains { $0["check"] == "excerpt" && $0["source"]?.string == victim })
    }

}
