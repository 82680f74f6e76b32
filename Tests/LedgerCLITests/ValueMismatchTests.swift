import Foundation
import LedgerCore
@_spi(Testing) import LedgerStore
import Testing

/// `audit` reports claims whose stored typed value is not what their original wording parses to (item 10).
@Suite struct ValueMismatchTests {
    @Test func aHandMadeClaimWhoseAmountDisagreesWithItsWordsIsReported() throws {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let clean = try JSONParser.parse(CLI.run(["audit", "--json", "--ledger", dir]).stdout)
        #expect(clean["value_mismatches"] == .array([]))

        // A claim entry as a hand-made tool (or an older parser) could have written it: the words say one figure, the
        // typed value another. It is well-formed, so the ledger verifies.
        let log = try CLI.log(dir)
        let claim = try #require(log.first { $0["kind"] == "claim" && $0["body"]?["value"]?["type"] == "quantity" })
        var body = claim["body"]!.object!, value = body["value"]!.object!
        let amount = try #require(value["amount"]?.string.flatMap { Int($0) })
        value["amount"] = .string(String(amount + 100_000))
        body["value"] = .object(value)
        let ledger = try Ledger(opening: dir)
        let seq = try ledger.store.append(time: "2024-08-02T10:00:00Z", author: ledger.author) { try $0.append(kind: .claim, body: .object(body)).seq }
        #expect(try CLI.run(["verify", "--ledger", dir]).code == 0)

        let audit = try CLI.run(["audit", "--json", "--ledger", dir])
        let mismatches = try #require(try JSONParser.parse(audit.stdout)["value_mismatches"]?.array)
        #expect(mismatches.count == 1)
        #expect(mismatches.first?["seq"]?.integer == Int(seq))
        #expect(mismatches.first?["stored"]?["amount"]?.string == String(amount + 100_000))
        #expect(mismatches.first?["parsed"]?["amount"]?.string == String(amount))
        for format in ["text", "md", "html"] {
            let out = try CLI.run(["audit", "--format", format, "--ledger", dir]).stdout
            #expect(out.contains("Values that do not follow from their words") && out.contains("seq \(seq):"), "\(format)")
        }
    }
}
