import LedgerReport

/// The frame of every server page: the header with navigation and the logout form (carrying the CSRF token),
/// the linked stylesheet (`/style.css`; the Content-Security-Policy forbids inline style and script). Every
/// string from the ledger or a request reaches the page through `HTMLEscape` (LedgerReport), the one rule
/// for HTML output.
enum PageLayout {
    static let navigation = [("/", "Dashboard"), ("/sources", "Sources"), ("/claims", "Claims"),
                             ("/contradictions", "Contradictions"), ("/corroborations", "Corroborations"), ("/audit", "Audit"),
                             ("/entities", "Entities"), ("/predicates", "Predicates")]

    static func page(_ title: String, user: User?, csrf: String?, current: String = "", _ body: String) -> String {
        let links = navigation + (user?.role == .admin ? [("/admin/users", "Users")] : [])
        let nav = links.map { href, label in
            "<a href=\"\(href)\"\(href == current ? " aria-current=\"page\"" : "")>\(label)</a>"
        }.joined(separator: " ")
        let account = user.map { u in
            """
            <form class="logout" method="post" action="/logout"><input type="hidden" name="csrf" value="\(HTMLEscape.text(csrf ?? ""))">\
            <span class="who">\(HTMLEscape.value(u.name)) (\(u.role.rawValue))</span> <button type="submit">Log out</button></form>
            """
        } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscape.text(title)) — ClaimLedger</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/style.css"><script src="/app.js" defer></script></head>
        <body><a class="skip" href="#main">Skip to content</a>
        <header class="top"><strong class="brand">ClaimLedger</strong> \(user == nil ? "" : "<nav aria-label=\"Main\">\(nav)</nav>") \(account)</header>
        <main id="main">
        \(body)
        </main></body></html>\n
        """
    }

    /// A definition list of (label, already-escaped HTML) rows.
    static func facts(_ rows: [(String, String)]) -> String {
        "<dl class=\"facts\">" + rows.map { "<dt>\(HTMLEscape.text($0.0))</dt><dd>\($0.1)</dd>" }.joined() + "</dl>\n"
    }

    static func code(_ s: String) -> String { "<code>\(HTMLEscape.text(s))</code>" }
}
