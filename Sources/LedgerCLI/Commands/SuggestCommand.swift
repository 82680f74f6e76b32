import ArgumentParser
import LedgerAnalysis
import LedgerCore
import LedgerStore

/// How `suggest` writes its suggestions.
enum SuggestFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
}

/// `claimledger suggest SOURCE`: candidate claims in a recorded source, for a person to check and record.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "List candidate claims in a recorded source: reported speech, quotations, values, actions.",
        discussion: """
        Rules over the source's anchoring text (English and French) find reported speech ("said", "told", \
        "according to", "a déclaré", "selon", "d'après" …) with its speaker and any relay, quotations of five \
        words or more (four after a reporting verb), statements carrying a value (quantities, money, percentages, dates, durations, read by the \
        same parser as --value), and the outlet's own statements of an action (suspended, reinstated, bloqué …). \
        Each suggestion has an exact excerpt (with its occurrence when the text holds it more than once), a \
        speaker and relay guess (none: the outlet's own voice), the value as written, a guess among the declared \
        predicates and a score (0–100). Nothing is recorded. How well the rules do is measured in EVALUATION.md.

        --format jsonl writes one `claim import` line per suggestion. Its source, excerpt, occurrence and lang \
        are exact; every guessed field (speaker, relay, text, subject, predicate, value) starts with "CHECK:", \
        and `claim import` refuses a line while any field still does. Check each against the source, replace \
        it (delete a wrong relay, a line that is no claim), then import:

          claimledger suggest 3f2a9c1e --format jsonl > review.jsonl
          $EDITOR review.jsonl && claimledger claim import review.jsonl

        With --json: {"source", "lang", "suggestions": [{"excerpt" (the excerpt object a claim on it would store: \
        exact, prefix, suffix, start, end in Unicode scalars, sha256), "occurrence"?, "score", "reasons", "speaker"?, \
        "relay"?, "value"? (the value object a claim stores), "predicate"?}]} (schemas/suggest.schema.json).
        """
    )

    @Argument(help: ArgumentHelp("The source's id or a unique prefix of at least 8 hex digits.", valueName: "SOURCE"))
    var source: String

    @Option(help: "text (one suggestion per block, the default) or jsonl (`claim import` lines to check).")
    var format: SuggestFormat?

    @Option(help: ArgumentHelp("The language the rules read the text in, BCP 47: en or fr (default: the source's language).", valueName: "BCP47"))
    var lang: String?

    @Option(help: ArgumentHelp("Only the N suggestions with the highest scores, in the order of the text.", valueName: "N"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if global.json, let format { throw ValidationError("--json and --format \(format.rawValue) contradict each other: give one of them") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
        if let lang {
            do { _ = try Bodies.lang(lang) } catch { throw ValidationError("--lang: \(error)") }
        }
    }

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let (id, body) = try ledger.resolveSource(source)
        guard let text = try ledger.sourceText(id) else {
            throw CLIError("the text of source \(id.hex.prefix(8)) is missing from the ledger; run `claimledger verify`")
        }
        let language = try lang.map { l throws in try Bodies.lang(l) } ?? body.lang
        let predicates = try AnalysisInput(ledger: ledger, details: false).predicates.values.sorted { $0.id < $1.id }
        var found = ClaimSuggester.suggest(text: text, language: language, predicates: predicates)
        if let limit, found.count > limit {
            let kept = Set(found.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.prefix(limit).map(\.offset))
            found = found.enumerated().filter { kept.contains($0.offset) }.map(\.element)
        }
        let byID = Dictionary(uniqueKeysWithValues: predicates.map { ($0.id, $0) })
        if global.json {
            let anchored = AnchoredText(text)
            Output.json(["source": .string(id.hex), "lang": .string(language), "suggestions": .array(found.map { Self.json($0, in: anchored) })])
            return
        }
        switch format ?? .text {
        case .jsonl:
            for s in found { Output.json(line(s, source: id.hex, language: language, outlet: body.outlet)) }
        case .text:
            for (n, s) in found.enumerated() {
                if n > 0 { Output.line() }
                let place = s.occurrence.map { " (occurrence \($0))" } ?? ""
                Output.line("\(s.score)  \(s.reasons.map(\.rawValue).joined(separator: ", "))  scalars \(s.start)–\(s.end)\(place)")
                Output.line("  excerpt:   \(s.excerpt)")
                Output.line("  speaker:   \(s.speaker ?? "\(body.outlet) (the outlet's own voice)")")
                if let relay = s.relay { Output.line("  relay:     \(relay)") }
                if let v = s.value {
                    Output.line("  value:     \(v.original) — \(ValueReading.words(v, predicate: s.predicate.flatMap { byID[$0] }))")
                }
                if let p = s.predicate { Output.line("  predicate: \(p)") }
            }
        }
        Output.note("\(found.count) suggestion\(found.count == 1 ? "" : "s") in source \(id.hex.prefix(8)) (\(language)); nothing was recorded")
    }

    /// A suggestion with everything the rules found, for --json: its excerpt as a claim on it would store it.
    static func json(_ s: Suggestion, in text: AnchoredText) -> JSONValue {
        let excerpt: JSONValue = 0 <= s.start && s.start < s.end && s.end <= text.scalarCount
            ? Excerpt(text: text, start: s.start, end: s.end).json : ["exact": .string(s.excerpt), "start": .int(s.start), "end": .int(s.end)]
        var o: [String: JSONValue] = [
            "excerpt": excerpt, "score": .int(s.score),
            "reasons": .array(s.reasons.map { .string($0.rawValue) }),
        ]
        if let n = s.occurrence { o["occurrence"] = .int(n) }
        if let v = s.speaker { o["speaker"] = .string(v) }
        if let v = s.relay { o["relay"] = .string(v) }
        if let v = s.value { o["value"] = v.json }
        if let v = s.predicate { o["predicate"] = .string(v) }
        return .object(o)
    }

    /// A `claim import` line: exact anchoring fields, and every guess marked "CHECK:".
    func line(_ s: Suggestion, source: String, language: String, outlet: String) -> JSONValue {
        var o: [String: JSONValue] = [
            "source": .string(source), "excerpt": .string(s.excerpt), "lang": .string(language),
            "speaker": .string("\(ClaimInput.reviewMark) \(s.speaker ?? outlet)"),
            "text": .string("\(ClaimInput.reviewMark) \(s.excerpt)"),
            "subject": .string("\(ClaimInput.reviewMark) ?"),
            "predicate": .string("\(ClaimInput.reviewMark) \(s.predicate ?? "?")"),
            "value": .string("\(ClaimInput.reviewMark) \(s.value?.original ?? "?")"),
        ]
        if let n = s.occurrence { o["occurrence"] = .int(n) }
        if let r = s.relay { o["relay"] = .string("\(ClaimInput.reviewMark) \(r)") }
        return .object(o)
    }
}
