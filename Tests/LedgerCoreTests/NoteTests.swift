import Foundation
import LedgerCrypto
import Testing
@testable import LedgerCore

/// C2SP signed notes, checkpoints and tlog-proof files.
@Suite struct NoteTests {
    static let signer = NoteKey.Signer(text: NoteKeyTests.signer)!
    static let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    /// Go's golang.org/x/mod/sumdb/note example: Ed25519 is deterministic, so our signature must be this one.
    static let goNote = text + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    @Test func signsGoSumdbNoteExampleExactly() throws {
        #expect(try SignedNote.sign(Self.text, with: Self.signer) == Self.goNote)
        let (text, by) = try SignedNote.open(Array(Self.goNote.utf8), verifiers: [Self.signer.verifier])
        #expect(text == Self.text && by == [Self.signer.verifier])
    }

    @Test func alteredNotesWrongKeysAndUnknownSignatures() throws {
        let other = NoteKey.Signer(name: "Other", privateKey: try Ed25519.PrivateKey())
        #expect(throws: NoteError.self) { try SignedNote.open(Array(Self.goNote.replacingOccurrences(of: "cryptography", with: "cryptographY").utf8), verifiers: [Self.signer.verifier]) }
        #expect(throws: NoteError.self) { try SignedNote.open(Array(Self.goNote.utf8), verifiers: [other.verifier]) }
        // A signature from an unknown key is ignored; the known one still counts.
        let cosigned = Self.goNote + "— Other " + Data([1, 2, 3, 4] + [UInt8](repeating: 7, count: 64)).base64EncodedString() + "\n"
        #expect(try SignedNote.open(Array(cosigned.utf8), verifiers: [Self.signer.verifier]).text == Self.text)
        // A known key with a bad signature rejects the whole note.
        let impostor = NoteKey.Verifier(name: "PeterNeumann", publicKey: other.verifier.publicKey)
        #expect(throws: NoteError.self) { try SignedNote.open(Array(Self.goNote.utf8), verifiers: [impostor]) }
        for bad in ["", "no blank line\n— PeterNeumann AAAA\n", Self.text + "\n", Self.goNote.replacingOccurrences(of: "—", with: "-")] {
            #expect(throws: NoteError.self) { try SignedNote.parse(Array(bad.utf8)) }
        }
    }

    @Test func checkpointTextRoundTrips() throws {
        let cp = Checkpoint(origin: "claimledger.example/demo", size: 20852163, root: SHA256.hash(Array("x".utf8)))
        #expect(try Checkpoint(text: cp.text) == cp)
        #expect(cp.text.hasPrefix("claimledger.example/demo\n20852163\n") && cp.text.hasSuffix("=\n"))
        let ext = Checkpoint(origin: "o", size: 0, root: MerkleHash.emptyRoot, extensions: ["time 1"])
        #expect(try Checkpoint(text: ext.text) == ext)
        for bad in ["o\n01\n" + Data(MerkleHash.emptyRoot.bytes).base64EncodedString() + "\n", "o\n1\nnot-base64\n", "o\n1\n", "o\n-1\nAA==\n"] {
            #expect(throws: NoteError.self) { try Checkpoint(text: bad) }
        }
    }

    /// Every tree size 1…40, every leaf: prove → verify; and every byte of one proof file per size flipped must fail.
    @Test func tlogProofRoundTripsAndEveryFlippedByteFails() throws {
        let key = NoteKey.Signer(name: "claimledger.example/t", privateKey: try Ed25519.PrivateKey(seed: [UInt8](repeating: 9, count: 32)))
        for size in Int64(1)...40 {
            let tree = MerkleTests.MemoryTree(size: size)
            let note = try SignedNote.sign(Checkpoint(origin: key.name, size: size, root: tree.frontier.root).text, with: key)
            for index in 0..<size {
                let proof = TlogProof(index: index, path: try MerkleProofs.inclusion(index: index, size: size, reader: tree), checkpoint: note)
                let parsed = try TlogProof(bytes: Array(proof.text.utf8))
                #expect(parsed == proof)
                #expect(try parsed.verify(entry: Array("leaf-\(index)".utf8), key: key.verifier, origin: key.name).size == size)
                #expect(throws: NoteError.self) { try parsed.verify(entry: Array("leaf-\(index + 1)".utf8), key: key.verifier, origin: key.name) }
                #expect(throws: NoteError.self) { try parsed.verify(entry: Array("leaf-\(index)".utf8), key: key.verifier, origin: "elsewhere") }
            }
            let index = size / 2
            let text = Array(TlogProof(index: index, path: try MerkleProofs.inclusion(index: index, size: size, reader: tree), checkpoint: note).text.utf8)
            for i in text.indices {
                var bad = text
                bad[i] ^= 0x01
                #expect(throws: NoteError.self, "size \(size) byte \(i)") {
                    try TlogProof(bytes: bad).verify(entry: Array("leaf-\(index)".utf8), key: key.verifier, origin: key.name)
                }
            }
        }
    }
}
