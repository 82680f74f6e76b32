import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// `claimledger prove …`.
struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Make proofs a reader can check without the ledger: that an entry is in it, that it only grew.",
        subcommands: [ProveInclusion.self, ProveConsistency.self]
    )
}

/// `claimledger prove inclusion SEQ [-o FILE]`.
struct ProveInclusion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inclusion",
        abstract: "Write a self-contained proof (c2sp.org/tlog-proof@v1) that entry SEQ is in the ledger.",
        discussion: """
        The file holds the entry's index, its RFC 6962 audit path, and the newest signed checkpoint verbatim (a new \
        checkpoint is signed when none covers SEQ yet). Give the reader this file, the entry's exact bytes \
        (`claimledger show SEQ --raw -o entry.json`) and the verifier key (`claimledger key show`); they check it \
        with `claimledger verify-proof`, or with any RFC 6962 / C2SP implementation (see tools/verify_proofs.py).
        """
    )

    @Argument(help: ArgumentHelp("The entry's sequence number.", valueName: "SEQ"))
    var seq: Int64

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the proof to FILE (conventionally NAME.tlog-proof) instead of stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let size = try ledger.store.size()
        guard seq >= 0, seq < size else { throw CLIError("no entry \(seq): the ledger has \(size) entries (0–\(size - 1))") }
        let (signed, made) = try ledger.checkpoint(covering: seq + 1)
        let path = try MerkleProofs.inclusion(index: seq, size: signed.checkpoint.size, reader: ledger.store)
        let proof = TlogProof(index: seq, path: path, checkpoint: signed.note)
        if made { Output.note("signed a new checkpoint of \(signed.checkpoint.size) entries: \(signed.path)") }
        try Output.emit(Array(proof.text.utf8), to: output, announce: "wrote \(output ?? ""): entry \(seq) in the tree of \(signed.checkpoint.size) entries")
    }
}

/// `claimledger prove consistency --from CHECKPOINT_FILE`.
struct ProveConsistency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency",
        abstract: "Print the RFC 9162 consistency proof from an earlier checkpoint to the ledger now.",
        discussion: """
        Prints one base64 hash per line (as in a C2SP tlog-witness request), from the earlier checkpoint's size to \
        the newest checkpoint's (a new one is signed when the ledger grew since). With --json: \
        {"old_size", "new_size", "old_root", "new_root", "proof": [hex, …], "new_checkpoint"}. Consistency from size 0 \
        is the empty proof: the empty tree (root SHA-256 of nothing) is a prefix of every tree. Exit 2 when the \
        earlier checkpoint is not a prefix of this ledger.
        """
    )

    @Option(help: ArgumentHelp("The earlier signed checkpoint.", valueName: "CHECKPOINT_FILE"))
    var from: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let old = try ledger.readCheckpoint(from).checkpoint
        try ledger.checkConsistent(old)
        let (newest, made) = try ledger.checkpoint(covering: try ledger.store.size())
        if made { Output.note("signed a new checkpoint of \(newest.checkpoint.size) entries: \(newest.path)") }
        let proof = try MerkleProofs.consistency(oldSize: old.size, newSize: newest.checkpoint.size, reader: ledger.store)
        if global.json {
            Output.json(["old_size": .number(Double(old.size)), "new_size": .number(Double(newest.checkpoint.size)),
                         "old_root": .string(old.root.hex), "new_root": .string(newest.checkpoint.root.hex),
                         "proof": .array(proof.map { .string($0.hex) }), "new_checkpoint": .string(newest.note)])
        } else {
            for h in proof { Output.line(Data(h.bytes).base64EncodedString()) }
        }
    }
}

/// `claimledger verify-proof PROOF_FILE --entry ENTRY_FILE --vkey VKEY`.
struct VerifyProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-proof",
        abstract: "Check a proof file offline: no ledger needed, only the proof, the entry's bytes and the public key.",
        discussion: """
        Checks that the checkpoint inside the proof is signed by VKEY (C2SP signed note, Ed25519), that its origin \
        is VKEY's name, and that the entry's RFC 6962 leaf hash SHA-256(0x00 ‖ bytes) sits at the proof's index \
        under the checkpoint's root. Exit 0 when it holds, 2 when it does not.
        """
    )

    @Argument(help: ArgumentHelp("The c2sp.org/tlog-proof@v1 file.", valueName: "PROOF_FILE"))
    var proof: String

    @Option(help: ArgumentHelp("The entry's exact bytes (from `claimledger show SEQ --raw`).", valueName: "ENTRY_FILE"))
    var entry: String

    @Option(help: ArgumentHelp("The ledger's verifier key, or a file holding it (keys/NAME.vkey).", valueName: "VKEY"))
    var vkey: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let key = try Output.verifierKey(vkey, option: "--vkey")
        let entryBytes = try Output.readFile(entry)
        let checkpoint: Checkpoint, parsed: TlogProof
        do {
            parsed = try TlogProof(bytes: try Output.readFile(proof))
            checkpoint = try parsed.verify(entry: entryBytes, key: key, origin: key.name)
        } catch let e as NoteError {
            throw CLIError("the proof does NOT verify: \(e.message)", code: 2)
        }
        let leaf = MerkleHash.leaf(entryBytes)
        if json {
            Output.json(["ok": true, "index": .number(Double(parsed.index)), "leaf_hash": .string(leaf.hex), "origin": .string(checkpoint.origin),
                         "size": .number(Double(checkpoint.size)), "root": .string(checkpoint.root.hex)])
        } else {
            Output.line("ok: the entry (leaf \(leaf.hex)) is at index \(parsed.index) of \(checkpoint.origin), in the checkpoint of \(checkpoint.size) entries signed by \(key.keyID)")
        }
    }
}
