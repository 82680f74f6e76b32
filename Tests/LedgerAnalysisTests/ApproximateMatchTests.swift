import LedgerCore
import Testing
@testable import LedgerAnalysis

/// The bit-parallel matcher against a plain Sellers edit-distance table.
struct ApproximateMatchTests {
    /// Last row of Sellers' table: fewest edits of `pattern` against a substring of `text` ending at each position.
    static func sellers(_ pattern: [UInt32], _ text: [UInt32]) -> [Int] {
        var cost = Array(0...pattern.count)
        var out: [Int] = []
        for c in text {
            var diagonal = cost[0]
            cost[0] = 0
            for i in 1...pattern.count {
                let up = cost[i]
                cost[i] = min(diagonal + (pattern[i - 1] == c ? 0 : 1), up + 1, cost[i - 1] + 1)
                diagonal = up
            }
            out.append(cost[pattern.count])
        }
        return out
    }

    @Test func agreesWithDynamicProgrammingOnRandomInputs() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<400 {
            let alphabet = UInt32(trial % 3 == 0 ? 2 : 5)
            let m = Int.random(in: 1...(trial % 2 == 0 ? 70 : 200), using: &rng)
            let n = Int.random(in: 0...300, using: &rng)
            let pattern = (0..<m).map { _ in UInt32.random(in: 0..<alphabet, using: &rng) }
            let text = (0..<n).map { _ in UInt32.random(in: 0..<alphabet, using: &rng) }
            let fast = ApproximateMatch.endErrors(pattern, in: text)
            #expect(fast == Self.sellers(pattern, text), "m=\(m) n=\(n)")
        }
    }

    @Test(arguments: [1, 63, 64, 65, 127, 128, 129, 192])
    func agreesAtBlockBoundaries(length: Int) {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let pattern = (0..<length).map { _ in UInt32.random(in: 0..<3, using: &rng) }
            let text = (0..<400).map { _ in UInt32.random(in: 0..<3, using: &rng) }
            #expect(ApproximateMatch.endErrors(pattern, in: text) == Self.sellers(pattern, text))
        }
    }

    @Test func agreesOnRealTextWithAQuoteLongerThanOneWord() {
        let text = String(repeating: "The council voted on Tuesday to raise the budget to 4.2 million euros, officials said. ", count: 20)
        let t = text.unicodeScalars.map(\.value)
        let quote = "The council voted on Tuesday to lift the budget to 4.3 million euro, officials said, and the mayor agreed."
        let q = quote.unicodeScalars.map(\.value)
        let fast = ApproximateMatch.endErrors(q, in: t)
        #expect(fast == Self.sellers(q, t))
        #expect(fast.min() ?? 0 > 0)
        #expect(fast.min() ?? 0 < 40)
    }
}
