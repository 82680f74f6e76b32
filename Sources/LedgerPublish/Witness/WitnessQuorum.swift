import Foundation
import LedgerCore

/// A reader's check that at least `quorum` of the given witnesses cosigned a checkpoint (c2sp.org/tlog-cosignature):
/// signature lines from other keys are ignored; a line whose name and key ID match a given witness must verify
/// (otherwise the note is rejected, as for any signed note); each witness counts once.
public struct WitnessQuorum: Sendable {
    public let witnesses: [NoteKey.Verifier]
    public let quorum: Int

    /// K of these witness keys (type 0x04); K must be between 1 and their number.
    public init(witnesses: [NoteKey.Verifier], quorum: Int) throws {
        guard witnesses.allSatisfy({ $0.algorithm == .cosignatureV1 }) else { throw PublishError("a witness key must be a cosignature key (type 0x04)") }
        guard Set(witnesses.map(\.keyID)).count == witnesses.count else { throw PublishError("the same witness key is given twice") }
        guard quorum >= 1, quorum <= witnesses.count else {
            throw PublishError("--quorum \(quorum) must be between 1 and the number of witnesses given (\(witnesses.count))")
        }
        self.witnesses = witnesses
        self.quorum = quorum
    }

    /// The witnesses whose cosignatures on the note verify, and when they cosigned.
    public func cosigners(of note: [UInt8]) throws -> [(witness: NoteKey.Verifier, timestamp: UInt64)] {
        let (text, signatures) = try parse(note)
        var found: [(witness: NoteKey.Verifier, timestamp: UInt64)] = []
        for s in signatures {
            guard let key = witnesses.first(where: { $0.name == s.name && $0.keyHash == s.keyID }) else { continue }
            guard let c = Cosignature(s), c.verifies(text: text, key: key) else {
                throw PublishError("the cosignature by witness \(key.keyID) does not verify: the checkpoint was altered, or it is not this witness's", verificationFailure: true)
            }
            if !found.contains(where: { $0.witness == key }) { found.append((key, c.timestamp)) }
        }
        return found
    }

    /// Throws a verification failure unless at least `quorum` of the witnesses cosigned the note.
    @discardableResult
    public func check(_ note: [UInt8]) throws -> [(witness: NoteKey.Verifier, timestamp: UInt64)] {
        let found = try cosigners(of: note)
        guard found.count >= quorum else {
            let names = found.isEmpty ? "none of them" : "only " + found.map(\.witness.name).joined(separator: ", ")
            throw PublishError("the checkpoint is cosigned by \(found.count) of the \(witnesses.count) given witnesses (\(names)), fewer than the quorum of \(quorum)", verificationFailure: true)
        }
        return found
    }

    private func parse(_ note: [UInt8]) throws -> (String, [SignedNote.Signature]) {
        do { return try SignedNote.parse(note) } catch { throw PublishError("the checkpoint is not a signed note: \(error.message)", verificationFailure: true) }
    }
}
