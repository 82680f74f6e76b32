extension ClaimValue {
    /// Reads a stored value (`{"type":…, "original":…, …}`); nil when it is malformed.
    public init?(json: JSONValue) {
        self.init(string: { json[$0]?.string }, bool: { json[$0]?.bool })
    }

    /// Reads a stored value at `node` of a view, without building a `JSONValue` (once per claim in every analysis
    /// and verify).
    public init?(_ view: CanonicalJSONView, _ node: Int) {
        guard view.kind(node) == .object else { return nil }
        self.init(string: { view.member(node, $0).flatMap(view.string) }, bool: { view.member(node, $0).flatMap(view.bool) })
    }

    /// Reads a stored value through its members' string and boolean readers.
    private init?(string: (String) -> String?, bool: (String) -> Bool?) {
        guard let t = string("type"), let type = ValueType(rawValue: t), let original = string("original") else { return nil }
        func decimal(_ key: String) -> DecimalNumber? { string(key).flatMap(DecimalNumber.init) }
        let value: Value
        switch type {
        case .quantity:
            guard let amount = decimal("amount"), let q = string("qualifier").flatMap(QuantityQualifier.init(rawValue:)),
                  let step = decimal("step") else { return nil }
            value = .quantity(Quantity(amount: amount, qualifier: q, upper: decimal("upper"), unit: string("unit"), step: step))
        case .category:
            guard let id = string("id") else { return nil }
            value = .category(id)
        case .boolean:
            guard let b = bool("value") else { return nil }
            value = .boolean(b)
        case .date:
            guard let v = string("value"), let p = string("precision").flatMap(DateValue.Precision.init(rawValue:)) else { return nil }
            value = .date(DateValue(value: v, precision: p))
        case .duration:
            guard let min = decimal("min"), let q = string("qualifier") else { return nil }
            value = .duration(DurationValue(min: min, max: decimal("max"), qualifier: q))
        case .text:
            guard let v = string("value") else { return nil }
            value = .text(v)
        }
        self.init(value, original: original)
    }
}

extension DecimalNumber {
    /// The nearest double, for interval comparisons in analysis (never for anything stored).
    public var doubleValue: Double { Double(description) ?? .nan }
}
