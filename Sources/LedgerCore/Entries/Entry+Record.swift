import LedgerCrypto

extension Entry {
    /// The entry as every JSON output gives it — `log --json` lines, `show --json` (with its extra members beside
    /// these), the lines of `export` and the server's `/api/status` — in one shape (schemas/entry-record.schema.json):
    /// `{"entry":{the envelope},"leaf_hash":HEX,"seq":N[,"signature":HEX]}`. The RFC 8785 form of `entry` is exactly
    /// the stored bytes, so SHA-256(0x00 ‖ those bytes) is `leaf_hash`; `signature`, when the entry was signed, is the
    /// author's Ed25519 signature over them.
    public func record(signature: [UInt8]? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["seq": .int(Int(seq)), "leaf_hash": .string(leafHash.hex), "entry": envelope]
        if let signature { o["signature"] = .string(Hex.encode(signature)) }
        return .object(o)
    }
}
