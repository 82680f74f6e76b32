import Foundation
import LedgerCore
import Testing

/// Recording through the server: sources uploaded (API and the browser's form), claims recorded from an article's
/// page, predicates and entities declared, values parsed live — each as the CLI would, signed by the editor, and
/// each refusal a one-line reason with nothing stored.
@Suite struct ServeWriteTests {
    typealias Newsroom = ServeCommandTests.Newsroom
    static let article = "000_488dd66cb813fd74.txt"
    static let quote = "drew more than 200,000 people to an online fundraiser"

    static func claimJSON(source: String, excerpt: String = quote) -> String {
        """
        {"source":"\(source)","excerpt":"\(excerpt)","speaker":"organizers","text":"The call drew more than 200,000 people.",\
        "subject":"group:white-dudes-for-harris","predicate":"call.attendance","value":"more than 200,000"}
        """
    }

    @Test func anEditorUploadsASourceAndRecordsAClaimThroughTheAPI() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let bytes = Array(try Data(contentsOf: CLI.corpus.appendingPathComponent(Self.article)))
        func upload(_ token: String?, _ query: String) throws -> ServeProcess.Reply {
            try server.request("POST", "/api/sources?" + query, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:], body: bytes)
        }
        let size = try n.size()
        #expect(try upload(n.tokens["vera"], "outlet=Post&lang=en").status == 403)
        let noOutlet = try upload(n.tokens["eddie"], "lang=en")
        #expect(noOutlet.status == 422 && noOutlet.text.contains("outlet"))
        let badLang = try upload(n.tokens["eddie"], "outlet=Post&lang=english")
        #expect(badLang.status == 422 && badLang.text.contains("en"), "\(badLang.text)")
        #expect(try n.size() == size)

        let added = try upload(n.tokens["eddie"], "outlet=Portland+Press+Herald&lang=en&title=Pro-Harris+accounts")
        #expect(added.status == 201, "\(added.text)")
        let id = try #require(try JSONParser.parse(added.body)["id"]?.string)
        #expect(try upload(n.tokens["eddie"], "outlet=Portland+Press+Herald&lang=en&title=Pro-Harris+accounts").status == 200)  // the same bytes: nothing new

        let missing = try server.post("/api/claims", token: n.tokens["eddie"], json: Self.claimJSON(source: id, excerpt: "drew more than 300,000 people"))
        #expect(missing.status == 422 && missing.text.contains("excerpt"), "\(missing.text)")
        #expect(missing.text.contains("nearest passage (1 edit): \\\"drew more than 200,000 people\\\""), "\(missing.text)")  // as the CLI says it
        let unknown = try server.post("/api/claims", token: n.tokens["eddie"], json: #"{"source":"\#(id)","colour":"red"}"#)
        #expect(unknown.status == 422 && unknown.text.contains("unknown field \\\"colour\\\""), "\(unknown.text)")
        let null = try server.post("/api/claims", token: n.tokens["eddie"], json: Self.claimJSON(source: id).replacingOccurrences(of: #""speaker":"organizers""#, with: #""speaker":null"#))
        #expect(null.status == 422 && null.text.contains("speaker: must be a string, got null"), "\(null.text)")
        #expect(try server.post("/api/claims", token: n.tokens["eddie"], json: "{not json").status == 400)
        #expect(try server.post("/api/claims", token: n.tokens["vera"], json: Self.claimJSON(source: id)).status == 403)
        #expect(try n.size() == size + 1)

        let recorded = try server.post("/api/claims", token: n.tokens["eddie"], json: Self.claimJSON(source: id))
        #expect(recorded.status == 201, "\(recorded.text)")
        let seq = try #require(try JSONParser.parse(recorded.body)["seq"]?.integer)
        let again = try server.post("/api/claims", token: n.tokens["eddie"], json: Self.claimJSON(source: id))
        #expect(again.status == 409 && again.text.contains("identical to the claim at seq \(seq)") && again.text.contains("allow_duplicate"), "\(again.text)")
        let twice = try server.post("/api/claims", token: n.tokens["eddie"], json: String(Self.claimJSON(source: id).dropLast()) + #","allow_duplicate":true}"#)
        #expect(twice.status == 201, "\(twice.text)")
        let claim = try JSONParser.parse(server.api("/api/claims/\(seq)", token: n.tokens["vera"]).body)
        #expect(claim["excerpt"]?["exact"]?.string == Self.quote && claim["outlet"]?.string == "Portland Press Herald")
        #expect(claim["value"]?["type"] == "quantity" && claim["value"]?["original"]?.string?.isEmpty == false, "the value is the typed object the entry stores")
        #expect(try CLI.run(["verify", "--ledger", n.dir]).code == 0)
    }

    @Test func predicatesEntitiesAndTheLiveValue() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let size = try n.size()
        let category = try server.post("/api/predicates", token: n.tokens["eddie"], json: #"{"id":"ban.kind","type":"category","cardinality":"single"}"#)
        #expect(category.status == 422 && category.text.contains("values"), "\(category.text)")
        #expect(try server.post("/api/predicates", token: n.tokens["vera"], json: #"{"id":"x","type":"text","cardinality":"single"}"#).status == 403)
        let declared = try server.post("/api/predicates", token: n.tokens["eddie"], json: #"{"id":"donors.count","type":"quantity","cardinality":"single","unit":"people"}"#)
        #expect(declared.status == 201, "\(declared.text)")
        let predicates = try JSONParser.parse(server.api("/api/predicates", token: n.tokens["vera"]).body)["predicates"]?.array ?? []
        #expect(predicates.contains { $0["id"] == "donors.count" })

        let taken = try server.post("/api/entities", token: n.tokens["eddie"], json: #"{"id":"group:wd4h-2","labels":{"en":"White Dudes for Harris"}}"#)
        #expect(taken.status == 422 && taken.text.contains("already names"), "\(taken.text)")
        let entity = try server.post("/api/entities", token: n.tokens["eddie"], json: #"{"id":"org:x-corp","labels":{"en":"X Corp."},"aliases":["X","Twitter"]}"#)
        #expect(entity.status == 201, "\(entity.text)")
        let entities = try JSONParser.parse(server.api("/api/entities", token: n.tokens["vera"]).body)["entities"]?.array ?? []
        #expect(entities.contains { $0["id"] == "org:x-corp" && $0["aliases"]?.array?.count == 2 })
        #expect(try n.size() == size + 2)

        let value = try JSONParser.parse(server.api("/api/value?text=pr%C3%A8s+de+200.000&predicate=call.attendance&lang=fr", token: n.tokens["vera"]).body)
        #expect(value["ok"] == true && value["value"]?["amount"]?.string == "200000" && value["reading"]?.string == "quantity: 190,000 to 200,000 people")
        let bad = try JSONParser.parse(server.api("/api/value?text=lots&predicate=call.attendance", token: n.tokens["vera"]).body)
        #expect(bad["ok"] == false && bad["error"]?.string?.isEmpty == false)
    }

    @Test func theBrowserFormsUploadRecordAndRefuseWithTheReason() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let editor = try server.login("eddie", "pw-eddie-123").session ?? ""
        let viewer = try server.login("vera", "pw-vera-123").session ?? ""
        #expect(try server.page("/sources/new", session: viewer).status == 403)
        let uploadPage = try server.page("/sources/new", session: editor)
        #expect(uploadPage.status == 200 && uploadPage.text.contains("enctype=\"multipart/form-data\""))
        let csrf = try #require(ServeProcess.field(uploadPage.text, "csrf"))
        let bytes = Array(try Data(contentsOf: CLI.corpus.appendingPathComponent(Self.article)))
        func multipart(_ fields: [(String, String)], file: [UInt8]?) -> [UInt8] {
            var body: [UInt8] = []
            for (k, v) in fields { body += Array("--XyZ\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8) }
            if let file { body += Array("--XyZ\r\nContent-Disposition: form-data; name=\"capture\"; filename=\"wp.txt\"\r\nContent-Type: text/plain\r\n\r\n".utf8) + file + Array("\r\n".utf8) }
            return body + Array("--XyZ--\r\n".utf8)
        }
        func post(_ body: [UInt8], session: String, type: String = "multipart/form-data; boundary=XyZ") throws -> ServeProcess.Reply {
            try server.request("POST", "/sources", headers: ["Cookie": "claimledger_session=\(session)", "Content-Type": type], body: body)
        }
        let size = try n.size()
        #expect(try post(multipart([("csrf", "forged"), ("outlet", "Post"), ("lang", "en")], file: bytes), session: editor).status == 403)
        #expect(try post(multipart([("csrf", csrf), ("outlet", "Post"), ("lang", "en")], file: bytes), session: viewer).status == 403)
        #expect(try post(Array("--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc".utf8), session: editor).status == 400)  // never closed
        #expect(try post(multipart([("csrf", csrf)], file: bytes), session: editor, type: "multipart/form-data").status == 400)  // no boundary
        let noLang = try post(multipart([("csrf", csrf), ("outlet", "Post")], file: bytes), session: editor)
        #expect(noLang.status == 422 && noLang.text.contains("role=\"alert\"") && noLang.text.contains("value=\"Post\""))  // the values are kept
        #expect(try n.size() == size)
        let added = try post(multipart([("csrf", csrf), ("outlet", "Portland Press Herald"), ("lang", "en"), ("title", "Pro-Harris accounts")], file: bytes), session: editor)
        #expect(added.status == 303, "\(added.text)")
        let location = try #require(added.header("Location"))
        #expect(location.hasPrefix("/sources/"))

        // The article's page carries the claim form for an editor, none for a viewer.
        let page = try server.page(location, session: editor)
        #expect(page.text.contains("id=\"record-claim\"") && page.text.contains("<option value=\"call.attendance\""))
        #expect(!(try server.page(location, session: viewer)).text.contains("record-claim"))
        // Suggested claims under the form; "use" fills the form with one, its quote exactly.
        #expect(page.text.contains("<h2 id=\"suggestions\">Suggested claims</h2>") && page.text.contains("?use=0#record"))
        let filled = try server.page(location + "?use=0", session: editor).text
        let quote = try #require(filled.range(of: #"<textarea name="excerpt"[^>]*>([^<]+)</textarea>"#, options: .regularExpression).map { String(filled[$0]) })
        #expect(quote.count > 60, "\(quote)")
        func record(_ fields: String, session: String) throws -> ServeProcess.Reply {
            try server.request("POST", location + "/claims", headers: ["Cookie": "claimledger_session=\(session)", "Content-Type": "application/x-www-form-urlencoded"],
                               body: Array(fields.utf8))
        }
        let claimCSRF = try #require(ServeProcess.field(page.text, "csrf"))
        let base = "csrf=\(claimCSRF)&speaker=organizers&text=The+call+drew+200%2C000&subject=group%3Awhite-dudes-for-harris&predicate=call.attendance&value=more+than+200%2C000"
        let typo = try record(base + "&excerpt=drew+more+than+300%2C000+people", session: editor)
        #expect(typo.status == 422 && typo.text.contains("excerpt:") && typo.text.contains("value=\"organizers\""), "\(typo.text.prefix(300))")
        #expect(typo.text.contains("nearest passage (1 edit)"), "\(typo.text.prefix(600))")
        #expect(try record(base.replacingOccurrences(of: "csrf=\(claimCSRF)", with: "csrf=x") + "&excerpt=drew", session: editor).status == 403)
        let sizeBefore = try n.size()
        let done = try record(base + "&excerpt=drew+more+than+200%2C000+people+to+an+online+fundraiser&occurrence=1", session: editor)
        #expect(done.status == 303 && done.header("Location")?.hasPrefix("/claims/") == true, "\(done.text.prefix(300))")
        #expect(try n.size() == sizeBefore + 1)
        let marked = try server.page(location, session: viewer).text
        #expect(marked.contains("<mark id=\"q\(sizeBefore)\">"))

        // Declaring through the pages, and the audit page.
        let predicatesPage = try server.page("/predicates", session: editor).text
        let pCSRF = try #require(ServeProcess.field(predicatesPage, "csrf"))
        func form(_ path: String, _ fields: String) throws -> ServeProcess.Reply {
            try server.request("POST", path, headers: ["Cookie": "claimledger_session=\(editor)", "Content-Type": "application/x-www-form-urlencoded"], body: Array(fields.utf8))
        }
        #expect(try form("/predicates", "csrf=\(pCSRF)&id=donors&type=quantity&cardinality=single&unit=people&tolerance=0.1").status == 303)
        let twice = try form("/predicates", "csrf=\(pCSRF)&id=donors&type=quantity&cardinality=single")
        #expect(twice.status == 422 && twice.text.contains("already declared"))
        #expect(try form("/entities", "csrf=\(pCSRF)&id=org%3Ax&label_en=X+Corp.&aliases=Twitter%0AX").status == 303)
        #expect(try server.page("/entities", session: viewer).text.contains("Twitter; X"))
        let audit = try server.page("/audit", session: viewer)
        #expect(audit.status == 200 && audit.text.contains("<h1>Audit</h1>") && audit.text.contains("Portland Press Herald"))
        let script = try server.page("/app.js", session: nil)
        #expect(script.status == 200 && script.text.contains("getSelection"))
        #expect(try server.page("/value-preview?text=2", session: nil).status == 401)
        #expect(try CLI.run(["verify", "--ledger", n.dir]).code == 0)
    }

    /// The dashboard's verification is reused while the database is unchanged, and redone when it changes —
    /// even by an edit behind the store's back.
    @Test func theDashboardSeesATamperedDatabase() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let session = try server.login("vera", "pw-vera-123").session
        #expect(try server.page("/", session: session).text.contains("<span class=\"ok\">verified</span>"))
        #expect(try server.page("/", session: session).text.contains("<span class=\"ok\">verified</span>"))
        try CLI.sql(n.dir, "DROP TRIGGER blob_chunks_no_update; UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), 'the', 'teh') AS BLOB)")
        let after = try server.page("/", session: session).text
        #expect(after.contains("DOES NOT VERIFY"), "\(after.prefix(2000))")
        let status = try JSONParser.parse(server.api("/api/status", token: n.tokens["vera"]).body)
        #expect(status["verified"] == .bool(false))
    }

    /// An editor corrects a claim from its page (the form comes filled with the claim, so only what changes is
    /// typed); an admin adds and removes users from the users page; nobody else can.
    @Test func correctionsAndUsersFromThePages() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let seq = try #require(JSONParser.parse(server.api("/api/claims", token: n.tokens["vera"]).body)["claims"]?.array?.first?["seq"]?.integer)
        let editor = try server.login("eddie", "pw-eddie-123").session ?? ""
        let admin = try server.login("ada", "pw-ada-123").session ?? ""
        let viewer = try server.login("vera", "pw-vera-123").session ?? ""
        let page = try server.page("/claims/\(seq)", session: editor).text
        #expect(page.contains("action=\"/claims/\(seq)/correct\"") && page.contains("name=\"occurrence\" value=\"1\""))
        #expect(!(try server.page("/claims/\(seq)", session: viewer)).text.contains("/correct\""))
        // Submit the form as the page filled it, with new plain words and a reason (unchanged, it corrects nothing).
        var fields: [String] = []
        for name in ["csrf", "excerpt", "occurrence", "speaker", "relay", "text", "subject", "value", "event", "scope", "as_of"] {
            if let v = ServeProcess.field(page, name) { fields.append("\(name)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)") }
        }
        if let r = page.range(of: #"<textarea name="excerpt"[^>]*>([^<]*)</textarea>"#, options: .regularExpression) {
            let excerpt = page[r].split(separator: ">", maxSplits: 1)[1].dropLast("</textarea>".count)
            fields.append("excerpt=" + String(excerpt).replacingOccurrences(of: "&amp;", with: "&").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        }
        let predicate = try #require(try JSONParser.parse(server.api("/api/claims/\(seq)", token: n.tokens["vera"]).body)["predicate"]?.string)
        fields.append("predicate=\(predicate)")
        func post(_ path: String, _ body: String, _ session: String) throws -> ServeProcess.Reply {
            try server.request("POST", path, headers: ["Cookie": "claimledger_session=\(session)", "Content-Type": "application/x-www-form-urlencoded"], body: Array(body.utf8))
        }
        let size = try n.size()
        let noReason = try post("/claims/\(seq)/correct", fields.joined(separator: "&"), editor)
        #expect(noReason.status == 422 && noReason.text.contains("reason"), "\(noReason.text.prefix(400))")
        #expect(try n.size() == size)
        let unchanged = try post("/claims/\(seq)/correct", fields.joined(separator: "&") + "&reason=the+outlet+updated+its+figure", editor)
        #expect(unchanged.status == 422 && unchanged.text.contains("nothing to correct"), "\(unchanged.text.prefix(400))")
        fields = fields.map { $0.hasPrefix("text=") ? "text=The+outlet+updated+its+figure" : $0 }
        let done = try post("/claims/\(seq)/correct", fields.joined(separator: "&") + "&reason=the+outlet+updated+its+figure", editor)
        #expect(done.status == 303, "\(done.text.prefix(600))")
        #expect(try n.size() == size + 1)
        let history = try JSONParser.parse(server.api("/api/claims/\(seq)", token: n.tokens["vera"]).body)["history"]?.array ?? []
        #expect(history.count == 1 && history[0]["kind"]?.string == "correction")

        #expect(try server.page("/admin/users", session: editor).status == 403)
        let users = try server.page("/admin/users", session: admin)
        #expect(users.status == 200 && users.text.contains("eddie"))
        let csrf = try #require(ServeProcess.field(users.text, "csrf"))
        let differ = try post("/admin/users", "csrf=\(csrf)&name=nina&role=editor&password=pw-nina-123&password2=pw-nina-124", admin)
        #expect(differ.status == 422 && differ.text.contains("differ"))
        #expect(try post("/admin/users", "csrf=\(csrf)&name=nina&role=editor&password=pw-nina-123&password2=pw-nina-123", editor).status == 403)
        #expect(try post("/admin/users", "csrf=\(csrf)&name=nina&role=editor&password=pw-nina-123&password2=pw-nina-123", admin).status == 303)
        #expect(try server.login("nina", "pw-nina-123").session != nil)
        #expect(try post("/admin/users/remove", "csrf=\(csrf)&name=ada", admin).status == 422)  // not yourself
        #expect(try post("/admin/users/remove", "csrf=\(csrf)&name=nina", admin).status == 303)
        #expect(try server.login("nina", "pw-nina-123").session == nil)
        #expect(try CLI.run(["verify", "--ledger", n.dir]).code == 0)
    }

    /// Pages are read from a snapshot kept between requests: an append is seen by the next request, and a ledger
    /// file replaced by one that does not extend the cached tree is read again from the start.
    @Test func theKeptSnapshotFollowsAppendsAndNoticesAReplacedLedger() throws {
        let n = try Newsroom()
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        func status() throws -> JSONValue { try JSONParser.parse(server.api("/api/status", token: n.tokens["vera"]).body) }
        let first = try status()
        let id = try #require(JSONParser.parse(server.api("/api/sources", token: n.tokens["vera"]).body)["sources"]?.array?.first?["id"]?.string)
        #expect(try CLI.run(["claim", "retract", "15", "--reason", "checking the kept snapshot", "--ledger", n.dir]).code == 0)
        let grown = try status()
        #expect(grown["size"]?.integer == (first["size"]?.integer ?? 0) + 1 && grown["claims"]?.integer == (first["claims"]?.integer ?? 0) - 1)

        let other = n.work.appendingPathComponent("other").path
        #expect(try CLI.run(["demo", "--into", other]).code == 0)
        for _ in 0..<3 { #expect(try CLI.run(["predicate", "add", "p\(UUID().uuidString.prefix(6).lowercased())", "--type", "text", "--ledger", other]).code == 0) }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: n.dir + "/ledger.sqlite" + suffix) }
        try FileManager.default.copyItem(atPath: other + "/ledger.sqlite", toPath: n.dir + "/ledger.sqlite")
        let replaced = try status()
        let otherRoot = try CLI.run(["verify", "--json", "--ledger", other]).stdout
        #expect(otherRoot.contains(replaced["root"]?.string ?? "none"), "\(replaced)")
        #expect(replaced["claims"]?.integer == first["claims"]?.integer)  // the other demo's claims, none retracted
        #expect(try server.api("/api/sources/\(id)", token: n.tokens["vera"]).status == 200)
    }
}
