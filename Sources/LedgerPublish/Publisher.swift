import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// Writes a ledger as a static C2SP tlog-tiles log (c2sp.org/tlog-tiles) that any HTTP server or CDN can serve:
///
///     checkpoint                  the ledger's signed checkpoint (C2SP tlog-checkpoint), written last
///     tile/<L>/<N>[.p/<W>]        hash tiles
///     tile/entries/<N>[.p/<W>]    entry bundles: the exact entry bytes, big-endian uint16 length-prefixed
///     source/<sha256>             each source snapshot's raw bytes, named by their SHA-256
///     vkey                        the ledger's verifier key (NAME+HASH+BASE64), for `monitor --vkey`
///
/// Only a checkpoint the ledger signed is published, and only after the tiles recomputed from the stored entry
/// bytes hash to its root. Publishing again writes only what changed: a full tile (or bundle, or source) already
/// there is never rewritten — it must be byte-identical, else the directory holds another history and publishing
/// is refused (exit 2); partial tiles are written beside it under their own widths; the checkpoint is replaced
/// last. New files are written under temporary names, flushed to disk together, then moved into place, and the
/// checkpoint is written atomically after them, so a reader (or an interrupted publish) always sees a checkpoint
/// whose tiles are all present. Entries are streamed: memory stays flat as the ledger grows. Nothing under the
/// directory is trusted (`PublishedFiles`): links are refused, existing files are compared without being read whole,
/// and temporary files a killed publish left behind are removed.
public enum Publisher {
    /// The file holding the log's verifier key.
    public static let verifierKeyFile = "vkey"
    /// The file holding the signed checkpoint.
    public static let checkpointFile = "checkpoint"

    /// What a publish did.
    public struct Report: Sendable {
        /// The published checkpoint and its signed note.
        public let checkpoint: Checkpoint
        public let note: String
        /// Whether the ledger signed a new checkpoint for this publish (otherwise its newest one covered every entry).
        public let signedNew: Bool
        /// The size of the checkpoint the directory held before, if any.
        public let previousSize: Int64?
        /// Files written (tiles, bundles, sources), and full tiles, bundles and sources already there and identical.
        public let written: Int, unchanged: Int
    }

    /// Publishes `ledger` into `directory` (created if missing): checks any checkpoint already published there is a
    /// prefix of the ledger, takes the ledger's checkpoint covering every entry (signing one when none does), and
    /// writes the log of its entries and sources with `write`.
    public static func publish(_ ledger: Ledger, to directory: String) throws -> Report {
        try checkDirectory(directory, for: ledger)
        let (signed, made) = try ledger.checkpoint(covering: try ledger.store.size(), verifying: true)
        // The witnessed copy when `checkpoint --witness` collected cosignatures, so monitors can require a quorum.
        let note = try ledger.cosignedNote(for: signed) ?? signed.note
        let report = try write(to: directory, note: Array(note.utf8), key: ledger.ledgerKey, entries: { each in
            var next: Int64 = 0
            try ledger.store.forEachStoredEntry { row in
                guard row.seq < signed.checkpoint.size else { return }
                guard row.seq == next else { throw PublishError("entry \(next) is missing from the store; run `claimledger verify`", verificationFailure: true) }
                next += 1
                try each(row.bytes)
            }
        }, sources: { each in
            try ledger.store.forEachBlob { key, _ in if let id = Digest(bytes: key), let bytes = try ledger.store.blob(id) { try each(bytes) } }  // one source in memory at a time
        })
        return Report(checkpoint: report.checkpoint, note: report.note, signedNew: made, previousSize: report.previousSize,
                      written: report.written, unchanged: report.unchanged)
    }

