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
        signed) is the author's Ed25519 signature over those bytes. Each line is itself RFC 8785 canonical.

        With -o FILE, the source snapshots are written too, as sources/<sha256> in FILE's directory: \
        `claimledger export -o bundle/journal.jsonl` makes a bundle that `claimledger import bundle NEWDIR` rebuilds \
        into an identical ledger (same entries, same root). Private keys are never exported.

        The other formats are views of the claims for other tools — fact-check platforms (schema.org Claim), \
        annotation tools (W3C Web Annotation, with quote and code-point position selectors), provenance graphs \
        (PROV-JSON: sources, quotations, attributions), spreadsheets (CSV) — each naming every claim by \
        urn:claimledger:ORIGIN:SEQ and its leaf hash.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, claimreview, annotation, prov, csv }

    @Option(help: ArgumentHelp("jsonl (the ledger itself), claimreview (schema.org Claim JSON-LD), annotation (W3C Web Annotation JSON-LD), prov (W3C PROV-JSON) or csv (one row per claim).", valueName: "FORMAT"))
    var format: Format = .jsonl

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        if format != .jsonl {
            let input = try AnalysisInput(ledger: ledger)
            let text: String
            switch format {
            case .claimreview: text = EcosystemExport.claimReview(input.claims, sources: input.sources, origin: input.origin)
            case .annotation: text = EcosystemExport.annotations(input.claims, sources: input.sources, origin: input.origin)
            case .prov: text = EcosystemExport.prov(input.claims, sources: input.sources, origin: input.origin)
            case .csv, .jsonl: text = EcosystemExport.csv(input.claims, sources: input.sources)
            }
            return try ReportOptions(format: .json, output: output).emit(text)
        }
        let handle: FileHandle
        var sources: URL? = nil
        if let output {
            let dir = URL(fileURLWithPath: output).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: output, contents: nil), let h = FileHandle(forWritingAtPath: output) else {
                throw CLIError("cannot write \(output)")
            }
            handle = h
            sources = dir.appendingPathComponent("sources")
            try FileManager.default.createDirectory(at: sources!, withIntermediateDirectories: true)
        } else {
            handle = FileHandle.standardOutput
        }
        var buffer = [UInt8]()
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry { row in
                let signature = row.signature.map { ",\"signature\":\"\(Hex.encode($0))\"" } ?? ""
                buffer += Array("{\"entry\":".utf8) + row.bytes
                    + Array(",\"leaf_hash\":\"\(MerkleHash.leaf(row.bytes).hex)\",\"seq\":\(row.seq)\(signature)}\n".utf8)
                if let sources, row.derived.kind == EntryKind.source.rawValue, let id = row.derived.key, let d = Digest(hex: id),
                   let bytes = try ledger.store.blob(d) {
                    guard FileManager.default.createFile(atPath: sources.appendingPathComponent(id).path, contents: Data(bytes)) else {
                        throw CLIError("cannot write the snapshot of source \(id.prefix(16))")
                    }
                }
                if buffer.count > 1 << 20 {
                    handle.write(Data(buffer))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        handle.write(Data(buffer))
        if output != nil { try handle.close() }
    }
}

/// `claimledger import PATH DIR`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Rebuild a ledger from an export bundle, checking every hash and signature on the way.",
        discussion: """
        PATH is the journal written by `claimledger export -o PATH/journal.jsonl` (or its directory); the source \
        snapshots are read from sources/ beside it. Every line is checked — the entry's RFC 8785 bytes and leaf \
        hash, seq and prev, the body, the signature, each snapshot's SHA-256 — and the rebuilt ledger is verified \
        before it is moved to DIR, so an export edited anywhere is refused with its line named and nothing is \
        created. The result has the same entries and the same root. No private key comes with it: copy \
        keys/NAME.key from the original ledger to sign checkpoints.
        """
    )

    @Argument(help: ArgumentHelp("The export's journal file, or the directory holding journal.jsonl.", valueName: "PATH"))
    var path: String

    @Argument(help: ArgumentHelp("The new ledger's directory (must not exist, or be empty).", valueName: "DIR"))
    var dir: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let result = try LedgerImport.run(export: path, into: dir)
        if json {
            Output.json(["directory": .string(dir), "size": .number(Double(result.size)), "root": .string(result.root.hex), "origin": .string(result.origin)])
        } else {
            Output.line("imported \(result.size) entries of \(result.origin) into \(dir); root \(result.root.hex)")
        }
    }
}
