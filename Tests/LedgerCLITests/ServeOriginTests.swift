import Foundation
import LedgerCore
import Testing

/// A claim's origin through the server's API: `"origin"` in `POST /api/claims` and in a correction, resolved as
/// `--origin` is (an entity id or a source id prefix), refused with the reason (422, nothing stored) otherwise.
@Suite struct ServeOriginTests {
    typealias Newsroom = ServeCommandTests.Newsroom

    @Test func theAPIRecordsAndCorrectsAClaimsOrigin() throws {
        let n = try Newsroom()
        let entity = try CLI.run(["entity", "add", "org:organisers", "--label", "en=the organisers", "--ledger", n.dir])
        #expect(entity.code == 0, "\(entity.stderr)")
        let server = try ServeProcess(ledger: n.dir)
        defer { server.stop() }
        let bytes = Array(try Data(contentsOf: CLI.corpus.appendingPathComponent(ServeWriteTests.article)))
        let added = try server.request("POST", "/api/sources?outlet=Portland+Press+Herald&lang=en", headers: ["Authorization": "Bearer \(n.tokens["eddie"]!)"], body: bytes)
        #expect(added.status == 201, "\(added.text)")
        let id = try #require(try JSONParser.parse(added.body)["id"]?.string)
        func claim(origin: String) -> String { String(ServeWriteTests.claimJSON(source: id).dropLast()) + #","origin":"\#(origin)"}"# }

        let size = try n.size()
        let typo = try server.post("/api/claims", token: n.tokens["eddie"], json: claim(origin: "org:organizers"))
        #expect(typo.status == 422 && typo.text.contains("origin: \\\"org:organizers\\\" is neither a declared entity id nor a recorded source id; did you mean org:organisers?"), "\(typo.text)")
        let object = try server.post("/api/claims", token: n.tokens["eddie"], json: String(ServeWriteTests.claimJSON(source: id).dropLast()) + #","origin":{"entity":"org:organisers"}}"#)
        #expect(object.status == 422 && object.text.contains("origin: must be a string"), "\(object.text)")
        #expect(try n.size() == size)

        let recorded = try server.post("/api/claims", token: n.tokens["eddie"], json: claim(origin: "org:organisers"))
        #expect(recorded.status == 201, "\(recorded.text)")
        let seq = try #require(try JSONParser.parse(recorded.body)["seq"]?.integer)
        let stored = try JSONParser.parse(server.api("/api/claims/\(seq)", token: n.tokens["vera"]).body)
        #expect(stored["origin"] == ["entity": "org:organisers"], "\(stored)")

        let corrected = try server.post("/api/claims/\(seq)/correct", token: n.tokens["eddie"],
                                        json: #"{"reason":"taken from the article","claim":\#(claim(origin: String(id.prefix(10))))}"#)
        #expect(corrected.status == 201, "\(corrected.text)")
        let now = try JSONParser.parse(server.api("/api/claims/\(seq)", token: n.tokens["vera"]).body)
        let versions = now["history"]?.array?.compactMap { $0["claim"]?["origin"] } ?? []
        #expect(versions.contains(["source": .string(id)]), "\(now)")
        #expect(try CLI.run(["verify", "--ledger", n.dir]).code == 0)
    }
}
