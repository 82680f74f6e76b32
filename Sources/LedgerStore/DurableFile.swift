import Foundation

/// A file written under a temporary name beside its place, fsynced, then moved into place and its directory
/// fsynced: a reader sees the old file (or none) or the whole new one, never a part. Any I/O error (a full disk,
/// EIO) is one line naming the file, and the temporary file is removed, so a failed write leaves nothing behind.
public final class DurableFile {
    /// Where the file goes.
    public let path: String
    private var temporary: String
    private var fd: Int32

    /// Starts writing the file that will be `path`.
    public init(_ path: String) throws {
        self.path = path
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var template = Array((dir + "/.\(URL(fileURLWithPath: path).lastPathComponent).XXXXXX").utf8CString)
        fd = mkstemp(&template)
        guard fd >= 0 else { throw DurableFile.failure(path) }
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fchmod(fd, 0o644)
    }

    deinit { discard() }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        do { try DurableFile.writeAll(fd, bytes, name: path) } catch { discard(); throw error }
    }

    /// Writes all of `bytes` to the descriptor `fd`, or throws a one-line error naming `name`.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], name: String) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure(name) }
            done += n
        }
    }

    /// Flushes the file to disk and moves it to `path`. With `replace` false, an existing file at `path` is kept
    /// and false is returned (the new one is discarded); otherwise true.
    @discardableResult
    public func commit(replace: Bool = true) throws -> Bool {
        guard fsync(fd) == 0, close(fd) == 0 else { let e = DurableFile.failure(path); discard(); throw e }
        fd = -1
        if replace {
            guard rename(temporary, path) == 0 else { let e = DurableFile.failure(path); discard(); throw e }
            temporary = ""
        } else {
            let linked = link(temporary, path) == 0
            let exists = !linked && errno == EEXIST
            guard linked || exists else { let e = DurableFile.failure(path); discard(); throw e }
            unlink(temporary)
            temporary = ""
            if exists { return false }
        }
        try DurableFile.syncDirectory(of: path)
        return true
    }

    /// Drops the temporary file (nothing is left at `path` that was not there before).
    public func discard() {
        if fd >= 0 { close(fd); fd = -1 }
        if !temporary.isEmpty { unlink(temporary) }
    }

    /// Writes `bytes` as the whole file `path`, durably.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool = true) throws -> Bool {
        let file = try DurableFile(path)
        try file.write(bytes)
        return try file.commit(replace: replace)
    }

    /// fsyncs the directory holding `path`, so a rename or link into it survives a crash.
    public static func syncDirectory(of path: String) throws {
        let dir = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY)
        guard dir >= 0 else { throw failure(path) }
        defer { close(dir) }
        guard fsync(dir) == 0 else { throw failure(path) }
    }

    private static func failure(_ path: String) -> StoreError {
        StoreError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
}
