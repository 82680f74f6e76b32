import ArgumentParser
import LedgerCore
import LedgerStore

/// `claimledger predicate …`.
struct PredicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predicate",
        abstract: "Declare predicates: what claims are about, and how their values compare.",
        subcommands: [PredicateAdd.self]
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
