import Foundation
import LedgerStore

/// The files of a published log being written: each new file goes to a temporary name beside its place, all are
/// flushed to disk at once (`sync`), then moved into place (`link` for immutable files, never over an existing
/// one; `rename` for partial tiles) and the directories flushed again. Until `commit`, readers see none of them.
final class PublishedFiles {
    let root: URL
    private(set) var written = 0
    private(set) var unchanged = 0
    private var staged: [(temporary: String, path: String, immutable: Bool)] = []
    private var directories = Set<String>()
    private var counter = 0

    init(root: URL) throws {
        self.root = root
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            throw PublishError("cannot create \(root.path): \(error.localizedDescription)")
        }
    }

    deinit { for s in staged { unlink(s.temporary) } }

    private func full(_ path: String) -> String { root.appendingPathComponent(path).path }

    /// The file at `path` under the root, or nil when there is none.
    func read(_ path: String) throws -> [UInt8]? {
        let p = full(path)
        guard FileManager.default.fileExists(atPath: p) else { return nil }
        guard let data = FileManager.default.contents(atPath: p) else { throw PublishError("cannot read \(p)") }
        return Array(data)
    }

    /// Stages an immutable file: when one is already there it must hold exactly `bytes`.
    func putImmutable(_ path: String, _ bytes: [UInt8]) throws {
        if let existing = try read(path) {
            guard existing == bytes else {
                throw PublishError("\(full(path)) is already published with other bytes: the directory holds another history of this log (a fork); refusing to publish over it", verificationFailure: true)
            }
            unchanged += 1
            return
        }
        try stage(path, bytes, immutable: true)
    }

    /// Stages a file that replaces any file at `path` (a partial tile).
    func putReplacing(_ path: String, _ bytes: [UInt8]) throws {
        if let existing = try read(path), existing == bytes { unchanged += 1; return }
        try stage(path, bytes, immutable: false)
    }

    private func stage(_ path: String, _ bytes: [UInt8], immutable: Bool) throws {
        let target = full(path)
        let dir = URL(fileURLWithPath: target).deletingLastPathComponent().path
        if !directories.contains(dir) {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw PublishError("cannot create \(dir): \(error.localizedDescription)")
            }
            directories.insert(dir)
        }
        counter += 1
        let temporary = dir + "/.\(URL(fileURLWithPath: target).lastPathComponent).\(getpid()).\(counter).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw PublishError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        staged.append((temporary, target, immutable))
        do {
            defer { close(fd) }
            try DurableFile.writeAll(fd, bytes, name: temporary)
        } catch {
            throw PublishError("\(error)")
        }
    }

    /// Flushes every staged file, moves each into place, and flushes the directories.
    func commit() throws {
        guard !staged.isEmpty else { return }
        try syncFileSystem()
        for s in staged {
            if s.immutable {
                if link(s.temporary, s.path) != 0 {
                    let e = errno
                    guard e == EEXIST, let existing = FileManager.default.contents(atPath: s.path),
                          let mine = FileManager.default.contents(atPath: s.temporary), existing == mine else {
                        throw PublishError(e == EEXIST ? "\(s.path) appeared with other bytes while publishing (another publish into the same directory?)"
                                           : "cannot write \(s.path): \(String(cString: strerror(e)))", verificationFailure: e == EEXIST)
                    }
                    unchanged += 1
                } else {
                    written += 1
                }
                unlink(s.temporary)
            } else {
                guard rename(s.temporary, s.path) == 0 else { throw PublishError("cannot write \(s.path): \(String(cString: strerror(errno)))") }
                written += 1
            }
        }
        staged.removeAll()
        try syncFileSystem()
    }

    /// Writes `path` atomically and durably (temporary file, fsync, rename, directory fsync).
    func writeDurably(_ path: String, _ bytes: [UInt8]) throws {
        do { try DurableFile.write(bytes, to: full(path)) } catch { throw PublishError("\(error)") }
    }

    /// Wraps `sync(2)` (which on Linux returns once everything is on disk), then fsyncs the root directory so that
    /// an I/O error there is reported: one flush for all the staged files, instead of one `fsync` per tile.
    private func syncFileSystem() throws {
        sync()
        do { try DurableFile.syncDirectory(of: root.appendingPathComponent(Publisher.checkpointFile).path) } catch {
            throw PublishError("cannot flush \(root.path) to disk: \(error)")
        }
    }
}
