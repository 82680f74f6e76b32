import Foundation
import LedgerAnalysis
import LedgerCore

/// Scores `ClaimSuggester` against the hand-labelled claims of the five corpus articles (Tests/Corpus/labels.jsonl,
/// described in Tests/Corpus/LABELS.md). The definitions, which EVALUATION.md repeats:
///
/// - A suggestion and a label *overlap* when the scalars their excerpts share are at least half of the shorter
///   excerpt; they *match strictly* when the shared scalars are at least half of their union (Jaccard ≥ 0.5).
/// - Excerpt recall: labels overlapped by some suggestion / labels. Excerpt precision: suggestions overlapping some
///   label / suggestions.
/// - A label's suggestion is the overlapping suggestion sharing the most scalars with it. Speaker recall: labels
///   whose suggestion names the same speaker / labels; speaker precision: the same count / labels that have a
///   suggestion. A suggestion without a speaker speaks in the outlet's voice. Speakers are the same when the words
///   of one (lowercased, without determiners and punctuation) are all among the words of the other.
/// - Value recall: labels with a value whose suggestion read the same value / labels with a value. Value precision:
///   suggestions with a value that is a labelled value of a label they overlap / suggestions with a value. Values
///   are the same when one as written contains the other (after `ValueParser` simplification of space and case).
struct SuggestEvaluation {
    struct Label {
        let file: String
        let start: Int
        let end: Int
        let speaker: String
        let value: String?
    }

    /// The corpus files, their language and the outlet whose voice an unattributed statement is in.
    static let files: [(name: String, lang: String, outlet: String)] = [
        ("000_488dd66cb813fd74.txt", "en", "The Washington Post"),
        ("001_eb67628ebe55fb7f.txt", "fr", "CNN"),
        ("002_07d81c0bf9048001.txt", "en", "the web article"),
        ("003_935b31bd8621e06a.txt", "en", "Baller Alert"),
        ("004_8e23d9a72ab15599.txt", "fr", "La Tribune"),
    ]

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    var labels = 0, labelsFound = 0, labelsFoundStrict = 0
    var suggestions = 0, suggestionsRight = 0, suggestionsRightStrict = 0
    var speakersRight = 0, labelsWithSuggestion = 0
    var labelledValues = 0, valuesFound = 0, suggestedValues = 0, suggestedValuesRight = 0
    /// Labels no suggestion overlaps, and suggestions overlapping no label (file, excerpt).
    var missed: [(String, String)] = [], spurious: [(String, String)] = []
    /// Labels whose suggestion names another speaker (file, excerpt, labelled, suggested).
    var wrongSpeakers: [(String, String, String, String)] = []

    var excerptRecall: Double { Double(labelsFound) / Double(labels) }
    var excerptPrecision: Double { Double(suggestionsRight) / Double(suggestions) }
    var strictRecall: Double { Double(labelsFoundStrict) / Double(labels) }
    var strictPrecision: Double { Double(suggestionsRightStrict) / Double(suggestions) }
    var speakerRecall: Double { Double(speakersRight) / Double(labels) }
    var speakerPrecision: Double { Double(speakersRight) / Double(labelsWithSuggestion) }
    var valueRecall: Double { Double(valuesFound) / Double(labelledValues) }
    var valuePrecision: Double { Double(suggestedValuesRight) / Double(suggestedValues) }

    /// Runs the suggester over every corpus file and scores it.
    static func run() throws -> SuggestEvaluation {
        var labelsByFile: [String: [Label]] = [:]
        let lines = try String(contentsOf: corpus.appendingPathComponent("labels.jsonl"), encoding: .utf8).split(separator: "\n")
        var texts: [String: String] = [:]
        for f in files { texts[f.name] = try String(contentsOf: corpus.appendingPathComponent(f.name), encoding: .utf8) }
        for line in lines {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let file = o["file"] as! String
            let e = try ExcerptLocator(text: texts[file]!).locate(o["excerpt"] as! String, occurrence: o["occurrence"] as? Int)
            labelsByFile[file, default: []].append(Label(file: file, start: e.start, end: e.end, speaker: o["speaker"] as! String,
                                                         value: o["value"] as? String))
        }
        var ev = SuggestEvaluation()
        for f in files {
            let found = ClaimSuggester.suggest(text: texts[f.name]!, language: f.lang)
            ev.score(found, against: labelsByFile[f.name] ?? [], outlet: f.outlet, text: Array(texts[f.name]!.unicodeScalars))
        }
        return ev
    }

