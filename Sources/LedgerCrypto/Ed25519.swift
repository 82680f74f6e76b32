internal import CLedgerOpenSSL

/// Ed25519 (RFC 8032, pure) signing and verification through OpenSSL's EVP_PKEY interface.
///
/// Keys are raw 32-byte values, as RFC 8032 and C2SP signed notes use them; no ASN.1 wrapping.
public enum Ed25519 {
    /// The size of a signature in bytes.
    public static let signatureByteCount = 64

    /// A private signing key, held as its 32-byte RFC 8032 seed.
    public struct PrivateKey: Sendable {
        /// The 32-byte seed. Treat as secret: never log or print it.
        public let seed: [UInt8]
        /// The public key derived from the seed.
        public let publicKey: PublicKey

        /// A fresh key from OpenSSL's CSPRNG (`RAND_bytes`).
        public init() throws {
            var seed = [UInt8](repeating: 0, count: 32)
            guard RAND_bytes(&seed, 32) == 1 else { throw CryptoError.openSSL("RAND_bytes") }
            try self.init(seed: seed)
        }

        /// The key with this 32-byte seed.
        public init(seed: [UInt8]) throws {
            guard seed.count == 32 else { throw CryptoError("an Ed25519 private key is 32 bytes, got \(seed.count)") }
            let key = try PKey(privateSeed: seed)
            self.seed = seed
            self.publicKey = PublicKey(unchecked: try key.rawPublicKey())
        }

        /// Signs `message`. Wraps `EVP_DigestSignInit` and `EVP_DigestSign`.
        public func signature<C: Collection>(for message: C) throws -> [UInt8] where C.Element == UInt8 {
            let key = try PKey(privateSeed: seed)
            return try key.sign(Array(message))
        }
    }

    /// A public verification key: 32 bytes.
    public struct PublicKey: Hashable, Sendable {
        /// The 32 raw bytes.
        public let bytes: [UInt8]

        /// Wraps 32 raw bytes; any other length is an error.
        public init(bytes: [UInt8]) throws {
            guard bytes.count == 32 else { throw CryptoError("an Ed25519 public key is 32 bytes, got \(bytes.count)") }
            _ = try PKey(publicBytes: bytes)
            self.bytes = bytes
        }

        fileprivate init(unchecked bytes: [UInt8]) { self.bytes = bytes }

        /// True when `signature` is a valid signature of `message` by this key.
        /// Wraps `EVP_DigestVerifyInit` and `EVP_DigestVerify`.
        public func isValidSignature<S: Collection, M: Collection>(_ signature: S, for message: M) -> Bool
        where S.Element == UInt8, M.Element == UInt8 {
            guard signature.count == Ed25519.signatureByteCount, let key = try? PKey(publicBytes: bytes) else {
                return false
            }
            return key.verify(Array(signature), Array(message))
        }
    }
}

/// Owns one `EVP_PKEY` handle and frees it.
private final class PKey {
    let handle: OpaquePointer

    init(privateSeed: [UInt8]) throws {
        guard let h = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, privateSeed, privateSeed.count) else {
            throw CryptoError.openSSL("EVP_PKEY_new_raw_private_key")
        }
        handle = h
    }

    init(publicBytes: [UInt8]) throws {
        guard let h = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicBytes, publicBytes.count) else {
            throw CryptoError("not a valid Ed25519 public key")
        }
        handle = h
    }

    deinit { EVP_PKEY_free(handle) }

    func rawPublicKey() throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_public_key(handle, &out, &length) == 1, length == 32 else {
            throw CryptoError.openSSL("EVP_PKEY_get_raw_public_key")
        }
        return out
    }

    func sign(_ message: [UInt8]) throws -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { throw CryptoError.openSSL("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestSignInit(ctx, nil, nil, nil, handle) == 1 else { throw CryptoError.openSSL("EVP_DigestSignInit") }
        var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
        var length = signature.count
        let ok = message.withUnsafeBufferPointer { m in
            EVP_DigestSign(ctx, &signature, &length, m.baseAddress, m.count)
        }
        guard ok == 1, length == Ed25519.signatureByteCount else { throw CryptoError.openSSL("EVP_DigestSign") }
        return signature
    }

    func verify(_ signature: [UInt8], _ message: [UInt8]) -> Bool {
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, handle) == 1 else { return false }
        let ok = message.withUnsafeBufferPointer { m in
            EVP_DigestVerify(ctx, signature, signature.count, m.baseAddress, m.count)
        }
        ERR_clear_error()
        return ok == 1
    }
}
