import Foundation
import LedgerCrypto

/// Builders for entry bodies from user input, validating every field first (DESIGN §4).
/// Each returns the body object to append, or throws an `EntryError` naming the field at fault.
public enum Bodies {
    /// `ledger.genesis`: the ledger's origin line, creation time and public key (C2SP verifier key).
    public static func genesis(origin: String, created: String, verifierKey: String) -> GenesisBody {
        GenesisBody(origin: origin, created: created, publicKey: verifierKey)
    }

    /// `source`: the captured document's metadata. Its bytes are stored apart, addressed by `id`. Plain text is
    /// anchored in its own decoding; a capture (`extracted`: the text an `Extractor` derived from `bytes`, and the
    /// capture's media type) is anchored in that text, and the entry names the extractor. A web-archive capture also
    /// names the WARC record (`webArchive`) its bytes are.
    public static func source(bytes: [UInt8], extracted: (text: String, mediaType: String, extractor: Extractor)? = nil,
                              webArchive: WebArchiveOrigin? = nil, outlet: String, language: String, url: String?, title: String?,
                              published: String?, capturedAt: String) throws(EntryError) -> (id: Digest, body: SourceBody) {
        guard !bytes.isEmpty else { throw EntryError("the source file is empty") }
        guard let text = extracted?.text ?? Normalization.anchoringText(bytes) else {
            throw EntryError("the source is not valid UTF-8 text (convert it to UTF-8 first; its bytes were not changed or stored)")
        }
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { throw EntryError("the source holds only white space") }
        let outlet = try name(outlet, "--outlet"), language = try lang(language), capturedAt = try timestamp(capturedAt, "--captured-at")
        var archive: WebArchiveOrigin?
        if let webArchive {
            guard WebArchiveOrigin.isValidDate(webArchive.date) else {
                throw EntryError("the WARC record's WARC-Date \"\(webArchive.date.prefix(40))\" is not a WARC date (YYYY-MM-DDThh:mm:ssZ)")
            }
            archive = WebArchiveOrigin(recordID: try prose(webArchive.recordID, "the WARC record's WARC-Record-ID"),
                                       targetURI: try prose(webArchive.targetURI, "the WARC record's WARC-Target-URI"), date: webArchive.date)
        }
        let id = SHA256.hash(bytes)
        let body = SourceBody(id: id, textSHA256: SHA256.hash(Array(text.utf8)), outlet: outlet, lang: language,
                              capturedAt: capturedAt, mediaType: extracted?.mediaType ?? "text/plain; charset=utf-8",
                              byteLength: bytes.count, url: try url.map { u throws(EntryError) in try Bodies.url(u) },
                              title: try title.map { t throws(EntryError) in try prose(t, "--title") },
                              published: try published.map { p throws(EntryError) in try date(p, "--published") },
                              extractor: extracted?.extractor, webArchive: archive)
        return (id, body)
    }

    /// `entity`: a canonical id with labels per language and aliases.
    public static func entity(id: String, labels: [String: String], aliases: [String]) throws(EntryError) -> EntityBody {
        guard !labels.isEmpty else { throw EntryError("an entity needs at least one --label") }
        var checkedLabels: [String: String] = [:]
        for (l, text) in labels { checkedLabels[try lang(l)] = try name(text, "--label") }
        var checkedAliases: [String] = []
        for a in aliases { checkedAliases.append(try name(a, "--alias")) }
        return EntityBody(id: try identifier(id, "entity id"), labels: checkedLabels, aliases: checkedAliases)
    }

    /// How every C2SP signer key's text begins.
    public static let privateKeyPrefix = "PRIVATE+KEY+"

    /// Whether `text` holds `privateKeyPrefix` anywhere: a byte search (UTF-8 is self-synchronizing, so a match
    /// of these ASCII bytes is a match of the characters), cheaper than `String.contains` on every field.
    static func holdsPrivateKey(_ text: String) -> Bool {
        !ExcerptLocator.searchBytes(privateKeyBytes, in: Array(text.utf8)).isEmpty
    }

    private static let privateKeyBytes = Array(privateKeyPrefix.utf8)

    /// Checks a name as `prose` does, and returns it trimmed. Names (outlets, speakers, subjects, labels, aliases, scopes) also refuse `InvisibleCharacters`, which
    /// would make two names look alike or one display as another.
    public static func name(_ text: String, _ field: String) throws(EntryError) -> String {
        try refuseInvisible(text, field)
        return try prose(text, field)
    }

