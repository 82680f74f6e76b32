import Foundation
import LedgerCore
import Testing

/// `audit`, re-anchoring against a newer capture, and retractions and corrections — on the real corpus.
@Suite struct AuditTests {
    @Test func auditOfTheCorpusThenOfAnAlteredBlob() throws {
        let (dir, ids) = try CorpusTests.build()
        let clean = try CLI.run(["audit", "--json", "--ledger", dir])
        #expect(clean.code == 0, "\(clean.stdout)")
        let report = try JSONParser.parse(clean.stdout)
        #expect(report["ok"] == true)
        let sources = try #require(report["sources"]?.array)
        #expect(sources.count == 5 && sources.allSatisfy { $0["bytes_ok"] == true })
        #expect(sources.flatMap { $0["excerpts"]?.array ?? [] }.allSatisfy { $0["status"] == "exact" })
        #expect(report["uncited_sources"]?.array?.isEmpty == true)
        #expect(report["relay_chains"]?.array?.contains { $0["relay"] == "email shared with The Post" } == true)
        #expect(report["single_outlet_claims"]?.array?.contains { $0["subject"] == "account:@progs4harris" } == true)
        let text = try CLI.run(["audit", "--ledger", dir]).stdout
        #expect(text.contains("\n\nAudit\nOK — 5 sources"))

        try CLI.sql(dir, "DROP TRIGGER blob_chunks_no_update; UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), '190 000', '290 000') AS BLOB) WHERE hex(sha256) = upper('\(ids["001"]!)')")
        let altered = try CLI.run(["audit", "--json", "--ledger", dir])
        #expect(altered.code == 2)
        let bad = try JSONParser.parse(altered.stdout)
        #expect(bad["ok"] == false)
        let cnn = try #require(bad["sources"]?.array?.first { $0["id"]?.string == ids["001"] })
        #expect(cnn["bytes_ok"] == false)
        #expect(cnn["excerpts"]?.array?.contains { $0["status"] == "missing" } == true)  // "avec 190 000 participants" is gone
        #expect(try CLI.run(["audit", "--ledger", dir]).stdout.contains("✗ CNN (French rendering) [fr] \(ids["001"]!.prefix(12))"))
    }

    @Test func reanchoringAgainstAnEditedCapture() throws {
        let (dir, ids) = try CorpusTests.build()
        var text = try String(contentsOf: CLI.corpus.appendingPathComponent("000_488dd66cb813fd74.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "It was reinstated several hours later.", with: "It was reinstated a few hours later.")  // reworded
        let paragraph = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).first { $0.contains("flagged as spam by mistake") })
        text = text.replacingOccurrences(of: paragraph + "\n", with: "")  // a paragraph removed
        for (curly, straight) in [("“", "\""), ("”", "\""), ("’", "'")] { text = text.replacingOccurrences(of: curly, with: straight) }
        let capture = CLI.write(Array(text.utf8), "wapo-v2.txt", in: URL(fileURLWithPath: dir).deletingLastPathComponent())
        let r = try CLI.run(["audit", "--against", capture, "--source", String(ids["000"]!.prefix(8)), "--json", "--ledger", dir])
        #expect(r.code == 0, "\(r.stderr)")
        let anchors = try #require(try JSONParser.parse(r.stdout)["anchors"]?.array)
        let log = try CLI.log(dir)
        func status(_ excerptStart: String) -> String? {
            let seq = log.first { $0["body"]?["excerpt"]?["exact"]?.string?.hasPrefix(excerptStart) == true }?["seq"]
            return anchors.first { $0["seq"] == seq }?["status"]?.string
        }
        #expect(anchors.count == 6)
        #expect(status("drew more than 200,000") == "exact")
        #expect(status("raised more than $4 million") == "exact")
        #expect(status("was reinstated after about two hours") == "exact")
        #expect(status("It was reinstated several hours later") == "fuzzy")
        #expect(status("because of “a user report”") == "fuzzy")  // quote style changed
        #expect(status("yours was flagged as spam by mistake") == "orphan")  // its paragraph is gone
        #expect(try CLI.run(["verify", "--ledger", dir]).code == 0)  // nothing stored was changed
    }

