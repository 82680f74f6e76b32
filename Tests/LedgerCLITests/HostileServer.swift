import Foundation
import Testing

/// A hostile HTTP server on 127.0.0.1 (Python's http.server, a port the system picked), for what a witness or a
/// log's web server could do to a client: `huge` answers 200 with a 256 MiB body and no Content-Length; `trickle`
/// answers 200 and then sends one byte every half second for a minute; `redirect DIR` serves DIR when asked as
/// 127.0.0.1 and otherwise redirects every request there to the same path on `localhost` (another host).
final class HostileServer {
    let process = Process()
    private(set) var port = 0
    var url: String { "http://127.0.0.1:\(port)" }

    static let script = #"""
import http.server, signal, socketserver, sys, time, os
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # the test runner's threads block it, and children inherit that
mode = sys.argv[1]
class H(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def __init__(self, *a, **k):
        super().__init__(*a, directory=(sys.argv[2] if len(sys.argv) > 2 else "."), **k)
    def log_message(self, *a):
        pass
    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n: self.rfile.read(n)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        try:
            if mode == "huge":
                chunk = b"\xe2\x80\x94 w.example " + b"A" * 65000 + b"\n"
                for _ in range(4096): self.wfile.write(chunk)
            else:
                for _ in range(120):
                    self.wfile.write(b"A"); self.wfile.flush(); time.sleep(0.5)
        except (BrokenPipeError, ConnectionResetError):
            pass
    def do_POST(self):
        self.body()
    def do_GET(self):
        if mode != "redirect":
            return self.body()
        host = self.headers.get("Host", "")
        if host.startswith("127.0.0.1"):
            self.send_response(302)
            self.send_header("Location", "http://localhost:%d%s" % (self.server.server_address[1], self.path))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        return super().do_GET()
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
s = S(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
"""#

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line: [UInt8] = []
        while let byte = try out.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { line.append(byte) }
        port = Int(String(decoding: line, as: UTF8.self)) ?? 0
        #expect(port > 0, "the hostile server did not start")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// Runs the built binary under Python's resource module and returns its result and peak memory (max RSS, KiB).
enum PeakMemory {
    static func run(_ arguments: [String]) throws -> (result: CLI.Result, peakKiB: Int) {
        let dir = CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("out").path, err = dir.appendingPathComponent("err").path
        let script = """
        import resource, subprocess, sys
        with open(sys.argv[1], "wb") as o, open(sys.argv[2], "wb") as e:
            rc = subprocess.run(sys.argv[3:], stdout=o, stderr=e).returncode
        print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        """
        let r = try CLI.python(script, [out, err, CLI.binary.path] + arguments)
        let parts = r.stdout.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        #expect(parts.count == 2, "\(r.stdout) \(r.stderr)")
        let result = CLI.Result(code: Int32(parts.first ?? -1), stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                                stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        return (result, parts.count == 2 ? parts[1] : Int.max)
    }
}

extension CLI {
    /// Runs `python3 -c script arguments…` and captures what it prints.
    static func python(_ script: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
