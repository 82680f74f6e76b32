import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import Testing

/// Typed entry bodies: decoded from the hashed bytes by exactly `EntryCheck`'s rules, and what every reader uses —
/// the store's lookup columns only find candidates.
@Suite struct EntryBodyTests {

    /// A demo ledger with a retraction and a correction, so every kind of body but `key` and `link` is in it.
    static func demo() throws -> String {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let log = try CLI.log(dir)
        let spam = try #require(log.first { $0["body"]?["value"]?["original"] == "spam" })
        #expect(try CLI.run(["claim", "retract", String(spam["seq"]!.integer!), "--reason", "withdrawn", "--ledger", dir]).code == 0)
        let mistake = try #require(log.first { $0["body"]?["predicate"] == "suspension.mistake" && $0["body"]?["polarity"] == "affirmed" })
        let source = mistake["body"]!["source"]!.string!
        let corrected = try CLI.run(["claim", "correct", String(mistake["seq"]!.integer!), "--reason", "misattributed", "--source", String(source.prefix(8)),
                                     "--excerpt", "The account was flagged as spam by mistake", "--speaker", "X representative", "--text", "Not a mistake.",
                                     "--subject", "account:@dudes4harris", "--predicate", "suspension.mistake", "--value", "no", "--ledger", dir])
        #expect(corrected.code == 0, "\(corrected.stderr)")
        return dir
    }

    @Test func aClaimWhoseKindColumnWasChangedStillCountsInContradictionsAndAudit() throws {
        let dir = try Self.demo()
        func findings() throws -> JSONValue? { try JSONParser.parse(CLI.run(["contradictions", "--json", "--ledger", dir]).stdout)["findings"] }
        func audit() throws -> JSONValue { try JSONParser.parse(CLI.run(["audit", "--json", "--ledger", dir]).stdout) }
        let before = try findings(), auditBefore = try audit()
        #expect(before?.array?.isEmpty == false)
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET kind = 'link' WHERE kind IN ('claim', 'claim.retraction', 'claim.correction')")
        #expect(try CLI.run(["verify", "--ledger", dir]).code == 2)  // verify notices the column; the readers must not care
        #expect(try findings() == before)
        let auditAfter = try audit()
        for key in ["sources", "single_outlet_claims", "relay_chains", "by_outlet", "retractions", "corrections"] {
            #expect(auditAfter[key] != nil && auditAfter[key] == auditBefore[key], "\(key)")
        }
    }

    @Test func showTakesAClaimsHistoryFromTheBytesNotTheKeyColumn() throws {
        let dir = try Self.demo()
        let log = try CLI.log(dir)
        let retraction = try #require(log.first { $0["kind"] == "claim.retraction" })
        let retracted = try #require(retraction["body"]?["target"]?.integer)
        let other = try #require(log.first { $0["kind"] == "claim" && $0["seq"]?.integer != retracted }?["seq"]?.integer)
        // Point the retraction's look-up key at another claim, as a hand edit of the index could.
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET key = '\(other)' WHERE seq = \(retraction["seq"]!.integer!)")
        #expect(try !CLI.run(["show", String(other), "--ledger", dir]).stdout.contains("History:"))
        #expect(try JSONParser.parse(CLI.run(["show", String(other), "--json", "--ledger", dir]).stdout)["history"] == nil)
    }

    /// Every entry of a real ledger, and mutations of each body member (removed, retyped, emptied, joined by an unexpected
    /// member, at the top and one level down): the decoder accepts an entry exactly when `EntryCheck` finds no problem.
    @Test func theDecoderAcceptsExactlyWhatEntryCheckAccepts() throws {
        let dir = try Self.demo()
        let ledger = try Ledger(opening: dir, readOnly: true)
        var entries: [(seq: Int64, prev: Digest, bytes: [UInt8])] = []
        var prev = Digest.zero
        try ledger.store.forEachStoredEntry { row in
            entries.append((row.seq, prev, row.bytes))
            prev = MerkleHash.leaf(row.bytes)
        }
        #expect(entries.count > 20)
        var kinds = Set<EntryKind>(), accepted = 0, refused = 0
        for e in entries {
            #expect(EntryCheck.check(e.bytes, expectedSeq: e.seq, prev: e.prev).problems.isEmpty)
            let body = try #require(EntryBody(e.bytes), "entry \(e.seq)")
            kinds.insert(body.kind)
            let envelope = try JSONParser.parse(e.bytes)
            for mutated in Self.mutations(of: envelope["body"]!) {
                var o = envelope.object!
                o["body"] = mutated
                let bytes = try CanonicalJSON.encode(.object(o))
                let ok = EntryCheck.check(bytes, expectedSeq: e.seq, prev: e.prev).problems.isEmpty
                #expect((EntryBody(bytes) != nil) == ok, "entry \(e.seq): \(String(decoding: bytes, as: UTF8.self))")
                if ok { accepted += 1 } else { refused += 1 }
            }
        }
        #expect(kinds.isSuperset(of: [.genesis, .source, .entity, .predicate, .claim, .claimRetraction, .claimCorrection]))
        #expect(accepted > 50 && refused > 500)  // both sides of the rule are exercised
    }

    static func mutations(of body: JSONValue, depth: Int = 0) -> [JSONValue] {
        guard let o = body.object else { return [] }
        var out: [JSONValue] = [.object(o.merging(["zz": "x"]) { a, _ in a })]
        for (k, v) in o {
            var removed = o
            removed[k] = nil
            out.append(.object(removed))
            for replacement: JSONValue in [7, -1, "", "x", .bool(true), .array([]), .object([:]), .string(String(repeating: "a", count: 64))] where replacement != v {
                var changed = o
                changed[k] = replacement
                out.append(.object(changed))
            }
            if depth < 2 {
                for inner in mutations(of: v, depth: depth + 1) {
                    var changed = o
                    changed[k] = inner
                    out.append(.object(changed))
                }
            }
        }
        return out
    }
}
