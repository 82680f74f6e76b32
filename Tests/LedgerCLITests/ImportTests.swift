import Foundation
import LedgerCore
import Testing

/// Export bundles (journal + source snapshots) and import: the same root, or nothing at all.
@Suite struct ImportTests {
    static func bundle() throws -> (URL, String) {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        #expect(try CLI.run(["export", "--format", "jsonl", "-o", work.appendingPathComponent("bundle/journal.jsonl").path, "--ledger", dir]).code == 0)
        return (work, dir)
    }

    @Test func importRebuildsTheIdenticalLedger() throws {
        let (work, dir) = try Self.bundle()
        let copy = work.appendingPathComponent("copy").path
        let r = try CLI.run(["import", work.appendingPathComponent("bundle").path, copy, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let original = try JSONParser.parse(try CLI.state(dir)), rebuilt = try JSONParser.parse(try CLI.state(copy))
        #expect(rebuilt["ok"] == true && rebuilt["root"] == original["root"] && rebuilt["size"] == original["size"])
        #expect(try JSONParser.parse(r.stdout)["root"] == original["root"])
        // Same entries, byte for byte; the public key comes along, the private key does not.
        #expect(try CLI.run(["export", "--ledger", copy]).stdout == (try CLI.run(["export", "--ledger", dir]).stdout))
        let keys = try FileManager.default.contentsOfDirectory(atPath: copy + "/keys")
        #expect(keys.count == 1 && keys[0].hasSuffix(".vkey"))
    }

    @Test(arguments: [
        ("journal", "\"speaker\":\"Mike Nellis\"", "\"speaker\":\"Mike Nelis\"", "leaf_hash does not match"),
        ("journal", "\"seq\":5}", "\"seq\":6}", "seq 6 where 5 was expected"),
        ("journal", "\"leaf_hash\":\"", "\"leaf_hash\":\"0", "leaf_hash does not match"),
        ("snapshot", "X", "Y", "does not hash to its id"),
        ("truncate", "", "", "line"),
    ])
    func anEditedExportIsRefusedWithItsLineAndCreatesNothing(what: String, find: String, replace: String, mention: String) throws {
        let (work, _) = try Self.bundle()
        let bundle = work.appendingPathComponent("bundle")
        let journal = bundle.appendingPathComponent("journal.jsonl").path
        switch what {
        case "snapshot":
            let sources = bundle.appendingPathComponent("sources")
            let file = sources.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()[0]).path
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: find, with: replace).write(toFile: file, atomically: true, encoding: .utf8)
        case "truncate":
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: journal)))
            bytes.removeLast(bytes.count / 3)
            try Data(bytes).write(to: URL(fileURLWithPath: journal))
        default:
            let text = try String(contentsOfFile: journal, encoding: .utf8)
            let range = try #require(text.range(of: find))
            try text.replacingCharacters(in: range, with: replace).write(toFile: journal, atomically: true, encoding: .utf8)
        }
        let target = work.appendingPathComponent("rebuilt").path
        let r = try CLI.run(["import", bundle.path, target])
        #expect(r.code == 2 && r.stderr.contains(mention) && r.stderr.contains("nothing was imported"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).allSatisfy { !$0.contains("importing") })
    }
}
