/// The value types a predicate can declare (DESIGN §4).
public enum ValueType: String, CaseIterable, Sendable {
    case quantity, category, boolean, date, duration, text
}

/// How a quantity was qualified in the source's words ("more than", "près de", "between …").
public enum QuantityQualifier: String, CaseIterable, Sendable {
    case exactly, about, nearly, more_than, at_least, less_than, at_most, between
}

/// A number with its qualifier and unit. `step` is the value of one unit in the last written digit
/// ("1.5 million" → 100000; "200,000" → 1), so analysis can widen a sharp figure by half of it.
public struct Quantity: Hashable, Sendable {
    public var amount: DecimalNumber
    public var qualifier: QuantityQualifier
    /// The upper bound, for `between`.
    public var upper: DecimalNumber?
    /// "USD", "EUR", "GBP", "percent", or the unit words as written (lowercase); nil when none.
    public var unit: String?
    public var step: DecimalNumber

    public init(amount: DecimalNumber, qualifier: QuantityQualifier, upper: DecimalNumber? = nil, unit: String? = nil, step: DecimalNumber) {
        self.amount = amount
        self.qualifier = qualifier
        self.upper = upper
        self.unit = unit
        self.step = step
    }
}

/// A calendar date or time, as precise as it was written.
public struct DateValue: Hashable, Sendable {
    /// How much of the date was given.
    public enum Precision: String, Sendable { case year, month, day, minute, second }
    /// ISO 8601: "2024", "2024-07", "2024-07-29", or "2024-07-29T14:05Z"-style with a time.
    public var value: String
    public var precision: Precision

    public init(value: String, precision: Precision) {
        self.value = value
        self.precision = precision
    }
}

/// A span of time in seconds: `min`…`max` (max nil when unbounded), with the qualifier used.
public struct DurationValue: Hashable, Sendable {
    public var min: DecimalNumber
    public var max: DecimalNumber?
    public var qualifier: String

    public init(min: DecimalNumber, max: DecimalNumber?, qualifier: String) {
        self.min = min
        self.max = max
        self.qualifier = qualifier
    }
}

/// A typed claim value (DESIGN §4).
public enum Value: Hashable, Sendable {
    case quantity(Quantity)
    case category(String)
    case boolean(Bool)
    case date(DateValue)
    case duration(DurationValue)
    case text(String)

    /// The type this value has.
    public var type: ValueType {
        switch self {
        case .quantity: .quantity
        case .category: .category
        case .boolean: .boolean
        case .date: .date
        case .duration: .duration
        case .text: .text
        }
    }
}

/// A parsed value together with the user's original wording, which is always kept (DESIGN §4).
public struct ClaimValue: Equatable, Sendable {
    public let value: Value
    /// The text the user gave, NFC.
    public let original: String

    public init(_ value: Value, original: String) {
        self.value = value
        self.original = Normalization.nfc(original)
    }

    /// The value as stored in a claim body: `{"type":…, "original":…, …type's fields}`.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["type": .string(value.type.rawValue), "original": .string(original)]
        switch value {
        case .quantity(let q):
            o["amount"] = .string(q.amount.description)
            o["qualifier"] = .string(q.qualifier.rawValue)
            o["step"] = .string(q.step.description)
            if let u = q.upper { o["upper"] = .string(u.description) }
            if let unit = q.unit { o["unit"] = .string(unit) }
        case .category(let id): o["id"] = .string(id)
        case .boolean(let b): o["value"] = .bool(b)
        case .date(let d):
            o["value"] = .string(d.value)
            o["precision"] = .string(d.precision.rawValue)
        case .duration(let d):
            o["min"] = .string(d.min.description)
            if let max = d.max { o["max"] = .string(max.description) }
            o["qualifier"] = .string(d.qualifier)
            o["unit"] = "s"
        case .text(let t): o["value"] = .string(t)
        }
        return .object(o)
    }
}
