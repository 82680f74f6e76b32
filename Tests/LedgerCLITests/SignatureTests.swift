import Foundation
import LedgerCore
import Testing

/// Per-contributor signatures: generate, register, sign, verify, require.
@Suite struct SignatureTests {
    @Test func contributorsSignWhatTheyAppendAndVerifyChecksIt() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path, keys = work.appendingPathComponent("keys").path
        let env = ["CLAIMLEDGER_KEY_DIR": keys]
        #expect(try CLI.run(["init", dir, "--origin", "sig.example/l"]).code == 0)
        let vkey = try CLI.run(["key", "generate", "alice@news.example"], environment: env).stdout.trimmingCharacters(in: .newlines)
        #expect(try FileManager.default.attributesOfItem(atPath: keys + "/alice@news.example.key")[.posixPermissions] as? Int == 0o600)
        #expect(try CLI.run(["key", "generate", "alice@news.example"], environment: env).code == 1)  // never overwritten

        let file = CLI.write(Array("Le compte a été suspendu pendant deux jours.\n".utf8), "s.txt", in: work)
        let before = try CLI.state(dir)
        let unregistered = try CLI.run(["source", "add", file, "--outlet", "R", "--lang", "fr", "--sign-with", "alice@news.example", "--ledger", dir], environment: env)
        #expect(unregistered.code == 1 && unregistered.stderr.contains("not registered"))
        #expect(try CLI.state(dir) == before)

        #expect(try CLI.run(["key", "add", "alice@news.example", vkey, "--ledger", dir]).code == 0)
        #expect(try CLI.run(["key", "add", "alice@news.example", vkey, "--ledger", dir]).code == 1)
        #expect(try CLI.run(["source", "add", file, "--outlet", "R", "--lang", "fr", "--sign-with", "alice@news.example", "--ledger", dir], environment: env).code == 0)
        #expect(try CLI.run(["verify", "--ledger", dir]).code == 0)
        // The key entry was appended unsigned: requiring signatures fails on it, and on nothing else.
        let required = try JSONParser.parse(try CLI.run(["verify", "--require-signatures", "--json", "--ledger", dir]).stdout)
        #expect(required["findings"]?.array?.compactMap { $0["seq"]?.integer } == [1])

        let log = try CLI.log(dir)
        #expect(log[2]["author"]?.string == NoteKey.Verifier(text: vkey)?.keyID)
        #expect(log[0]["author"]?.string?.hasPrefix("sig.example/l+") == true)

        // A default signer from the ledger's config, and the ledger's own key by name.
        _ = FileManager.default.createFile(atPath: dir + "/config.json", contents: Data(#"{"sign_with":"sig.example/l"}"#.utf8))
        #expect(try CLI.run(["entity", "add", "x:y", "--label", "Y", "--ledger", dir]).code == 0)
        let export = try CLI.run(["export", "--ledger", dir]).stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(export.map { $0["signature"] != nil } == [true, false, true, true])
    }
}
