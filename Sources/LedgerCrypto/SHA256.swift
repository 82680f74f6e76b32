internal import CLedgerOpenSSL

/// FIPS 180-4 SHA-256 through OpenSSL's EVP interface.
///
/// `SHA256.hash(_:)` is the one-shot form; a `SHA256` value hashes data fed in pieces
/// (for example the RFC 6962 domain-separation byte followed by the entry bytes).
public struct SHA256: ~Copyable {
    private let context: OpaquePointer

    /// Starts a new hash. Wraps `EVP_MD_CTX_new` and `EVP_DigestInit_ex`.
    public init() {
        guard let ctx = EVP_MD_CTX_new(), EVP_DigestInit_ex(ctx, SHA256.algorithm, nil) == 1 else {
            fatalError("OpenSSL could not start a SHA-256 context (out of memory?)")
        }
        context = ctx
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds bytes. Wraps `EVP_DigestUpdate`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        let ok = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
        precondition(ok == 1, "EVP_DigestUpdate failed")
    }

    /// Feeds the bytes of any contiguous collection.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// Finishes and returns the digest. Wraps `EVP_DigestFinal_ex`.
    public consuming func finalize() -> Digest {
        var out = [UInt8](repeating: 0, count: Digest.byteCount)
        var length: UInt32 = 0
        let ok = EVP_DigestFinal_ex(context, &out, &length)
        precondition(ok == 1 && length == 32, "EVP_DigestFinal_ex failed")
        return Digest(bytes: out)!
    }

    /// SHA-256 of the given bytes. Wraps `EVP_Digest`.
    public static func hash<C: Collection>(_ bytes: C) -> Digest where C.Element == UInt8 {
        if let d = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) { return d }
        return Array(bytes).withUnsafeBytes { hash($0) }
    }

    /// SHA-256 of raw memory. Wraps `EVP_Digest`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> Digest {
        var out = [UInt8](repeating: 0, count: Digest.byteCount)
        var length: UInt32 = 0
        var empty: UInt8 = 0
        let ok = withUnsafeMutablePointer(to: &empty) { fallback in
            EVP_Digest(bytes.baseAddress ?? UnsafeRawPointer(fallback), bytes.count, &out, &length, algorithm, nil)
        }
        precondition(ok == 1 && length == 32, "EVP_Digest failed")
        return Digest(bytes: out)!
    }

    /// The SHA-256 implementation, fetched once (implicit fetches on every call are slow in OpenSSL 3).
    private static var algorithm: OpaquePointer { FetchedDigest.sha256.pointer }
}

/// Owns the `EVP_MD` fetched once for the process; immutable after creation, so shared freely.
private final class FetchedDigest: @unchecked Sendable {
    let pointer: OpaquePointer
    static let sha256 = FetchedDigest()

    private init() {
        guard let md = EVP_MD_fetch(nil, "SHA256", nil) else { fatalError("OpenSSL has no SHA256 digest") }
        pointer = md
    }
}
