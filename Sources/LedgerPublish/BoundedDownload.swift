import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request whose answer is read with three bounds, since the server at the other end may be hostile: its
/// body is collected only up to `limit` bytes (then the request is cancelled), the whole exchange must end within
/// `timeout` seconds (a server trickling one byte at a time is cut off too, not just one that goes silent), and a
/// redirect to another scheme, host or port is refused rather than followed. Used by `HTTPLogSource` (GET) and
/// `WitnessClient` (POST).
final class BoundedDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// A complete answer: its status, its Content-Type, and its body (at most the limit).
    struct Answer: Sendable {
        let status: Int
        let contentType: String
        let body: [UInt8]
    }

    /// Why no complete answer came: one line.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// True when the server sent more than the limit.
        var isOverLimit = false
        /// True when the connection itself failed (refused, reset, no such host).
        var isTransport = false
    }

    private let limit: Int
    private let origin: URL?
    private let lock = NSLock()
    private var data: [UInt8] = []
    private var status = 0
    private var contentType = ""
    private var continuation: CheckedContinuation<Result<Answer, Failure>, Never>?
    private var finished = false

    private let readsErrorBodies: Bool

    private init(limit: Int, origin: URL?, readsErrorBodies: Bool) {
        self.limit = limit
        self.origin = origin
        self.readsErrorBodies = readsErrorBodies
    }

    /// Sends `request` and collects its answer within the bounds; the body of an answer other than 200 is read only
    /// with `readsErrorBodies` (a witness's refusal carries its reason there; a log's 404 carries nothing of use).
    static func run(_ request: URLRequest, limit: Int, timeout: TimeInterval, readsErrorBodies: Bool = false) async -> Result<Answer, Failure> {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let download = BoundedDownload(limit: limit, origin: request.url, readsErrorBodies: readsErrorBodies)
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        return await withCheckedContinuation { c in
            download.lock.lock()
            download.continuation = c
            download.lock.unlock()
            // The overall deadline: per-read timeouts alone let a server that sends a byte now and then hold on forever.
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak download, weak task] in
                download?.finish(.failure(Failure(description: "no complete answer within \(Int(timeout)) seconds")))
                task?.cancel()
            }
            task.resume()
        }
    }

    private func finish(_ result: Result<Answer, Failure>) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished, let c = continuation else { return }
        finished = true
        continuation = nil
        data = []
        c.resume(returning: result)
    }

    private var overLimit: Failure { Failure(description: "the server sent more than the \(limit) bytes such an answer can hold", isOverLimit: true) }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        let target = request.url
        func key(_ u: URL?) -> String { "\(u?.scheme?.lowercased() ?? "")://\(u?.host?.lowercased() ?? ""):\(u?.port ?? -1)" }
        guard key(target) == key(origin) else {
            let shown = TerminalSafe.line("\(target?.scheme ?? "")://\(target?.host ?? "")\(target?.port.map { ":\($0)" } ?? "")")
            finish(.failure(Failure(description: "the server redirects to another host (\(shown)); refusing to follow it: give that address instead")))
            completionHandler(nil)
            task.cancel()
            return
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        let code = http?.statusCode ?? 0
        lock.lock()
        status = code
        contentType = http?.value(forHTTPHeaderField: "Content-Type") ?? ""
        lock.unlock()
        if code != 200 && !readsErrorBodies {
            finish(.success(Answer(status: code, contentType: "", body: [])))
            completionHandler(.cancel)
            return
        }
        if response.expectedContentLength > Int64(limit) {
            finish(.failure(overLimit))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        lock.lock()
        let over = data.count + chunk.count > limit
        if !over { data.append(contentsOf: chunk) }
        lock.unlock()
        if over {
            finish(.failure(overLimit))
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            finish(.failure(Failure(description: TerminalSafe.line(error.localizedDescription), isTransport: true)))
        } else {
            lock.lock()
            let answer = Answer(status: status, contentType: contentType, body: data)
            lock.unlock()
            finish(.success(answer))
        }
    }
}
