import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// `claimledger suggest`: text and jsonl output on a corpus article, the CHECK: markers `claim import` refuses until
/// a person replaces them, and bad input.
@Suite struct SuggestCommandTests {
    /// A ledger holding the Washington Post article (000) and one declared predicate; its directory and source id.
    static func ledger() throws -> (dir: String, work: URL, source: String) {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir, "--origin", "test.example/suggest"]).code == 0)
        let added = try CLI.run(["source", "add", CLI.corpus.appendingPathComponent("000_488dd66cb813fd74.txt").path,
                                 "--outlet", "Portland Press Herald", "--lang", "en", "--ledger", dir])
        #expect(added.code == 0, "\(added.stderr)")
        #expect(try CLI.run(["predicate", "add", "call.attendance", "--type", "quantity", "--unit", "people", "--ledger", dir]).code == 0)
        return (dir, work, added.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func textListsExcerptsSpeakersValuesAndPredicates() throws {
        let l = try Self.ledger()
        let r = try CLI.run(["suggest", String(l.source.prefix(8)), "--ledger", l.dir])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("excerpt:   We’re talking about (a few) episodes out of a lot of Harris content on X,\n  speaker:   Daniel Kreiss"), "\(r.stdout)")
        #expect(r.stdout.contains("relay:     according to an email the group received from X and shared with The Post"))
        #expect(r.stdout.contains("value:     more than 200,000 people") && r.stdout.contains("predicate: call.attendance"))
        #expect(r.stderr.contains("suggestions in source \(l.source.prefix(8)) (en); nothing was recorded"))
        let json = try JSONParser.parse(try CLI.run(["suggest", l.source, "--json", "--ledger", l.dir]).stdout)
        let all = try #require(json["suggestions"]?.array)
        #expect(all.count == r.stdout.components(separatedBy: "\n  excerpt:").count - 1)
        #expect(all.contains { $0["speaker"]?.string == "Daniel Kreiss" && $0["reasons"]?.array?.count == 2 })
        // Each excerpt is the object a claim on it would store: exact text, context, position and hash.
        for s in all {
            let exact = try #require(s["excerpt"]?["exact"]?.string)
            #expect(s["excerpt"]?["sha256"]?.string == SHA256.hash(Array(exact.utf8)).hex && s["excerpt"]?["prefix"] != nil && s["excerpt"]?["suffix"] != nil)
            #expect((s["excerpt"]?["end"]?.integer ?? 0) - (s["excerpt"]?["start"]?.integer ?? 0) == exact.unicodeScalars.count)
        }
        let limited = try CLI.run(["suggest", l.source, "--limit", "3", "--ledger", l.dir])
        #expect(limited.stdout.components(separatedBy: "\n  excerpt:").count - 1 == 3, "\(limited.stdout)")
    }

    @Test func jsonlLinesAreRefusedUntilEveryCheckIsReplaced() throws {
        let l = try Self.ledger()
        let before = try CLI.state(l.dir)
        let r = try CLI.run(["suggest", l.source, "--format", "jsonl", "--ledger", l.dir])
        #expect(r.code == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 10)
        for line in lines {
            let o = try #require(try JSONParser.parse(line).object)
            #expect(o["source"]?.string == l.source && o["lang"]?.string == "en")
            for field in ["speaker", "text", "subject", "predicate", "value"] {
                #expect(o[field]?.string?.hasPrefix("CHECK: ") == true, "\(field) of \(line)")
            }
        }
        // As written, import refuses the file, naming the line and field, and records nothing.
        let raw = CLI.write(Array(r.stdout.utf8), "review.jsonl", in: l.work)
        let refused = try CLI.run(["claim", "import", raw, "--new-subject", "--ledger", l.dir])
        #expect(refused.code != 0)
        #expect(refused.stderr.contains("review.jsonl line 1: speaker: still starts with \"CHECK:\""), "\(refused.stderr)")
        #expect(try CLI.state(l.dir) == before)
        // Once a person has replaced every guess, the same line is recorded as it stands.
        let chosen = try #require(lines.first { $0.contains("drew more than 200,000 people") })
        var o = try #require(try JSONParser.parse(chosen).object)
        #expect(o["predicate"]?.string == "CHECK: call.attendance" && o["value"]?.string == "CHECK: more than 200,000 people")
        o["speaker"] = "The Washington Post"
        o["text"] = "The fundraiser drew more than 200,000 people."
        o["subject"] = "group:white-dudes-for-harris"
        o["predicate"] = "call.attendance"
        o["value"] = "more than 200,000"
        let checked = CLI.write(try CanonicalJSON.encode(.object(o)), "checked.jsonl", in: l.work)
        let imported = try CLI.run(["claim", "import", checked, "--new-subject", "--ledger", l.dir])
        #expect(imported.code == 0 && imported.stdout.contains("imported 1 claim"), "\(imported.stdout)\(imported.stderr)")
    }

    @Test func badInputGetsOneLineAndChangesNothing() throws {
        let l = try Self.ledger()
        let before = try CLI.state(l.dir)
        for (args, code, message) in [
            (["suggest", "00000000", "--ledger", l.dir], Int32(1), "no source"),
            (["suggest", l.source, "--limit", "0", "--ledger", l.dir], 64, "--limit must be at least 1"),
            (["suggest", l.source, "--lang", "english", "--ledger", l.dir], 64, "did you mean en?"),
            (["suggest", l.source, "--format", "xml", "--ledger", l.dir], 64, "xml"),
        ] {
            let r = try CLI.run(args)
            #expect(r.code == code, "\(args): \(r.code) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(try CLI.state(l.dir) == before)
    }
}
