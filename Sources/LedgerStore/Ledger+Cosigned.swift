import Foundation
import LedgerCore

extension Ledger {
    /// Where the witnessed copy of the checkpoint of `size` entries is kept: `checkpoints/SIZE.cosigned`, the
    /// log-signed note with the witnesses' cosignature lines after the log's signature. The log-signed
    /// `SIZE.checkpoint` beside it is never replaced.
    public func cosignedPath(size: Int64) -> String {
        checkpointsDirectory.appendingPathComponent("\(size).cosigned").path
    }

    /// Stores `signatureLines` (cosignatures, checked by the caller) with the signed checkpoint as its `.cosigned`
    /// copy, keeping the lines of an earlier `.cosigned` of the same text from keys not signing again, durably.
    /// Returns the path.
    @discardableResult
    public func storeCosigned(_ signed: SignedCheckpoint, signatureLines: [SignedNote.Signature]) throws -> String {
        let path = cosignedPath(size: signed.checkpoint.size)
        var lines: [SignedNote.Signature] = []
        if let previous = try cosignedNote(for: signed) {
            lines = try SignedNote.parse(Array(previous.utf8)).signatures.filter { old in
                !signatureLines.contains { $0.name == old.name && $0.keyID == old.keyID }
            }
        }
        let base = try SignedNote.parse(Array(signed.note.utf8)).signatures
        lines = lines.filter { old in !base.contains(old) } + signatureLines
        let note = signed.note + lines.map(\.line).joined()
        try DurableFile.write(Array(note.utf8), to: path)
        return path
    }

    /// The stored `.cosigned` copy of a signed checkpoint, after checking it carries the ledger's signature over the
    /// same text; nil when there is none.
    public func cosignedNote(for signed: SignedCheckpoint) throws -> String? {
        let path = cosignedPath(size: signed.checkpoint.size)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let cosigned = try readCheckpoint(path)
        guard cosigned.checkpoint == signed.checkpoint else {
            throw StoreError("\(path) is not a copy of \(signed.path): its checkpoint text differs", integrity: true)
        }
        return cosigned.note
    }

    /// Checks every stored `.cosigned` against the stored checkpoint of its size (same text, the ledger's valid
    /// signature); returns how many there are. Witness signatures are checked by whoever trusts the witnesses.
    @discardableResult
    public func checkCosigned() throws -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: checkpointsDirectory.path)) ?? []
        var n = 0
        for file in files where file.hasSuffix(".cosigned") {
            guard let size = Int64(file.dropLast(9)), String(size) == file.dropLast(9) else { continue }
            let plain = checkpointsDirectory.appendingPathComponent("\(size).checkpoint").path
            guard FileManager.default.fileExists(atPath: plain) else {
                throw StoreError("checkpoints/\(file) has no log-signed checkpoints/\(size).checkpoint beside it", integrity: true)
            }
            _ = try cosignedNote(for: try readCheckpoint(plain))
            n += 1
        }
        return n
    }
}
