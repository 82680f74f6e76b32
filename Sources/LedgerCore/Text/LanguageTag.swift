import Foundation

/// BCP 47 (RFC 5646) language tags: syntax check and conventional casing ("fr-ca" → "fr-CA",
/// "zh-hant-tw" → "zh-Hant-TW"); `isRegistered` and `unknownSubtag` check the language, script and region
/// subtags against the bundled lists.
public enum LanguageTag {
    /// The tag in conventional case, or nil when it is not a well-formed BCP 47 tag.
    public static func canonical(_ tag: String) -> String? {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map { $0.lowercased() }
        guard !tag.isEmpty, tag.count <= 64, parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        if parts[0] == "x" { return parts.count > 1 ? parts.joined(separator: "-") : nil }  // private use only
        if ["i-default", "i-klingon", "i-navajo", "en-gb-oed", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de"].contains(parts.joined(separator: "-")) {
            return parts.joined(separator: "-")
        }
        var i = 0
        var out: [String] = []
        func alpha(_ s: String, _ r: ClosedRange<Int>) -> Bool { r.contains(s.count) && s.allSatisfy(\.isLetter) }
        func digit(_ s: String, _ n: Int) -> Bool { s.count == n && s.allSatisfy(\.isNumber) }
        guard alpha(parts[0], 2...3) || alpha(parts[0], 5...8) else { return nil }
        out.append(parts[0]); i = 1
        var ext = 0
        while i < parts.count, ext < 3, parts[0].count <= 3, alpha(parts[i], 3...3) { out.append(parts[i]); i += 1; ext += 1 }
        if i < parts.count, alpha(parts[i], 4...4) { out.append(parts[i].prefix(1).uppercased() + parts[i].dropFirst()); i += 1 }
        if i < parts.count, alpha(parts[i], 2...2) || digit(parts[i], 3) { out.append(parts[i].uppercased()); i += 1 }
        var variants = Set<String>()
        while i < parts.count, (parts[i].count >= 5 && parts[i].count <= 8) || (parts[i].count == 4 && parts[i].first!.isNumber) {
            guard variants.insert(parts[i]).inserted else { return nil }
            out.append(parts[i]); i += 1
        }
        var singletons = Set<String>()
        while i < parts.count, parts[i].count == 1, parts[i] != "x" {
            guard singletons.insert(parts[i]).inserted else { return nil }
            out.append(parts[i]); i += 1
            var n = 0
            while i < parts.count, (2...8).contains(parts[i].count) { out.append(parts[i]); i += 1; n += 1 }
            guard n > 0 else { return nil }
        }
        if i < parts.count, parts[i] == "x" {
            guard i + 1 < parts.count else { return nil }
            out.append(contentsOf: parts[i...])
            i = parts.count
        }
        return i == parts.count ? out.joined(separator: "-") : nil
    }
}

extension LanguageTag {
    private static let primarySubtags: Set<Substring> = Set(LanguageSubtags.codes.split(separator: " "))

    /// Whether a well-formed tag's primary language subtag is one BCP 47 allows (ISO 639, `LanguageSubtags`), or
    /// private use (`x-…`, `qaa`–`qtz`) or a grandfathered tag. Scripts and regions are `unknownSubtag`'s.
    public static func isRegistered(_ canonical: String) -> Bool {
        let primary = canonical.split(separator: "-").first.map { $0.lowercased() } ?? ""
        if primary == "x" || primary == "i" || primary == "sgn" || primary == "en" && canonical.hasPrefix("en-GB-oed") { return true }
        if primary.count == 3, primary >= "qaa", primary <= "qtz" { return true }
        return primarySubtags.contains(Substring(primary))
    }

    private static let regions: Set<Substring> = Set(RegionScriptSubtags.regions.split(separator: " "))
    private static let scripts: Set<Substring> = Set(RegionScriptSubtags.scripts.split(separator: " "))

    /// The first script or region subtag of a well-formed, conventionally cased tag that BCP 47 does not allow
    /// (`RegionScriptSubtags`: "UK" in "en-UK", where ISO 3166 writes GB), with what it is; nil when all are allowed.
    /// Subtags after the region (variants, extensions, private use) are checked for form only.
    public static func unknownSubtag(_ canonical: String) -> (kind: String, subtag: String)? {
        let parts = canonical.split(separator: "-")
        guard let primary = parts.first, primary != "x", primary != "i", parts.count > 1 else { return nil }
        var i = 1
        while i < parts.count, parts[i].count == 3, parts[i].allSatisfy(\.isLetter) { i += 1 }  // extended language subtags
        if i < parts.count, parts[i].count == 4, parts[i].allSatisfy(\.isLetter) {
            if !scripts.contains(parts[i]) { return ("script", String(parts[i])) }
            i += 1
        }
        if i < parts.count, (parts[i].count == 2 && parts[i].allSatisfy(\.isLetter)) || (parts[i].count == 3 && parts[i].allSatisfy(\.isNumber)) {
            if !regions.contains(parts[i]) { return ("region", String(parts[i])) }
        }
        return nil
    }

    /// The tag a person probably meant: for a language's name ("english", "Français") its subtag; for a
    /// three-letter code of a language that has a two-letter one ("eng", "fra") the two-letter one.
    public static func suggestion(for text: String) -> String? {
        let key = text.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(in: .whitespaces)
        if let code = LanguageSubtags.names[key] { return code }
        // "fr_FR", a locale name: BCP 47 separates subtags with hyphens.
        if text.contains("_"), let tag = canonical(text.replacingOccurrences(of: "_", with: "-")), isRegistered(tag), unknownSubtag(tag) == nil { return tag }
        return nil
    }
}
