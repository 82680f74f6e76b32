/// SHA-1 (FIPS 180-4 §6.1), only to check the `sha1:` payload digests web archives carry (WARC 1.1 §5.9); never
/// used to identify anything in the ledger, which uses SHA-256.
struct SHA1 {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    mutating func update(_ bytes: some Collection<UInt8>) {
        length += UInt64(bytes.count)
        pending.append(contentsOf: bytes)
        var start = 0
        while pending.count - start >= 64 {
            compress(pending[start..<start + 64])
            start += 64
        }
        pending.removeFirst(start)
    }

    consuming func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        let total = length
        update(tail)
        length = total
        var out: [UInt8] = []
        for word in [h.0, h.1, h.2, h.3, h.4] { for i in (0..<4).reversed() { out.append(UInt8(truncatingIfNeeded: word >> (UInt32(i) * 8))) } }
        return out
    }

    static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var s = SHA1()
        s.update(bytes)
        return s.finalize()
    }

    private mutating func compress(_ block: ArraySlice<UInt8>) {
        var w = [UInt32](repeating: 0, count: 80)
        let b = block.startIndex
        for t in 0..<16 {
            w[t] = UInt32(block[b + 4 * t]) << 24 | UInt32(block[b + 4 * t + 1]) << 16 | UInt32(block[b + 4 * t + 2]) << 8 | UInt32(block[b + 4 * t + 3])
        }
        for t in 16..<80 { w[t] = (w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]).rotl(1) }
        var (a, bb, c, d, e) = h
        for t in 0..<80 {
            let f: UInt32, k: UInt32
            switch t {
            case 0..<20: f = (bb & c) | (~bb & d); k = 0x5A827999
            case 20..<40: f = bb ^ c ^ d; k = 0x6ED9EBA1
            case 40..<60: f = (bb & c) | (bb & d) | (c & d); k = 0x8F1BBCDC
            default: f = bb ^ c ^ d; k = 0xCA62C1D6
            }
            let temp = a.rotl(5) &+ f &+ e &+ k &+ w[t]
            e = d; d = c; c = bb.rotl(30); bb = a; a = temp
        }
        h = (h.0 &+ a, h.1 &+ bb, h.2 &+ c, h.3 &+ d, h.4 &+ e)
    }
}

extension UInt32 {
    fileprivate func rotl(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 - n)) }
}
