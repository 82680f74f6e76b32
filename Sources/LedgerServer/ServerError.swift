import Hummingbird

/// A request the server refuses, with its HTTP status and a one-line message: sent as `{"error": "…"}` to the
/// API and as an escaped error page to a browser. Thrown also by `UserStore` for the `user` commands.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
