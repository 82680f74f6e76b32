/// Turns the user's `--value` text into a typed `ClaimValue`, per the predicate's declared type —
/// or, for an undeclared predicate, by inference: boolean word, date, duration, quantity, else text.
public enum ValueParser {
    /// Parses `text` (claim language `language`) for `predicate`, or by inference when it is nil.
    public static func parse(_ text: String, predicate: ClaimPredicate?, language: String) throws(ValueError) -> ClaimValue {
        let trimmed = text.trimmingSpace()
        guard !trimmed.isEmpty else { throw ValueError("the value is empty") }
        guard let predicate else { return ClaimValue(infer(trimmed, language: language), original: trimmed) }
        let value: Value
        switch predicate.type {
        case .quantity:
            guard var q = QuantityParser.parse(trimmed, language: language) else {
                throw ValueError("\"\(trimmed.prefix(60))\" is not a quantity (expected e.g. \"more than 200,000\", \"près de 200.000\")")
            }
            if let declared = predicate.unit {
                if let u = q.unit, ValueWords.units.values.contains(u) || ValueWords.units.values.contains(declared), u != declared {
                    throw ValueError("\"\(trimmed.prefix(60))\" is in \(u), but predicate \(predicate.id) is in \(declared)")
                }
                q.unit = declared  // words such as "people"/"personnes" name the declared unit in either language
            }
            value = .quantity(q)
        case .category:
            value = .category(try category(trimmed, predicate: predicate))
        case .boolean:
            guard let b = ValueWords.booleans[ValueWords.simplify(trimmed)] else {
                throw ValueError("\"\(trimmed.prefix(60))\" is not a boolean (use true/false, yes/no, oui/non, vrai/faux)")
            }
            value = .boolean(b)
        case .date:
            guard let d = DateParser.parse(trimmed, language: language) else {
                throw ValueError("\"\(trimmed.prefix(60))\" is not a date (expected e.g. 2024-07-29, 29 July 2024, 29 juillet 2024)")
            }
            value = .date(d)
        case .duration:
            guard let d = DurationParser.parse(trimmed, language: language) else {
                throw ValueError("\"\(trimmed.prefix(60))\" is not a duration (expected e.g. \"two days\", \"quelques heures\", \"24h\")")
            }
            value = .duration(d)
        case .text:
            value = .text(Normalization.nfc(trimmed))
        }
        return ClaimValue(value, original: trimmed)
    }

    /// A category id from the predicate's vocabulary, matched on id or label ignoring case, accents of
    /// spacing and quote style; without a vocabulary, a slug of the text ("Ban evasion" → "ban_evasion").
    static func category(_ text: String, predicate: ClaimPredicate) throws(ValueError) -> String {
        let key = MatchKey.ofQuote(text)
        guard !predicate.values.isEmpty else {
            return String(String.UnicodeScalarView(key.map { $0 == " " || $0 == "-" ? "_" : $0 }))
        }
        for v in predicate.values where MatchKey.ofQuote(v.id) == key || v.labels.values.contains(where: { MatchKey.ofQuote($0) == key }) {
            return v.id
        }
        throw ValueError("\"\(text.prefix(60))\" is not one of \(predicate.id)'s values: \(predicate.values.map(\.id).joined(separator: ", "))")
    }

    static func infer(_ text: String, language: String) -> Value {
        if let b = ValueWords.booleans[ValueWords.simplify(text)] { return .boolean(b) }
        if let d = DateParser.parse(text, language: language) { return .date(d) }
        if let d = DurationParser.parse(text, language: language) { return .duration(d) }
        if text.contains(where: \.isNumber), let q = QuantityParser.parse(text, language: language) { return .quantity(q) }
        return .text(Normalization.nfc(text))
    }
}

/// Why a value could not be parsed for its predicate.
public struct ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
