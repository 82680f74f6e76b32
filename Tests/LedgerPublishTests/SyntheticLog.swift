import Foundation
import LedgerCore
import LedgerCrypto
import LedgerPublish

/// A log of well-formed ClaimLedger entries (a genesis entry, then entities) built in memory, signed with a fixed
/// test key, so publish → monitor round trips of large trees run without a ledger database.
struct SyntheticLog {
    static let origin = "test.example/log"
    static let signer = NoteKey.Signer(name: origin, privateKey: try! Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32)))
    /// Another key with the same name, for forged signatures.
    static let stranger = NoteKey.Signer(name: origin, privateKey: try! Ed25519.PrivateKey(seed: [UInt8](repeating: 9, count: 32)))
    static let time = "2026-01-01T00:00:00Z"

    /// The 70,000 entries the tests share.
    static let large = SyntheticLog(count: 70_000)

    let entries: [[UInt8]]

    /// `count` entries; with `changing`, that entry's body differs (a rewritten history from there on).
    init(count: Int, changing: Int? = nil) {
        var out: [[UInt8]] = []
        var prev = Digest.zero
        let author = SyntheticLog.signer.verifier.keyID
        for seq in 0..<count {
            let body: EntryBody = seq == 0
                ? .genesis(Bodies.genesis(origin: SyntheticLog.origin, created: SyntheticLog.time, verifierKey: SyntheticLog.signer.verifier.text))
                : .entity(try! Bodies.entity(id: "test:e\(seq)", labels: ["en": seq == changing ? "Rewritten \(seq)" : "Entity \(seq)"], aliases: []))
            let entry = try! Entry.make(seq: Int64(seq), prev: prev, time: SyntheticLog.time, author: author, body: body)
            out.append(entry.bytes)
            prev = entry.leafHash
        }
        entries = out
    }

    init(entries: [[UInt8]]) { self.entries = entries }

    /// The checkpoint of the first `size` entries, signed by `signer`.
    func note(size: Int, signer: NoteKey.Signer = SyntheticLog.signer) -> [UInt8] {
        var frontier = MerkleFrontier()
        for e in entries.prefix(size) { frontier.append(leaf: MerkleHash.leaf(e)) }
        let cp = Checkpoint(origin: SyntheticLog.origin, size: Int64(size), root: frontier.root)
        return Array(try! SignedNote.sign(cp.text, with: signer).utf8)
    }

    /// Publishes the first `size` entries into `dir`.
    @discardableResult
    func publish(size: Int, to dir: URL) throws -> Publisher.Report {
        try Publisher.write(to: dir.path, note: note(size: size), key: SyntheticLog.signer.verifier,
                            entries: { each in for e in entries.prefix(size) { try each(e) } }, sources: { _ in })
    }

    static func monitor(_ dir: URL, key: NoteKey.Verifier = SyntheticLog.signer.verifier) -> Monitor {
        Monitor(source: DirectoryLogSource(directory: dir.path), key: key)
    }

    static func temporaryDirectory() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimledger-publish-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
