import Testing
import LedgerCrypto

/// FIPS 180-2 Appendix B examples (the same values appear in FIPS 180-4's example documents).
@Suite struct SHA256Tests {
    @Test func fipsOneBlock() {
        #expect(SHA256.hash(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func fipsTwoBlocks() {
        let m = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hash(m).hex == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func fipsMillionA() {
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(chunk) }
        #expect(h.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func emptyInput() {
        #expect(SHA256.hash([UInt8]()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func incrementalEqualsOneShot() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var h = SHA256()
        h.update(data[..<7])
        h.update(data[7...])
        #expect(h.finalize() == SHA256.hash(data))
    }

    @Test func digestHexRoundTrip() {
        let d = SHA256.hash(Array("x".utf8))
        #expect(Digest(hex: d.hex) == d)
        #expect(Digest(hex: d.hex.uppercased()) == d)
        #expect(Digest(hex: "00") == nil)
        #expect(Digest(hex: String(repeating: "g", count: 64)) == nil)
    }
}
