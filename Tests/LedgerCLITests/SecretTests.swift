import Foundation
import Testing

/// A private key is never echoed, and `init` warns when git would track the ledger's private key.
@Suite struct SecretTests {
    static func privateKey(in work: URL) throws -> String {
        #expect(try CLI.run(["key", "generate", "bob@example", "--key-dir", work.appendingPathComponent("k").path]).code == 0)
        return try String(contentsOfFile: work.appendingPathComponent("k/bob@example.key").path, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aPrivateKeyWhereAVerifierKeyBelongsIsNeverEchoed() throws {
        let work = CLI.temporaryDirectory()
        let secret = try Self.privateKey(in: work)
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["init", dir]).code == 0)
        for arguments in [["verify-proof", "p", "--entry", "e", "--vkey", secret], ["key", "add", "bob@example", secret, "--ledger", dir]] {
            let r = try CLI.run(arguments)
            #expect(r.code != 0 && r.stderr.contains("not a verifier key"), "\(r.stderr)")
            #expect(!r.stderr.contains("PRIVATE+KEY+") && !r.stdout.contains("PRIVATE+KEY+"), "\(arguments[0]) echoed the key")
        }
        // the same key pasted without its PRIVATE+KEY+ prefix: its secret part is never echoed either
        let bare = String(secret.dropFirst("PRIVATE+KEY+".count)), material = String(bare.split(separator: "+").last!)
        for arguments in [["verify-proof", "p", "--entry", "e", "--vkey", bare], ["key", "add", "bob@example", bare, "--ledger", dir]] {
            let r = try CLI.run(arguments)
            #expect(r.code != 0 && r.stderr.contains("not a verifier key"), "\(r.stderr)")
            #expect(!r.stderr.contains(material.prefix(8)) && !r.stdout.contains(material.prefix(8)), "\(arguments[0]) echoed the key: \(r.stderr)")
        }
    }

    @Test func initWarnsWhenGitWouldTrackThePrivateKey() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { return }
        let work = CLI.temporaryDirectory()
        #expect(try CLI.run(["init", work.appendingPathComponent("outside").path]).stderr.isEmpty)
        let repo = work.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        git.arguments = ["init", "-q", repo.path]
        try git.run()
        git.waitUntilExit()
        let tracked = try CLI.run(["init", repo.appendingPathComponent("news/l").path])
        #expect(tracked.code == 0 && tracked.stderr.contains("warning") && tracked.stderr.contains("not ignored"), "\(tracked.stderr)")
        try "**/keys/*.key\n".write(to: repo.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let ignored = try CLI.run(["init", repo.appendingPathComponent("news/m").path])
        #expect(ignored.code == 0 && !ignored.stderr.contains("warning"), "\(ignored.stderr)")
    }
}
