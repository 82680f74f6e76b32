/// Why a capture (an HTML page) could not be read. Its description is one line saying what to do next; the
/// capture's bytes are never stored when one is thrown.
public struct CaptureError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
