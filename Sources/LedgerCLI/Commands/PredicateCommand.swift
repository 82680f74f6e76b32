import ArgumentParser
import LedgerCore
import LedgerStore

/// `claimledger predicate …`.
struct PredicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predicate",
        abstract: "Declare predicates: what claims are about, and how their values compare.",
        subcommands: [PredicateAdd.self, PredicateList.self]
    )
}

/// `claimledger predicate add ID --type T …`.
struct PredicateAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Declare a predicate (e.g. attendance, suspension.reason) with its value type.",
        discussion: """
        Claims about a declared predicate have their --value parsed as its type: \
        quantity ("more than 200,000", "près de 200.000"), category (one of --values), boolean (yes/no, oui/non), \
        date ("29 July 2024", "29 juillet 2024"), duration ("two days", "quelques heures") or text. \
        A predicate is declared once; declarations are entries and cannot be changed.

        Example:
          claimledger predicate add suspension.reason --type category \\
            --values ban_evasion,spam,error \\
            --value-label "ban_evasion@fr=évitement de la suspension" \\
            --label "en=reason for the suspension"
        """
    )

    @Argument(help: ArgumentHelp("The predicate id, e.g. attendance or suspension.reason (no spaces).", valueName: "ID"))
    var id: String

    @Option(help: ArgumentHelp("The value type: quantity, category, boolean, date, duration or text.", valueName: "TYPE"))
    var type: String

    @Option(help: ArgumentHelp("single (one value at a time; different values conflict) or multi.", valueName: "single|multi"))
    var cardinality: String = "single"

    @Option(help: ArgumentHelp("For quantities: the fraction \"about n\" may stray, e.g. 0.05.", valueName: "FRACTION"))
    var tolerance: String?

    @Option(help: ArgumentHelp("For quantities: the unit, e.g. people, USD, EUR, percent.", valueName: "U"))
    var unit: String?

    @Option(help: ArgumentHelp("For categories: the allowed value ids, comma-separated.", valueName: "a,b,c"))
    var values: String?

    @Option(name: .customLong("value-label"), help: ArgumentHelp("A label for a category value, as ID@LANG=TEXT (repeatable).", valueName: "ID@LANG=TEXT"))
    var valueLabels: [String] = []

    @Option(help: ArgumentHelp("A label for the predicate, as LANG=TEXT (repeatable).", valueName: "LANG=TEXT"))
    var label: [String] = []

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard ValueType(rawValue: type) != nil else {
            throw ValidationError("unknown predicate type \"\(type)\": use one of \(ValueType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ClaimPredicate.Cardinality(rawValue: cardinality) != nil else { throw ValidationError("--cardinality must be single or multi") }
        if let tolerance, DecimalNumber(tolerance) == nil || DecimalNumber(tolerance)! > DecimalNumber("1")! {
            throw ValidationError("--tolerance must be a fraction between 0 and 1, e.g. 0.05")
        }
        if values != nil && type != "category" { throw ValidationError("--values applies only to --type category") }
        if type == "category", (values ?? "").split(separator: ",").allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("--type category needs its values declared: --values a,b,c")
        }
    }

    func run() throws {
        var vocabulary = (values ?? "").split(separator: ",").map { ClaimPredicate.CategoryValue(id: $0.trimmingCharacters(in: .whitespaces)) }
        for spec in valueLabels {
            guard let at = spec.firstIndex(of: "@"), let eq = spec[at...].firstIndex(of: "="),
                  let n = vocabulary.firstIndex(where: { $0.id == spec[..<at] })
            else { throw CLIError("--value-label \"\(spec.prefix(60))\" must be ID@LANG=TEXT with ID one of --values", code: 64) }
            vocabulary[n].labels[String(spec[spec.index(after: at)..<eq])] = String(spec[spec.index(after: eq)...])
        }
        let predicate = ClaimPredicate(id: id, type: ValueType(rawValue: type)!, cardinality: .init(rawValue: cardinality)!,
                                       tolerance: tolerance.flatMap(DecimalNumber.init), unit: unit, values: vocabulary,
                                       labels: Labels.parse(label))
        let entry = try signing.open(global).addPredicate(predicate)
        if global.json {
            Output.json(["seq": .number(Double(entry.seq)), "leaf_hash": .string(entry.leafHash.hex)])
        } else {
            Output.line("declared \(id) (\(type)) at seq \(entry.seq)")
        }
    }
}

/// `claimledger predicate list [--type T]`.
struct PredicateList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the declared predicates with their type, unit, tolerance, category values and labels.",
        discussion: """
        Examples:
          claimledger predicate list
          claimledger predicate list --type quantity --json
        """
    )

    @Option(help: ArgumentHelp("Only predicates of this type: quantity, category, boolean, date, duration or text.", valueName: "TYPE"))
    var type: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let type, ValueType(rawValue: type) == nil {
            throw ValidationError("unknown predicate type \"\(type)\": use one of \(ValueType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let input = try AnalysisInput(ledger: try global.open(readOnly: true))
        let list = input.predicates.values.filter { type == nil || $0.type.rawValue == type }.sorted { $0.id < $1.id }
        if global.json {
            Output.json(["predicates": .array(list.map(\.json))])
            return
        }
        if list.isEmpty { Output.note("no predicates declared\(type.map { " of type \($0)" } ?? ""): declare one with `claimledger predicate add ID --type TYPE`") }
        for p in list {
            let details = [p.unit, p.tolerance.map { "±\($0)" }, p.values.isEmpty ? nil : p.values.map(\.id).joined(separator: ",")].compactMap { $0 }
            let label = p.labels["en"] ?? p.labels.sorted { $0.key < $1.key }.first?.value
            Output.line("\(EntrySummary.pad(p.id, 24)) \(EntrySummary.pad("\(p.type.rawValue) (\(p.cardinality.rawValue))", 20)) \(EntrySummary.pad(details.joined(separator: " "), 28)) \(label.map { EntrySummary.clip($0, 50) } ?? "")")
        }
    }
}

/// Labels given as LANG=TEXT; text without a language prefix is labelled "und" (undetermined).
enum Labels {
    static func parse(_ specs: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for spec in specs {
            if let eq = spec.firstIndex(of: "="), let tag = LanguageTag.canonical(String(spec[..<eq])) {
                out[tag] = String(spec[spec.index(after: eq)...])
            } else {
                out["und"] = spec
            }
        }
        return out
    }
}
