import Foundation
import Hummingbird
import LedgerAnalysis
import LedgerCore
import LedgerCrypto
import LedgerStore

extension NewsroomServer {
    func addPageRoutes(_ router: Router<NewsroomContext>) {
        router.get("login") { request, _ in
            let token = UserStore.randomHex(32)
            let next = request.uri.queryParameters["next"].map(String.init) ?? "/"
            var r = ResponseFrame.html(PageLayout.page("Log in", user: nil, csrf: nil, Pages.login(error: nil, next: next, csrf: token)))
            r.headers[.setCookie] = setCookie(Self.loginCookie, token, maxAge: 3600)
            return r
        }
        router.post("login") { request, context in try await login(request, context) }
        router.post("logout") { request, _ in
            guard let caller = try await sessionCaller(request) else { return Self.redirect("/login") }
            try Self.checkCSRF(try await Self.form(request), caller)
            if let id = caller.sessionID { await sessions.close(id) }
            var r = Self.redirect("/login")
            r.headers[.setCookie] = setCookie(Self.sessionCookie, "", maxAge: 0)
            return r
        }
        page(router, "/", nav: "/") { _, _, s, _ in
            ("Dashboard", Pages.dashboard(s, verification: try verified(covering: s.size, mustCover: false)))
        }
        page(router, "sources", nav: "/sources") { _, _, s, _ in ("Sources", Pages.sources(s)) }
        page(router, "sources/:id", nav: "/sources") { request, context, s, caller in
            let (src, text) = try sourceText(context.parameters.get("id") ?? "", s)
            guard caller.user.role >= .editor else {
                return (src.title ?? "Source", Pages.source(src, text: text, claims: s.claims.filter { $0.source == src.id }))
            }
            var form = claimForm(s, caller)
            let suggested = Array(ClaimSuggester.suggest(text: text, language: src.lang, predicates: s.predicates.values.sorted { $0.id < $1.id })
                .sorted { $0.score > $1.score }.prefix(Self.suggestionsShown))
            if let n = try Self.query(request)["use"].flatMap(Int.init), suggested.indices.contains(n) {
                let g = suggested[n]
                form.values = ["excerpt": g.excerpt, "occurrence": g.occurrence.map(String.init) ?? "", "speaker": g.speaker ?? "",
                               "relay": g.relay ?? "", "value": g.value?.original ?? "", "predicate": g.predicate ?? ""]
            }
            return (src.title ?? "Source", Pages.source(src, text: text, claims: s.claims.filter { $0.source == src.id }, form: form, suggested: suggested))
        }
        page(router, "claims", nav: "/claims") { request, _, s, _ in
            let query = try Self.query(request)
            let filter = try ClaimFilter(query: query)
            let rows = filter.apply(s)
            let shown = try ListPage(query, count: rows.count, of: "claims")
            let kept = (ClaimFilter.fields + ["status"]).compactMap { field in query[field].flatMap { $0.isEmpty ? nil : (field, $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } }
            return ("Claims", Pages.claims(rows, filter: filter, shown: shown.range, navigation: shown.navigation(path: "/claims", keeping: kept)))
        }
        page(router, "claims/:seq", nav: "/claims") { _, context, s, caller in
            let (record, ledger) = try claimRecord(context, s)
            let covered = try ledger.latestCheckpoint().map { $0.checkpoint.size > record.original.seq } ?? false
            let correction = try record.current.flatMap { c in caller.user.role >= .editor ? try correctionForm(c, s, caller) : nil }
            return ("Claim \(record.original.seq)", Pages.claim(record.original, revisions: record.revisions, current: record.current,
                                                               source: s.source(record.original.source), vkey: ledger.ledgerKey.text, hasProof: covered,
                                                               retractCSRF: caller.user.role >= .editor && record.current != nil ? caller.csrf : nil,
                                                               correction: correction))
        }
        router.post("claims/:seq/retract") { request, context in
            guard let caller = try await sessionCaller(request) else { throw ServerError(.unauthorized, "log in to retract a claim") }
            let form = try await Self.form(request)
            try Self.checkCSRF(form, caller)
            try caller.require(.editor, to: "retract a claim")
            let seq = try Self.seq(context)
            let reason = form["reason"] ?? ""
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ServerError(.unprocessableContent, "reason: give the reason for the retraction")
            }
            _ = try write(as: caller.user) { try $0.retract(seq, reason: reason) }
            return Self.redirect("/claims/\(seq)")
        }
        router.get("claims/:seq/proof") { request, context in
            guard try await sessionCaller(request) != nil else { throw ServerError(.unauthorized, "log in to download proofs") }
            let seq = try Self.seq(context)
            return ResponseFrame.bytes(Array(try proofText(seq).utf8), type: "text/plain; charset=utf-8")
        }
        router.get("claims/:seq/entry") { request, context in
            guard try await sessionCaller(request) != nil else { throw ServerError(.unauthorized, "log in to download entries") }
            let seq = try Self.seq(context)
            guard let bytes = try ledger().store.entryBytes(seq) else { throw ServerError(.notFound, "there is no entry \(seq)") }
            return ResponseFrame.bytes(bytes, type: "application/json")
        }
    }

