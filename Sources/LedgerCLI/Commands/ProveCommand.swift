import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto
import LedgerPublish
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
        checkpoint is signed when none covers SEQ yet) — its witnessed copy (checkpoints/SIZE.cosigned, with the \
        witnesses' cosignature lines) when `checkpoint --witness` collected one, so the reader can also check \
        `verify-proof --witness VKEY --quorum K`. Give the reader this file, the entry's exact bytes \
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
        // The witnessed copy when there is one, so the reader can also require a quorum of witnesses.
        let proof = TlogProof(index: seq, path: path, checkpoint: try ledger.cosignedNote(for: signed) ?? signed.note)
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
        Prints one base64 hash per line (the proof lines of a C2SP tlog-witness add-checkpoint request), from the \
        earlier checkpoint's size to the newest checkpoint's (a new one is signed when the ledger grew since); an \
        empty proof is an empty file. With -o FILE the proof goes to FILE, and the reader checks it offline with \
        `claimledger verify-proof --consistency FILE --old OLD --new checkpoints/SIZE.checkpoint --vkey VKEY`. With --json: \
        {"old_size", "new_size", "old_root", "new_root", "proof": [hex, …], "new_checkpoint"}. Consistency from size 0 \
        is the empty proof: the empty tree (root SHA-256 of nothing) is a prefix of every tree. Exit 2 when the \
        earlier checkpoint is not a prefix of this ledger.
        """
    )

    @Option(help: ArgumentHelp("The earlier signed checkpoint.", valueName: "CHECKPOINT_FILE"))
    var from: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the proof lines to FILE (conventionally OLD-NEW.consistency) instead of stdout.", valueName: "FILE"))
    var output: String?

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
            if proof.isEmpty {
                Output.note(old.size == newest.checkpoint.size ? "the proof is empty: the earlier checkpoint is of this same tree (\(old.size) entries)"
                                                               : "the proof is empty: the empty tree is a prefix of every tree")
            }
            let text = proof.map { Data($0.bytes).base64EncodedString() + "\n" }.joined()
            try Output.emit(Array(text.utf8), to: output, announce: "wrote \(output ?? ""): consistency from \(old.size) to \(newest.checkpoint.size) entries (new checkpoint \(newest.path))")
        }
    }
}

/// `claimledger verify-proof PROOF_FILE --entry ENTRY_FILE --vkey VKEY` and
/// `claimledger verify-proof --consistency PROOF --old OLD --new NEW --vkey VKEY`.
struct VerifyProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-proof",
        abstract: "Check a proof offline: no ledger needed, only the proof, the checkpoint(s) and the ledger's verifier key.",
        discussion: """
        Inclusion (PROOF_FILE --entry ENTRY_FILE): checks that the checkpoint inside the proof is signed by VKEY \
        (C2SP signed note, Ed25519), that its origin is VKEY's name, and that the entry's RFC 6962 leaf hash \
        SHA-256(0x00 ‖ bytes) sits at the proof's index under the checkpoint's root.

        Consistency (--consistency PROOF --old OLD --new NEW): checks that both checkpoints are signed by VKEY for \
        its origin, and that PROOF (one base64 hash per line, as `claimledger prove consistency -o` writes it) is \
        an RFC 9162 consistency proof from OLD's tree to NEW's: the ledger only grew between the two.

        With --witness VKEY (repeatable) and --quorum K, also requires that at least K of those witnesses cosigned \
        the checkpoint (C2SP tlog-cosignature v1; for consistency, the NEW checkpoint): the checkpoint in the \
        proof must then be the witnessed copy (`prove inclusion` embeds it once `checkpoint --witness` collected \
        cosignatures). Exit 0 when everything holds, 2 when something does not.
        """
    )

    @Argument(help: ArgumentHelp("The c2sp.org/tlog-proof@v1 inclusion proof file.", valueName: "PROOF_FILE"))
    var proof: String?

    @Option(help: ArgumentHelp("The entry's exact bytes (from `claimledger show SEQ --raw`), for an inclusion proof.", valueName: "ENTRY_FILE"))
    var entry: String?

    @Option(help: ArgumentHelp("A consistency proof file (from `claimledger prove consistency -o FILE`).", valueName: "PROOF"))
    var consistency: String?

    @Option(help: ArgumentHelp("With --consistency: the earlier signed checkpoint.", valueName: "OLD_CHECKPOINT"))
    var old: String?

    @Option(name: .customLong("new"), help: ArgumentHelp("With --consistency: the later signed checkpoint.", valueName: "NEW_CHECKPOINT"))
    var new: String?

    @Option(help: ArgumentHelp("The ledger's verifier key, or a file holding it (keys/NAME.vkey).", valueName: "VKEY"))
    var vkey: String

    @Option(help: ArgumentHelp("A witness's verifier key (type 0x04), or a file holding it (repeatable); see --quorum.", valueName: "VKEY"))
    var witness: [String] = []

    @Option(help: ArgumentHelp("How many of the --witness keys must have cosigned (default: all of them).", valueName: "K"))
    var quorum: Int?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if consistency == nil {
            guard proof != nil, entry != nil else { throw ValidationError("give PROOF_FILE --entry ENTRY_FILE (inclusion) or --consistency PROOF --old OLD --new NEW") }
            guard old == nil, new == nil else { throw ValidationError("--old and --new go with --consistency") }
        } else {
            guard proof == nil, entry == nil else { throw ValidationError("--consistency checks two checkpoints; PROOF_FILE and --entry are for an inclusion proof") }
            guard old != nil, new != nil else { throw ValidationError("--consistency needs --old OLD_CHECKPOINT and --new NEW_CHECKPOINT") }
        }
        try MonitorCommand.validateQuorum(quorum, witnesses: witness.count)
    }

    func run() throws {
        let key = try Output.verifierKey(vkey, option: "--vkey")
        let quorum = try witness.isEmpty ? nil : WitnessQuorum(witnesses: witness.map { try Output.witnessKey($0, option: "--witness") }, quorum: self.quorum ?? witness.count)
        if let consistency, let old, let new { return try checkConsistency(consistency, old: old, new: new, key: key, quorum: quorum) }
        guard let proof, let entry else { return }
        let entryBytes = try Output.readFile(entry)
        let checkpoint: Checkpoint, parsed: TlogProof
        do {
            parsed = try TlogProof(bytes: try Output.readFile(proof))
            checkpoint = try parsed.verify(entry: entryBytes, key: key, origin: key.name)
        } catch let e as NoteError {
            throw CLIError("the proof does NOT verify: \(e.message)", code: 2)
        }
        let witnessed = try quorum.map {
            try Self.checkQuorum($0, note: parsed.checkpoint, hint: "the proof's checkpoint carries no cosignatures: make the proof again with `claimledger prove inclusion` after `claimledger checkpoint --witness` collected them")
        } ?? []
        let leaf = MerkleHash.leaf(entryBytes)
        if json {
            Output.json(["ok": true, "index": .number(Double(parsed.index)), "leaf_hash": .string(leaf.hex), "origin": .string(checkpoint.origin),
                         "size": .number(Double(checkpoint.size)), "root": .string(checkpoint.root.hex), "witnesses": .array(witnessed.map { .string($0) })])
        } else {
            Output.line("ok: the entry (leaf \(leaf.hex)) is at index \(parsed.index) of \(checkpoint.origin), in the checkpoint of \(checkpoint.size) entries signed by \(key.keyID)\(Self.cosigned(witnessed))")
        }
    }

    private func checkConsistency(_ file: String, old: String, new: String, key: NoteKey.Verifier, quorum: WitnessQuorum?) throws {
        let oldNote = try Output.readFile(old), newNote = try Output.readFile(new)
        let proofText = String(decoding: try Output.readFile(file), as: UTF8.self)
        let from: Checkpoint, to: Checkpoint
        var proof: [Digest] = []
        do {
            from = try Checkpoint.open(oldNote, key: key, origin: key.name)
            to = try Checkpoint.open(newNote, key: key, origin: key.name)
            guard proofText.isEmpty || proofText.hasSuffix("\n") else { throw NoteError("\(file) does not end in a newline: it is not a whole proof") }
            for (n, line) in proofText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
                guard let raw = Data(base64Encoded: String(line)), let h = Digest(bytes: raw), raw.base64EncodedString() == line else {
                    throw NoteError("line \(n + 1) of \(file) is not a base64 SHA-256 hash (the proof is one hash per line, from `claimledger prove consistency -o`)")
                }
                proof.append(h)
            }
        } catch let e as NoteError {
            throw CLIError("the consistency proof does NOT verify: \(e.message)", code: 2)
        }
        do {
            try MerkleVerify.consistency(oldSize: from.size, newSize: to.size, oldRoot: from.root, newRoot: to.root, proof: proof)
        } catch {
            throw CLIError("the consistency proof does NOT verify: the tree of \(from.size) entries is not a prefix of the tree of \(to.size) entries under this proof (a rewritten history, or the wrong proof for these checkpoints)", code: 2)
        }
        let witnessed = try quorum.map {
            try Self.checkQuorum($0, note: String(decoding: newNote, as: UTF8.self),
                                 hint: "\(new) carries no cosignatures: give its witnessed copy, checkpoints/\(to.size).cosigned, or the checkpoint `claimledger publish` wrote, as --new")
        } ?? []
        if json {
            Output.json(["ok": true, "origin": .string(to.origin), "old_size": .number(Double(from.size)), "new_size": .number(Double(to.size)),
                         "old_root": .string(from.root.hex), "new_root": .string(to.root.hex), "witnesses": .array(witnessed.map { .string($0) })])
        } else {
            Output.line("ok: \(to.origin) only grew from \(from.size) to \(to.size) entries (both checkpoints signed by \(key.keyID))\(Self.cosigned(witnessed))")
        }
    }

    /// The key IDs of the witnesses that cosigned, or exit 2 when fewer than the quorum did; `hint` is added when
    /// the note has no signature but the log's (a checkpoint that was never witnessed, rather than a bad one).
    private static func checkQuorum(_ quorum: WitnessQuorum, note: String, hint: String) throws -> [String] {
        do { return try quorum.check(Array(note.utf8)).map(\.witness.keyID) } catch let e as PublishError {
            let onlyTheLog = ((try? SignedNote.parse(Array(note.utf8)).signatures.count) ?? 0) == 1
            throw CLIError("the checkpoint is NOT witnessed as required: \(e.message)\(onlyTheLog ? " (\(hint))" : "")", code: 2)
        }
    }

    private static func cosigned(_ witnesses: [String]) -> String {
        witnesses.isEmpty ? "" : "; cosigned by \(witnesses.count) witness\(witnesses.count == 1 ? "" : "es"): \(witnesses.joined(separator: ", "))"
    }
}
