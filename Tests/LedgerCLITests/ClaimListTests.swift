import Foundation
import LedgerCore
import Testing

/// `claim list`: filters, the subject through entity names, current against retracted and corrected claims.
@Suite struct ClaimListTests {
    static func seqs(_ args: [String], ledger: String) throws -> [Int] {
        let r = try CLI.run(["claim", "list", "--json", "--ledger", ledger] + args)
        #expect(r.code == 0, "\(r.stderr)")
        return try JSONParser.parse(r.stdout)["claims"]?.array?.compactMap { $0["seq"]?.integer } ?? []
    }

    @Test func filtersStatesAndEntityNames() throws {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let all = try Self.seqs([], ledger: dir)
        #expect(!all.isEmpty && all == all.sorted())
        // The subject by entity id and by its label list the same claims, all about that entity.
        let byID = try Self.seqs(["--subject", "group:white-dudes-for-harris"], ledger: dir)
        #expect(!byID.isEmpty)
        #expect(try Self.seqs(["--subject", "White Dudes for Harris"], ledger: dir) == byID)
        // Filters combine.
        let attendance = try Self.seqs(["--subject", "group:white-dudes-for-harris", "--predicate", "call.attendance"], ledger: dir)
        #expect(!attendance.isEmpty && Set(attendance).isSubset(of: Set(byID)) && attendance.count < byID.count)
        #expect(try Self.seqs(["--outlet", "No Such Outlet"], ledger: dir).isEmpty)

        // A retracted claim leaves the current list and appears under --status retracted; a corrected one is listed
        // at its correction's seq.
        let (retracted, corrected) = (attendance[0], all.last!)
        #expect(try CLI.run(["claim", "retract", String(retracted), "--reason", "entered by mistake", "--ledger", dir]).code == 0)
        let correction = try CLI.run(["claim", "correct", String(corrected), "--text", "Reworded", "--reason", "typo", "--json", "--ledger", dir])
        #expect(correction.code == 0, "\(correction.stderr)")
        let correctionSeq = try #require(try JSONParser.parse(correction.stdout)["seq"]?.integer)
        let now = try Self.seqs([], ledger: dir)
        #expect(!now.contains(retracted) && !now.contains(corrected) && now.contains(correctionSeq))
        #expect(try Self.seqs(["--status", "retracted"], ledger: dir) == [retracted])
        let every = try CLI.run(["claim", "list", "--status", "all", "--json", "--ledger", dir])
        let rows = try #require(try JSONParser.parse(every.stdout)["claims"]?.array)
        #expect(rows.contains { $0["seq"]?.integer == retracted && $0["retracted"] == .bool(true) })
        #expect(rows.count == now.count + 1)

        let bad = try CLI.run(["claim", "list", "--status", "gone", "--ledger", dir])
        #expect(bad.code != 0 && bad.stderr.contains("--status gone is not one of current, retracted, all"))
    }
}
