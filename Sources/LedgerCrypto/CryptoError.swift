/// A failure inside the cryptographic layer, with a message that says what failed.
///
/// Messages never include key material.
public struct CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed, in one line.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    static func openSSL(_ what: String) -> CryptoError {
        CryptoError("\(what) failed in OpenSSL libcrypto")
    }
}
