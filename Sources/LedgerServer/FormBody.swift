import Foundation

/// An `application/x-www-form-urlencoded` body (or query string) decoded into fields; a field given twice keeps
/// its first value, a malformed escape makes the whole body malformed.
struct FormBody: Sendable {
    let fields: [String: String]

    init(_ text: String) throws {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(kv[0]), let value = Self.decode(kv.count > 1 ? kv[1] : "") else {
                throw ServerError(.badRequest, "the form body is not valid application/x-www-form-urlencoded")
            }
            if fields[key] == nil { fields[key] = value }
        }
        self.fields = fields
    }

    subscript(_ key: String) -> String? { fields[key] }

    private static func decode(_ s: Substring) -> String? { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
}
