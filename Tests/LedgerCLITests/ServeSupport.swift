import Foundation
import Testing

/// A `claimledger serve` process on 127.0.0.1 with a port the system picked, and a raw HTTP/1.1 client that
/// sends the request path byte for byte (no URL normalization, so `..` and encoded variants reach the server).
final class ServeProcess {
    let process = Process()
    let port: Int
    let log: String

    init(ledger: String, extra: [String] = []) throws {
        log = ledger + "/../serve-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--ledger", ledger, "--listen", "127.0.0.1:0"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        var found: Int?
        for _ in 0..<600 where found == nil && process.isRunning {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let r = text.range(of: #"listening on http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                found = Int(text[r].split(separator: ":").last!)
            } else { usleep(50_000) }
        }
        port = found ?? 1
        #expect(found != nil, "the server did not start: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// One HTTP answer.
    struct Reply {
        let status: Int
        let headers: [(String, String)]
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var cookies: [String] { headers.filter { $0.0.lowercased() == "set-cookie" }.map(\.1) }
    }

    /// Sends one request (Connection: close) and reads the whole answer.
    func request(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = []) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        let out = Array((head + "\r\n").utf8) + body
        var sent = 0
        while sent < out.count {
            let n = out[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }  // the server may answer (413) and close before reading everything
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        let split = received.firstRange(of: Array("\r\n\r\n".utf8))
        let headText = String(decoding: received[..<(split?.lowerBound ?? received.count)], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let status = Int(lines.removeFirst().split(separator: " ").dropFirst().first ?? "0") ?? 0
        let parsed = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var payload = Array(received[(split?.upperBound ?? received.count)...])
        if parsed.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.contains("chunked") }) { payload = Self.unchunk(payload) }
        return Reply(status: status, headers: parsed, body: payload)
    }

    static func unchunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], i = 0
        while let end = bytes[i...].firstRange(of: Array("\r\n".utf8)), let size = Int(String(decoding: bytes[i..<end.lowerBound], as: UTF8.self), radix: 16), size > 0 {
            out += bytes[end.upperBound..<min(bytes.count, end.upperBound + size)]
            i = end.upperBound + size + 2
            if i >= bytes.count { break }
        }
        return out
    }

    /// GET with a bearer token.
    func api(_ path: String, token: String?) throws -> Reply {
        try request("GET", path, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
    }

    /// POST a body with a bearer token.
    func post(_ path: String, token: String?, json: String) throws -> Reply {
        var headers = ["Content-Type": "application/json"]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return try request("POST", path, headers: headers, body: Array(json.utf8))
    }

    /// Logs in through the login form (fetching its CSRF cookie first); returns the session cookie.
    func login(_ user: String, _ password: String) throws -> (reply: Reply, session: String?) {
        let page = try request("GET", "/login")
        let loginCookie = Self.cookieValue(page.cookies, "claimledger_login") ?? ""
        let csrf = Self.field(page.text, "csrf") ?? ""
        let reply = try request("POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "claimledger_login=\(loginCookie)"],
                                body: Array("user=\(user)&password=\(password)&csrf=\(csrf)&next=/".utf8))
        return (reply, Self.cookieValue(reply.cookies, "claimledger_session"))
    }

    /// GET a page with a session cookie.
    func page(_ path: String, session: String?) throws -> Reply {
        try request("GET", path, headers: session.map { ["Cookie": "claimledger_session=\($0)"] } ?? [:])
    }

    static func cookieValue(_ cookies: [String], _ name: String) -> String? {
        cookies.compactMap { c -> String? in
            guard c.hasPrefix(name + "=") else { return nil }
            return String(c.dropFirst(name.count + 1).prefix { $0 != ";" })
        }.first
    }

    /// The value of the hidden input `name` in a page.
    static func field(_ html: String, _ name: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }
}

/// Runs `claimledger ARGS` with `input` on stdin (the `user add` password) and the test bcrypt cost.
func runWithInput(_ arguments: [String], input: String, cost: String? = "4") throws -> CLI.Result {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CLAIMLEDGER_DIR")
    if let cost { env["CLAIMLEDGER_TEST_BCRYPT_COST"] = cost } else { env.removeValue(forKey: "CLAIMLEDGER_TEST_BCRYPT_COST") }
    process.environment = env
    let stdin = Pipe(), out = Pipe(), err = Pipe()
    process.standardInput = stdin
    process.standardOutput = out
    process.standardError = err
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLI.Result(code: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}
