import LedgerAnalysis
import LedgerCore
import LedgerReport

/// The pages where editors record things: the claim form under an article, the upload form, and the entity and
/// predicate pages. Every value shown goes through `HTMLEscape`; a refused form comes back with its values and
/// the one-line reason.
extension Pages {
    /// What the claim form under an article needs: the session's CSRF token, the declared vocabulary, and the
    /// values and error of a refused attempt.
    struct ClaimForm {
        let csrf: String
        let predicates: [ClaimPredicate]
        let subjects: [String]
        /// The declared entity ids, offered for the origin.
        var entityIDs: [String] = []
        var values: [String: String] = [:]
        var error: String?
    }

    static func claimForm(_ src: SourceRecord, _ f: ClaimForm) -> String {
        claimForm(f, action: "/sources/\(src.id)/claims", lang: src.lang, heading: "Record a claim", button: "Record the claim",
                  hint: "Select the quote in the article above with the mouse (or type it exactly as it appears): the form takes the exact text and which occurrence it is.")
    }

    /// The correction form on a claim's page: the claim's fields, to change what is wrong, and the reason.
    static func correctionForm(seq: Int64, lang: String, _ f: ClaimForm) -> String {
        claimForm(f, action: "/claims/\(seq)/correct", lang: lang, heading: "Correct this claim", button: "Record the correction",
                  hint: "Change what is wrong and say why: the correction is a new entry; the claim as first recorded stays in its history.", reason: true)
    }

