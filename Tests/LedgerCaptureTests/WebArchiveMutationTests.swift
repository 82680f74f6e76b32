import Foundation
import LedgerCapture
import Testing

/// Damaged archives, made by flipping, deleting and truncating bytes of the warcio fixtures at seeded positions:
/// reading each one either finds a record that parses or throws one line, and never traps or hangs.
@Suite struct WebArchiveMutationTests {
    /// A small deterministic generator (SplitMix64), so every run damages the same bytes.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [("story.warc", WebArchiveTests.story), ("story.warc.gz", WebArchiveTests.story), ("capture.wacz", WebArchiveTests.story),
                      ("deflated.wacz", WebArchiveTests.story), ("encoded.warc.gz", "https://news.example/fr")])
    func everyDamagedCopyIsARecordOrOneLine(file: String, url: String) throws {
        let original = try WebArchiveTests.bytes(file)
        var random = SplitMix(state: UInt64(file.utf8.count) &* 7919)
        var refused = 0, read = 0
        for i in 0..<150 {
            var bytes = original
            switch i % 3 {
            case 0: for _ in 0..<(1 + i % 4) { bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random) }
            case 1: bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &random)...)
            default:
                let at = Int.random(in: 0..<bytes.count, using: &random)
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            }
            let path = try WebArchiveTests.temporary(bytes, file)
            do {
                let record = try WebArchive.response(inFileAt: path, url: url)
                _ = record.payloadDigestCheck()
                _ = try? WARCTextExtractor.extract(record)
                read += 1
            } catch {
                #expect(!error.description.contains("\n") && !error.description.isEmpty)
                refused += 1
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        #expect(refused + read == 150 && refused > 0, "\(read) read, \(refused) refused")
    }
}
