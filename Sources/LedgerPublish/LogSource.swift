import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where a monitor reads a published log from: a directory, a `file://` URL or an `http(s)://` prefix. It only
/// fetches files by their tlog-tiles path (`checkpoint`, `tile/…`, `source/<sha256>`, `vkey`); nothing else of
/// the log's operator (no database, no API) is in the read path.
public protocol LogSource: Sendable {
    /// What to call the log in messages (the directory or URL as given).
    var location: String { get }
    /// The bytes of the file at `path` under the log's prefix; nil when it does not exist (HTTP 404). Throws a
    /// one-line `PublishError` when it cannot be read or is larger than `limit` bytes.
    func fetch(_ path: String, limit: Int) async throws -> [UInt8]?
}

extension LogSource {
    /// The file at `path`, which the log must serve: a missing file is an error naming it.
    public func require(_ path: String, limit: Int) async throws -> [UInt8] {
        guard let bytes = try await fetch(path, limit: limit) else {
            throw PublishError("\(location): \(path) is missing, though the checkpoint needs it")
        }
        return bytes
    }
}

/// The log source for a location given on the command line: `http://` and `https://` URLs are fetched over HTTP,
/// `file://` URLs and plain paths are read from disk.
public func logSource(for location: String) throws -> any LogSource {
    if location.hasPrefix("http://") || location.hasPrefix("https://") {
        guard let url = URL(string: location), url.host != nil else { throw PublishError("\(location) is not a valid URL") }
        return HTTPLogSource(base: url, location: location)
    }
    if location.hasPrefix("file://") {
        guard let url = URL(string: location), url.isFileURL else { throw PublishError("\(location) is not a valid file:// URL") }
        return DirectoryLogSource(directory: url.path, location: location)
    }
    if location.contains("://") { throw PublishError("\(location): only directories, file:// and http(s):// URLs can be monitored") }
    return DirectoryLogSource(directory: location, location: location)
}

/// A published log in a local directory.
public struct DirectoryLogSource: LogSource {
    public let directory: String
    public let location: String

    public init(directory: String, location: String? = nil) {
        self.directory = directory
        self.location = location ?? directory
    }

    public func fetch(_ path: String, limit: Int) async throws -> [UInt8]? {
        let full = URL(fileURLWithPath: directory).appendingPathComponent(path).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { throw PublishError("\(location): no such directory") }
            guard isDirectory.boolValue else { throw PublishError("\(location) is a file, not a directory that `claimledger publish` wrote") }
            return nil
        }
        guard !isDirectory.boolValue else { throw PublishError("\(location): \(path) is a directory, not a file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: full))?[.size] as? Int, size > limit {
            throw PublishError("\(location): \(path) is \(size) bytes, more than the \(limit) such a file can hold", verificationFailure: true)
        }
        guard let data = FileManager.default.contents(atPath: full) else { throw PublishError("\(location): cannot read \(path)") }
        guard data.count <= limit else {
            throw PublishError("\(location): \(path) is more than the \(limit) bytes such a file can hold", verificationFailure: true)
        }
        return Array(data)
    }
}

/// A published log behind any static HTTP server or CDN. Each fetch is a GET with a timeout; only 200 (the file)
/// and 404 (no such file) are accepted, and a body is read only up to its limit, so a hostile server can neither
/// hang the monitor nor fill its memory.
public struct HTTPLogSource: LogSource {
    public let base: URL
    public let location: String
    /// Seconds a request may take in all.
    public var timeout: TimeInterval = 60

    public init(base: URL, location: String? = nil) {
        self.base = base
        self.location = location ?? base.absoluteString
    }

    public func fetch(_ path: String, limit: Int) async throws -> [UInt8]? {
        let prefix = base.absoluteString.hasSuffix("/") ? base.absoluteString : base.absoluteString + "/"
        guard let url = URL(string: prefix + path) else { throw PublishError("\(location): cannot make a URL for \(path)") }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("gzip, identity", forHTTPHeaderField: "Accept-Encoding")
        let result = await BoundedDownload.run(request, limit: limit, timeout: timeout)
        switch result {
        case .failure(let why):
            throw PublishError("\(location): cannot fetch \(path): \(why)", verificationFailure: why.isOverLimit)
        case .success(let answer):
            let (status, bytes) = (answer.status, answer.body)
            if status == 404 || status == 410 { return nil }
            guard status == 200 else { throw PublishError("\(location): fetching \(path) gave HTTP status \(status), not 200") }
            return bytes
        }
    }
}

/// Messages from outside (a server's error text) reduced to one short line.
enum TerminalSafe {
    static func line(_ s: String) -> String {
        String(s.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(200))
    }
}
