import LedgerCore

extension JSONValue {
    /// A figure analysis computed, as JSON gives every decimal: exact decimal text in a string (as `amount` is in
    /// claim bodies; schemas/common.schema.json#/$defs/decimal), with a "-" before a negative one; null for an
    /// unbounded end (+∞).
    static func decimal(_ x: Double) -> JSONValue {
        guard x.isFinite else { return .null }
        guard let d = DecimalNumber(abs(x)) else { return .null }
        return .string((x < 0 ? "-" : "") + d.description)
    }
}
