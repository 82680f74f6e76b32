import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import Synchronization
import Testing

/// `claimledger user …` and `claimledger serve`: accounts, sessions, CSRF, roles, pages, the JSON API, the
/// published tree, and refusals (each a one-line error that leaves the ledger unchanged).
@Suite struct ServeCommandTests {
    /// A demo ledger with an admin, an editor and a viewer (password "pw-<name>-123"), and their API tokens.
    struct Newsroom {
        let work: URL
        let dir: String
        var tokens: [String: String] = [:]

        init() throws {
            work = CLI.temporaryDirectory()
            dir = work.appendingPathComponent("ledger").path
            #expect(try CLI.run(["demo", "--into", dir]).code == 0)
            for (name, role) in [("ada", "admin"), ("eddie", "editor"), ("vera", "viewer")] {
                let r = try runWithInput(["user", "add", name, "--role", role, "--ledger", dir], input: "pw-\(name)-123\n")
                #expect(r.code == 0, "\(r.stderr)")
                tokens[name] = try CLI.run(["user", "token", name, "--ledger", dir]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }

        func size() throws -> Int64 { try Ledger(opening: dir, readOnly: true).store.size() }
    }

    @Test func usersAreStoredOutsideTheLogWithBcryptAndHashedTokens() throws {
        let n = try Newsroom()
        let path = n.dir + "/users.json"
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("pw-ada-123") && !text.contains(n.tokens["ada"]!))
        #expect(text.contains("$2b$04$"))  // the test cost; the default is 12 (below)
        let list = try CLI.run(["user", "list", "--json", "--ledger", n.dir])
        let users = try JSONParser.parse(list.stdout)["users"]!.array!
        #expect(users.map { $0["name"]!.string! } == ["ada", "eddie", "vera"])
        #expect(users.map { $0["role"]!.string! } == ["admin", "editor", "viewer"])
        // Each user's contributor key is registered in the log (a `key` entry), and the ledger still verifies.
        let ledger = try Ledger(opening: n.dir, readOnly: true)
        #expect(try ledger.store.seqs(kind: .key).count == 3)
        #expect(try CLI.run(["verify", "--ledger", n.dir]).code == 0)

        let strong = try runWithInput(["user", "add", "carol", "--role", "viewer", "--ledger", n.dir], input: "a-long-password\n", cost: nil)
        #expect(strong.code == 0, "\(strong.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("$2b$12$"))

        #expect(try CLI.run(["user", "remove", "carol", "--ledger", n.dir]).code == 0)
        #expect(try !CLI.run(["user", "list", "--ledger", n.dir]).stdout.contains("carol"))
    }

    @Test func badUserInputIsOneLineAndChangesNothing() throws {
        let n = try Newsroom()
        let before = try String(contentsOfFile: n.dir + "/users.json", encoding: .utf8)
        let size = try n.size()
        for (args, input, mention) in [
            (["user", "add", "ada", "--role", "admin"], "another-password\n", "already exists"),
            (["user", "add", "<script>", "--role", "admin"], "another-password\n", "must be 1-64"),
            (["user", "add", "short", "--role", "viewer"], "abc\n", "at least 8"),
            (["user", "add", "nopass", "--role", "viewer"], "", "no password"),
            (["user", "remove", "nobody"], "", "no user nobody"),
            (["user", "token", "nobody"], "", "no user nobody"),
        ] {
            let r = try runWithInput(args + ["--ledger", n.dir], input: input)
            #expect(r.code == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(mention), "\(args): \(r.stderr)")
        }
        let role = try runWithInput(["user", "add", "x", "--role", "owner", "--ledger", n.dir], input: "a-long-password\n")
        #expect(role.code == 64)
        #expect(try String(contentsOfFile: n.dir + "/users.json", encoding: .utf8) == before)
        #expect(try n.size() == size)
    }

    @Test func aNonLoopbackAddressNeedsAProxy() throws {
        let n = try Newsroom()
        let r = try CLI.run(["serve", "--listen", "0.0.0.0:0", "--ledger", n.dir])
        #expect(r.code == 64)
        #expect(r.stderr.contains("not a loopback address") && r.stderr.contains("--behind-proxy"))
    }

