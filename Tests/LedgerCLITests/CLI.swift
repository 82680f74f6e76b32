import Foundation
import LedgerCore
import Testing

/// Runs the built `claimledger` binary, as a user would, and captures what it prints.
struct CLI {
    struct Result {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    /// The `claimledger` executable next to this test bundle (SwiftPM builds it before the tests).
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("claimledger")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.appendingPathComponent(".build/debug/claimledger")
    }()

    /// The repository root, for the sample and the corpus copy in Tests/Corpus.
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repo.appendingPathComponent("Tests/Corpus")

    @discardableResult
    static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CLAIMLEDGER_DIR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let cwd { process.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The envelopes of `log --json` (with `arguments`), each read from its line after checking the line is an entry
    /// in the one shape every command gives it: `{"entry":{…},"leaf_hash":…,"seq":N[,"signature":…]}`.
    static func log(_ ledger: String, _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        let r = try run(["log", "--json", "--ledger", ledger] + arguments)
        #expect(r.code == 0, "\(r.stderr)", sourceLocation: sourceLocation)
        return try r.stdout.split(separator: "\n").map { line in
            let record = try JSONParser.parse(String(line))
            let members = Set(record.object?.keys.map { $0 } ?? [])
            #expect(members == ["entry", "leaf_hash", "seq"] || members == ["entry", "leaf_hash", "seq", "signature"], "\(members)",
                    sourceLocation: sourceLocation)
            #expect(record["seq"] != nil && record["seq"] == record["entry"]?["seq"], sourceLocation: sourceLocation)
            return try #require(record["entry"], sourceLocation: sourceLocation)
        }
    }

    /// Runs `statements` on the ledger's database with the `sqlite3` shell, as someone editing it by hand would.
    static func sql(_ ledger: String, _ statements: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [ledger + "/ledger.sqlite", statements]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 failed on: \(statements)")
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimledger-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `text` to a new file in `dir` and returns its path.
    static func write(_ bytes: [UInt8], _ name: String, in dir: URL) -> String {
        let url = dir.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }

    /// The ledger's size and root, from `verify --json`.
    static func state(_ ledger: String) throws -> String {
        let r = try run(["verify", "--json", "--ledger", ledger])
        return r.stdout
    }
}
