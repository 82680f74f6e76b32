import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// A witness's durable memory: for each log origin, the size and root of the latest checkpoint it cosigned.
///
/// One text file, one line per origin, `SIZE BASE64ROOT ORIGIN` (an origin has no newline), rewritten whole with
/// `DurableFile` (temporary file, fsync, rename) after every cosignature and before the witness answers, as
/// c2sp.org/tlog-witness requires. The state file itself is locked with flock(2) for as long as the state is open,
/// so a second witness process cannot use it: each new version is locked before it is renamed into place (and the
/// old one unlocked after), and an opener re-checks that the file it locked is still the one at FILE. There is no
/// separate lock file that could be deleted out from under a running witness; and before each write the witness
/// checks FILE is still the file it locked, refusing to cosign (500) when someone replaced or removed it.
public final class WitnessState {
    /// The size and root of a cosigned checkpoint.
    public struct Head: Equatable, Sendable {
        public let size: Int64
        public let root: Digest
        public init(size: Int64, root: Digest) {
            self.size = size
            self.root = root
        }
        /// What a witness that never cosigned for an origin holds: the empty tree.
        public static let empty = Head(size: 0, root: MerkleHash.emptyRoot)
    }

    public let path: String
    private var heads: [String: Head]
    /// The open, flock(2)ed state file (the version now at `path`).
    private var lockFD: Int32
    private var counter = 0

    private static func errorText() -> String { String(cString: strerror(errno)) }

    /// Whether `fd` is the file now at `path` (same device and inode).
    private static func isCurrent(_ fd: Int32, at path: String) -> Bool {
        var a = stat(), b = stat()
        return fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Opens (or creates) the state file, taking its lock; refuses a file another witness holds or a malformed one.
    public init(path: String) throws {
        self.path = path
        var locked: Int32 = -1
        for _ in 0..<16 where locked < 0 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { throw PublishError("cannot open the witness state \(path): \(Self.errorText())") }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                throw PublishError("\(path) is in use by another witness process (the file is locked): run one witness per state file")
            }
            // The file may have been replaced between open and flock (the other process wrote a new version): retry.
            if Self.isCurrent(fd, at: path) { locked = fd } else { close(fd) }
        }
        guard locked >= 0 else { throw PublishError("\(path) keeps being replaced while opening it: is another witness process using it?") }
        lockFD = locked
        heads = [:]
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(locked, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { close(locked); throw PublishError("cannot read the witness state \(path): \(Self.errorText())") }
            if n == 0 { break }
            data += buffer[0..<n]
        }
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let size = Int64(parts[0]), size >= 0, let raw = Data(base64Encoded: String(parts[1])),
                  let root = Digest(bytes: raw), !parts[2].isEmpty, heads[String(parts[2])] == nil else {
                close(locked)
                throw PublishError("\(path) line \(n + 1) is not `SIZE BASE64ROOT ORIGIN`: the witness state is damaged; restore it from a backup (never start it empty: that would let a log roll back)")
            }
            heads[String(parts[2])] = Head(size: size, root: root)
        }
    }

    deinit { close(lockFD) }

    /// The latest cosigned head for `origin` (the empty tree when none).
    public func head(_ origin: String) -> Head { heads[origin] ?? .empty }

    /// Records `head` for `origin` and writes the file durably (a new version, locked, fsynced, renamed over the old
    /// one, the directory fsynced); on failure nothing changes. Refuses when the file at `path` is no longer the one
    /// this witness locked (replaced or removed by someone else).
    public func record(_ head: Head, for origin: String) throws {
        var next = heads
        next[origin] = head
        let text = next.keys.sorted().map { "\(next[$0]!.size) \(Data(next[$0]!.root.bytes).base64EncodedString()) \($0)\n" }.joined()
        guard Self.isCurrent(lockFD, at: path) else {
            throw PublishError("\(path) was replaced or removed while this witness held it: refusing to cosign; stop every witness on it and restore it from a backup")
        }
        counter += 1
        let temporary = path + ".\(getpid()).\(counter).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PublishError("cannot write \(temporary): \(Self.errorText())") }
        do {
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw PublishError("cannot lock \(temporary): \(Self.errorText())") }
            try DurableFile.writeAll(fd, Array(text.utf8), name: temporary)
            guard fsync(fd) == 0 else { throw PublishError("cannot write \(temporary): \(Self.errorText())") }
            guard rename(temporary, path) == 0 else { throw PublishError("cannot write \(path): \(Self.errorText())") }
        } catch {
            close(fd)
            unlink(temporary)
            throw PublishError("\(error)")
        }
        close(lockFD)
        lockFD = fd
        heads = next
        do { try DurableFile.syncDirectory(of: path) } catch { throw PublishError("\(error)") }
    }
}