    private static func claimForm(_ f: ClaimForm, action: String, lang: String, heading: String, button: String, hint: String, reason: Bool = false) -> String {
        func v(_ key: String) -> String { HTMLEscape.text(f.values[key] ?? "") }
        func field(_ key: String, _ label: String, _ hint: String, required: Bool = true, list: String? = nil) -> String {
            "<label>\(label) <input name=\"\(key)\" value=\"\(v(key))\"\(required ? " required" : "")\(list.map { " list=\"\($0)\"" } ?? "") maxlength=\"2000\"><small>\(hint)</small></label>"
        }
        let predicateOptions = f.predicates.map { p in
            "<option value=\"\(HTMLEscape.text(p.id))\"\(f.values["predicate"] == p.id ? " selected" : "")>\(HTMLEscape.value(p.id)) (\(p.type.rawValue)\(p.unit.map { ", " + HTMLEscape.value($0) } ?? ""))</option>"
        }.joined()
        func choice(_ key: String, _ options: [String]) -> String {
            "<select name=\"\(key)\">" + options.map { "<option\(f.values[key] == $0 ? " selected" : "")>\($0)</option>" }.joined() + "</select>"
        }
        return """
        <h2 id="record">\(heading)</h2>
        <p id="selection-hint">\(hint)</p>
        \(f.error.map { "<p class=\"error\" role=\"alert\">\(HTMLEscape.value($0))</p>" } ?? "")
        <form id="record-claim" class="record" method="post" action="\(action)" data-lang="\(HTMLEscape.text(lang))">
        <input type="hidden" name="csrf" value="\(HTMLEscape.text(f.csrf))">\(["scope", "as_of"].filter { f.values[$0] != nil }.map { "<input type=\"hidden\" name=\"\($0)\" value=\"\(v($0))\">" }.joined())
        \(reason ? "<label class=\"wide\">Reason for the correction <input name=\"reason\" value=\"\(v("reason"))\" required maxlength=\"2000\"></label>" : "")
        <label class="wide">Quote (exact excerpt) <textarea name="excerpt" required rows="3" maxlength="8000">\(v("excerpt"))</textarea></label>
        <label>Occurrence <input name="occurrence" value="\(v("occurrence"))" inputmode="numeric" pattern="[0-9]*"><small>when the quote appears more than once: 1 = the first</small></label>
        \(field("speaker", "Speaker", "who said it, e.g. the organizers, X, la police"))
        \(field("relay", "Relayed by", "optional: through whom the outlet got it, e.g. an email shared with The Post", required: false))
        \(field("origin", "Origin", "optional: whose reporting it traces to — an entity id (org:organisers) or a recorded source's id; claims with one origin count once", required: false, list: "origins"))
        <datalist id="origins">\(f.entityIDs.map { "<option value=\"\(HTMLEscape.text($0))\">" }.joined())</datalist>
        <label class="wide">The claim in words <input name="text" value="\(v("text"))" required maxlength="2000"><small>one sentence: what is claimed</small></label>
        \(field("subject", "Subject", "an entity id or name; new subjects need the box below", list: "subjects"))
        <datalist id="subjects">\(f.subjects.map { "<option value=\"\(HTMLEscape.text($0))\">" }.joined())</datalist>
        <label>Predicate <select name="predicate" required>\(predicateOptions)</select><small>declare new ones on the <a href="/predicates">predicates</a> page</small></label>
        <label>Value <input name="value" value="\(v("value"))" required maxlength="500" aria-describedby="value-reading"><small>as written, e.g. more than 200,000 / près de 200.000</small></label>
        <output id="value-reading" for="value" aria-live="polite"></output>
        \(field("event", "Event", "optional: which event, so figures about different events are never compared", required: false))
        <label>Polarity \(choice("polarity", ClaimInput.Polarity.allCases.map(\.rawValue)))<small>denied: the speaker rejects the value</small></label>
        <label>Modality \(choice("modality", ClaimInput.Modality.allCases.map(\.rawValue)))<small>reported or hedged (“reportedly”)</small></label>
        <label class="check"><input type="checkbox" name="new_subject" value="1"\(f.values["new_subject"] == "1" ? " checked" : "")> the subject is new (not a misspelling of a recorded one)</label>
        <label class="check"><input type="checkbox" name="allow_duplicate" value="1"\(f.values["allow_duplicate"] == "1" ? " checked" : "")> record it even though an identical claim exists</label>
        <button type="submit">\(button)</button>
        </form>\n
        """
    }

    static func upload(csrf: String, error: String?, values: [String: String]) -> String {
        func v(_ key: String) -> String { HTMLEscape.text(values[key] ?? "") }
        return """
        <h1>Add a source</h1>
        <p>Upload the captured article: a plain-text file (UTF-8) or a saved HTML page (<code>.html</code>, whose main text is extracted). The file's exact bytes are kept as the evidence and hashed; quotes are then selected in its text.</p>
        \(error.map { "<p class=\"error\" role=\"alert\">\(HTMLEscape.value($0))</p>" } ?? "")
        <form class="record" method="post" action="/sources" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="\(HTMLEscape.text(csrf))">
        <label class="wide">Capture <input type="file" name="capture" required accept=".txt,.html,.htm,.xhtml,text/plain,text/html"></label>
        <label>Outlet <input name="outlet" value="\(v("outlet"))" required maxlength="300"><small>who published it, e.g. La Tribune</small></label>
        <label>Language <input name="lang" value="\(v("lang"))" required maxlength="35"><small>a language tag: en, fr, fr-CA</small></label>
        <label>URL <input name="url" value="\(v("url"))" maxlength="2000"><small>optional</small></label>
        <label>Title <input name="title" value="\(v("title"))" maxlength="500"><small>optional: the headline</small></label>
        <label>Published <input name="published" value="\(v("published"))" maxlength="40"><small>optional, e.g. 2024-07-30</small></label>
        <label>Captured at <input name="captured_at" value="\(v("captured_at"))" maxlength="40"><small>optional, RFC 3339 (default: now)</small></label>
        <button type="submit">Add the source</button>
        </form>\n
        """
    }

    static func predicates(_ list: [ClaimPredicate], csrf: String?, error: String?) -> String {
        var body = "<h1>Predicates</h1>\n<p>What claims are about, and how their values compare. A predicate is declared once: declarations are entries and cannot be changed.</p>\n"
        body += "<div class=\"table\"><table><thead><tr><th scope=\"col\">id</th><th scope=\"col\">type</th><th scope=\"col\">unit · tolerance</th><th scope=\"col\">values</th><th scope=\"col\">labels</th></tr></thead><tbody>\n"
        for p in list {
            let extra = [p.unit, p.tolerance.map { "±\($0)" }].compactMap { $0 }.joined(separator: " · ")
            body += "<tr><td><code>\(HTMLEscape.value(p.id))</code></td><td>\(p.type.rawValue) (\(p.cardinality.rawValue))</td><td>\(HTMLEscape.value(extra))</td><td>\(HTMLEscape.value(p.values.map(\.id).joined(separator: ", ")))</td><td>\(HTMLEscape.value(p.labels.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")))</td></tr>\n"
        }
        body += "</tbody></table></div>\n"
        guard let csrf else { return body }
        return body + """
        <h2>Declare a predicate</h2>
        \(error.map { "<p class=\"error\" role=\"alert\">\(HTMLEscape.value($0))</p>" } ?? "")
        <form class="record" method="post" action="/predicates"><input type="hidden" name="csrf" value="\(HTMLEscape.text(csrf))">
        <label>Id <input name="id" required maxlength="200" pattern="[^\\s]+"><small>no spaces, e.g. call.attendance</small></label>
        <label>Type <select name="type">\(ValueType.allCases.map { "<option>\($0.rawValue)</option>" }.joined())</select></label>
        <label>Cardinality <select name="cardinality"><option>single</option><option>multi</option></select><small>single: different values conflict</small></label>
        <label>Unit <input name="unit" maxlength="40"><small>quantities: people, USD, percent</small></label>
        <label>Tolerance <input name="tolerance" maxlength="10"><small>quantities: how far “about n” may stray, e.g. 0.05</small></label>
        <label>Values <input name="values" maxlength="2000"><small>categories: the allowed value ids, comma-separated</small></label>
        <label>Label (en) <input name="label_en" maxlength="300"></label>
        <label>Label (fr) <input name="label_fr" maxlength="300"></label>
        <button type="submit">Declare</button>
        </form>\n
        """
    }

    static func entities(_ list: [EntityDirectory.Entity], csrf: String?, error: String?) -> String {
        var body = "<h1>Entities</h1>\n<p>The canonical subjects claims are about. A claim's subject may be an entity's id, label or alias; names are unique across entities.</p>\n"
        body += "<div class=\"table\"><table><thead><tr><th scope=\"col\">id</th><th scope=\"col\">labels</th><th scope=\"col\">aliases</th></tr></thead><tbody>\n"
        for e in list {
            body += "<tr><td><code>\(HTMLEscape.value(e.id))</code></td><td>\(HTMLEscape.value(e.labels.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")))</td><td>\(HTMLEscape.value(e.aliases.joined(separator: "; ")))</td></tr>\n"
        }
        body += "</tbody></table></div>\n"
        guard let csrf else { return body }
        return body + """
        <h2>Record an entity</h2>
        \(error.map { "<p class=\"error\" role=\"alert\">\(HTMLEscape.value($0))</p>" } ?? "")
        <form class="record" method="post" action="/entities"><input type="hidden" name="csrf" value="\(HTMLEscape.text(csrf))">
        <label>Id <input name="id" required maxlength="200" pattern="[^\\s]+"><small>no spaces, e.g. group:white-dudes-for-harris</small></label>
        <label>Label (en) <input name="label_en" maxlength="300"></label>
        <label>Label (fr) <input name="label_fr" maxlength="300"><small>at least one label</small></label>
        <label class="wide">Aliases <textarea name="aliases" rows="3" maxlength="4000"></textarea><small>other names, one per line</small></label>
        <button type="submit">Record</button>
        </form>\n
        """
    }

    static func users(_ list: [User], me: String, csrf: String, error: String?) -> String {
        var body = "<h1>Users</h1>\n<p>Viewers read; editors also record; admins also manage users. Each account signs what it writes with its own contributor key, registered in the ledger, so the ledger is the team's audit log. Passwords are kept as bcrypt hashes.</p>\n"
        body += "<div class=\"table\"><table><thead><tr><th scope=\"col\">name</th><th scope=\"col\">role</th><th scope=\"col\">signing key</th><th scope=\"col\">API tokens</th><th scope=\"col\"></th></tr></thead><tbody>\n"
        for u in list {
            let remove = u.name == me ? "(you)" : """
            <form method="post" action="/admin/users/remove"><input type="hidden" name="csrf" value="\(HTMLEscape.text(csrf))"><input type="hidden" name="name" value="\(HTMLEscape.text(u.name))"><button type="submit">Remove \(HTMLEscape.value(u.name))</button></form>
            """
            body += "<tr><td>\(HTMLEscape.value(u.name))</td><td>\(u.role.rawValue)</td><td><code>\(HTMLEscape.value(u.keyName))</code></td><td>\(u.tokenHashes.count)</td><td>\(remove)</td></tr>\n"
        }
        return body + """
        </tbody></table></div>
        <h2>Add a user</h2>
        \(error.map { "<p class=\"error\" role=\"alert\">\(HTMLEscape.value($0))</p>" } ?? "")
        <form class="record" method="post" action="/admin/users"><input type="hidden" name="csrf" value="\(HTMLEscape.text(csrf))">
        <label>Name <input name="name" required maxlength="64" autocomplete="off"><small>letters, digits, . _ -</small></label>
        <label>Role <select name="role"><option>viewer</option><option>editor</option><option>admin</option></select></label>
        <label>Password <input name="password" type="password" required minlength="8" maxlength="72" autocomplete="new-password"><small>8 to 72 bytes; tell it to them in person</small></label>
        <label>Password again <input name="password2" type="password" required minlength="8" maxlength="72" autocomplete="new-password"></label>
        <button type="submit">Add the user</button>
        </form>
        <p>API tokens are issued on the command line: <code>claimledger user token NAME</code>.</p>\n
        """
    }

    /// Claims `claimledger suggest` finds in the article, best first, each with a link that fills the claim form
    /// with it (the quote exactly; speaker, relay, value and predicate as guesses to check).
    static func suggestions(_ list: [Suggestion], sourceID: String) -> String {
        guard !list.isEmpty else { return "" }
        var body = "<h2 id=\"suggestions\">Suggested claims</h2>\n<p>Passages that look like claims (reported speech, quotations, figures), found by rules. Every field but the quote is a guess: check it before recording.</p>\n<ol class=\"suggestions\">"
        for (n, s) in list.enumerated() {
            let guesses = [s.speaker.map { "speaker: " + HTMLEscape.value($0) }, s.relay.map { "relay: " + HTMLEscape.value($0) },
                           s.value.map { "value: “" + HTMLEscape.value($0.original) + "”" }, s.predicate.map { "predicate: " + HTMLEscape.value($0) }]
                .compactMap { $0 }.joined(separator: " · ")
            body += "<li><blockquote>\(HTMLEscape.value(s.excerpt))</blockquote><p>\(guesses.isEmpty ? "no speaker or value found" : guesses) — score \(s.score) "
                + "<a href=\"/sources/\(sourceID)?use=\(n)#record\">Fill the form with this</a></p></li>"
        }
        return body + "</ol>\n"
    }
}
