import Foundation
import LedgerCore
import LedgerCrypto

extension Ledger {
    /// A signed checkpoint and where it is stored.
    public struct SignedCheckpoint: Sendable {
        public let checkpoint: Checkpoint
        /// The signed note, verbatim.
        public let note: String
        public let path: String
    }

    /// The checkpoints directory.
    public var checkpointsDirectory: URL { directory.appendingPathComponent("checkpoints") }

    /// Signs a checkpoint of the ledger as it is now and stores it as `checkpoints/SIZE.checkpoint` (written
    /// durably, never over another). Refuses when the ledger does not verify, and when the newest stored checkpoint is not a prefix of the current tree
    /// (a log must never sign two inconsistent checkpoints, C2SP tlog-checkpoint). An imported ledger keeps the
    /// bundle's checkpoints as its history, so the same holds after a restore.
    ///
    /// Every ledger signs its genesis checkpoint when it is created, so a ledger with no stored checkpoint has
    /// lost its history (copied without checkpoints/, or restored from a backup): it refuses to sign until it is
    /// given a published checkpoint (`trust`) or told it never published one (`withoutHistory`).
    public func makeCheckpoint(withoutHistory: Bool = false) throws -> SignedCheckpoint {
        let signer = try ledgerSigner()
        return try store.snapshot {
            let size = try store.size()
            if let latest = try latestCheckpoint() {
                try checkConsistent(latest.checkpoint)
            } else if !withoutHistory {
                throw StoreError("\(checkpointsDirectory.path) holds no signed checkpoint, so a new one cannot be checked against what this ledger signed before (was it copied or restored without its checkpoints?): give a checkpoint it published with --trust FILE, or --without-history if it never published one")
            }
            // Nothing is signed that does not verify, against every checkpoint signed before it as well.
            try requireVerified(refusing: "to sign")
            let checkpoint = Checkpoint(origin: origin, size: size, root: try store.root(size: size))
            let note = try SignedNote.sign(checkpoint.text, with: signer)
            let path = checkpointsDirectory.appendingPathComponent("\(size).checkpoint").path
            try FileManager.default.createDirectory(at: checkpointsDirectory, withIntermediateDirectories: true)
            // A signed checkpoint is never overwritten: one already stored for this size must be this one.
            guard try DurableFile.write(Array(note.utf8), to: path, replace: false) else {
                let stored = try readCheckpoint(path)
                guard stored.checkpoint.root == checkpoint.root else {
                    throw StoreError("\(path) already holds a signed checkpoint of \(size) entries with another root: refusing to sign a second one (a split view)", integrity: true)
                }
                return stored
            }
            return SignedCheckpoint(checkpoint: checkpoint, note: note, path: path)
        }
    }

    /// Adopts a published checkpoint (signed with the ledger key, for this origin) as part of the ledger's history,
    /// after checking the ledger is consistent with it, so that the next checkpoint is checked against it too. A
    /// stored checkpoint of the same size is kept, and must have the same root.
    public func trust(_ path: String) throws {
        let published = try readCheckpoint(path)
        try checkConsistent(published.checkpoint)
        try FileManager.default.createDirectory(at: checkpointsDirectory, withIntermediateDirectories: true)
        let stored = checkpointsDirectory.appendingPathComponent("\(published.checkpoint.size).checkpoint").path
        if try !DurableFile.write(Array(published.note.utf8), to: stored, replace: false), try readCheckpoint(stored).checkpoint.root != published.checkpoint.root {
            throw StoreError("\(stored) holds another root for \(published.checkpoint.size) entries than \(path): the ledger signed two views", integrity: true)
        }
    }

    /// The stored checkpoint with the largest size, checked against the ledger key; nil when there is none.
    public func latestCheckpoint() throws -> SignedCheckpoint? {
        guard let size = storedCheckpointSizes().max() else { return nil }
        return try readCheckpoint(checkpointsDirectory.appendingPathComponent("\(size).checkpoint").path)
    }

    /// Every stored checkpoint, smallest first, each checked against the ledger key (for `verify`).
    public func storedCheckpoints() throws -> [SignedCheckpoint] {
        try storedCheckpointSizes().sorted().map { try readCheckpoint(checkpointsDirectory.appendingPathComponent("\($0).checkpoint").path) }
    }

    private func storedCheckpointSizes() -> [Int64] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: checkpointsDirectory.path)) ?? []
        return files.compactMap { $0.hasSuffix(".checkpoint") ? Int64($0.dropLast(11)) : nil }
    }

    /// Reads a signed checkpoint file and checks its signature (ledger key) and origin.
    public func readCheckpoint(_ path: String, key: NoteKey.Verifier? = nil) throws -> SignedCheckpoint {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError("cannot read the checkpoint \(path)") }
        do {
            let cp = try Checkpoint.open(Array(data), key: key ?? ledgerKey, origin: origin)
            return SignedCheckpoint(checkpoint: cp, note: String(decoding: data, as: UTF8.self), path: path)
        } catch {
            throw StoreError("\(path): \(error)", integrity: true)
        }
    }

    /// Throws an integrity error unless the checkpoint's tree is a prefix of the ledger's.
    public func checkConsistent(_ cp: Checkpoint) throws {
        let size = try store.size()
        guard cp.size <= size else {
            throw StoreError("the checkpoint covers \(cp.size) entries but the ledger has only \(size): entries were removed", integrity: true)
        }
        guard try store.root(size: cp.size) == cp.root else {
            throw StoreError("the ledger's first \(cp.size) entries no longer hash to the checkpoint's root: history was rewritten", integrity: true)
        }
    }

    /// The newest checkpoint that covers `size` entries, making and signing a new one when none does (only when the
    /// ledger verifies). With `verifying`, an existing one is also handed out only when the ledger verifies — for
    /// what is handed over whole (an export bundle, a published log): an entry edited below an old checkpoint
    /// leaves the stored hashes that `checkConsistent` reads as they were.
    public func checkpoint(covering size: Int64, verifying: Bool = false) throws -> (SignedCheckpoint, made: Bool) {
        if let latest = try latestCheckpoint(), latest.checkpoint.size >= size {
            try checkConsistent(latest.checkpoint)
            if verifying { try requireVerified(refusing: "to hand it over") }
            return (latest, false)
        }
        return (try makeCheckpoint(), true)
    }

    /// Throws an integrity error unless the ledger verifies, against every checkpoint it signed.
    func requireVerified(refusing what: String) throws {
        let verified = try Verifier.verify(store: store, checkpoints: try storedCheckpoints().map(\.checkpoint))
        if let first = verified.findings.first {
            let n = verified.findings.count + verified.omitted
            throw StoreError("the ledger does not verify (\(n) finding\(n == 1 ? "" : "s"), the first: \(first.seq.map { "seq \($0): " } ?? "")\(first.what)); refusing \(what) — run `claimledger verify`", integrity: true)
        }
    }
}
