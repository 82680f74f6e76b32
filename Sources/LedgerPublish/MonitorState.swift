import Foundation
import LedgerCore
import LedgerStore

/// Where a monitor remembers the last checkpoint it verified of a log, as the `go` command keeps
/// `$GOPATH/pkg/sumdb/<name>/latest`: one file holding the signed note verbatim, written durably.
///
/// The default file is `$HOME/.claimledger/monitor/<key name>` (the key name is the log's origin; characters other
/// than letters, digits, `.`, `-` and `_` are %-escaped, so `news.example/claims` is `news.example%2Fclaims`).
public enum MonitorState {
    /// The default state file for the log signed by `key`.
    public static func defaultPath(for key: NoteKey.Verifier) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".claimledger/monitor").appendingPathComponent(escape(key.name)).path
    }

    /// `name` with every byte outside `[A-Za-z0-9._-]` written as `%XX`.
    public static func escape(_ name: String) -> String {
        var out = ""
        for b in name.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80 && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_") { out.append(c) } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out == "." || out == ".." ? out.replacingOccurrences(of: ".", with: "%2E") : out
    }

    /// The remembered checkpoint note, or nil when the file does not exist yet (the first run).
    public static func read(_ path: String) throws(PublishError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw PublishError("cannot read the state file \(path)") }
        return Array(data)
    }

    /// Remembers `note` in `path` (its directory created if missing), atomically.
    public static func write(_ note: [UInt8], to path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw PublishError("cannot create \(dir) for the state file")
        }
        do { try DurableFile.write(note, to: path) } catch { throw PublishError("\(error)") }
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
