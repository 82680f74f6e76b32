import Foundation
import LedgerCore
import Testing

/// `predicate list` and `entity list`: what is declared, with filters, as text and as JSON.
@Suite struct ListCommandTests {
    @Test func predicatesAndEntitiesAreListedAndFiltered() throws {
        let dir = CLI.temporaryDirectory().appendingPathComponent("demo").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let all = try JSONParser.parse(CLI.run(["predicate", "list", "--json", "--ledger", dir]).stdout)["predicates"]?.array ?? []
        #expect(all.count == 8 && all.map { $0["id"]?.string ?? "" } == all.map { $0["id"]?.string ?? "" }.sorted())
        let quantities = try JSONParser.parse(CLI.run(["predicate", "list", "--type", "quantity", "--json", "--ledger", dir]).stdout)["predicates"]?.array ?? []
        #expect(quantities.count == 3 && quantities.allSatisfy { $0["type"] == "quantity" })
        let text = try CLI.run(["predicate", "list", "--ledger", dir]).stdout
        #expect(text.contains("call.attendance") && text.contains("people ±0.05") && text.contains("people on the call"))
        let bad = try CLI.run(["predicate", "list", "--type", "number", "--ledger", dir])
        #expect(bad.code == 64 && bad.stderr.contains("quantity, category"))

        let entities = try JSONParser.parse(CLI.run(["entity", "list", "--json", "--ledger", dir]).stdout)["entities"]?.array ?? []
        #expect(entities.count == 2)
        let one = try JSONParser.parse(CLI.run(["entity", "list", "--name", "wd4h", "--json", "--ledger", dir]).stdout)["entities"]?.array ?? []
        #expect(one.count == 1 && one[0]["id"] == "group:white-dudes-for-harris" && one[0]["aliases"]?.array?.contains("WD4H") == true)
        let none = try CLI.run(["entity", "list", "--name", "nobody at all", "--ledger", dir])
        #expect(none.code == 0 && none.stdout.isEmpty && none.stderr.contains("no entity goes by that name"))
    }
}
