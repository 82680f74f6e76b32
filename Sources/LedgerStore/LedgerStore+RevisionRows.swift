import LedgerCore

extension LedgerStore {
    /// Visits every `claim.retraction` and `claim.correction` row, oldest first, read from the table itself
    /// (`NOT INDEXED`, so an index rebuilt without a row cannot hide it): its seq, its stored `key` lookup column
    /// (nil when NULL) and its exact bytes, which alone say what it revises. A row is visited when its bytes name
    /// such a kind (`"kind":"claim.retraction"` occurs in a canonical envelope only as its kind: a quote inside a
    /// string would be escaped) or its `kind` column does, so an edited column hides nothing.
    public func forEachRevisionRow(_ body: (_ seq: Int64, _ key: String?, _ bytes: [UInt8]) throws -> Void) throws {
        let s = try db.prepare("SELECT seq, key, bytes FROM entries NOT INDEXED WHERE kind IN (?, ?) OR instr(bytes, ?) > 0 OR instr(bytes, ?) > 0 ORDER BY seq")
        try s.bind(1, EntryKind.claimRetraction.rawValue)
        try s.bind(2, EntryKind.claimCorrection.rawValue)
        try s.bind(3, Array("\"kind\":\"\(EntryKind.claimRetraction.rawValue)\"".utf8))
        try s.bind(4, Array("\"kind\":\"\(EntryKind.claimCorrection.rawValue)\"".utf8))
        while try s.step() { try body(s.int64(0), s.isNull(1) ? nil : s.text(1), s.blob(2)) }
    }
}
