import Foundation
import Testing
@testable import LedgerCore

/// `DecimalNumber(Double)`: the exact decimal text JSON gives a figure analysis computed.
@Suite struct DecimalFromDoubleTests {
    @Test func writesTheShortestRoundTripFormWithoutAnExponent() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1, "1"), (190_000, "190000"), (189_999.5, "189999.5"), (0.05, "0.05"),
            (4.333333333333333, "4.333333333333333"), (1.5e-7, "0.00000015"), (1e21, "1000000000000000000000"),
            (1.2345e25, "12345000000000000000000000"), (Double.leastNonzeroMagnitude, "0." + String(repeating: "0", count: 323) + "5"),
        ]
        for (x, text) in cases {
            #expect(DecimalNumber(x)?.description == text, "\(x)")
        }
        for x in [-1, -0.5, Double.infinity, -Double.infinity, Double.nan] {
            #expect(DecimalNumber(x) == nil, "\(x)")
        }
    }

    @Test func readsBackAsTheSameDouble() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let x = Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF)  // finite, not negative
            let text = DecimalNumber(x)?.description
            #expect(text.flatMap(Double.init) == x, "\(x) → \(text ?? "nil")")
            #expect(text.map { !$0.contains("e") && DecimalNumber($0) != nil } == true, "\(x): plain decimal text")
        }
    }
}
