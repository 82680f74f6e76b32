import Foundation
import LedgerCore
import LedgerCrypto
import Testing
@testable import LedgerPublish

/// C2SP tlog-cosignature v1 against a known-answer vector (Vectors/cosignature-v1.json: inputs from litewitness's
/// test data and the spec's example, expected output from pyca/cryptography), plus key handling and quorums.
@Suite struct WitnessCosignatureTests {
    struct Vector: Decodable {
        let witness_name: String, witness_seed_hex: String, witness_public_hex: String, witness_vkey: String
        let log_vkey: String, log_origin: String, checkpoint: String, timestamp: UInt64, cosignature_line: String
        let spec_line: String, spec_timestamp: UInt64, spec_key_id_hex: String
    }

    static let vector: Vector = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/cosignature-v1.json")
        return try! JSONDecoder().decode(Vector.self, from: Data(contentsOf: url))
    }()

    var v: Vector { Self.vector }

    @Test func knownAnswerCosignature() throws {
        let signer = NoteKey.Signer(name: v.witness_name, privateKey: try Ed25519.PrivateKey(seed: Hex.decode(v.witness_seed_hex)!), algorithm: .cosignatureV1)
        #expect(Hex.encode(signer.privateKey.publicKey.bytes) == v.witness_public_hex)
        #expect(signer.verifier.text == v.witness_vkey)
        let text = try SignedNote.parse(Array(v.checkpoint.utf8)).text
        let made = try Cosignature.sign(text: text, with: signer, timestamp: v.timestamp)
        #expect(made.line == v.cosignature_line)
        // And the vector's line verifies with the vkey parsed from text, over the real sum.golang.org checkpoint.
        let key = try #require(CosignerKey.verifier(v.witness_vkey))
        let cosigned = Array((v.checkpoint + v.cosignature_line).utf8)
        let logKey = try #require(NoteKey.Verifier(text: v.log_vkey))
        #expect(try SignedNote.open(cosigned, verifiers: [logKey]).text == text)
        let found = try WitnessQuorum(witnesses: [key], quorum: 1).check(cosigned)
        #expect(found.map(\.timestamp) == [v.timestamp])
    }

    @Test func specExampleLineParses() throws {
        let sig = try #require(SignedNote.parse(Array(("x\n\n" + v.spec_line).utf8)).signatures.first)
        let c = try #require(Cosignature(sig))
        #expect(c.timestamp == v.spec_timestamp)
        #expect(String(format: "%08x", c.keyID) == v.spec_key_id_hex)
        #expect(c.line == v.spec_line)
    }

    @Test func keyTypesDoNotMix() throws {
        // A witness vkey (0x04) is not a note key, and a note key is not a witness key.
        #expect(NoteKey.Verifier(text: v.witness_vkey) == nil)
        #expect(CosignerKey.verifier(v.log_vkey) == nil)
        // The same public key has different key IDs as a note key and as a cosigner key.
        let pub = try Ed25519.PublicKey(bytes: Hex.decode(v.witness_public_hex)!)
        #expect(NoteKey.keyHash(name: v.witness_name, publicKey: pub) != NoteKey.keyHash(name: v.witness_name, publicKey: pub, algorithm: .cosignatureV1))
        // A cosigner key cannot sign a note, and a note key cannot cosign.
        #expect(throws: NoteError.self) { try SignedNote.sign("a\n", with: witnessSigner) }
        let ledgerSigner = NoteKey.Signer(name: "l", privateKey: try Ed25519.PrivateKey())
        #expect(throws: PublishError.self) { try Cosignature.sign(text: "a\n1\nx\n", with: ledgerSigner, timestamp: 1) }
        // A cosignature does not verify as a plain note signature of the same key.
        let logKey = NoteKey.Verifier(name: witnessSigner.name, publicKey: witnessSigner.privateKey.publicKey)
        let line = try Cosignature.sign(text: "a\n1\nx\n", with: witnessSigner, timestamp: 5).line
        #expect(throws: NoteError.self) { try SignedNote.open(Array("a\n1\nx\n\n\(line)".utf8), verifiers: [logKey]) }
    }

    @Test func keyFilesRoundTripAndAreRefusedWhenReadable() throws {
        let dir = temporaryDirectory()
        let made = try CosignerKey.generate(name: "w.example/one", directory: dir.path)
        #expect(made.privatePath.hasSuffix("w.example_one.key"))
        let loaded = try CosignerKey.load(made.privatePath)
        #expect(loaded.verifier == made.signer.verifier)
        #expect(loaded.algorithm == .cosignatureV1)
        let vkey = try String(contentsOfFile: made.vkeyPath, encoding: .utf8)
        #expect(CosignerKey.verifier(vkey) == made.signer.verifier)
        #expect(throws: (any Error).self) { try CosignerKey.generate(name: "w.example/one", directory: dir.path) }  // never overwrites
        chmod(made.privatePath, 0o644)
        #expect(throws: PublishError.self) { try CosignerKey.load(made.privatePath) }
        // A ledger key file is not a witness key.
        let ledgerKey = dir.appendingPathComponent("ledger.key").path
        _ = FileManager.default.createFile(atPath: ledgerKey, contents: Data((NoteKey.Signer(name: "l", privateKey: try Ed25519.PrivateKey()).text + "\n").utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: PublishError.self) { try CosignerKey.load(ledgerKey) }
    }

    @Test func quorumCountsDistinctValidWitnesses() throws {
        let log = { var l = TestLog(); l.grow(to: 5); return l }()
        let keys = (1...3).map { NoteKey.Signer(name: "w\($0).example", privateKey: try! Ed25519.PrivateKey(seed: [UInt8](repeating: UInt8(20 + $0), count: 32)), algorithm: .cosignatureV1) }
        let text = log.checkpoint.text
        let two = try keys[0..<2].map { try Cosignature.sign(text: text, with: $0, timestamp: 100).line }.joined()
        let note = Array((log.note + two + two).utf8)  // each line twice: counted once
        let all = try WitnessQuorum(witnesses: keys.map(\.verifier), quorum: 2)
        #expect(try all.check(note).count == 2)
        #expect(throws: PublishError.self) { try WitnessQuorum(witnesses: keys.map(\.verifier), quorum: 3).check(note) }
        #expect(throws: PublishError.self) { try WitnessQuorum(witnesses: keys.map(\.verifier), quorum: 4) }
        #expect(throws: PublishError.self) { try WitnessQuorum(witnesses: keys.map(\.verifier), quorum: 0) }
        // An altered checkpoint (another root) with the same cosignature lines is rejected outright.
        var other = TestLog(); other.grow(to: 6)
        let forged = Array((other.note + two).utf8)
        #expect(throws: PublishError.self) { try all.cosigners(of: forged) }
        // A cosignature line from an unknown witness is ignored.
        let stranger = NoteKey.Signer(name: "stranger", privateKey: try Ed25519.PrivateKey(), algorithm: .cosignatureV1)
        let withStranger = Array((log.note + (try Cosignature.sign(text: text, with: stranger, timestamp: 1).line)).utf8)
        #expect(try all.cosigners(of: withStranger).isEmpty)
    }
}
