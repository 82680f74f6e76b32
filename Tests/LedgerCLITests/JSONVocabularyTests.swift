import Foundation
import LedgerCore
import Testing

/// One JSON vocabulary across commands: an entry has one shape (log, show, export), a claim's value and excerpt are
/// the objects its entry stores wherever a claim is shown, decimals are strings, and with --json every line on
/// stderr is a JSON object (warnings, then the error).
@Suite struct JSONVocabularyTests {
    static func demo() throws -> String {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        return dir
    }

    /// Paths to every non-integer JSON number in `v` (decimals must be strings).
    static func floats(_ v: JSONValue, _ path: String = "") -> [String] {
        switch v {
        case .number(let x): x.rounded() == x ? [] : [path]
        case .array(let a): a.enumerated().flatMap { floats($1, "\(path)/\($0)") }
        case .object(let o): o.flatMap { floats($1, "\(path)/\($0)") }
        default: []
        }
    }

    @Test func anEntryHasOneShapeInLogShowAndExport() throws {
        let dir = try Self.demo()
        let log = try CLI.run(["log", "--json", "--ledger", dir]), export = try CLI.run(["export", "--ledger", dir])
        #expect(log.code == 0 && export.code == 0)
        #expect(!log.stdout.isEmpty && log.stdout == export.stdout, "log --json prints each entry as export writes it")
        let records = try log.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let envelopes = try CLI.log(dir)
        #expect(records.count == envelopes.count)
        for (seq, record) in records.enumerated() {
            let stored = try #require(try CLI.run(["show", String(seq), "--raw", "--ledger", dir]).stdout.data(using: .utf8))
            #expect(try CanonicalJSON.encode(try #require(record["entry"])) == Array(stored), "seq \(seq): entry is the stored bytes")
            let show = try JSONParser.parse(try CLI.run(["show", String(seq), "--json", "--ledger", dir]).stdout)
            var shared = show.object ?? [:]
            let extra = Set(shared.keys).subtracting(["entry", "leaf_hash", "seq", "signature"])
            #expect(extra.isSubset(of: ["context", "history"]), "seq \(seq): \(extra)")
            for key in extra { shared[key] = nil }
            #expect(JSONValue.object(shared) == record, "seq \(seq): show gives the entry as log does, with its own members beside it")
            #expect((show["context"] != nil) == (record["entry"]?["kind"] == "claim"), "seq \(seq)")
        }
    }

    @Test func claimsGiveTheirValueAndExcerptAsTheEntryStoresThem() throws {
        let dir = try Self.demo()
        let bodies = Dictionary(uniqueKeysWithValues: try CLI.log(dir).compactMap { e -> (Int, JSONValue)? in
            guard let seq = e["seq"]?.integer, let body = e["body"] else { return nil }
            switch e["kind"]?.string {
            case "claim": return (seq, body)
            case "claim.correction": return body["claim"].map { (seq, $0) }
            default: return nil
            }
        })
        func check(_ claims: [JSONValue], _ what: String) {
            #expect(!claims.isEmpty, "\(what) lists claims")
            for c in claims {
                let body = bodies[c["seq"]?.integer ?? -1]
                #expect(body != nil && c["value"] == body?["value"] && c["excerpt"] == body?["excerpt"], "\(what): seq \(c["seq"] ?? .null)")
                #expect(c["value"]?["original"]?.string?.isEmpty == false && c["excerpt"]?["sha256"]?.string?.count == 64, "\(what)")
            }
        }
        let list = try JSONParser.parse(try CLI.run(["claim", "list", "--status", "all", "--json", "--ledger", dir]).stdout)
        check(list["claims"]?.array ?? [], "claim list")
        let contradictions = try JSONParser.parse(try CLI.run(["contradictions", "--json", "--include-tension", "--ledger", dir]).stdout)
        check((contradictions["findings"]?.array ?? []).flatMap { $0["claims"]?.array ?? [] }, "contradictions")
        let corroborations = try JSONParser.parse(try CLI.run(["corroborations", "--json", "--ledger", dir]).stdout)
        check((corroborations["findings"]?.array ?? []).flatMap { $0["claims"]?.array ?? [] }, "corroborations")

        // What corroborating claims agree on is typed too: a shared span with decimal bounds and its unit, or a value.
        let agreements = Dictionary(uniqueKeysWithValues: (corroborations["findings"]?.array ?? []).compactMap { f in f["predicate"]?.string.map { ($0, f["agreement"] ?? .null) } })
        #expect(agreements["suspension.reason"] == ["value": "ban_evasion"], "\(agreements)")
        let funds = try #require(agreements["funds.raised"])
        #expect(funds["unit"] == "USD" && funds["interval"]?["lower"]?.string.flatMap(DecimalNumber.init) != nil
                && funds["interval"]?["upper"]?.string.flatMap(DecimalNumber.init) != nil, "\(funds)")

        // Decimals are strings in every JSON output: no floating-point number anywhere.
        let audit = try JSONParser.parse(try CLI.run(["audit", "--json", "--ledger", dir]).stdout)
        for (what, doc) in [("claim list", list), ("contradictions", contradictions), ("corroborations", corroborations), ("audit", audit)] {
            #expect(Self.floats(doc).isEmpty, "\(what): \(Self.floats(doc))")
        }
        let quantity = try #require(contradictions["findings"]?.array?.first { $0["rule"] == "quantity" && $0["numbers"]?["a"]?["lower"] != nil })
        #expect(quantity["numbers"]?["a"]?["lower"]?.string.flatMap(DecimalNumber.init) != nil, "\(quantity)")
        #expect(quantity["numbers"]?["tolerance"]?.string.flatMap(DecimalNumber.init) != nil, "\(quantity)")
    }

    @Test func withJSONEveryLineOnStderrIsAnObject() throws {
        let dir = try Self.demo()
        // A ledger changed outside claimledger: its schema (a warning for read-only commands) and an entry's bytes.
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), '200,000', '300,000') AS BLOB) WHERE seq = 15")
        for args in [["verify", "--json"], ["contradictions", "--json"], ["audit", "--format", "json"], ["corroborations", "--json"]] {
            let r = try CLI.run(args + ["--ledger", dir])
            let lines = try r.stderr.split(separator: "\n").map { try JSONParser.parse(String($0)) }
            #expect(r.code == 2 && !r.stdout.isEmpty, "\(args): \(r.stderr)")
            let error = try #require(lines.last, "\(args)")
            #expect(error["exit"]?.integer == 2 && error["error"]?.string?.contains("does NOT verify") == true && error.object?.count == 2, "\(args): \(error)")
            #expect(lines.dropLast().allSatisfy { $0.object?.keys.sorted() == ["warning"] }, "\(args): \(r.stderr)")
            #expect(lines.count == (args[0] == "verify" ? 1 : 2), "\(args): the dropped trigger is warned about once: \(r.stderr)")
        }
        // Without --json: the same lines, in words.
        let plain = try CLI.run(["contradictions", "--ledger", dir])
        let lines = plain.stderr.split(separator: "\n")
        #expect(plain.code == 2 && lines.count == 2 && lines[0].hasPrefix("claimledger: warning: ") && lines[1].hasPrefix("claimledger: error: the ledger does NOT verify"),
                "\(plain.stderr)")
        let verify = try CLI.run(["verify", "--ledger", dir])
        #expect(verify.code == 2 && verify.stderr.hasPrefix("claimledger: error: the ledger does NOT verify"), "\(verify.stderr)")
    }
}
