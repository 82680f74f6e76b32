import Foundation
import Hummingbird
import LedgerAnalysis
import LedgerCore
import LedgerCrypto
import LedgerReport
import LedgerStore

/// The browser's write pages: add a source, record a claim from a selected passage, declare predicates and
/// entities; and the audit page. Forms carry the session's CSRF token; a refused form is shown again with its
/// values and the one-line reason (status 422), and nothing is stored.
extension NewsroomServer {
    func addFormRoutes(_ router: Router<NewsroomContext>) {
        router.get("app.js") { _, _ in
            var r = ResponseFrame.bytes(Array(Script.app.utf8), type: "text/javascript; charset=utf-8")
            r.headers[.cacheControl] = "max-age=300"
            return r
        }
        router.get("favicon.svg") { _, _ in
            var r = ResponseFrame.bytes(Array(Self.icon.utf8), type: "image/svg+xml")
            r.headers[.cacheControl] = "max-age=86400"
            return r
        }
        router.get("value-preview") { request, _ in
            guard try await sessionCaller(request) != nil else { throw ServerError(.unauthorized, "log in to parse values") }
            return ResponseFrame.json(try valuePreview(try Self.query(request)))
        }
        page(router, "sources/new", nav: "/sources") { _, _, _, caller in
            try caller.require(.editor, to: "add a source")
            return ("Add a source", Pages.upload(csrf: caller.csrf ?? "", error: nil, values: [:]))
        }
        router.post("sources") { request, _ in
            let caller = try await formCaller(request, "add a source")
            let body = Array(buffer: try await request.body.collect(upTo: Self.uploadLimit))
            let form = try MultipartForm(body, contentType: request.headers[.contentType] ?? "")
            guard let token = caller.csrf, let given = form["csrf"], Self.constantTimeEqual(token, given) else {
                throw ServerError(.forbidden, "the form's CSRF token is missing or wrong: reload the page and submit it again")
            }
            let fields = ["outlet", "lang", "url", "title", "published", "captured_at"]
            var query = Dictionary(uniqueKeysWithValues: fields.compactMap { k in form[k].map { (k, $0) } })
            guard let file = form.file("capture") else {
                return refused(Pages.upload(csrf: token, error: "capture: choose the file of the captured article", values: query), "Add a source", caller)
            }
            query["filename"] = file.fileName
            do {
                let added = try recordSource(file.bytes, query, as: caller)
                return Self.redirect("/sources/\(added.id.hex)")
            } catch let error as ServerError where error.status == .unprocessableContent {
                return refused(Pages.upload(csrf: token, error: error.message, values: query), "Add a source", caller)
            }
        }
        router.post("sources/:id/claims") { request, context in
            let caller = try await formCaller(request, "record a claim")
            let form = try await Self.form(request)
            try Self.checkCSRF(form, caller)
            let s = try snapshot()
            let id = context.parameters.get("id") ?? ""
            do {
                let input = try Self.claimInput(form: form, source: id)
                let appended = try recordClaim(input, newSubject: form["new_subject"] == "1", allowDuplicate: form["allow_duplicate"] == "1", as: caller)
                return Self.redirect("/claims/\(appended.seq)")
            } catch let error as ServerError where [.unprocessableContent, .conflict].contains(error.status) {
                let (src, text) = try sourceText(id, s)
                var claimForm = claimForm(s, caller)
                claimForm.values = form.fields
                claimForm.error = error.message
                return refused(Pages.source(src, text: text, claims: s.claims.filter { $0.source == src.id }, form: claimForm), src.title ?? "Source", caller)
            }
        }
        router.post("claims/:seq/correct") { request, context in
            let caller = try await formCaller(request, "correct a claim")
            let form = try await Self.form(request)
            try Self.checkCSRF(form, caller)
            let seq = try Self.seq(context)
            let s = try snapshot()
            guard let record = s.record(seq), let current = record.current else { throw ServerError(.notFound, "there is no current claim recorded at entry \(seq)") }
            do {
                let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty else { throw ServerError(.unprocessableContent, "reason: say why the claim is corrected") }
                let input = try Self.claimInput(form: form, source: current.source)
                _ = try write(as: caller.user) {
                    try $0.correct(seq, with: input, reason: reason, newSubject: form["new_subject"] == "1", allowDuplicate: form["allow_duplicate"] == "1")
                }
                return Self.redirect("/claims/\(seq)")
            } catch let error as ServerError where error.status == .unprocessableContent {
                var f = try correctionForm(current, s, caller)
                f.values = form.fields
                f.error = error.message
                let ledger = try ledger()
                let covered = try ledger.latestCheckpoint().map { $0.checkpoint.size > record.original.seq } ?? false
                return refused(Pages.claim(record.original, revisions: record.revisions, current: current, source: s.source(current.source),
                                           vkey: ledger.ledgerKey.text, hasProof: covered, retractCSRF: caller.csrf, correction: f), "Claim \(seq)", caller)
            }
        }
        page(router, "admin/users", nav: "/admin/users") { _, _, _, caller in
            try caller.require(.admin, to: "manage users")
            return ("Users", Pages.users(try users.load(), me: caller.user.name, csrf: caller.csrf ?? "", error: nil))
        }
        router.post("admin/users") { request, _ in
            guard let caller = try await sessionCaller(request) else { throw ServerError(.unauthorized, "log in to manage users") }
            let form = try await Self.form(request)
            try Self.checkCSRF(form, caller)
            try caller.require(.admin, to: "manage users")
            do {
                guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw ServerError(.unprocessableContent, "role: choose viewer, editor or admin") }
                guard form["password"] == form["password2"] else { throw ServerError(.unprocessableContent, "the two passwords differ: type the same one twice") }
                _ = try write(as: caller.user) { ledger in try users.add(name: form["name"] ?? "", role: role, password: form["password"] ?? "", ledger: ledger) }
                return Self.redirect("/admin/users")
            } catch let error as ServerError where [.unprocessableContent, .conflict].contains(error.status) {
                return refused(Pages.users(try users.load(), me: caller.user.name, csrf: caller.csrf ?? "", error: error.message), "Users", caller)
            }
        }
        router.post("admin/users/remove") { request, _ in
            guard let caller = try await sessionCaller(request) else { throw ServerError(.unauthorized, "log in to manage users") }
            let form = try await Self.form(request)
            try Self.checkCSRF(form, caller)
            try caller.require(.admin, to: "manage users")
            let name = form["name"] ?? ""
            guard name != caller.user.name else { throw ServerError(.unprocessableContent, "you cannot remove your own account: ask another admin") }
            try users.remove(name: name)
            await sessions.close(user: name)  // also ended by the account check on the next request; now, at once
            return Self.redirect("/admin/users")
        }
        page(router, "predicates", nav: "/predicates") { _, _, s, caller in
            ("Predicates", Pages.predicates(s.predicates.values.sorted { $0.id < $1.id }, csrf: caller.user.role >= .editor ? caller.csrf : nil, error: nil))
        }
        router.post("predicates") { request, _ in
            let caller = try await formCaller(request, "declare a predicate")
            let form = try await Self.form(request)
            try Self.checkCSRF(form, caller)
            func f(_ k: String) -> String? { form[k].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
            do {
                guard let type = f("type").flatMap(ValueType.init(rawValue:)), let cardinality = f("cardinality").flatMap(ClaimPredicate.Cardinality.init(rawValue:)) else {
                    throw ServerError(.unprocessableContent, "type and cardinality: choose them from the lists")
                }
                var tolerance: DecimalNumber?
                if let t = f("tolerance") {
                    guard let d = DecimalNumber(t) else { throw ServerError(.unprocessableContent, "tolerance: must be a fraction between 0 and 1, e.g. 0.05") }
                    tolerance = d
                }
                let values = (f("values") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                var labels: [String: String] = [:]
                if let en = f("label_en") { labels["en"] = en }
                if let fr = f("label_fr") { labels["fr"] = fr }
                let predicate = ClaimPredicate(id: f("id") ?? "", type: type, cardinality: cardinality, tolerance: tolerance, unit: f("unit"),
                                               values: values.map { .init(id: $0) }, labels: labels)
                _ = try write(as: caller.user) { try $0.addPredicate(predicate) }
                return Self.redirect("/predicates")
            } catch let error as ServerError where error.status == .unprocessableContent {
                let s = try snapshot()
                return refused(Pages.predicates(s.predicates.values.sorted { $0.id < $1.id }, csrf: caller.csrf, error: error.message), "Predicates", caller)
            }
        }
        page(router, "entities", nav: "/entities") { _, _, s, caller in
            ("Entities", Pages.entities(s.entities, csrf: caller.user.role >= .editor ? caller.csrf : nil, error: nil))
        }
        router.post("entities") { request, _ in
            let caller = try await formCaller(request, "record an entity")
            let form = try await Self.form(request)
            try Self.checkCSRF(form, caller)
            do {
                var labels: [String: String] = [:]
                for lang in ["en", "fr"] { if let t = form["label_" + lang]?.trimmingCharacters(in: .whitespaces), !t.isEmpty { labels[lang] = t } }
                guard !labels.isEmpty else { throw ServerError(.unprocessableContent, "labels: give at least one label") }
                let aliases = (form["aliases"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let id = (form["id"] ?? "").trimmingCharacters(in: .whitespaces)
                _ = try write(as: caller.user) { try $0.addEntity(id: id, labels: labels, aliases: aliases) }
                return Self.redirect("/entities")
            } catch let error as ServerError where error.status == .unprocessableContent {
                return refused(Pages.entities(try snapshot().entities, csrf: caller.csrf, error: error.message), "Entities", caller)
            }
        }
        page(router, "audit", nav: "/audit") { _, _, s, _ in
            let ledger = try ledger()
            var intact = Set<String>()
            try ledger.store.forEachBlob { key, actual in if key == actual.bytes { intact.insert(actual.hex) } }
            let audit = try Audit.run(sources: s.sources.map { SourceSnapshot(record: $0, bytesOK: intact.contains($0.id)) },
                                      text: { record in try Digest(hex: record.id).flatMap { try ledger.sourceTextReader($0) } },
                                      history: s.history, contradictions: analyses.contradictions(s, tension: false, patience: .untilReady).0.report,
                                      names: s.names, predicates: s.predicates, recordedNames: s.names.recorded)
            return ("Audit", "<div class=\"audit\">" + AuditRenderer.htmlBody(audit, provenance: try await provenance(s), context: s.reportContext) + "</div>")
        }
    }

    /// The site's icon: a ledger's two columns.
    static let icon = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b5cad"/><path d="M4 4h3v8H4zM9 4h3v8H9z" fill="#fff"/></svg>"##

    /// The claim form for `caller` on a source page, or nil when they may not record claims.
    func claimForm(_ s: LedgerSnapshot, _ caller: Caller) -> Pages.ClaimForm {
        let subjects = s.entities.flatMap { [$0.id] + $0.labels.values.sorted() + $0.aliases }
        return Pages.ClaimForm(csrf: caller.csrf ?? "", predicates: s.predicates.values.sorted { $0.id < $1.id }, subjects: subjects,
                               entityIDs: s.entities.map(\.id))
    }

    /// The correction form for the current claim `c`, filled with its fields (the quote's occurrence counted in its
    /// source's text, so an unchanged quote anchors where it was).
    func correctionForm(_ c: ClaimRecord, _ s: LedgerSnapshot, _ caller: Caller) throws -> Pages.ClaimForm {
        var f = claimForm(s, caller)
        var values: [String: String] = ["excerpt": c.excerpt, "speaker": c.speaker, "text": c.text, "subject": c.subject, "predicate": c.predicate,
                                        "value": c.value.original, "polarity": c.polarity.rawValue, "modality": c.modality.rawValue]
        if let r = c.relay { values["relay"] = r }
        if let o = c.origin { values["origin"] = o.id }
        if let e = c.event { values["event"] = e }
        if let scope = c.scope { values["scope"] = scope }
        if let asOf = c.asOf { values["as_of"] = asOf.value }
        if let digest = Digest(hex: c.source), let text = try ledger().sourceText(digest),
           let n = ExcerptLocator(text: text).find(c.excerpt).firstIndex(where: { $0.start == c.excerptStart }) {
            values["occurrence"] = String(n + 1)
        }
        f.values = values
        return f
    }

    /// The claim a claim form describes, for source `source`: its filled-in fields as a JSON claim (the occurrence a
    /// number), read by `ClaimInput(json:)`; the form's own fields (token, reason, boxes) are not part of it.
    static func claimInput(form: FormBody, source: String) throws -> ClaimInput {
        let own: Set = ["csrf", "reason", "new_subject", "allow_duplicate"]
        var json = form.fields.filter { !$0.value.isEmpty && !own.contains($0.key) }.mapValues { JSONValue.string($0) }
        json["source"] = .string(source)
        if let o = form["occurrence"], !o.isEmpty {
            guard let n = Int(o), n >= 1 else { throw ServerError(.unprocessableContent, "occurrence: must be a positive whole number") }
            json["occurrence"] = .int(n)
        }
        return try claimInput(.object(json), ignoring: [])
    }

    /// The logged-in editor posting a form (401 without a session, 403 for a viewer).
    func formCaller(_ request: Request, _ action: String) async throws -> Caller {
        guard let caller = try await sessionCaller(request) else { throw ServerError(.unauthorized, "log in to \(action)") }
        try caller.require(.editor, to: action)
        return caller
    }

    func refused(_ body: String, _ title: String, _ caller: Caller) -> Response {
        ResponseFrame.html(PageLayout.page(title, user: caller.user, csrf: caller.csrf, body), status: .unprocessableContent)
    }
}
