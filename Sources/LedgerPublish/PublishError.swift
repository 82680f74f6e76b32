/// An error from publishing, monitoring or witnessing a log: one line a user can act on.
///
/// `isVerificationFailure` marks the errors that mean "the log or a signature does not verify"
/// (exit 2), as opposed to I/O or usage problems (exit 1).
public struct PublishError: Error, CustomStringConvertible, Sendable {
    /// The one-line message shown to the user.
    public let message: String
    /// True when the error is evidence against the log (a bad signature, an inconsistent tree).
    public let isVerificationFailure: Bool

    /// An error with its message; `verificationFailure` says whether it is evidence against the log.
    public init(_ message: String, verificationFailure: Bool = false) {
        self.message = message
        self.isVerificationFailure = verificationFailure
    }

    public var description: String { message }
}
