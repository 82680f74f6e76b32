import LedgerCore
import Testing

@Suite struct ClosestNamesTests {
    @Test func lastPartContainmentAndSmallEditsAreClose() {
        let declared = ["call.attendance", "funds.raised", "suspension.reason", "suspension.duration"]
        #expect(ClosestNames.find("attendance", among: declared) == ["call.attendance"])
        #expect(ClosestNames.find("funds.raisd", among: declared) == ["funds.raised"])
        #expect(ClosestNames.find("suspension", among: declared) == ["suspension.duration", "suspension.reason"])
        #expect(ClosestNames.find("colour", among: declared).isEmpty)
    }
}
