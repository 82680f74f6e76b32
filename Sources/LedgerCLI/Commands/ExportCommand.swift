import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `claimledger export --format jsonl [-o FILE]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every entry as JSON Lines, for archiving or checking with other tools.",
        discussion: """
        Each line is {"entry":{…},"leaf_hash":"<hex>","seq":N} where the RFC 8785 form of "entry" is exactly the \
        stored bytes, so SHA-256(0x00 ‖ those bytes) is leaf_hash. Each line is itself RFC 8785 canonical.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl }

    @Option(help: "The export format (jsonl).")
    var format: Format = .jsonl

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let h = FileHandle(forWritingAtPath: output) else {
                throw CLIError("cannot write \(output)")
            }
            handle = h
        } else {
            handle = FileHandle.standardOutput
        }
        var buffer = [UInt8]()
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry { row in
                buffer += Array("{\"entry\":".utf8) + row.bytes + Array(",\"leaf_hash\":\"\(MerkleHash.leaf(row.bytes).hex)\",\"seq\":\(row.seq)}\n".utf8)
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
