import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// A witness's durable memory: for each log origin, the size and root of the latest checkpoint it cosigned.
///
/// One text file, one line per origin, `SIZE BASE64ROOT ORIGIN` (an origin has no newline), rewritten whole with
/// `DurableFile` (temporary file, fsync, rename) after every cosignature and before the witness answers, as
/// c2sp.org/tlog-witness requires. A sibling `FILE.lock` is held with flock(2) for as long as the state is open,
/// so a second witness process cannot use the same file.
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
    private let lockFD: Int32

    /// Opens (or creates) the state file, taking its lock; refuses a file another witness holds or a malformed one.
    public init(path: String) throws {
        self.path = path
        let fd = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PublishError("cannot open \(path).lock: \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw PublishError("\(path) is in use by another witness process (\(path).lock is locked)")
        }
        lockFD = fd
        heads = [:]
        guard let data = FileManager.default.contents(atPath: path) else { return }
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let size = Int64(parts[0]), size >= 0, let raw = Data(base64Encoded: String(parts[1])),
                  let root = Digest(bytes: raw), !parts[2].isEmpty, heads[String(parts[2])] == nil else {
                throw PublishError("\(path) line \(n + 1) is not `SIZE BASE64ROOT ORIGIN`: the witness state is damaged; restore it from a backup (never start it empty: that would let a log roll back)")
            }
            heads[String(parts[2])] = Head(size: size, root: root)
        }
    }

    deinit { close(lockFD) }

    /// The latest cosigned head for `origin` (the empty tree when none).
    public func head(_ origin: String) -> Head { heads[origin] ?? .empty }

    /// Records `head` for `origin` and writes the file durably; on failure nothing changes.
    public func record(_ head: Head, for origin: String) throws {
        var next = heads
        next[origin] = head
        let text = next.keys.sorted().map { "\(next[$0]!.size) \(Data(next[$0]!.root.bytes).base64EncodedString()) \($0)\n" }.joined()
        do { try DurableFile.write(Array(text.utf8), to: path) } catch { throw PublishError("\(error)") }
        heads = next
    }
}
