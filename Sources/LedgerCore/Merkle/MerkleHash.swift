import LedgerCrypto

/// The hash functions of an RFC 6962 / RFC 9162 §2.1 Merkle tree over SHA-256.
///
/// Leaves and interior nodes are domain-separated by a one-byte prefix so that a leaf can never be
/// passed off as a node: leaf = SHA-256(0x00 ‖ entry bytes), node = SHA-256(0x01 ‖ left ‖ right).
public enum MerkleHash {
    /// RFC 6962 MTH({}) — the root of the empty tree: SHA-256 of no bytes.
    public static let emptyRoot: Digest = SHA256.hash([UInt8]())

    /// RFC 6962 leaf hash: SHA-256(0x00 ‖ bytes).
    public static func leaf<C: Collection>(_ bytes: C) -> Digest where C.Element == UInt8 {
        var h = SHA256()
        h.update([0x00])
        h.update(bytes)
        return h.finalize()
    }

    /// RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: Digest, _ right: Digest) -> Digest {
        var h = SHA256()
        h.update([0x01])
        h.update(left.bytes)
        h.update(right.bytes)
        return h.finalize()
    }
}
