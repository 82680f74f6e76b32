import Foundation
import LedgerCore
import LedgerPublish
import LedgerReport

/// Where output goes: results on stdout, diagnostics on stderr (DESIGN §7).
enum Output {
    /// Writes a line to stdout, its controls made visible (`TerminalEscape`).
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((TerminalEscape.visible(text) + "\n").utf8))
    }

    /// Writes JSON (RFC 8785 form, one line) to stdout.
    static func json(_ value: JSONValue) {
        let bytes = (try? CanonicalJSON.encode(value)) ?? Array("null".utf8)
        FileHandle.standardOutput.write(Data(bytes + [0x0A]))
    }

    /// Whether stdout may be coloured: it is a terminal and NO_COLOR (no-color.org) is unset or empty.
    static var colour: Bool {
        isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Writes a diagnostic line to stderr, its controls made visible (`TerminalEscape`).
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((TerminalEscape.visible(text) + "\n").utf8))
    }

    /// Writes "claimledger: error: …" to stderr, on one line — or, when the command line asks for JSON
    /// (`--json`, `--format json`), `{"error":"…","exit":N}`.
    static func error(_ message: String, exit code: Int32 = 1) {
        let flat = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        if wantsJSON(CommandLine.arguments) {
            let bytes = (try? CanonicalJSON.encode(["error": .string(flat), "exit": .int(Int(code))])) ?? Array("{}".utf8)
            FileHandle.standardError.write(Data(bytes + [0x0A]))
        } else {
            note("claimledger: error: \(flat)")
        }
    }

    /// Whether the arguments (before any `--`) ask for JSON output: `--json`, `--format json` or `--format=json`.
    static func wantsJSON(_ arguments: [String]) -> Bool {
        let options = arguments.dropFirst().prefix { $0 != "--" }
        return options.contains("--json") || options.contains("--format=json")
            || zip(options, options.dropFirst()).contains { $0 == "--format" && $1 == "json" }
    }

    /// Writes bytes to FILE when one is given (saying so on stderr when `announce`), else to stdout.
    static func emit(_ bytes: [UInt8], to path: String?, announce: String? = nil) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw CLIError("cannot write \(path)") }
        if let announce { note(announce) }
    }

    /// A verifier key given on the command line as its text, or as a file holding it.
    static func verifierKey(_ textOrPath: String, option: String) throws -> NoteKey.Verifier {
        let text = FileManager.default.fileExists(atPath: textOrPath)
            ? String(decoding: try readFile(textOrPath), as: UTF8.self) : textOrPath
        guard let key = NoteKey.Verifier(text: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CLIError("\(option) \(NoteKey.quotedKeyText(textOrPath)) is not a verifier key (NAME+HASH+BASE64) or a file holding one")
        }
        return key
    }

    /// A witness's verifier key (type 0x04) given as its text, or as a file holding it.
    static func witnessKey(_ textOrPath: String, option: String) throws -> NoteKey.Verifier {
        let text = FileManager.default.fileExists(atPath: textOrPath)
            ? String(decoding: try readFile(textOrPath), as: UTF8.self) : textOrPath
        guard let key = CosignerKey.verifier(text) else {
            throw CLIError("\(option) \(NoteKey.quotedKeyText(textOrPath)) is not a witness verifier key (NAME+HASH+BASE64 with type 0x04, as `claimledger witness generate-key` prints) or a file holding one")
        }
        return key
    }

    /// Reads a whole file, with a one-line error that names it.
    static func readFile(_ path: String) throws -> [UInt8] {
        try checkReadable(path)
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path): permission denied or unreadable") }
        return Array(data)
    }

    /// Throws a one-line error unless `path` is an existing file (not a directory).
    static func checkReadable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("cannot read \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("cannot read \(path): it is a directory") }
    }
}