    /// How many suggested claims an article's page lists for an editor.
    static let suggestionsShown = 12

    /// A page for logged-in users: others are sent to the login page.
    func page(_ router: Router<NewsroomContext>, _ path: RouterPath, nav: String,
                      _ render: @escaping @Sendable (Request, NewsroomContext, LedgerSnapshot, Caller) async throws -> (String, String)) {
        router.get(path) { request, context in
            guard let caller = try await sessionCaller(request) else {
                let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return Self.redirect("/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
            }
            let (title, body) = try await render(request, context, try snapshot(), caller)
            return ResponseFrame.html(PageLayout.page(title, user: caller.user, csrf: caller.csrf, current: nav, body))
        }
    }

    private func login(_ request: Request, _ context: NewsroomContext) async throws -> Response {
        let form = try await Self.form(request)
        // Only a path on this site: no scheme or host, and no white space or control character (a browser drops a
        // tab or newline from a Location, which would make "/\t/evil.example" a link to another site).
        let next = form["next"].flatMap { n in
            n.hasPrefix("/") && !n.hasPrefix("//") && !n.contains("\\") && n.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !$0.properties.isWhitespace } ? n : nil
        } ?? "/"
        func again(_ message: String, _ status: HTTPResponse.Status) -> Response {
            let token = UserStore.randomHex(32)
            var r = ResponseFrame.html(PageLayout.page("Log in", user: nil, csrf: nil, Pages.login(error: message, next: next, csrf: token)), status: status)
            r.headers[.setCookie] = setCookie(Self.loginCookie, token, maxAge: 3600)
            return r
        }
        guard let expected = Self.cookies(request)[Self.loginCookie], let given = form["csrf"], Self.constantTimeEqual(expected, given) else {
            return again("the login form expired or did not come from this site: try again", .forbidden)
        }
        let name = form["user"] ?? "", address = context.clientAddress
        if await sessions.throttled(account: name, address: address) {
            return again("too many failed logins: wait \(Int(Sessions.window / 60)) minutes and try again", .tooManyRequests)
        }
        guard let user = try users.authenticate(name: name, password: form["password"] ?? "") else {
            await sessions.recordFailure(account: name, address: address)
            return again("wrong user name or password", .unauthorized)
        }
        await sessions.recordSuccess(account: name, address: address)
        let (id, _) = await sessions.open(user: user)
        var r = Self.redirect(next)
        r.headers[.setCookie] = setCookie(Self.sessionCookie, id, maxAge: Int(Sessions.lifetime))
        return r
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The query string's fields, decoded as a form (`+` is a space).
    static func query(_ request: Request) throws -> [String: String] {
        try FormBody(request.uri.query ?? "").fields
    }

    static func seq(_ context: NewsroomContext) throws -> Int64 {
        let text = context.parameters.get("seq") ?? ""
        guard let seq = Int64(text), seq >= 0 else { throw ServerError(.notFound, "\"\(String(text.prefix(30)))\" is not an entry number") }
        return seq
    }

    func claimRecord(_ context: NewsroomContext, _ s: LedgerSnapshot) throws
        -> (record: (original: ClaimRecord, revisions: [ClaimHistory.Revision], current: ClaimRecord?), ledger: Ledger) {
        let seq = try Self.seq(context)
        guard let record = s.record(seq) else { throw ServerError(.notFound, "there is no claim recorded at entry \(seq)") }
        return (record, try ledger())
    }

    /// The source `id` (its full SHA-256) and its anchoring text (NFC, LF line ends).
    func sourceText(_ id: String, _ s: LedgerSnapshot) throws -> (SourceRecord, String) {
        guard let src = s.source(id), let digest = Digest(hex: id) else { throw ServerError(.notFound, "there is no source \(String(id.prefix(64)))") }
        guard let text = try ledger().sourceText(digest) else {
            throw ServerError(.internalServerError, "the snapshot of source \(id) is missing or its text cannot be derived: run `claimledger verify`")
        }
        return (src, text)
    }

    /// The c2sp.org/tlog-proof@v1 file for entry `seq`, under the newest signed checkpoint (the server never signs
    /// one itself: run `claimledger checkpoint`).
    func proofText(_ seq: Int64) throws -> String {
        let ledger = try ledger()
        guard seq < (try ledger.store.size()) else { throw ServerError(.notFound, "there is no entry \(seq)") }
        guard let signed = try ledger.latestCheckpoint(), signed.checkpoint.size > seq else {
            throw ServerError(.conflict, "no signed checkpoint covers entry \(seq) yet: run `claimledger checkpoint` on the ledger")
        }
        let path = try MerkleProofs.inclusion(index: seq, size: signed.checkpoint.size, reader: ledger.store)
        return TlogProof(index: seq, path: path, checkpoint: try ledger.cosignedNote(for: signed) ?? signed.note).text
    }
}