    @Test func reanchoringListsOnlyCurrentClaims() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path, bundle = work.appendingPathComponent("b").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let log = try CLI.log(dir)
        let spam = try #require(log.first { $0["body"]?["value"]?["original"] == "spam" })
        let source = try #require(spam["body"]?["source"]?.string), seq = try #require(spam["seq"])
        #expect(try CLI.run(["claim", "retract", String(seq.integer!), "--reason", "withdrawn", "--ledger", dir]).code == 0)
        #expect(try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir]).code == 0)
        let r = try CLI.run(["audit", "--against", bundle + "/sources/" + source, "--source", String(source.prefix(8)), "--json", "--ledger", dir])
        #expect(r.code == 0, "\(r.stderr)")
        let anchors = try #require(try JSONParser.parse(r.stdout)["anchors"]?.array)
        #expect(!anchors.isEmpty && anchors.allSatisfy { $0["status"] == "exact" })
        #expect(!anchors.contains { $0["seq"] == seq }, "the retracted claim is listed")
    }

    @Test func retractionsAndCorrectionsKeepHistoryAndChangeAnalysis() throws {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let log = try CLI.log(dir)
        let spam = try #require(log.first { $0["body"]?["value"]?["original"] == "spam" })
        let seq = String(spam["seq"]!.integer!)
        func contradictions() throws -> [JSONValue] { try JSONParser.parse(try CLI.run(["contradictions", "--json", "--ledger", dir]).stdout)["findings"]?.array ?? [] }
        #expect(try contradictions().contains { $0["predicate"] == "suspension.reason" })

        #expect(try CLI.run(["claim", "retract", seq, "--reason", "the spokesperson retracted the statement", "--ledger", dir]).code == 0)
        #expect(try !contradictions().contains { $0["predicate"] == "suspension.reason" && $0["verdict"] == "contradiction" })
        let again = try CLI.run(["claim", "retract", seq, "--reason", "twice", "--ledger", dir])
        #expect(again.code == 1 && again.stderr.contains("already retracted"))
        let notClaim = try CLI.run(["claim", "retract", "5", "--reason", "x", "--ledger", dir])
        #expect(notClaim.code == 1 && notClaim.stderr.contains("not a claim"))

        let mistake = try #require(log.first { $0["body"]?["predicate"] == "suspension.mistake" && $0["body"]?["polarity"] == "affirmed" })
        let source = mistake["body"]!["source"]!.string!
        let corrected = try CLI.run(["claim", "correct", String(mistake["seq"]!.integer!), "--reason", "misattributed", "--source", String(source.prefix(8)),
                                     "--excerpt", "The account was flagged as spam by mistake", "--speaker", "X representative", "--text", "Not a mistake after all.",
                                     "--subject", "account:@dudes4harris", "--predicate", "suspension.mistake", "--value", "no", "--json", "--ledger", dir])
        #expect(corrected.code == 0, "\(corrected.stderr)")
        #expect(try !contradictions().contains { $0["predicate"] == "suspension.mistake" })
        let show = try CLI.run(["show", String(mistake["seq"]!.integer!), "--ledger", dir]).stdout
        #expect(show.contains("History: claim \(mistake["seq"]!.integer!) → corrected at seq"))
        let audit = try JSONParser.parse(try CLI.run(["audit", "--json", "--ledger", dir]).stdout)
        #expect(audit["retractions"]?.array?.first?["reason"] == "the spokesperson retracted the statement")
        #expect(audit["corrections"]?.array?.count == 1)
        #expect(try CLI.run(["verify", "--ledger", dir]).code == 0)
    }

    @Test func sourceListAndShowMarkTheQuotes() throws {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let list = try JSONParser.parse(try CLI.run(["source", "list", "--json", "--ledger", dir]).stdout)["sources"]?.array ?? []
        #expect(list.count == 4 && list.allSatisfy { ($0["claims"]?.integer ?? 0) > 0 })
        let id = try #require(list.first { $0["outlet"] == "Radio Colline" }?["id"]?.string)
        let shown = try CLI.run(["source", "show", String(id.prefix(8)), "--ledger", dir]).stdout
        #expect(shown.contains("[[Le compte @dudes4harris est resté bloqué pendant deux jours]]{seq "))
        #expect(shown.contains("[[plus de 50 000 nouveaux abonnés avaient rejoint le compte la veille]]{seq "))
    }
}
