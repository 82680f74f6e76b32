extension ClaimInput {
    /// The fields a JSON claim must have (a `claim import` line, an API request).
    public static let requiredFields = ["source", "excerpt", "speaker", "text", "subject", "predicate", "value"]
    /// The fields it may have.
    public static let optionalFields = ["occurrence", "relay", "origin", "outlet", "lang", "polarity", "modality", "as_of", "event", "scope"]

    /// The claim a JSON object describes, in the vocabulary of `claim import` (DESIGN §4) — the one reading of a
    /// JSON claim, for import lines and the server's API alike; `ignoring` names members the caller reads itself.
    /// Every member is checked: unknown ones, missing ones and wrong types (null included) are refused.
    public init(json o: [String: JSONValue], ignoring: Set<String> = []) throws(ClaimInputError) {
        let known = Self.requiredFields + Self.optionalFields
        if let unknown = o.keys.sorted().first(where: { !known.contains($0) && !ignoring.contains($0) }) {
            throw .unknownField(unknown, known: known)
        }
        func string(_ key: String) throws(ClaimInputError) -> String? {
            guard let v = o[key] else { return nil }
            guard let s = v.string else { throw .field(key, "must be a string, got \(v.typeName)") }
            return s
        }
        func required(_ key: String) throws(ClaimInputError) -> String {
            guard let s = try string(key) else { throw .field(key, "is missing") }
            return s
        }
        var occurrence: Int? = nil
        if let v = o["occurrence"] {
            guard let i = v.integer, i >= 1 else { throw .field("occurrence", "must be a positive integer") }
            occurrence = i
        }
        var polarity = Polarity.affirmed, modality = Modality.asserted
        if let p = try string("polarity") {
            guard let v = Polarity(rawValue: p) else { throw .field("polarity", "must be affirmed or denied") }
            polarity = v
        }
        if let m = try string("modality") {
            guard let v = Modality(rawValue: m) else { throw .field("modality", "must be asserted, reported or hedged") }
            modality = v
        }
        self.init(source: try required("source"), excerpt: try required("excerpt"), occurrence: occurrence, speaker: try required("speaker"),
                  relay: try string("relay"), origin: try string("origin").map { .named($0) }, outlet: try string("outlet"), lang: try string("lang"), text: try required("text"),
                  subject: try required("subject"), predicate: try required("predicate"), value: try required("value"),
                  polarity: polarity, modality: modality, asOf: try string("as_of"), event: try string("event"), scope: try string("scope"))
    }
}
