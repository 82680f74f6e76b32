import LedgerAnalysis
import LedgerCore

/// What a report needs beyond its findings to be read by an editor: the declared labels of entities, predicates and
/// category values (shown first, in the claim's language, with the id second), and the recorded sources (so each
/// claim names its source by title, URL and published date, not only by hash). Empty, a report shows ids as before.
public struct ReportContext: Sendable {
    public var names: EntityNames
    public var predicates: [String: ClaimPredicate]
    /// Recorded sources by id (hex).
    public var sources: [String: SourceRecord]

    public init(names: EntityNames = EntityNames(), predicates: [String: ClaimPredicate] = [:], sources: [String: SourceRecord] = [:]) {
        self.names = names
        self.predicates = predicates
        self.sources = sources
    }

    /// A name shown label first: the declared label, and the id it stands for when that differs (nil otherwise).
    public struct Labelled: Sendable, Equatable {
        public let label: String
        public let id: String?

        /// "label · id", or the label alone.
        public var plain: String { id.map { "\(label) · \($0)" } ?? label }
    }

    /// The subject as a reader of `lang` knows it: its entity's label in that language and the entity id
    /// ("White Dudes for Harris (X account) · account:@dudes4harris"); a name no entity holds, as written.
    public func subject(_ name: String, lang: String?) -> Labelled {
        guard let id = names.resolve(name), let label = names.label(id, lang: lang), label != id else { return Labelled(label: name, id: nil) }
        return Labelled(label: label, id: id)
    }

    /// The predicate by its declared label in `lang` ("people on the call · call.attendance"), else its id.
    public func predicate(_ id: String, lang: String?) -> Labelled {
        guard let label = predicates[id].flatMap({ Self.label($0.labels, lang: lang) }), label != id else { return Labelled(label: id, id: nil) }
        return Labelled(label: label, id: id)
    }

    /// A category value of `predicate` by its declared label in `lang`, else its id.
    public func category(_ value: String, of predicate: String, lang: String?) -> String {
        predicates[predicate]?.values.first { $0.id == value }.flatMap { Self.label($0.labels, lang: lang) } ?? value
    }

    /// The label of `labels` for a reader of `lang`: that language, its primary subtag, English, else the first by tag.
    static func label(_ labels: [String: String], lang: String?) -> String? {
        guard !labels.isEmpty else { return nil }
        let primary = lang.map { String($0.split(separator: "-").first ?? "") }
        return lang.flatMap { labels[$0] } ?? primary.flatMap { labels[$0] } ?? labels["en"] ?? labels.sorted { $0.key < $1.key }.first?.value
    }

    /// The subject and predicate of a finding in claim `c`'s own language ("compte X « White Dudes for Harris » —
    /// durée du blocage"), when the finding is headed in `headingLang` and names them otherwise there; else nil.
    public func about(_ c: ClaimRecord, subject: String, predicate: String, headingLang: String?) -> String? {
        let own = (self.subject(subject, lang: c.lang).label, self.predicate(predicate, lang: c.lang).label)
        let heading = (self.subject(subject, lang: headingLang).label, self.predicate(predicate, lang: headingLang).label)
        return own == heading ? nil : "\(own.0) — \(own.1)"
    }

    /// A claim's value as written, and for a category the value's label when the wording is not it.
    public func value(_ c: ClaimRecord) -> String {
        if case .category(let id) = c.value.value {
            let label = category(id, of: c.predicate, lang: c.lang)
            if Self.key(label) != Self.key(c.value.original) { return "\(c.value.original) (\(label))" }
        }
        return c.value.original
    }

    static func key(_ s: String) -> String { String(String.UnicodeScalarView(MatchKey.ofQuote(s))) }

    /// The source of a claim in words: “title”, published date, URL — whichever were recorded (nil for an
    /// unknown source).
    public func source(_ id: String) -> (title: String?, published: String?, url: String?)? {
        guard let s = sources[id] else { return nil }
        return (s.title, s.published, s.url)
    }

    /// "“Title”, published 2024-07-30, https://…" (the parts recorded), or nil.
    public func sourceLine(_ id: String) -> String? {
        guard let s = source(id) else { return nil }
        let parts = [s.title.map { "“\($0)”" }, s.published.map { "published \($0)" }, s.url].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}

/// The first 12 hex digits of a hash, as reports show it (the full value is in JSON and, in HTML, on hover).
public func shortHash(_ hex: String) -> String { String(hex.prefix(12)) }
