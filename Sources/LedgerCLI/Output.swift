import Foundation
import LedgerCore

/// Where output goes: results on stdout, diagnostics on stderr (DESIGN §7).
enum Output {
    /// Writes a line to stdout.
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes JSON (RFC 8785 form, one line) to stdout.
    static func json(_ value: JSONValue) {
        let bytes = (try? CanonicalJSON.encode(value)) ?? Array("null".utf8)
        FileHandle.standardOutput.write(Data(bytes + [0x0A]))
    }

    /// Writes a diagnostic line to stderr.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes "claimledger: error: …" to stderr, on one line.
    static func error(_ message: String) {
        let flat = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        note("claimledger: error: \(flat)")
    }

    /// Reads a whole file, with a one-line error that names it.
    static func readFile(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("cannot read \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("cannot read \(path): it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path): permission denied or unreadable") }
        return Array(data)
    }
}
