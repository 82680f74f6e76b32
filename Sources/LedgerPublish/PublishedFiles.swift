import Foundation
import LedgerStore

/// The files of a published log being written: each new file goes to a temporary name beside its place, all are
/// flushed to disk at once (`sync`), then moved into place (`link` for immutable files, never over an existing
/// one; `rename` for partial tiles) and the directories flushed again. Until `commit`, readers see none of them.
///
/// Everything under the root is someone else's to tamper with, so nothing there is trusted: a symbolic link at any
/// path publish reads or writes (a file, or a directory on the way to it, such as `tile` or `source`) is refused
/// rather than followed (the root itself may be a link: that is the user's choice), files are opened with
/// `O_NOFOLLOW`, an existing file is compared by size first and then streamed in blocks (never read whole), and a
/// file publish did not write is never quoted in a message. Temporary names are `.NAME.PID.N.tmp`; `removeStale`
/// deletes those a killed publish left behind (their process is gone), and nothing else.
final class PublishedFiles {
    let root: URL
    private(set) var written = 0
    private(set) var unchanged = 0
    private var staged: [(temporary: String, path: String, immutable: Bool)] = []
    /// Directories (relative to the root) checked to be real directories, not links.
    private var checkedDirectories: Set<String> = [""]
    private var counter = 0

    /// The block size for comparing an existing file with new bytes.
    static let blockSize = 1 << 16

