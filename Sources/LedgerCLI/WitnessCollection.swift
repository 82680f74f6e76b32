import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore

/// Collects witness cosignatures for a newly signed checkpoint (c2sp.org/tlog-witness), for `checkpoint --witness`.
///
/// Each witness gets the checkpoint and a consistency proof from the size it last cosigned; each returned
/// cosignature is checked against the witness's configured key before it is kept. The cosigned note is stored as
/// checkpoints/SIZE.cosigned; the log-signed SIZE.checkpoint is never touched.
struct WitnessCollection {
    /// The witnesses to ask: `--witness "URL VKEY"` values, then the lines of the ledger directory's `witnesses` file
    /// (# starts a comment). The `--witness` values are for this run only: nothing is written to that file.
    static func endpoints(options: [String], ledger: Ledger) throws -> [WitnessClient.Endpoint] {
        var result = try options.map { try WitnessClient.Endpoint(line: $0) }
        let file = ledger.directory.appendingPathComponent("witnesses").path
        if let data = FileManager.default.contents(atPath: file) {
            for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
                let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                do { result.append(try WitnessClient.Endpoint(line: text)) } catch let e as PublishError {
                    throw CLIError("\(file) line \(n + 1): \(e.message)")
                }
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0.key.keyID).inserted }
    }

    /// One witness's answer, for the report.
    struct Answer {
        let endpoint: WitnessClient.Endpoint
        let outcome: WitnessClient.Outcome
    }

    /// The endpoints whose witness has not cosigned `note` yet (a witnessed copy that lacks some of them).
    static func missing(_ endpoints: [WitnessClient.Endpoint], from note: String) -> [WitnessClient.Endpoint] {
        endpoints.filter { e in ((try? WitnessQuorum(witnesses: [e.key], quorum: 1).cosigners(of: Array(note.utf8))) ?? []).isEmpty }
    }

    /// Asks every witness, stores what was cosigned, and returns the answers and the .cosigned path (if any).
    static func collect(_ signed: Ledger.SignedCheckpoint, ledger: Ledger, endpoints: [WitnessClient.Endpoint]) async throws -> (answers: [Answer], path: String?) {
        var answers: [Answer] = []
        for endpoint in endpoints {
            let guess = try lastCosignedSize(by: endpoint.key, ledger: ledger, below: signed.checkpoint.size)
            let outcome = await WitnessClient(endpoint: endpoint).submit(note: signed.note, checkpoint: signed.checkpoint, guess: guess) { old in
                try ledger.checkConsistent(Checkpoint(origin: signed.checkpoint.origin, size: old, root: try ledger.store.root(size: old)))
                return try MerkleProofs.consistency(oldSize: old, newSize: signed.checkpoint.size, reader: ledger.store)
            }
            answers.append(Answer(endpoint: endpoint, outcome: outcome))
        }
        let lines = answers.compactMap { if case .cosigned(let c) = $0.outcome { c.noteSignature } else { nil } }
        guard !lines.isEmpty else { return (answers, nil) }
        return (answers, try ledger.storeCosigned(signed, signatureLines: lines))
    }

    /// The size of the newest stored .cosigned (up to `below`) that this witness cosigned, else 0: the witness's
    /// likely state, so the first request usually needs no 409 round trip.
    static func lastCosignedSize(by key: NoteKey.Verifier, ledger: Ledger, below: Int64) throws -> Int64 {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: ledger.checkpointsDirectory.path)) ?? []
        let sizes = files.compactMap { $0.hasSuffix(".cosigned") ? Int64($0.dropLast(9)) : nil }.filter { $0 <= below }.sorted(by: >)
        for size in sizes {
            guard let data = FileManager.default.contents(atPath: ledger.cosignedPath(size: size)),
                  let found = try? WitnessQuorum(witnesses: [key], quorum: 1).cosigners(of: Array(data)), !found.isEmpty else { continue }
            return size
        }
        return 0
    }

    /// One line for stderr: who cosigned, or who refused and why.
    static func describe(_ a: Answer) -> String {
        let who = "witness \(a.endpoint.key.name) (\(a.endpoint.url.absoluteString))"
        switch a.outcome {
        case .cosigned(let c): return "cosigned by \(who) at \(c.timestamp)"
        case .refused(let status, let reason):
            let fork = a.outcome.isInconsistency ? " — it saw a different history of this ledger: a fork, or a rewritten history" : ""
            return "\(who) refused\(status.map { " (HTTP \($0))" } ?? ""): \(reason)\(fork)"
        }
    }

    /// The answer as JSON for `--json`.
    static func json(_ a: Answer) -> JSONValue {
        var o: [String: JSONValue] = ["name": .string(a.endpoint.key.name), "url": .string(a.endpoint.url.absoluteString), "vkey": .string(a.endpoint.key.text)]
        switch a.outcome {
        case .cosigned(let c): o["cosigned"] = true; o["timestamp"] = .number(Double(c.timestamp))
        case .refused(let status, let reason):
            o["cosigned"] = false; o["reason"] = .string(reason); o["status"] = status.map { .number(Double($0)) } ?? .null
            o["inconsistent"] = .bool(a.outcome.isInconsistency)
        }
        return .object(o)
    }

    /// Exit 2 when a witness saw an inconsistent history, 1 when another refused or was unreachable; the one error
    /// line names each witness that refused with its reason, and `retry` says what to run to ask them again.
    static func exitStatus(_ answers: [Answer], retry: String) throws {
        let refused = answers.filter { if case .refused = $0.outcome { true } else { false } }
        guard !refused.isEmpty else { return }
        func reason(_ a: Answer) -> String {
            guard case .refused(let status, let why) = a.outcome else { return "" }
            return "\(a.endpoint.key.name)\(status.map { " HTTP \($0)" } ?? ""): \(why)"
        }
        let reasons = refused.map(reason).joined(separator: "; ")
        if let fork = refused.first(where: \.outcome.isInconsistency) {
            throw CLIError("witness \(fork.endpoint.key.name) refused the checkpoint as inconsistent with one it cosigned before: this ledger's history forked or was rewritten (\(reasons))", code: 2)
        }
        throw CLIError("\(refused.count) of \(answers.count) witness\(answers.count == 1 ? "" : "es") did not cosign (\(reasons)); \(retry)")
    }
}