    /// Checks free text (a title, a claim's wording, a reason): non-empty after trimming, no control characters;
    /// returns it trimmed. Unlike a name it may hold joiners and bidi marks, which prose in some scripts needs.
    public static func prose(_ text: String, _ field: String) throws(EntryError) -> String {
        let t = text.trimmingSpace()
        guard !t.isEmpty else { throw EntryError("\(field) is empty") }
        // A signer key pasted into a field would be stored, signed and published for good (never echoed here).
        if holdsPrivateKey(t) { throw EntryError("\(field) holds a private signer key (PRIVATE+KEY+…); never put a private key in the ledger") }
        // Printable ASCII (most text) has no control characters; anything else is checked scalar by scalar
        // (Cc: C0, DEL and C1).
        let printable = t.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }
        if !printable, let (i, c) = t.unicodeScalars.enumerated().first(where: { $1.properties.generalCategory == .control && $1 != "\n" && $1 != "\t" }) {
            // Positions count scalars from 1, as for invisible characters in names.
            throw EntryError("\(field) contains the control character \(InvisibleCharacters.describe(c)) at position \(i + 1); remove it")
        }
        return t
    }

    /// Checks an identifier (entity, subject, predicate, event): 1–200 characters, no spaces or controls.
    public static func identifier(_ text: String, _ field: String) throws(EntryError) -> String {
        // Most identifiers are printable ASCII without spaces: nothing to refuse, already NFC.
        if text.utf8.count <= 200, !text.isEmpty, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return text }
        try refuseInvisible(text, field)
        guard !text.isEmpty, text.count <= 200,
              !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control })
        else { throw EntryError("\(field) \"\(text.prefix(40))\" must be 1–200 characters with no spaces (e.g. account:@dudes4harris)") }
        return Normalization.nfc(text)
    }

    private static func refuseInvisible(_ text: String, _ field: String) throws(EntryError) {
        if let (scalar, position) = InvisibleCharacters.first(in: text) {
            throw EntryError("\(field) contains \(InvisibleCharacters.describe(scalar)) at position \(position); remove it")
        }
    }

    /// Checks a BCP 47 language tag and returns it in conventional case.
    /// The primary language must be one BCP 47 allows (`LanguageTag.isRegistered`); a language's name or an
    /// ISO 639-2 code gets a suggestion ("english" → en).
    public static func lang(_ tag: String) throws(EntryError) -> String {
        var hint: String { LanguageTag.suggestion(for: tag).map { "; did you mean \($0)?" } ?? " (e.g. en, fr, fr-CA)" }
        guard let canonical = LanguageTag.canonical(tag) else {
            throw EntryError("\"\(tag.prefix(40))\" is not a BCP 47 language tag\(hint)")
        }
        guard LanguageTag.isRegistered(canonical) else {
            let primary = String(canonical.split(separator: "-")[0])
            if primary.count == 3, let two = LanguageTag.suggestion(for: primary) {
                throw EntryError("\"\(tag.prefix(40))\" is not how BCP 47 writes this language: use \(two) (its ISO 639-1 code) instead of \(primary)")
            }
            throw EntryError("\"\(tag.prefix(40))\" is not a BCP 47 language tag: \(primary) is not an ISO 639 language code\(hint)")
        }
        if let (kind, subtag) = LanguageTag.unknownSubtag(canonical) {
            let example = kind == "region" ? "ISO 3166 codes such as GB, FR, CA, or 419 for Latin America" : "ISO 15924 codes such as Latn, Cyrl, Hant"
            throw EntryError("\"\(tag.prefix(40))\" is not a BCP 47 language tag: \(subtag) is not a \(kind) subtag (\(example))")
        }
        return canonical
    }

    /// Checks a date (ISO or prose, as `DateParser` reads them) and returns its ISO form.
    public static func date(_ text: String, _ field: String) throws(EntryError) -> String {
        guard let d = DateParser.parse(text, language: "en") else {
            throw EntryError("\(field) \"\(text.prefix(40))\" is not a date (e.g. 2024-07-29 or 2024-07-29T14:00:00Z)")
        }
        return d.value
    }

    /// Checks an RFC 3339 time (seconds, with Z or an offset) or a plain date, and returns it.
    public static func timestamp(_ text: String, _ field: String) throws(EntryError) -> String {
        guard RFC3339.isValid(text) else {
            throw EntryError("\(field) \"\(text.prefix(40))\" is not an RFC 3339 time (e.g. 2024-07-30T09:15:00Z)")
        }
        return text
    }

    /// Checks an absolute http(s) URL.
    public static func url(_ text: String) throws(EntryError) -> String {
        guard let u = URL(string: text), let scheme = u.scheme?.lowercased(), scheme == "http" || scheme == "https", u.host != nil else {
            throw EntryError("--url \"\(text.prefix(60))\" is not an absolute http(s) URL")
        }
        return text
    }

    /// The current time as RFC 3339 UTC with seconds.
    public static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }
}
