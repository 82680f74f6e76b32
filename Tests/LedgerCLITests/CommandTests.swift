import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// The command-line contract: init's files, --json shapes, idempotent source add, export bytes, show, demo, help.
@Suite struct CommandTests {
    @Test func initWritesKeysAndRefusesToOverwrite() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        let r = try CLI.run(["init", dir, "--origin", "news.example/claims", "--json"])
        #expect(r.code == 0)
        let out = try JSONParser.parse(r.stdout)
        let vkey = try #require(out["verifier_key"]?.string)
        #expect(NoteKey.Verifier(text: vkey)?.name == "news.example/claims")
        let key = dir + "/keys/news.example_claims.key"
        #expect(try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOfFile: dir + "/keys/news.example_claims.vkey", encoding: .utf8) == vkey + "\n")
        #expect(NoteKey.Signer(text: try String(contentsOfFile: key, encoding: .utf8).trimmingCharacters(in: .newlines))?.verifier.text == vkey)
        for sub in ["checkpoints", "reports"] { #expect(FileManager.default.fileExists(atPath: dir + "/" + sub)) }
        #expect(try CLI.run(["init", dir]).code == 1)
        #expect(try CLI.run(["init", "--origin", "bad name", work.appendingPathComponent("m").path]).code == 1)
        // The default directory comes from $CLAIMLEDGER_DIR.
        let env = work.appendingPathComponent("from-env").path
        #expect(try CLI.run(["init"], environment: ["CLAIMLEDGER_DIR": env]).code == 0)
        #expect(try CLI.run(["verify"], environment: ["CLAIMLEDGER_DIR": env]).stdout.hasPrefix("ok: 1 entry verified"))
    }

    @Test func sourceAddIsIdempotentAndJSONShapesHold() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["init", dir]).code == 0)
        let file = CLI.write(Array("Some text.\r\nMore text.\n".utf8), "a.txt", in: work)
        let first = try JSONParser.parse(try CLI.run(["source", "add", file, "--outlet", "O", "--lang", "EN-gb", "--json", "--ledger", dir]).stdout)
        let id = try #require(first["id"]?.string)
        #expect(id == SHA256.hash(Array("Some text.\r\nMore text.\n".utf8)).hex)  // the raw bytes, CRLF and all
        #expect(first["seq"]?.integer == 1 && first["existed"] == false)
        let again = try CLI.run(["source", "add", file, "--outlet", "O", "--lang", "en-gb", "--ledger", dir])
        #expect(again.stdout == id + "\n" && again.stderr.contains("nothing appended"))
        #expect(try JSONParser.parse(try CLI.state(dir))["size"]?.integer == 2)
        let shown = try JSONParser.parse(try CLI.run(["show", "1", "--json", "--ledger", dir]).stdout)
        #expect(shown["entry"]?["body"]?["lang"] == "en-GB")
    }

    @Test func exportLinesReproduceTheStoredBytesAndLeafHashes() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let file = work.appendingPathComponent("export.jsonl").path
        #expect(try CLI.run(["export", "--format", "jsonl", "-o", file, "--ledger", dir]).code == 0)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        let verify = try JSONParser.parse(try CLI.state(dir))
        #expect(lines.count == verify["size"]?.integer)
        var frontier = MerkleFrontier()
        for (n, line) in lines.enumerated() {
            #expect(CanonicalJSON.isCanonical(Array(line.utf8)))
            let v = try JSONParser.parse(String(line))
            #expect(v["seq"]?.integer == n)
            let bytes = try CanonicalJSON.encode(try #require(v["entry"]))
            #expect(MerkleHash.leaf(bytes).hex == v["leaf_hash"]?.string)
            frontier.append(leaf: MerkleHash.leaf(bytes))
        }
        #expect(frontier.root.hex == verify["root"]?.string)
    }

    @Test func showPrintsTheQuoteInItsContext() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let log = try CLI.run(["log", "--ledger", dir]).stdout
        #expect(log.contains("call.attendance @wd4h-call-2024-07-25 = \"45 000\""))
        let claimLine = try #require(log.split(separator: "\n").first { $0.contains("roughly 160,000") })
        let seq = String(claimLine.prefix { $0 != " " })
        let show = try CLI.run(["show", seq, "--ledger", dir]).stdout
        #expect(show.contains("[[The call drew roughly 160,000 people]]"))
        #expect(show.contains("relay        figures shared by the organizers' streaming vendor"))
        let missing = try CLI.run(["show", "9999", "--ledger", dir])
        #expect(missing.code == 1 && missing.stderr.contains("no entry 9999"))
    }

    @Test func demoBuildsAVerifiedSampleWithDisagreeingClaimsInBothLanguages() throws {
        let r = try CLI.run(["demo", "--json"], cwd: CLI.repo)
        #expect(r.code == 0, "\(r.stderr)")
        let out = try JSONParser.parse(r.stdout)
        #expect(out["ok"] == true)
        #expect((out["sources"]?.integer ?? 0) >= 4 && (out["claims"]?.integer ?? 0) >= 12)
        let claims = try CLI.log(try #require(out["directory"]?.string)).filter { $0["kind"] == "claim" }
        #expect(Set(claims.compactMap { $0["body"]?["lang"]?.string }) == ["en", "fr"])
        let attendance = claims.filter { $0["body"]?["predicate"] == "call.attendance" }.compactMap { $0["body"]?["value"]?["amount"]?.string }
        #expect(Set(attendance).count >= 3)
    }

    @Test(arguments: [[], ["init"], ["source"], ["source", "add"], ["predicate", "add"], ["entity", "add"], ["claim"], ["claim", "add"],
                      ["claim", "import"], ["log"], ["show"], ["verify"], ["export"], ["demo"], ["audit"],
                      ["publish"], ["monitor"], ["checkpoint"], ["serve"], ["witness", "serve"]])
    func everyCommandHasHelp(_ command: [String]) throws {
        let r = try CLI.run(command + ["--help"])
        #expect(r.code == 0)
        #expect(r.stdout.contains("OVERVIEW:") && r.stdout.contains("USAGE:"))
        if !command.isEmpty && !["source", "claim", "monitor", "serve"].contains(command.last!) || command == ["serve"] {
            #expect(r.stdout.contains("--ledger <DIR>"), "\(command)")  // monitor reads a published log, witness serve no ledger
        }
        // No stray backslash: one ends a line only in an indented shell example, where the next line, indented
        // further, continues the command (an example wrapped by the help formatter starts at the margin).
        let lines = r.stdout.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() where line.hasSuffix("\\") {
            #expect(line.hasPrefix("  claimledger") || line.hasPrefix("  printf") || line.hasPrefix("    "), "\(command): \(line)")
            #expect(i + 1 < lines.count && lines[i + 1].hasPrefix("    ") && !lines[i + 1].trimmingCharacters(in: .whitespaces).isEmpty,
                    "\(command): an example wrapped after \(line)")
        }
    }
}
