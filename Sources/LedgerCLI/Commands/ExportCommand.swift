import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto
import LedgerReport
import LedgerStore

/// `claimledger export --format jsonl [-o FILE]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every entry as JSON Lines, for archiving or checking with other tools.",
        discussion: """
        Each line is {"entry":{…},"leaf_hash":"<hex>","seq":N,"signature":"<hex>"} where the RFC 8785 form of "entry" \
        is exactly the stored bytes, so SHA-256(0x00 ‖ those bytes) is leaf_hash; "signature" (when the entry was \
        signed) is the author's Ed25519 signature over those bytes. Each line is itself RFC 8785 canonical, and is \
        the entry in the shape every command gives it (schemas/entry-record.schema.json): `log --json` prints the \
        same line for it.

        With -o FILE, the source snapshots are written too, as sources/<sha256> in FILE's directory (give the bundle a directory of its own; a ledger's directory is refused): \
        `claimledger export -o bundle/journal.jsonl` makes a bundle that `claimledger import bundle NEWDIR` rebuilds \
        into an identical ledger (same entries, same root). The bundle also holds every checkpoint the ledger \
        signed (checkpoints/, with their witnessed .cosigned copies) and ends with manifest.checkpoint: the checkpoint of exactly the exported entries, \
        signed with the ledger key (signing one if none covers them, which needs keys/NAME.key). Every file is \
        written under a temporary name, fsynced and renamed, so a failed export (a full disk) leaves no partial \
        file. Private keys are never exported.

        The other formats are views of the claims for other tools — fact-check platforms (schema.org Claim), \
        annotation tools (W3C Web Annotation, with quote and code-point position selectors), provenance graphs \
        (PROV-JSON: sources, quotations, attributions), spreadsheets (CSV) — each naming every claim by \
        urn:claimledger:ORIGIN:SEQ and its leaf hash. They are made from the ledger as verified in the same read \
        (as reports are): when it does not verify, the export is still written, stderr says why in one line, and \
        the command exits 2; --no-verify skips the check.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, claimreview, annotation, prov, csv }

    @Option(help: ArgumentHelp("jsonl (the ledger itself), claimreview (schema.org Claim JSON-LD), annotation (W3C Web Annotation JSON-LD), prov (W3C PROV-JSON) or csv (one row per claim).", valueName: "FORMAT"))
    var format: Format = .jsonl

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @Flag(name: .customLong("no-verify"), help: "With a format other than jsonl: do not verify the ledger first.")
    var noVerify = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if global.json && format != .jsonl {
            throw ValidationError("--json and --format \(format.rawValue) contradict each other: an export is its format; give one of them")
        }
    }

    func run() throws {
        let ledger = try global.open(readOnly: true)
        if format != .jsonl {
            let (input, provenance) = try ledger.store.snapshot { (try AnalysisInput(ledger: ledger), try ReportProvenance(ledger: ledger, verify: !noVerify)) }
            let text: String
            switch format {
            case .claimreview: text = EcosystemExport.claimReview(input.claims, sources: input.sources, origin: input.origin)
            case .annotation: text = EcosystemExport.annotations(input.claims, sources: input.sources, origin: input.origin)
            case .prov: text = EcosystemExport.prov(input.claims, sources: input.sources, origin: input.origin)
            case .csv, .jsonl: text = EcosystemExport.csv(input.claims, sources: input.sources)
            }
            try ReportOptions(format: .json, output: output).emit(text)
            return try provenance.exitIfNotVerified("this export")
        }
        guard let output else {
            var buffer = [UInt8]()
            try ledger.store.snapshot {
                try ledger.store.forEachStoredEntry { row in
                    buffer += Self.line(row)
                    if buffer.count > 1 << 20 { try DurableFile.writeAll(1, buffer, name: "stdout"); buffer.removeAll(keepingCapacity: true) }
                }
            }
            return try DurableFile.writeAll(1, buffer, name: "stdout")
        }
        try Self.writeBundle(ledger, journal: output)
    }

    /// One journal line: `{"entry":…,"leaf_hash":…,"seq":N[,"signature":…]}`, RFC 8785 canonical — `Entry.record`'s
    /// shape, spliced around the stored bytes themselves (never re-encoded: an export of a tampered entry keeps the
    /// tampered bytes, for `import` and outside verifiers to refuse).
    static func line(_ row: StoredEntry) -> [UInt8] {
        let signature = row.signature.map { ",\"signature\":\"\(Hex.encode($0))\"" } ?? ""
        return Array("{\"entry\":".utf8) + row.bytes
            + Array(",\"leaf_hash\":\"\(MerkleHash.leaf(row.bytes).hex)\",\"seq\":\(row.seq)\(signature)}\n".utf8)
    }

    /// Writes the bundle beside `journal`: sources/, every signed checkpoint in checkpoints/, the journal, and
    /// last the manifest (manifest.checkpoint: the checkpoint of exactly the exported entries, signed with the
    /// ledger key). Each file is written durably under a temporary name, so a failed export leaves no partial file.
    static func writeBundle(_ ledger: Ledger, journal output: String) throws {
        let dir = URL(fileURLWithPath: output).deletingLastPathComponent()
        // A bundle beside a ledger's own files would put another history's checkpoints into its checkpoints/.
        guard !FileManager.default.fileExists(atPath: dir.appendingPathComponent(LedgerStore.fileName).path) else {
            throw CLIError("\(dir.path) is a ledger directory; write the bundle into a directory of its own (e.g. -o bundle/journal.jsonl)")
        }
        let sources = dir.appendingPathComponent("sources"), checkpoints = dir.appendingPathComponent("checkpoints")
        let manifest: Ledger.SignedCheckpoint
        do { manifest = try ledger.checkpoint(covering: try ledger.store.size(), verifying: true).0 } catch let e as StoreError where !e.isIntegrityFailure {
            throw CLIError("export -o signs the bundle's manifest with the ledger key: \(e.message)")
        }
        do {
            for sub in [sources, checkpoints] { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
        } catch { throw CLIError("cannot create the bundle's directories in \(dir.path): \((error as NSError).localizedDescription)") }
        let signed = (try? FileManager.default.contentsOfDirectory(atPath: ledger.checkpointsDirectory.path)) ?? []
        for name in signed.sorted() where name.hasSuffix(".checkpoint") {
            let cp = try ledger.readCheckpoint(ledger.checkpointsDirectory.appendingPathComponent(name).path)
            try DurableFile.write(Array(cp.note.utf8), to: checkpoints.appendingPathComponent(name).path)
            // Its witnessed copy, when witnesses cosigned it (checked to hold the same signed checkpoint).
            if let cosigned = try ledger.cosignedNote(for: cp) {
                try DurableFile.write(Array(cosigned.utf8), to: checkpoints.appendingPathComponent("\(cp.checkpoint.size).cosigned").path)
            }
        }
        let journal = try DurableFile(output)
        var buffer = [UInt8]()
        let progress = ProgressLine("exporting")
        defer { progress.finish() }
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry { row in
                guard row.seq < manifest.checkpoint.size else { return }
                progress.update(row.seq, of: manifest.checkpoint.size)
                buffer += line(row)
                // A source's snapshot goes beside the journal: which entries are sources is read from their bytes.
                if let view = CanonicalJSONView(row.bytes), Entry.Envelope(view)?.kind == .source, case .source(let s)? = EntryBody(view) {
                    let file = try DurableFile(sources.appendingPathComponent(s.id.hex).path)  // streamed, one chunk at a time
                    if try ledger.store.readBlob(s.id, { try file.write(Array($0)); return true }) { try file.commit() }
                }
                if buffer.count > 1 << 20 { try journal.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
        }
        try journal.write(buffer)
        try journal.commit()
        try DurableFile.write(Array(manifest.note.utf8), to: dir.appendingPathComponent("manifest.checkpoint").path)
    }
}

/// `claimledger import PATH DIR`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Rebuild a ledger from an export bundle, checking every hash and signature on the way.",
        discussion: """
        PATH is the journal written by `claimledger export -o PATH/journal.jsonl` (or its directory); the source \
        snapshots, the signed checkpoints and the manifest are read beside it. Every line is checked — the entry's \
        RFC 8785 bytes and leaf hash, seq and prev, the body, the signature, each snapshot's SHA-256 — and the \
        journal is read line by line. The rebuilt tree must equal the bundle's manifest.checkpoint (signed with \
        the key in the genesis entry) and be consistent with every checkpoint in the bundle, so a bundle that was \
        edited and re-chained, truncated or reordered is refused (exit 2) and nothing is created. A forger with a \
        key of their own can still make a self-consistent bundle for that key: give the key you expect with \
        --vkey, or a checkpoint published earlier with --checkpoint, to rule that out. Import prints the key it \
        accepted. The ledger is built beside DIR and renamed into place; the checkpoints become its history, so \
        `checkpoint` will refuse to sign a tree inconsistent with them. No private key comes with it: copy \
        keys/NAME.key from the original ledger to sign checkpoints.
        """
    )

    @Argument(help: ArgumentHelp("The export's journal file, or the directory holding journal.jsonl.", valueName: "PATH"))
    var path: String

    @Argument(help: ArgumentHelp("The new ledger's directory (must not exist, or be empty).", valueName: "DIR"))
    var dir: String

    @Option(help: ArgumentHelp("The ledger key you expect (NAME+HASH+BASE64, or a file holding it): any other is refused.", valueName: "VKEY"))
    var vkey: String?

    @Option(help: ArgumentHelp("A signed checkpoint published earlier; the bundle must be consistent with it (repeatable).", valueName: "FILE"))
    var checkpoint: [String] = []

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let expected = try vkey.map { try Output.verifierKey($0, option: "--vkey") }
        let published = try checkpoint.map { (name: $0, note: try Output.readFile($0)) }
        let result = try LedgerImport.run(export: path, into: dir, expected: expected, published: published)
        if json {
            Output.json(["directory": .string(dir), "size": .number(Double(result.size)), "root": .string(result.root.hex), "origin": .string(result.origin),
                         "verifier_key": .string(result.key.text), "key_id": .string(result.key.keyID), "checkpoints": .number(Double(result.checkpoints))])
        } else {
            Output.line("imported \(result.size) entries of \(result.origin) into \(dir); root \(result.root.hex)")
            Output.line("signed by \(result.key.text); checked against \(result.checkpoints) signed checkpoints, kept as its history")
        }
    }
}
