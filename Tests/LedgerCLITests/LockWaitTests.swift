import Foundation
import Testing

/// Another writer: a Python process holding the ledger's write lock (BEGIN IMMEDIATE) for `seconds`; the lock is
/// held once `init` returns.
final class LockHolder {
    let process = Process()

    init(ledger dir: String, seconds: Double) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep(float(sys.argv[2]))
            db.execute("COMMIT")
            """, dir + "/ledger.sqlite", String(seconds)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        _ = out.fileHandleForReading.availableData  // "locked"
    }
}

/// A writer that waits for another's lock says so after a second, then goes on when the lock is released.
@Suite struct LockWaitTests {
    @Test func aWaitingWriterSaysWhy() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["init", dir, "--origin", "news.example/claims"]).code == 0)
        let holder = try LockHolder(ledger: dir, seconds: 2.5)
        let file = CLI.write(Array("A report.".utf8), "r.txt", in: work)
        let r = try CLI.run(["source", "add", file, "--outlet", "O", "--lang", "en", "--ledger", dir])
        holder.process.waitUntilExit()
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.contains("waiting for the ledger lock held by another writer"), "\(r.stderr)")
    }
}

/// Ctrl-C while an append waits (or runs): one line, exit 130, nothing recorded.
@Suite struct InterruptTests {
    @Test func anInterruptedAppendSaysSoAndRecordsNothing() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["init", dir, "--origin", "news.example/claims"]).code == 0)
        let before = try CLI.run(["log", "--ledger", dir]).stdout
        let holder = try LockHolder(ledger: dir, seconds: 4)
        let file = CLI.write(Array("A report.".utf8), "r.txt", in: work)
        let writer = Process()
        writer.executableURL = CLI.binary
        writer.arguments = ["source", "add", file, "--outlet", "O", "--lang", "en", "--ledger", dir]
        let err = Pipe()
        writer.standardError = err
        try writer.run()
        usleep(1_500_000)  // it is waiting for the lock
        kill(writer.processIdentifier, SIGINT)
        writer.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        holder.process.waitUntilExit()
        #expect(writer.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("claimledger: interrupted; nothing in progress was recorded"), "\(stderr)")
        #expect(try CLI.run(["log", "--ledger", dir]).stdout == before)
        #expect(try CLI.run(["verify", "--ledger", dir]).code == 0)
    }
}