    init(root: URL) throws {
        self.root = root
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            throw PublishError("cannot create \(root.path): \(error.localizedDescription)")
        }
    }

    deinit { for s in staged { unlink(s.temporary) } }

    private func full(_ path: String) -> String { root.appendingPathComponent(path).path }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    /// Checks (creating them when `create`) that the directories on the way to `path` are real directories.
    private func checkDirectories(of path: String, create: Bool) throws {
        var parts = path.split(separator: "/").map(String.init)
        parts.removeLast()
        var relative = ""
        for part in parts {
            relative += (relative.isEmpty ? "" : "/") + part
            if checkedDirectories.contains(relative) { continue }
            let p = full(relative)
            if create, mkdir(p, 0o755) != 0, errno != EEXIST { throw PublishError("cannot create \(p): \(Self.errorText())") }
            var st = stat()
            guard lstat(p, &st) == 0 else {
                if errno == ENOENT && !create { return }
                throw PublishError("cannot read \(p): \(Self.errorText())")
            }
            guard st.st_mode & S_IFMT != S_IFLNK else {
                throw PublishError("\(p) is a symbolic link: publish writes only real directories under \(root.path); remove the link")
            }
            guard st.st_mode & S_IFMT == S_IFDIR else { throw PublishError("\(p) is not a directory: remove it, or publish into another directory") }
            checkedDirectories.insert(relative)
        }
    }

    /// Opens an existing file under the root for reading, refusing a link or anything but a regular file; nil when
    /// there is none. Returns the descriptor and the file's size.
    private func openExisting(_ path: String) throws -> (fd: Int32, size: Int)? {
        try checkDirectories(of: path, create: false)
        let p = full(path)
        let fd = open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw PublishError("\(p) is a symbolic link: publish reads and writes only real files under \(root.path); remove the link") }
            throw PublishError("cannot read \(p): \(Self.errorText())")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw PublishError("\(p) is not a regular file: remove it, or publish into another directory")
        }
        return (fd, Int(st.st_size))
    }

    /// Reads up to `count` bytes into `buffer`, retrying short reads; the number read (fewer only at the end).
    private static func readFully(_ fd: Int32, _ buffer: inout [UInt8], count: Int, name: String) throws -> Int {
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw PublishError("cannot read \(name): \(errorText())") }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// The file at `path` under the root, or nil when there is none; a file over `limit` bytes is refused unread.
    func read(_ path: String, limit: Int) throws -> [UInt8]? {
        guard let (fd, size) = try openExisting(path) else { return nil }
        defer { close(fd) }
        guard size <= limit else {
            throw PublishError("\(full(path)) is \(size) bytes, more than the \(limit) it can be: it is not one publish wrote; remove it, or publish into another directory")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        let n = try Self.readFully(fd, &bytes, count: size, name: full(path))
        return Array(bytes.prefix(n))
    }

    /// What is at `path` compared with `bytes`.
    enum Existing { case absent, same, different }

    /// Compares the file at `path` with `bytes`: by size, then block by block.
    func compare(_ path: String, _ bytes: [UInt8]) throws -> Existing {
        guard let (fd, size) = try openExisting(path) else { return .absent }
        defer { close(fd) }
        guard size == bytes.count else { return .different }
        var buffer = [UInt8](repeating: 0, count: Self.blockSize)
        var offset = 0
        while true {
            let n = try Self.readFully(fd, &buffer, count: Self.blockSize, name: full(path))
            if n == 0 { return offset == bytes.count ? .same : .different }
            guard offset + n <= bytes.count, buffer[0..<n].elementsEqual(bytes[offset..<(offset + n)]) else { return .different }
            offset += n
        }
    }

    /// Whether the two files (a staged temporary and the file at its place) hold the same bytes, streamed.
    private static func sameContents(_ a: String, _ b: String) -> Bool {
        let fa = open(a, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), fb = open(b, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        defer { if fa >= 0 { close(fa) }; if fb >= 0 { close(fb) } }
        var sa = stat(), sb = stat()
        guard fa >= 0, fb >= 0, fstat(fa, &sa) == 0, fstat(fb, &sb) == 0, sa.st_mode & S_IFMT == S_IFREG, sb.st_mode & S_IFMT == S_IFREG,
              sa.st_size == sb.st_size else { return false }
        var ba = [UInt8](repeating: 0, count: blockSize), bb = [UInt8](repeating: 0, count: blockSize)
        while true {
            guard let na = try? readFully(fa, &ba, count: blockSize, name: a), let nb = try? readFully(fb, &bb, count: blockSize, name: b),
                  na == nb else { return false }
            if na == 0 { return true }
            guard ba[0..<na] == bb[0..<nb] else { return false }
        }
    }

    /// Stages an immutable file: when one is already there it must hold exactly `bytes`.
    func putImmutable(_ path: String, _ bytes: [UInt8]) throws {
        switch try compare(path, bytes) {
        case .same: unchanged += 1
        case .absent: try stage(path, bytes, immutable: true)
        case .different:
            throw PublishError("\(full(path)) is already published with other bytes: the directory holds another history of this log (a fork); refusing to publish over it", verificationFailure: true)
        }
    }

    /// Stages a file that replaces any file at `path` (a partial tile).
    func putReplacing(_ path: String, _ bytes: [UInt8]) throws {
        if try compare(path, bytes) == .same { unchanged += 1; return }
        try stage(path, bytes, immutable: false)
    }

    /// Writes `bytes` to a new temporary file beside `path`; returns its name (it is removed if this fails).
    private func writeTemporary(_ path: String, _ bytes: [UInt8], sync: Bool) throws -> String {
        try checkDirectories(of: path, create: true)
        let target = full(path)
        let dir = URL(fileURLWithPath: target).deletingLastPathComponent().path
        counter += 1
        let temporary = dir + "/.\(URL(fileURLWithPath: target).lastPathComponent).\(getpid()).\(counter).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError("cannot write \(temporary): \(Self.errorText())") }
        do {
            defer { close(fd) }
            try DurableFile.writeAll(fd, bytes, name: temporary)
            if sync, fsync(fd) != 0 { throw PublishError("cannot write \(temporary): \(Self.errorText())") }
        } catch {
            unlink(temporary)
            throw PublishError("\(error)")
        }
        return temporary
    }

    private func stage(_ path: String, _ bytes: [UInt8], immutable: Bool) throws {
        staged.append((try writeTemporary(path, bytes, sync: false), full(path), immutable))
    }

    /// Flushes every staged file, moves each into place, and flushes the directories.
    func commit() throws {
        guard !staged.isEmpty else { return }
        try syncFileSystem()
        for s in staged {
            if s.immutable {
                if link(s.temporary, s.path) != 0 {
                    let e = errno
                    guard e == EEXIST, Self.sameContents(s.temporary, s.path) else {
                        throw PublishError(e == EEXIST ? "\(s.path) appeared with other bytes while publishing (another publish into the same directory?)"
                                           : "cannot write \(s.path): \(String(cString: strerror(e)))", verificationFailure: e == EEXIST)
                    }
                    unchanged += 1
                } else {
                    written += 1
                }
                unlink(s.temporary)
            } else {
                guard rename(s.temporary, s.path) == 0 else { throw PublishError("cannot write \(s.path): \(Self.errorText())") }
                written += 1
            }
        }
        staged.removeAll()
        try syncFileSystem()
    }

    /// Writes `path` atomically and durably (temporary file, fsync, rename over whatever is there — a link is
    /// replaced, never followed — then the directory fsynced).
    func writeDurably(_ path: String, _ bytes: [UInt8]) throws {
        let temporary = try writeTemporary(path, bytes, sync: true)
        guard rename(temporary, full(path)) == 0 else {
            let why = Self.errorText()
            unlink(temporary)
            throw PublishError("cannot write \(full(path)): \(why)")
        }
        do { try DurableFile.syncDirectory(of: full(path)) } catch { throw PublishError("\(error)") }
    }

    /// Removes the temporary files (`.NAME.PID.N.tmp`) that a publish killed before it finished left under the root,
    /// in the root, `tile/…` and `source/`: those whose process no longer runs. Other files are never touched, and
    /// links are not followed. Returns how many were removed.
    @discardableResult
    func removeStale() -> Int {
        var removed = 0
        var pending = [""]
        while let relative = pending.popLast() {
            let dir = relative.isEmpty ? root.path : full(relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names {
                let p = dir + "/" + name
                var st = stat()
                guard lstat(p, &st) == 0 else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                if st.st_mode & S_IFMT == S_IFDIR {
                    if !relative.isEmpty || name == "tile" || name == "source" { pending.append(child) }
                } else if st.st_mode & S_IFMT == S_IFREG, let pid = Self.stalePID(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                    if unlink(p) == 0 { removed += 1 }
                }
            }
        }
        return removed
    }

    /// The process id in a temporary name `.NAME.PID.N.tmp`, or nil when `name` is not one.
    static func stalePID(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0..<(parts.count - 2)].joined(separator: ".").isEmpty else { return nil }
        let pidText = parts[parts.count - 2], counterText = parts[parts.count - 1]
        guard !counterText.isEmpty, counterText.allSatisfy(\.isASCII), counterText.allSatisfy(\.isNumber),
              !pidText.isEmpty, pidText.count <= 10, pidText.allSatisfy(\.isASCII), pidText.allSatisfy(\.isNumber),
              let pid = pid_t(pidText), pid > 0 else { return nil }
        return pid
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
