import Foundation
import LedgerCore
import LedgerCrypto
@_spi(Testing) import LedgerStore
import Testing

/// Checkpoints and proofs as a sceptic uses them: a proof file, the entry's bytes and the public key, no ledger.
@Suite struct ProofTests {
    @Test func inclusionProofsCheckOfflineWithOnlyThreeFiles() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let vkey = try CLI.run(["key", "show", "--ledger", dir]).stdout.trimmingCharacters(in: .newlines)
        #expect(NoteKey.Verifier(text: vkey)?.name == "claimledger.example/demo")
        let cp = try CLI.run(["checkpoint", "--json", "--ledger", dir])
        let note = try #require(try JSONParser.parse(cp.stdout)["note"]?.string)
        #expect(try Checkpoint.open(Array(note.utf8), key: NoteKey.Verifier(text: vkey)!, origin: "claimledger.example/demo").size > 0)

        let proof = work.appendingPathComponent("p.tlog-proof").path, entry = work.appendingPathComponent("e.json").path
        #expect(try CLI.run(["prove", "inclusion", "20", "-o", proof, "--ledger", dir]).code == 0)
        #expect(try CLI.run(["show", "20", "--raw", "-o", entry, "--ledger", dir]).code == 0)
        // Move everything but the three files away: verify-proof needs no ledger.
        try FileManager.default.moveItem(atPath: dir, toPath: dir + "-elsewhere")
        let ok = try CLI.run(["verify-proof", proof, "--entry", entry, "--vkey", vkey, "--json"])
        #expect(ok.code == 0, "\(ok.stderr)")
        #expect(try JSONParser.parse(ok.stdout)["index"]?.integer == 20)

        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: entry)))
        bytes[bytes.count / 2] ^= 0x20
        _ = FileManager.default.createFile(atPath: entry, contents: Data(bytes))
        let bad = try CLI.run(["verify-proof", proof, "--entry", entry, "--vkey", vkey])
        #expect(bad.code == 2 && bad.stderr.contains("does NOT verify"))
        let stranger = try CLI.run(["verify-proof", proof, "--entry", entry, "--vkey", NoteKeyFixture.stranger])
        #expect(stranger.code == 2)
    }

    @Test func consistencyProofsAndCheckpointsOverTime() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let old = work.appendingPathComponent("old.checkpoint").path
        _ = FileManager.default.createFile(atPath: old, contents: Data(try CLI.run(["checkpoint", "--ledger", dir]).stdout.utf8))
        #expect(try CLI.run(["entity", "add", "x:y", "--label", "Y", "--ledger", dir]).code == 0)
        let c = try JSONParser.parse(try CLI.run(["prove", "consistency", "--from", old, "--json", "--ledger", dir]).stdout)
        let (m, n) = (Int64(c["old_size"]!.integer!), Int64(c["new_size"]!.integer!))
        #expect(n == m + 1)
        let proof = c["proof"]!.array!.map { Digest(hex: $0.string!)! }
        try MerkleVerify.consistency(oldSize: m, newSize: n, oldRoot: Digest(hex: c["old_root"]!.string!)!,
                                     newRoot: Digest(hex: c["new_root"]!.string!)!, proof: proof)
        #expect(try CLI.run(["verify", "--checkpoint", old, "--ledger", dir]).code == 0)
        // A checkpoint whose signature was tampered with is refused.
        let forged = work.appendingPathComponent("forged.checkpoint").path
        let text = try String(contentsOfFile: old, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: forged, contents: Data(text.replacingOccurrences(of: "\n3", with: "\n4").utf8))
        #expect(try CLI.run(["verify", "--checkpoint", forged, "--ledger", dir]).code == 2)
    }

    @Test func privateKeysReadableByOthersAreRefused() throws {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["init", dir, "--origin", "k.example/l"]).code == 0)
        let key = dir + "/keys/k.example_l.key"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let r = try CLI.run(["checkpoint", "--ledger", dir])
        #expect(r.code == 1 && r.stderr.contains("readable by others") && !r.stderr.contains("PRIVATE"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        #expect(try CLI.run(["checkpoint", "--ledger", dir]).code == 0)
    }

    /// The attack a checkpoint exists for: the keeper rebuilds the ledger with one old claim changed. The rebuilt
    /// ledger's own hash chain and tree are consistent (`verify` is clean), but the checkpoint published before
    /// the rewrite no longer matches its first entries.
    @Test func aRewrittenHistoryFailsTheCheckpointEvenThoughItIsInternallyConsistent() throws {
        let work = CLI.temporaryDirectory()
        let original = work.appendingPathComponent("original").path, rewritten = work.appendingPathComponent("rewritten").path
        #expect(try CLI.run(["demo", "--into", original]).code == 0)
        let published = work.appendingPathComponent("published.checkpoint").path
        _ = FileManager.default.createFile(atPath: published, contents: Data(try CLI.run(["checkpoint", "--ledger", original]).stdout.utf8))

        let source = try Ledger(opening: original, readOnly: true)
        let size = try source.store.size()
        let genesis = try #require(try source.store.entry(0))
        try FileManager.default.createDirectory(atPath: rewritten, withIntermediateDirectories: true)
        guard case .genesis(let genesisBody)? = EntryBody(genesis.bytes) else { throw StoreError("no genesis body") }
        let store = try LedgerStore.create(at: rewritten + "/" + LedgerStore.fileName, time: genesis.time, author: genesis.author, genesis: genesisBody)
        try store.append(time: genesis.time, author: genesis.author) { batch in
            for seq in 1..<size {
                let e = try #require(try source.store.entry(seq))
                if e.kind == .source, let id = Digest(hex: e.body["id"]!.string!) { _ = try batch.storeBlob(try #require(try source.store.blob(id))) }
                var body = e.body
                if e.kind == .claim, body["value"]?["original"] == "roughly 160,000" {  // the edit the keeper wants hidden
                    var o = body.object!
                    o["text"] = "About 210,000 people were on the call."
                    body = .object(o)
                }
                try batch.append(kind: e.kind, body: body)
            }
        }
        let clean = try CLI.run(["verify", "--ledger", rewritten])
        #expect(clean.code == 0, "the rewritten ledger is internally consistent: \(clean.stdout)")
        let caught = try CLI.run(["verify", "--checkpoint", published, "--ledger", rewritten])
        #expect(caught.code == 2)
        #expect(caught.stdout.contains("[checkpoint]") && caught.stdout.contains("history was rewritten"))
        #expect(try CLI.run(["verify", "--checkpoint", published, "--ledger", original]).code == 0)
    }
}

/// A well-formed verifier key that signed nothing here.
enum NoteKeyFixture {
    static let stranger = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
}
