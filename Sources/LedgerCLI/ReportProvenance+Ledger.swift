import ArgumentParser
import Foundation
import LedgerReport
import LedgerStore

extension ReportProvenance {
    /// What a report on `ledger` is computed from: verifies it first, against its newest signed checkpoint too,
    /// unless `verify` is false (`--no-verify`). Called inside `ledger.store.snapshot` with the report's reading,
    /// the report is computed from exactly the entries verified.
    init(ledger: Ledger, verify: Bool) throws {
        if verify {
            do {
                let newest = try ledger.latestCheckpoint().map { [$0.checkpoint] } ?? []
                self.init(ledger: ledger, verified: try Verifier.verify(store: ledger.store, checkpoints: newest))
            } catch let error as StoreError {
                // A stored checkpoint that does not check (a forged or edited file) is a ledger that does not verify.
                let report = try Verifier.verify(store: ledger.store)
                self.init(ledger: ledger, size: report.size, root: report.root.hex,
                          verification: .failed("the newest stored checkpoint does not check: \(error)"))
            }
        } else {
            let (size, root) = try ledger.store.snapshot { let n = try ledger.store.size(); return (n, try ledger.store.root(size: n)) }
            self.init(ledger: ledger, size: size, root: root.hex, verification: .notVerified)
        }
    }

    /// What a report on `ledger` is computed from, given the verification just made.
    init(ledger: Ledger, verified report: VerificationReport) {
        let problems = report.findings.count + report.omitted
        let first = report.findings.first.map { f in (f.seq.map { "seq \($0): " } ?? "") + "[\(f.check)] \(f.what)" } ?? ""
        self.init(ledger: ledger, size: report.size, root: report.root.hex,
                  verification: report.ok ? .verified : .failed("\(problems) finding\(problems == 1 ? "" : "s"), the first: \(first)"))
    }

    private init(ledger: Ledger, size: Int64, root: String, verification: Verification) {
        // The newest signed checkpoint that the ledger's tree covers (a larger one belongs to another tree).
        let checkpoint = (try? ledger.latestCheckpoint()).flatMap { $0 }.map(\.checkpoint).flatMap { $0.size <= size ? $0 : nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.init(origin: ledger.origin, size: size, root: root, checkpoint: checkpoint.map { Checkpoint(size: $0.size, root: $0.root.hex) },
                  generatedAt: formatter.string(from: Date()), verification: verification)
    }

    /// After the report (or export) when the ledger did not verify: one error line on stderr saying so (JSON with
    /// --json), and exit 2.
    func exitIfNotVerified(_ what: String = "this report") throws {
        if case .failed(let why) = verification {
            throw CLIError("the ledger does NOT verify (\(why)); \(what) was made from it — run `claimledger verify`", code: 2)
        }
    }
}