    @Test func theAPIAuthenticatesAndEnforcesRoles() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let none = try server.api("/api/status", token: nil)
        #expect(none.status == 401)
        #expect(try JSONParser.parse(none.body)["error"]?.string?.contains("Bearer") == true)
        #expect(try server.api("/api/status", token: "cl_wrong").status == 401)

        let status = try server.api("/api/status", token: n.tokens["vera"])
        #expect(status.status == 200)
        let s = try JSONParser.parse(status.body)
        #expect(s["verified"] == .bool(true) && s["origin"]?.string == "claimledger.example/demo")
        #expect(s["size"]?.integer == Int(try n.size()))
        // The newest entries, each in the shape `log --json` gives it.
        let recent = try #require(s["recent"]?.array), log = try CLI.run(["log", "--json", "--ledger", n.dir]).stdout.split(separator: "\n")
        #expect(!recent.isEmpty && recent.first?["seq"]?.integer == log.count - 1, "newest first")
        for r in recent {
            #expect(try r == JSONParser.parse(String(log[try #require(r["seq"]?.integer)])), "\(r)")
        }
        #expect(try JSONParser.parse(server.api("/api/me", token: n.tokens["eddie"]).body)["role"]?.string == "editor")

        // A viewer cannot write; an editor cannot manage users; an admin can.
        let claims = try JSONParser.parse(server.api("/api/claims", token: n.tokens["vera"]).body)["claims"]!.array!
        let seq = claims[0]["seq"]!.integer!
        let size = try n.size()
        let refused = try server.post("/api/claims/\(seq)/retract", token: n.tokens["vera"], json: #"{"reason":"wrong"}"#)
        #expect(refused.status == 403 && refused.text.contains("viewer"))
        #expect(try server.api("/api/users", token: n.tokens["eddie"]).status == 403)
        let users = try server.api("/api/users", token: n.tokens["ada"])
        #expect(users.status == 200 && !users.text.contains("bcrypt") && !users.text.contains("token"))
        #expect(try n.size() == size)

        // An editor's retraction is signed with the editor's contributor key.
        let done = try server.post("/api/claims/\(seq)/retract", token: n.tokens["eddie"], json: #"{"reason":"the outlet corrected it"}"#)
        #expect(done.status == 201, "\(done.text)")
        let entrySeq = Int64(try JSONParser.parse(done.body)["seq"]!.integer!)
        let vkeyText = try String(contentsOfFile: n.dir + "/users/keys/eddie@claimledger.example_demo.vkey", encoding: .utf8)
        let vkey = try #require(NoteKey.Verifier(text: vkeyText.trimmingCharacters(in: .whitespacesAndNewlines)))
        var signed = false
        try Ledger(opening: n.dir, readOnly: true).store.forEachStoredEntry { row in
            if row.seq == entrySeq, let sig = row.signature { signed = vkey.publicKey.isValidSignature(sig, for: row.bytes) }
        }
        #expect(signed)
        #expect(try CLI.run(["verify", "--ledger", n.dir]).code == 0)
        let after = try JSONParser.parse(server.api("/api/claims/\(seq)", token: n.tokens["vera"]).body)
        #expect(after["retracted"] == .bool(true) && after["history"]?.array?.count == 1)
        #expect(try JSONParser.parse(server.api("/api/claims?status=retracted", token: n.tokens["vera"]).body)["claims"]?.array?.count == 1)
    }

    @Test func badRequestsAreRefusedWithTheirStatusAndStoreNothing() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let size = try n.size(), token = n.tokens["eddie"]
        let cases: [(String, String, Int)] = [
            ("/api/claims/20/retract", "{not json", 400),
            ("/api/claims/20/retract", "[1,2]", 400),
            ("/api/claims/20/retract", #"{"reason":"   "}"#, 422),
            ("/api/claims/20/retract", #"{"reason":5}"#, 422),
            ("/api/claims/3/retract", #"{"reason":"not a claim"}"#, 422),
            ("/api/claims/abc/retract", #"{"reason":"x"}"#, 404),
            ("/api/claims/20/retract", #"{"reason":""# + String(repeating: "x", count: 300_000) + #""}"#, 413),
        ]
        for (path, body, status) in cases {
            let r = try server.post(path, token: token, json: body)
            #expect(r.status == status, "\(path) \(body.prefix(30)): \(r.status) \(r.text.prefix(200))")
            let message = try? JSONParser.parse(r.body)["error"]?.string
            #expect(message?.isEmpty == false && message?.contains("\n") == false, "\(r.text.prefix(200))")
        }
        #expect(try server.api("/api/claims/99999", token: token).status == 404)
        #expect(try server.api("/api/nothing", token: token).status == 404)
        #expect(try server.api("/api/claims?status=maybe", token: token).status == 400)
        #expect(try n.size() == size)
    }

    @Test func loginSessionsCSRFAndThrottling() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let anonymous = try server.page("/claims", session: nil)
        #expect(anonymous.status == 303 && anonymous.header("Location")?.hasPrefix("/login") == true)

        let (ok, session) = try server.login("vera", "pw-vera-123")
        #expect(ok.status == 303)
        let cookie = ok.cookies.first { $0.hasPrefix("claimledger_session=") } ?? ""
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
        let dashboard = try server.page("/", session: session)
        #expect(dashboard.status == 200 && dashboard.text.contains("verified"))
        #expect(dashboard.header("Content-Security-Policy") == "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'")

        // The login form without its CSRF cookie, and logout without the session's token, are refused.
        let forged = try server.request("POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                        body: Array("user=vera&password=pw-vera-123&csrf=abc".utf8))
        #expect(forged.status == 403 && ServeProcess.cookieValue(forged.cookies, "claimledger_session") == nil)
        let logout = try server.request("POST", "/logout", headers: ["Cookie": "claimledger_session=\(session ?? "")", "Content-Type": "application/x-www-form-urlencoded"],
                                        body: Array("csrf=wrong".utf8))
        #expect(logout.status == 403)
        #expect(try server.page("/", session: session).status == 200)  // still logged in
        let csrf = ServeProcess.field(dashboard.text, "csrf") ?? ""
        let out = try server.request("POST", "/logout", headers: ["Cookie": "claimledger_session=\(session ?? "")", "Content-Type": "application/x-www-form-urlencoded"],
                                     body: Array("csrf=\(csrf)".utf8))
        #expect(out.status == 303)
        #expect(try server.page("/", session: session).status == 303)

        // Five wrong passwords lock the account for a while, even with the right one — that account only, from
        // this address: failing for other names (real or not) locks no one else out (behind a proxy every
        // client has the proxy's address).
        for _ in 0..<5 { #expect(try server.login("eddie", "wrong-password").reply.status == 401) }
        let locked = try server.login("eddie", "pw-eddie-123")
        #expect(locked.reply.status == 429 && locked.session == nil)
        for _ in 0..<6 { #expect(try server.login("nobody-\(UUID().uuidString.prefix(6))", "wrong-password").reply.status == 401) }
        #expect(try server.login("vera", "pw-vera-123").session != nil, "another account from the same address")
    }

    /// Changes to the accounts file at the same time lose none of one another (one lock from read to rename).
    @Test func tokensIssuedAtOnceAreAllKept() throws {
        let n = try Newsroom()
        let tokens = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let r = try? CLI.run(["user", "token", "eddie", "--ledger", n.dir]), r.code == 0 {
                tokens.withLock { $0.append(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
            }
        }
        #expect(tokens.withLock { $0.count } == 8)
        let stored = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: n.dir + "/users.json"))))["users"]!.array!
            .first { $0["name"]?.string == "eddie" }!["token_sha256"]!.array!.compactMap(\.string)
        #expect(stored.count == 9, "the Newsroom's own token and the 8 new ones")
        for t in tokens.withLock({ $0 }) { #expect(stored.contains(SHA256.hash(Array(t.utf8)).hex)) }
    }

    /// A session belongs to the account as it was at login: removing it, or removing and adding it again (the way
    /// to reset a password), ends the session, whether done on the admin page or with `claimledger user`.
    @Test func sessionsEndWhenTheAccountIsRemovedOrAddedAgain() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let session = try #require(server.login("vera", "pw-vera-123").session)
        #expect(try server.page("/", session: session).status == 200)
        #expect(try CLI.run(["user", "remove", "vera", "--ledger", n.dir]).code == 0)
        let again = try runWithInput(["user", "add", "vera", "--role", "admin", "--ledger", n.dir], input: "pw-vera-456\n")
        #expect(again.code == 0, "\(again.stderr)")
        #expect(try server.page("/admin/users", session: session).status == 303, "the old session must not be the new admin's")
        #expect(try server.login("vera", "pw-vera-456").session != nil)
        // After a login, only a path on this site: a tab would turn "/\t/evil.example" into another site.
        let page = try server.request("GET", "/login")
        let csrf = ServeProcess.field(page.text, "csrf") ?? "", cookie = ServeProcess.cookieValue(page.cookies, "claimledger_login") ?? ""
        let reply = try server.request("POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "claimledger_login=\(cookie)"],
                                       body: Array("user=eddie&password=pw-eddie-123&csrf=\(csrf)&next=/%09/evil.example".utf8))
        #expect(reply.status == 303 && reply.header("location") == "/", "\(reply.status) \(reply.headers)")
    }

    @Test func pagesShowTheLedgerAndTheProofChecks() throws {
        let n = try Newsroom()
        #expect(try CLI.run(["checkpoint", "--ledger", n.dir]).code == 0)
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let session = try server.login("vera", "pw-vera-123").session
        let sources = try server.page("/sources", session: session)
        #expect(sources.status == 200)
        let apiSources = try JSONParser.parse(server.api("/api/sources", token: n.tokens["vera"]).body)["sources"]!.array!
        #expect(apiSources.count == 4)
        for src in apiSources { #expect(sources.text.contains("/sources/\(src["id"]!.string!)")) }
        let quoted = try #require(apiSources.first { $0["claims"]!.integer! > 0 })
        let id = quoted["id"]!.string!
        let article = try server.page("/sources/\(id)", session: session)
        let detail = try JSONParser.parse(server.api("/api/sources/\(id)", token: n.tokens["vera"]).body)
        let seqs = detail["claim_seqs"]!.array!.map { $0.integer! }
        #expect(!seqs.isEmpty)
        for seq in seqs {  // each quote is marked in place, or listed under the text when it overlaps an earlier one
            #expect(article.text.contains("<mark id=\"q\(seq)\"><a href=\"/claims/\(seq)\"") || article.text.contains("<li><a href=\"/claims/\(seq)\">claim \(seq)</a>"), "claim \(seq)")
        }

        let filtered = try server.page("/claims?outlet=Northline+News", session: session)
        let all = try JSONParser.parse(server.api("/api/claims", token: n.tokens["vera"]).body)["claims"]!.array!
        let northline = all.filter { $0["outlet"]?.string == "Northline News" }
        #expect(!northline.isEmpty)
        #expect(filtered.text.contains("<p>\(northline.count) claim\(northline.count == 1 ? "" : "s").</p>"))
        // Listed 100 a page: this small ledger has one.
        let past = try server.page("/claims?outlet=Northline+News&page=2", session: session)
        #expect(past.status == 404 && past.text.contains("there is 1 page of claims"))
        let apiFiltered = try JSONParser.parse(server.api("/api/claims?outlet=Northline%20News", token: n.tokens["vera"]).body)["claims"]!.array!
        #expect(apiFiltered.count == northline.count)

        let seq = all[0]["seq"]!.integer!
        let claim = try server.page("/claims/\(seq)", session: session)
        #expect(claim.status == 200 && claim.text.contains("<mark>") && claim.text.contains("claimledger verify-proof"))
        let proof = try server.page("/claims/\(seq)/proof", session: session)
        let entry = try server.page("/claims/\(seq)/entry", session: session)
        let vkey = try server.request("GET", "/verifier-key")
        #expect(proof.status == 200 && entry.status == 200 && vkey.status == 200)
        let proofFile = CLI.write(proof.body, "c.tlog-proof", in: n.work), entryFile = CLI.write(entry.body, "c.entry", in: n.work)
        let checked = try CLI.run(["verify-proof", proofFile, "--entry", entryFile, "--vkey", vkey.text.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(checked.code == 0, "\(checked.stderr)")
        #expect(try server.page("/claims/\(seq)/proof", session: nil).status == 401)
        #expect(try server.page("/claims/99999", session: session).status == 404)
        #expect(try server.page("/style.css", session: nil).header("Content-Type")?.hasPrefix("text/css") == true)
    }

    @Test func anEditorRetractsThroughTheFormWithItsCSRFToken() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let seq = try #require(JSONParser.parse(server.api("/api/claims", token: n.tokens["vera"]).body)["claims"]?.array?.first?["seq"]?.integer)
        let viewer = try server.login("vera", "pw-vera-123").session ?? ""
        let editor = try server.login("eddie", "pw-eddie-123").session ?? ""
        let viewerPage = try server.page("/claims/\(seq)", session: viewer)
        #expect(!viewerPage.text.contains("/retract"))
        let editorPage = try server.page("/claims/\(seq)", session: editor)
        #expect(editorPage.text.contains("action=\"/claims/\(seq)/retract\""))
        let editorCSRF = try #require(ServeProcess.field(editorPage.text, "csrf"))
        let viewerCSRF = try #require(ServeProcess.field(viewerPage.text, "csrf"))
        func submit(_ session: String, _ fields: String) throws -> ServeProcess.Reply {
            try server.request("POST", "/claims/\(seq)/retract", headers: ["Cookie": "claimledger_session=\(session)", "Content-Type": "application/x-www-form-urlencoded"],
                               body: Array(fields.utf8))
        }
        let size = try n.size()
        #expect(try submit(editor, "reason=forged").status == 403)  // no CSRF token: a cross-site form
        #expect(try submit(editor, "reason=forged&csrf=\(viewerCSRF)").status == 403)  // another session's token
        #expect(try submit(viewer, "reason=nope&csrf=\(viewerCSRF)").status == 403)  // a viewer cannot write
        let empty = try submit(editor, "reason=+&csrf=\(editorCSRF)")
        #expect(empty.status == 422 && empty.text.contains("give the reason"))
        #expect(try submit("nosession", "reason=x&csrf=\(editorCSRF)").status == 401)
        #expect(try n.size() == size)
        let done = try submit(editor, "reason=the+outlet+corrected+it&csrf=\(editorCSRF)")
        #expect(done.status == 303 && done.header("Location") == "/claims/\(seq)")
        #expect(try n.size() == size + 1)
        let after = try server.page("/claims/\(seq)", session: editor)
        #expect(after.text.contains("retracted") && after.text.contains("the outlet corrected it") && !after.text.contains("/retract\""))
        #expect(try CLI.run(["verify", "--ledger", n.dir]).code == 0)
    }

    @Test func contradictionsAndCorroborationsMatchTheCLI() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let session = try server.login("vera", "pw-vera-123").session, token = n.tokens["vera"]
        for (path, command, extra) in [("contradictions", "contradictions", [String]()), ("contradictions?tension=1", "contradictions", ["--include-tension"]),
                                       ("corroborations", "corroborations", [])] {
            let cli = try JSONParser.parse(CLI.run([command, "--format", "json", "--ledger", n.dir] + extra).stdout)
            let api = try JSONParser.parse(server.api("/api/\(path)", token: token).body)
            let seqs = { (report: JSONValue) in report["findings"]!.array!.map { $0["claims"]!.array!.map { String($0["seq"]!.integer!) }.joined(separator: " ") } }
            #expect(!seqs(cli).isEmpty)
            #expect(seqs(api) == seqs(cli), "\(path)")
            #expect(api["provenance"]?["size"] == cli["provenance"]?["size"] && api["provenance"]?["root"] == cli["provenance"]?["root"])
            let page = try server.page("/\(path)", session: session)
            #expect(page.status == 200)
            let pageSeqs = page.text.matches(of: /data-seqs="([0-9 ]+)"/).map { String($0.1) }
            #expect(pageSeqs == seqs(cli), "\(path)")
            // The same readable renderers as the CLI's reports: the summary first, hashes short with the full value on hover.
            #expect(page.text.contains("<section class=\"report-summary\"><h2>Summary</h2>"), "\(path)")
            for leaf in Set(cli["findings"]!.array!.flatMap { $0["claims"]!.array!.compactMap { $0["leaf_hash"]?.string } }) {
                #expect(page.text.contains("<code title=\"\(leaf)\">\(leaf.prefix(12))</code>"), "\(path)")
            }
        }
        #expect(try server.api("/api/contradictions", token: nil).status == 401)
        // One page holds every finding of this small ledger: no page links; a page that is not a number is a 400,
        // one past the last a 404, each with its one-line message.
        #expect(try !server.page("/contradictions", session: session).text.contains("class=\"pages\""))
        let notANumber = try server.page("/contradictions?page=abc", session: session)
        #expect(notANumber.status == 400 && notANumber.text.contains("is not a page number"), "\(notANumber.status)")
        let pastTheEnd = try server.page("/corroborations?page=2", session: session)
        #expect(pastTheEnd.status == 404 && pastTheEnd.text.contains("there is 1 page of findings"), "\(pastTheEnd.status)")
    }

    @Test func hostileSourceTextAndNamesAreEscaped() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir]).code == 0)
        let text = "Intro. <script>alert(1)</script> said \"<img src=x onerror=alert(2)>\" loudly.\n"
        let added = try CLI.run(["source", "add", CLI.write(Array(text.utf8), "h.txt", in: work), "--outlet", "<b>Evil</b> Times",
                                 "--title", "<script>alert(3)</script>", "--lang", "en", "--ledger", dir])
        #expect(added.code == 0, "\(added.stderr)")
        let source = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try CLI.run(["predicate", "add", "said", "--type", "text", "--ledger", dir]).code == 0)
        let claim = try CLI.run(["claim", "add", "--source", source, "--excerpt", "<script>alert(1)</script>", "--speaker", "<i onmouseover=x>Mallory</i>",
                                 "--text", "</td><script>alert(4)</script>", "--subject", "person:mallory", "--predicate", "said",
                                 "--value", "<svg onload=alert(5)>", "--ledger", dir])
        #expect(claim.code == 0, "\(claim.stderr)")
        #expect(try runWithInput(["user", "add", "vera", "--role", "viewer", "--ledger", dir], input: "pw-vera-123\n").code == 0)
        let server = try ServeProcess(ledger: dir)
        defer { server.stop() }
        let session = try server.login("vera", "pw-vera-123").session
        let token = try CLI.run(["user", "token", "vera", "--ledger", dir]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let id = try #require(JSONParser.parse(server.api("/api/sources", token: token).body)["sources"]?.array?.first?["id"]?.string)
        let seq = try #require(JSONParser.parse(server.api("/api/claims", token: token).body)["claims"]?.array?.first?["seq"]?.integer)
        let pages = ["/", "/sources", "/claims", "/claims/\(seq)", "/sources/\(id)", "/audit", "/entities", "/predicates", "/contradictions"]
        for path in pages {
            let page = try server.page(path, session: session)
            #expect(page.status == 200, "\(path)")
            let text = page.text.replacingOccurrences(of: "<script src=\"/app.js\" defer></script>", with: "")  // the page's own script
            for hostile in ["<script", "<img", "<svg", "<b>Evil", "<i onmouseover", "</td><script"] {
                #expect(!text.contains(hostile), "\(path) holds \(hostile)")
            }
        }
        #expect(try server.page("/claims", session: session).text.contains("&lt;b&gt;Evil&lt;/b&gt; Times"))
    }

    @Test func thePublishedTreeIsServedAndNothingElse() throws {
        let n = try Newsroom()
        let published = n.work.appendingPathComponent("pub").path
        #expect(try CLI.run(["publish", published, "--ledger", n.dir]).code == 0)
        let server = try ServeProcess(ledger: n.dir, extra: ["--published", published])
        defer { server.stop() }
        let checkpoint = try server.request("GET", "/checkpoint")
        #expect(checkpoint.status == 200)
        #expect(checkpoint.body == Array(FileManager.default.contents(atPath: published + "/checkpoint")!))
        let tiles = try FileManager.default.subpathsOfDirectory(atPath: published + "/tile").filter {
            var d: ObjCBool = false
            return FileManager.default.fileExists(atPath: published + "/tile/" + $0, isDirectory: &d) && !d.boolValue
        }
        #expect(!tiles.isEmpty)
        for tile in tiles {
            let r = try server.request("GET", "/tile/" + tile)
            #expect(r.status == 200 && r.body == Array(FileManager.default.contents(atPath: published + "/tile/" + tile)!), "\(tile)")
        }
        // A monitor can check the whole log through the server: checkpoint, tiles and source snapshots.
        let state = n.work.appendingPathComponent("monitor-state").path
        let seen = try CLI.run(["monitor", "http://127.0.0.1:\(server.port)/", "--vkey", published + "/vkey", "--state", state])
        #expect(seen.code == 0, "\(seen.stderr)")
        for attack in ["/source/../ledger/users.json", "/source/ABC", "/tile/../../ledger/keys/ledger.key", "/tile/%2e%2e/%2e%2e/ledger/users.json", "/tile/..%2f..%2fledger%2fusers.json",
                       "/tile/0/..%2F..%2F..%2Fledger%2Fledger.sqlite", "/tile/entries/%2e%2e", "/tile/0/000/../../../ledger/users.json",
                       "/tile//etc/passwd", "/tile/0/x001/../000", "/checkpoint/../ledger/users.json"] {
            let r = try server.request("GET", attack)
            #expect(r.status == 404, "\(attack): \(r.status)")
            #expect(!r.text.contains("PRIVATE+KEY") && !r.text.contains("password_bcrypt") && !r.text.contains("SQLite format"), "\(attack)")
        }
    }

    @Test func theCLIWritesWhileTheServerRuns() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let token = n.tokens["eddie"]
        let before = try JSONParser.parse(server.api("/api/status", token: token).body)["size"]!.integer!
        let file = CLI.write(Array("A fresh article, captured while the server ran.\n".utf8), "fresh.txt", in: n.work)
        let added = try CLI.run(["source", "add", file, "--outlet", "Late Edition", "--lang", "en", "--ledger", n.dir])
        #expect(added.code == 0, "\(added.stderr)")
        let retracted = try server.post("/api/claims/20/retract", token: token, json: #"{"reason":"superseded"}"#)
        #expect(retracted.status == 201, "\(retracted.text)")
        let status = try JSONParser.parse(server.api("/api/status", token: token).body)
        #expect(status["size"]?.integer == before + 2 && status["verified"] == .bool(true))
        let outlets = try JSONParser.parse(server.api("/api/sources", token: token).body)["sources"]!.array!.map { $0["outlet"]!.string! }
        #expect(outlets.contains("Late Edition"))
        #expect(try CLI.run(["verify", "--ledger", n.dir]).code == 0)
    }

    @Test func theOpenAPIDocumentIsServedAsCommitted() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let served = try server.request("GET", "/openapi.json")
        #expect(served.status == 200)
        let committed = try #require(FileManager.default.contents(atPath: CLI.repo.appendingPathComponent("schemas/openapi.json").path))
        #expect(served.text == String(decoding: committed, as: UTF8.self))
        let doc = try JSONParser.parse(served.body)
        #expect(doc["openapi"]?.string == "3.1.0")
        for path in ["/api/me", "/api/status", "/api/sources", "/api/sources/{id}", "/api/claims", "/api/claims/{seq}", "/api/claims/{seq}/proof", "/api/claims/{seq}/retract", "/api/users",
                     "/api/contradictions", "/api/corroborations"] {
            #expect(doc["paths"]?[path] != nil, "\(path)")
        }
    }
}
