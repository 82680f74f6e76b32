/// A declared property (`attendance`, `suspension.reason`) and how its values compare:
/// type, cardinality (single-valued predicates conflict on different values, like Wikidata's
/// single-value constraint), tolerance (a fraction, for "about n"), unit, and a category vocabulary.
public struct ClaimPredicate: Equatable, Sendable {
    /// Whether a subject can hold one value of this predicate at a time, or several.
    public enum Cardinality: String, Sendable { case single, multi }

    /// One allowed category value, with labels per language.
    public struct CategoryValue: Equatable, Sendable {
        public var id: String
        public var labels: [String: String]
        public init(id: String, labels: [String: String] = [:]) {
            self.id = id
            self.labels = labels
        }
    }

    public var id: String
    public var type: ValueType
    public var cardinality: Cardinality
    /// A fraction such as "0.05"; nil when none was declared.
    public var tolerance: DecimalNumber?
    public var unit: String?
    public var values: [CategoryValue]
    /// Human labels per language tag.
    public var labels: [String: String]

    public init(id: String, type: ValueType, cardinality: Cardinality = .single, tolerance: DecimalNumber? = nil,
                unit: String? = nil, values: [CategoryValue] = [], labels: [String: String] = [:]) {
        self.id = id
        self.type = type
        self.cardinality = cardinality
        self.tolerance = tolerance
        self.unit = unit
        self.values = values
        self.labels = labels
    }

    /// The entry body.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["id": .string(id), "type": .string(type.rawValue), "cardinality": .string(cardinality.rawValue)]
        if let tolerance { o["tolerance"] = .string(tolerance.description) }
        if let unit { o["unit"] = .string(unit) }
        if !values.isEmpty {
            o["values"] = .array(values.map { v in
                v.labels.isEmpty ? ["id": .string(v.id)] : ["id": .string(v.id), "labels": .object(v.labels.mapValues { .string($0) })]
            })
        }
        if !labels.isEmpty { o["labels"] = .object(labels.mapValues { .string($0) }) }
        return .object(o)
    }

    /// Reads a predicate body; nil when it is malformed (`EntryCheck` says how).
    public init?(json: JSONValue) {
        guard let id = json["id"]?.string, let t = json["type"]?.string, let type = ValueType(rawValue: t),
              let c = json["cardinality"]?.string, let cardinality = Cardinality(rawValue: c) else { return nil }
        var values: [CategoryValue] = []
        for v in json["values"]?.array ?? [] {
            guard let vid = v["id"]?.string else { return nil }
            values.append(CategoryValue(id: vid, labels: (v["labels"]?.object ?? [:]).compactMapValues(\.string)))
        }
        self.init(id: id, type: type, cardinality: cardinality, tolerance: json["tolerance"]?.string.flatMap(DecimalNumber.init),
                  unit: json["unit"]?.string, values: values, labels: (json["labels"]?.object ?? [:]).compactMapValues(\.string))
    }

    /// What makes this declaration unusable, or nil: a tolerance outside 0…1, category values on another type,
    /// a category without values, or a value id given twice.
    public var declarationProblem: String? {
        if let tolerance, tolerance > DecimalNumber("1")! || tolerance < DecimalNumber("0")! { return "tolerance: must be a fraction between 0 and 1, e.g. 0.05" }
        if !values.isEmpty && type != .category { return "values: apply only to type category" }
        if type == .category && values.allSatisfy({ $0.id.allSatisfy(\.isWhitespace) }) { return "values: a category predicate needs its values declared" }
        if Set(values.map(\.id)).count != values.count { return "values: a value id is given twice" }
        return nil
    }
}