    /// Refuses (before anything is signed) a `directory` whose published checkpoint this ledger's key did not sign or
    /// that is not a prefix of this ledger.
    public static func checkDirectory(_ directory: String, for ledger: Ledger) throws {
        if let old = try PublishedFiles(root: URL(fileURLWithPath: directory)).read(checkpointFile, limit: SignedNote.maxBytes) {
            // Before signing anything: a directory holding a checkpoint this ledger contradicts is refused.
            // A checkpoint there that this ledger's key did not sign is refused too, before anything is signed.
            let cp: Checkpoint
            do { cp = try Checkpoint.open(old, key: ledger.ledgerKey, origin: ledger.origin) } catch {
                throw PublishError("\(directory)/\(checkpointFile) does not verify with \(ledger.ledgerKey.keyID): \(error); publish each log to its own directory", verificationFailure: true)
            }
            do { try ledger.checkConsistent(cp) } catch let e as StoreError {
                throw PublishError("the checkpoint published in \(directory) (\(cp.size) entries) is not a prefix of this ledger: \(e.message); refusing to publish a fork", verificationFailure: true)
            }
        }
    }

    /// Writes the log whose signed checkpoint is `note` (signed by `key`) into `directory`: `entries` calls its
    /// argument with each entry's bytes in order, at least the checkpoint's size of them (more are ignored);
    /// `sources` with each source snapshot. Refuses (exit 2) unless the entries hash to the checkpoint's root, and
    /// unless a checkpoint already in `directory` is signed by `key` and is the root of the same first entries.
    public static func write(to directory: String, note: [UInt8], key: NoteKey.Verifier,
                             entries: ((_ each: ([UInt8]) throws -> Void) throws -> Void),
                             sources: ((_ each: ([UInt8]) throws -> Void) throws -> Void)) throws -> Report {
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint(text: try SignedNote.open(note, verifiers: [key]).text) } catch {
            throw PublishError("the checkpoint to publish does not verify with \(key.keyID): \(error)", verificationFailure: true)
        }
        let files = try PublishedFiles(root: URL(fileURLWithPath: directory).standardizedFileURL)
        files.removeStale()
        let vkey = Array((key.text + "\n").utf8)
        if try files.compare(verifierKeyFile, vkey) == .different {
            // Its content is not quoted: the file may be anything (a link to a private file is refused before this).
            throw PublishError("\(directory)/\(verifierKeyFile) is not the verifier key of \(key.keyID): the directory holds the log of another key; publish each log to its own directory")
        }
        var previous: Checkpoint? = nil
        if let old = try files.read(checkpointFile, limit: SignedNote.maxBytes) {
            do { previous = try Checkpoint(text: try SignedNote.open(old, verifiers: [key]).text) } catch {
                throw PublishError("\(directory)/\(checkpointFile) does not verify with \(key.keyID): \(error)", verificationFailure: true)
            }
            guard previous!.origin == checkpoint.origin, previous!.size <= checkpoint.size else {
                throw PublishError("\(directory) holds a checkpoint of \(previous!.size) entries for \(NoteKey.quoted(previous!.origin)): publishing \(checkpoint.size) entries for \(NoteKey.quoted(checkpoint.origin)) over it would roll it back", verificationFailure: true)
            }
        }
        let size = checkpoint.size
        var builder = TileBuilder()
        var prefixMatches = previous.map { $0.size == 0 ? $0.root == MerkleHash.emptyRoot : false } ?? true
        try entries { bytes in
            guard builder.size < size else { return }
            for tile in try builder.append(entry: bytes) { try files.putImmutable(tile.coordinate.path, tile.bytes) }
            if let previous, builder.size == previous.size { prefixMatches = builder.root == previous.root }
        }
        guard builder.size == size, builder.root == checkpoint.root else {
            throw PublishError("the first \(size) entries do not hash to the signed checkpoint's root; run `claimledger verify`", verificationFailure: true)
        }
        guard prefixMatches else {
            throw PublishError("the checkpoint published in \(directory) (\(previous!.size) entries) is not a prefix of this log: refusing to publish a fork", verificationFailure: true)
        }
        for tile in builder.partialTiles { try files.putReplacing(tile.coordinate.path, tile.bytes) }
        try sources { bytes in try files.putImmutable("source/\(SHA256.hash(bytes).hex)", bytes) }
        try files.putImmutable(verifierKeyFile, vkey)
        try files.commit()
        try files.writeDurably(checkpointFile, note)
        return Report(checkpoint: checkpoint, note: String(decoding: note, as: UTF8.self), signedNew: false, previousSize: previous?.size,
                      written: files.written, unchanged: files.unchanged)
    }
}
