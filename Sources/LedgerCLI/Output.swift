import Foundation
import LedgerCore
import LedgerPublish
import LedgerReport
import LedgerStore

/// Where output goes: results on stdout, diagnostics on stderr (DESIGN §7).
enum Output {
    /// Writes a line to stdout, its controls made visible (`TerminalEscape`).
    static func line(_ text: String = "") {
        stdout(Array((TerminalEscape.visible(text) + "\n").utf8))
    }

    /// Writes JSON (RFC 8785 form, one line) to stdout.
    static func json(_ value: JSONValue) {
        let bytes = (try? CanonicalJSON.encode(value)) ?? Array("null".utf8)
        stdout(bytes + [0x0A])
    }

    /// Writes bytes to stdout with write(2). Every path to stdout goes through here (or `writeStdout`): when stdout
    /// cannot take them (a full disk, a closed pipe end), the command stops with one line and exit 1 instead of
    /// trapping inside FileHandle.
    static func stdout(_ bytes: [UInt8]) {
        do { try writeStdout(bytes) } catch {
            Output.error("\((error as? StoreError)?.message ?? "cannot write to stdout")")
            Foundation.exit(1)
        }
    }

    /// Writes bytes to stdout, throwing a one-line error ("cannot write stdout: No space left on device").
    static func writeStdout(_ bytes: [UInt8]) throws {
        try DurableFile.writeAll(1, bytes, name: "stdout")
    }

    /// Whether stdout may be coloured: it is a terminal and NO_COLOR (no-color.org) is unset or empty.
    static var colour: Bool {
        isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Writes a diagnostic line to stderr, its controls made visible (`TerminalEscape`).
    static func note(_ text: String) {
        stderr(Array((TerminalEscape.visible(Redaction.privateKeys(text)) + "\n").utf8))
    }

    /// Writes bytes to stderr; if stderr itself cannot take them there is nowhere left to say so, and they are dropped.
    static func stderr(_ bytes: [UInt8]) {
        _ = try? DurableFile.writeAll(2, bytes, name: "stderr")
    }

    /// Writes "claimledger: error: …" to stderr, on one line — or, when the command line asks for JSON
    /// (`--json`, `--format json`), `{"error":"…","exit":N}`.
    static func error(_ message: String, exit code: Int32 = 1) {
        let flat = Redaction.privateKeys(message.split(whereSeparator: \.isNewline).joined(separator: " "))
        if wantsJSON(CommandLine.arguments) {
            let bytes = (try? CanonicalJSON.encode(["error": .string(flat), "exit": .int(Int(code))])) ?? Array("{}".utf8)
            stderr(bytes + [0x0A])
        } else {
            note("claimledger: error: \(flat)")
        }
    }

    /// Writes "claimledger: warning: …" to stderr, on one line — or, when the command line asks for JSON,
    /// `{"warning":"…"}` (schemas/warning.schema.json), so that with --json every line on stderr is a JSON object.
    static func warning(_ message: String) {
        let flat = Redaction.privateKeys(message.split(whereSeparator: \.isNewline).joined(separator: " "))
        if wantsJSON(CommandLine.arguments) {
            let bytes = (try? CanonicalJSON.encode(["warning": .string(flat)])) ?? Array("{}".utf8)
            stderr(bytes + [0x0A])
        } else {
            note("claimledger: warning: \(flat)")
        }
    }

    /// Whether the arguments (before any `--`) ask for JSON output: `--json`, `--format json` or `--format=json`.
    static func wantsJSON(_ arguments: [String]) -> Bool {
        let options = arguments.dropFirst().prefix { $0 != "--" }
        return options.contains("--json") || options.contains("--format=json")
            || zip(options, options.dropFirst()).contains { $0 == "--format" && $1 == "json" }
    }

    /// Writes bytes to FILE when one is given (saying so on stderr when `announce`), else to stdout. FILE is written
    /// whole under a temporary name and renamed into place (`DurableFile`), so it must be absent or a regular file.
    static func emit(_ bytes: [UInt8], to path: String?, announce: String? = nil) throws {
        guard let path else { return try writeStdout(bytes) }
        try checkReplaceable(path)
        try DurableFile.write(bytes, to: path)
        if let announce { note(announce) }
    }

    /// Throws a one-line error unless `path` is absent or a regular file. `-o` renames a new file over its target:
    /// over a device node, a FIFO or a socket that would replace the node itself, and over a symbolic link it would
    /// replace the link rather than write to what it points at — both refused (a symlink is refused, not followed:
    /// give the link's target).
    static func checkReplaceable(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return }
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let what: String
        switch st.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFLNK: what = "a symbolic link (give the path it points to: -o replaces a file whole and never writes through a link)"
        case S_IFDIR: what = "a directory"
        case S_IFCHR, S_IFBLK: what = "a device (-o replaces a regular file whole; redirect stdout to write to a device)"
        case S_IFIFO: what = "a FIFO (-o replaces a regular file whole; redirect stdout to write to a pipe)"
        default: what = "not a regular file"
        }
        throw CLIError("cannot write \(path): it is \(what)")
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
