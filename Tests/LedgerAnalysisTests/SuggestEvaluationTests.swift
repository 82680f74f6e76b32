import Foundation
import Testing

/// Recomputes the figures of EVALUATION.md from the labelled corpus and fails if any falls below what it states.
@Suite struct SuggestEvaluationTests {
    /// The figures EVALUATION.md states: its table rows "| name | 0.000 |".
    static func stated() throws -> [String: Double] {
        let url = SuggestEvaluation.corpus.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("EVALUATION.md")
        var out: [String: Double] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count >= 2, let v = Double(cells[1]) { out[cells[0]] = v }
        }
        return out
    }

    @Test func figuresAreAtLeastWhatEvaluationMdStates() throws {
        let ev = try SuggestEvaluation.run()
        if ProcessInfo.processInfo.environment["SUGGEST_REPORT"] != nil { print(ev.report) }
        let stated = try Self.stated()
        for (name, value) in ev.figures {
            let claimed = try #require(stated[name], "EVALUATION.md states no figure for \(name)")
            #expect(value + 0.0005 >= claimed, "\(name) is \(String(format: "%.3f", value)), below the \(claimed) EVALUATION.md states")
        }
    }

    @Test func everyLabelIsInItsArticle() throws {
        let ev = try SuggestEvaluation.run()
        let lines = try String(contentsOf: SuggestEvaluation.corpus.appendingPathComponent("labels.jsonl"), encoding: .utf8).split(separator: "\n").count
        #expect(ev.labels == lines && lines > 0)
    }
}
