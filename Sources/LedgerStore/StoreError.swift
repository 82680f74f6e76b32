/// A failure of the ledger store or of an operation on the ledger, with a one-line message saying what
/// failed and what to do. Messages never include a claim's text, a bound value or key material.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed, in one line.
    public let message: String
    /// When the error means the ledger does not verify (exit code 2 rather than 1).
    public let isIntegrityFailure: Bool

    public init(_ message: String, integrity: Bool = false) {
        self.message = message
        isIntegrityFailure = integrity
    }

    public var description: String { message }

    /// An SQLite result code turned into a message; "not a database" and corruption count as integrity failures.
    static func sqlite(code: Int32, message: String, during: String) -> StoreError {
        let primary = code & 0xFF
        switch primary {
        case 26:  // SQLITE_NOTADB
            return StoreError("the ledger database is not an SQLite file (it was modified outside claimledger); run `claimledger verify` on a good copy", integrity: true)
        case 11:  // SQLITE_CORRUPT
            return StoreError("the ledger database is corrupt (\(message)); it was modified outside claimledger", integrity: true)
        case 5, 6:  // SQLITE_BUSY, SQLITE_LOCKED
            return StoreError("the ledger is busy: another claimledger process held the write lock too long; try again")
        case 19:  // SQLITE_CONSTRAINT (our append-only triggers among them)
            return StoreError("the ledger refused a change: \(message)")
        default:
            return StoreError("SQLite error \(code) while \(during): \(message)")
        }
    }
}
