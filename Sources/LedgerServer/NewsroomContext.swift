import Hummingbird
import NIOCore

/// The request context of the newsroom server: Hummingbird's core storage plus the client's address (for the
/// per-address login limit) and the body-size limit.
struct NewsroomContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies above this are refused with 413 (an entry is at most 65,535 bytes; forms are small).
    static let bodyLimit = 256 * 1024
    var maxUploadSize: Int { Self.bodyLimit }

    var clientAddress: String { remoteAddress?.ipAddress ?? "?" }
}
