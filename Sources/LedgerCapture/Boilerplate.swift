/// Step 2 of `HTMLTextExtractor`'s rule: which elements are page furniture (navigation, scripts, banners, ads)
/// and are dropped with everything inside them.
enum Boilerplate {
    static let elements: Set<String> = ["script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
                                        "select", "iframe", "svg", "head", "title", "object", "embed", "dialog"]
    static let roles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "alert"]
    static let tokens: Set<String> = ["cookie", "cookies", "consent", "gdpr", "ad", "ads", "advert", "advertisement", "sponsored",
                                      "promo", "newsletter", "share", "social", "related", "banner"]

    /// True when element `n` is dropped with its subtree.
    static func drops(_ n: HTMLElement, insideArticle: Bool) -> Bool {
        let name = n.name
        if elements.contains(name) { return true }
        if name == "header" && !insideArticle { return true }
        if n.attribute("hidden") != nil || n.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let role = n.attribute("role")?.lowercased(), roles.contains(role) { return true }
        for attr in ["id", "class"] {
            guard let value = n.attribute(attr)?.lowercased() else { continue }
            let words = value.split { !($0.isLetter || $0.isNumber) }
            if words.contains(where: { tokens.contains(String($0)) }) { return true }
        }
        return false
    }
}
