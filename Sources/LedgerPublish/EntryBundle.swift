/// The C2SP tlog-tiles entry bundle encoding: a sequence of entries, each prefixed by its length as a big-endian
/// uint16. The entries are the exact bytes hashed into the log's leaves (RFC 6962 leaf = SHA-256(0x00 ‖ entry)),
/// so an entry is at most 65,535 bytes.
public enum EntryBundle {
    /// The largest entry a bundle can hold.
    public static let maxEntryBytes = Int(UInt16.max)

    /// Appends `entry`, length-prefixed, to `bundle`.
    public static func append(_ entry: [UInt8], to bundle: inout [UInt8]) throws(PublishError) {
        guard entry.count <= maxEntryBytes else {
            throw PublishError("an entry of \(entry.count) bytes does not fit an entry bundle (at most \(maxEntryBytes))")
        }
        bundle.append(UInt8(entry.count >> 8))
        bundle.append(UInt8(entry.count & 0xFF))
        bundle.append(contentsOf: entry)
    }

    /// The bundle holding `entries`, in order.
    public static func encode(_ entries: [[UInt8]]) throws(PublishError) -> [UInt8] {
        var out: [UInt8] = []
        for e in entries { try append(e, to: &out) }
        return out
    }

    /// The entries of a bundle that must hold exactly `count` of them; a truncated bundle, or one with bytes left
    /// over, is evidence against the log (a verification failure naming `name`).
    public static func decode(_ bytes: [UInt8], count: Int, name: String) throws(PublishError) -> [[UInt8]] {
        var out: [[UInt8]] = []
        out.reserveCapacity(count)
        var i = 0
        while out.count < count {
            guard i + 2 <= bytes.count else {
                throw PublishError("\(name) is truncated: it holds \(out.count) entries, the checkpoint needs \(count)", verificationFailure: true)
            }
            let n = Int(bytes[i]) << 8 | Int(bytes[i + 1])
            guard i + 2 + n <= bytes.count else {
                throw PublishError("\(name) is truncated inside entry \(out.count) (\(n) bytes announced, \(bytes.count - i - 2) present)", verificationFailure: true)
            }
            out.append(Array(bytes[(i + 2)..<(i + 2 + n)]))
            i += 2 + n
        }
        guard i == bytes.count else {
            throw PublishError("\(name) has \(bytes.count - i) bytes after its \(count) entries", verificationFailure: true)
        }
        return out
    }
}