    static func shared(_ a: Range<Int>, _ b: Range<Int>) -> Int { max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)) }
    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool { 2 * shared(a, b) >= min(a.count, b.count) && shared(a, b) > 0 }
    static func strict(_ a: Range<Int>, _ b: Range<Int>) -> Bool { 2 * shared(a, b) >= a.count + b.count - shared(a, b) }

    static func words(_ name: String) -> Set<String> {
        Set(name.lowercased().replacingOccurrences(of: "’", with: "'").split { !$0.isLetter && !$0.isNumber }
            .map(String.init).filter { !["the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "du", "de", "s"].contains($0) })
    }

    static func sameSpeaker(_ a: String, _ b: String) -> Bool {
        let (x, y) = (words(a), words(b))
        return !x.isEmpty && !y.isEmpty && (x.isSubset(of: y) || y.isSubset(of: x))
    }

    static func sameValue(_ a: String, _ b: String) -> Bool {
        func simple(_ s: String) -> String { s.lowercased().replacingOccurrences(of: "\u{00A0}", with: " ") }
        return simple(a).contains(simple(b)) || simple(b).contains(simple(a))
    }

    mutating func score(_ found: [Suggestion], against labels: [Label], outlet: String, text: [Unicode.Scalar]) {
        func str(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(text[a..<b])) }
        self.labels += labels.count
        suggestions += found.count
        for s in found {
            let r = s.start..<s.end
            let hits = labels.filter { Self.overlaps($0.start..<$0.end, r) }
            if !hits.isEmpty { suggestionsRight += 1 } else { spurious.append((labels.first?.file ?? "", s.excerpt)) }
            if labels.contains(where: { Self.strict($0.start..<$0.end, r) }) { suggestionsRightStrict += 1 }
            if let v = s.value {
                suggestedValues += 1
                if hits.contains(where: { $0.value.map { Self.sameValue($0, v.original) } ?? false }) { suggestedValuesRight += 1 }
            }
        }
        for l in labels {
            let lr = l.start..<l.end
            if l.value != nil { labelledValues += 1 }
            if found.contains(where: { Self.strict(lr, $0.start..<$0.end) }) { labelsFoundStrict += 1 }
            guard let best = found.filter({ Self.overlaps(lr, $0.start..<$0.end) })
                .max(by: { Self.shared(lr, $0.start..<$0.end) < Self.shared(lr, $1.start..<$1.end) }) else {
                missed.append((l.file, str(l.start, l.end)))
                continue
            }
            labelsFound += 1
            labelsWithSuggestion += 1
            if Self.sameSpeaker(best.speaker ?? outlet, l.speaker) { speakersRight += 1 }
            else { wrongSpeakers.append((l.file, str(l.start, l.end), l.speaker, best.speaker ?? "(outlet: \(outlet))")) }
            if let lv = l.value, let sv = best.value, Self.sameValue(lv, sv.original) { valuesFound += 1 }
        }
    }

    /// The figures, as EVALUATION.md's table names them.
    var figures: [(String, Double)] {
        [("excerpt recall (overlap)", excerptRecall), ("excerpt precision (overlap)", excerptPrecision),
         ("excerpt recall (strict)", strictRecall), ("excerpt precision (strict)", strictPrecision),
         ("speaker recall", speakerRecall), ("speaker precision", speakerPrecision),
         ("value recall", valueRecall), ("value precision", valuePrecision)]
    }

    var report: String {
        var out = "labels \(labels), suggestions \(suggestions)\n"
        for (name, v) in figures { out += "\(name): \(String(format: "%.3f", v))\n" }
        out += "missed labels:\n" + missed.map { "  \($0.0.prefix(3)) \($0.1)" }.joined(separator: "\n") + "\n"
        out += "suggestions matching no label:\n" + spurious.map { "  \($0.0.prefix(3)) \($0.1)" }.joined(separator: "\n") + "\n"
        out += "wrong speakers:\n" + wrongSpeakers.map { "  \($0.0.prefix(3)) \($0.1.prefix(60)) — labelled \($0.2), suggested \($0.3)" }.joined(separator: "\n")
        return out
    }
}
