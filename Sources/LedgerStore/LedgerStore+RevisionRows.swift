import LedgerCore

extension LedgerStore {
    /// Visits every `claim.retraction` and `claim.correction` row, oldest first, read from the table itself
    /// (`NOT INDEXED`, so an index rebuilt without a row cannot hide it): its seq, its stored `key` lookup column
    /// (nil when NULL) and its exact bytes, which alone say what it revises.
    public func forEachRevisionRow(_ body: (_ seq: Int64, _ key: String?, _ bytes: [UInt8]) throws -> Void) throws {
        let s = try db.prepare("SELECT seq, key, bytes FROM entries NOT INDEXED WHERE kind IN (?, ?) ORDER BY seq")
        try s.bind(1, EntryKind.claimRetraction.rawValue)
        try s.bind(2, EntryKind.claimCorrection.rawValue)
        while try s.step() { try body(s.int64(0), s.isNull(1) ? nil : s.text(1), s.blob(2)) }
    }
}
