extension ClaimValue {
    /// Reads a stored value (`{"type":…, "original":…, …}`); nil when it is malformed.
    public init?(json: JSONValue) {
        guard let t = json["type"]?.string, let type = ValueType(rawValue: t), let original = json["original"]?.string else { return nil }
        func decimal(_ key: String) -> DecimalNumber? { json[key]?.string.flatMap(DecimalNumber.init) }
        let value: Value
        switch type {
        case .quantity:
            guard let amount = decimal("amount"), let q = json["qualifier"]?.string.flatMap(QuantityQualifier.init(rawValue:)),
                  let step = decimal("step") else { return nil }
            value = .quantity(Quantity(amount: amount, qualifier: q, upper: decimal("upper"), unit: json["unit"]?.string, step: step))
        case .category:
            guard let id = json["id"]?.string else { return nil }
            value = .category(id)
        case .boolean:
            guard let b = json["value"]?.bool else { return nil }
            value = .boolean(b)
        case .date:
            guard let v = json["value"]?.string, let p = json["precision"]?.string.flatMap(DateValue.Precision.init(rawValue:)) else { return nil }
            value = .date(DateValue(value: v, precision: p))
        case .duration:
            guard let min = decimal("min"), let q = json["qualifier"]?.string else { return nil }
            value = .duration(DurationValue(min: min, max: decimal("max"), qualifier: q))
        case .text:
            guard let v = json["value"]?.string else { return nil }
            value = .text(v)
        }
        self.init(value, original: original)
    }
}

extension DecimalNumber {
    /// The nearest double, for interval comparisons in analysis (never for anything stored).
    public var doubleValue: Double { Double(description) ?? .nan }
}
