import Hummingbird
import LedgerPublish
import NIOCore

/// The HTTP face of a `Witness` (c2sp.org/tlog-witness), served with Hummingbird 2: `POST /add-checkpoint`,
/// with the request body bounded to `AddCheckpointRequest.maxBytes` (413 beyond it). Listens on loopback unless
/// told otherwise.
public struct WitnessServer: Sendable {
    public let witness: Witness
    public let host: String
    public let port: Int

    public init(witness: Witness, host: String = "127.0.0.1", port: Int) {
        self.witness = witness
        self.host = host
        self.port = port
    }

    /// Runs until the process is stopped (SIGINT/SIGTERM shut it down gracefully); `onListening` receives the
    /// bound address ("HOST:PORT"), useful with port 0.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        let witness = self.witness
        router.post("add-checkpoint") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: AddCheckpointRequest.maxBytes)
            let reply = witness.addCheckpoint(Array(buffer: buffer))
            return Response(status: HTTPResponse.Status(code: reply.status), headers: [.contentType: reply.contentType],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
        }
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "claimledger-witness"),
            onServerRunning: { channel in
                let address = channel.localAddress
                onListening("\(address?.ipAddress ?? "?"):\(address?.port ?? 0)")
            })
        try await app.runService()
    }
}
