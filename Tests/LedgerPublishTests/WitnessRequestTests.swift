import Foundation
import LedgerCore
import LedgerCrypto
import Testing
@testable import LedgerPublish

/// add-checkpoint request and response bodies (c2sp.org/tlog-witness): the spec's example parses; every malformed,
/// oversized or hostile body is a 400, never a crash.
@Suite struct WitnessRequestTests {
    /// The example request body of c2sp.org/tlog-witness.
    static let specExample = """
    old 20852014
    PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
    jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
    5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
    /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

    example.com/behind-the-sofa
    20852163
    CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

    — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
    — example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=

    """

    @Test func specExampleParsesAndReencodes() throws {
        let body = Array(Self.specExample.utf8)
        let r = try AddCheckpointRequest(body: body)
        #expect(r.oldSize == 20852014)
        #expect(r.proof.count == 4)
        #expect(Data(r.proof[0].bytes).base64EncodedString() == "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=")
        #expect(String(decoding: r.note, as: UTF8.self).hasPrefix("example.com/behind-the-sofa\n20852163\n"))
        #expect(r.body == body)
    }

    static let note = "o\n1\n" + Data(MerkleHash.leaf([]).bytes).base64EncodedString() + "\n\n— o AAAAAAAA\n"
    static let hash = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw="

    /// Each body is malformed in one way, named by its mutation.
    static let malformed: [(String, [UInt8])] = [
        ("empty", []),
        ("no old line", Array("\n\(note)".utf8)),
        ("old without a space", Array("old5\n\n\(note)".utf8)),
        ("old with two spaces", Array("old  5\n\n\(note)".utf8)),
        ("old with a leading zero", Array("old 05\n\n\(note)".utf8)),
        ("old negative", Array("old -1\n\n\(note)".utf8)),
        ("old with a plus", Array("old +1\n\n\(note)".utf8)),
        ("old over Int64", Array("old 9223372036854775808\n\n\(note)".utf8)),
        ("old with 40 digits", Array("old \(String(repeating: "9", count: 40))\n\n\(note)".utf8)),
        ("old in hex", Array("old 0x10\n\n\(note)".utf8)),
        ("Old capitalized", Array("Old 1\n\n\(note)".utf8)),
        ("CRLF line ends", Array("old 1\r\n\(hash)\r\n\r\n\(note)".utf8)),
        ("no empty line", Array("old 1\n\(hash)\n".utf8)),
        ("nothing after the empty line", Array("old 1\n\(hash)\n\n".utf8)),
        ("short hash", Array("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpka==\n\n\(note)".utf8)),
        ("hash without padding", Array("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw\n\n\(note)".utf8)),
        ("non-canonical base64", Array("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkax=\n\n\(note)".utf8)),
        ("hash with a space", Array("old 1\n \(hash)\n\n\(note)".utf8)),
        ("hex hash", Array("old 1\n\(MerkleHash.emptyRoot.hex)\n\n\(note)".utf8)),
        ("64 proof lines", Array(("old 1\n" + String(repeating: hash + "\n", count: 64) + "\n" + note).utf8)),
        ("a million proof lines", Array(("old 1\n" + String(repeating: hash + "\n", count: 100_000) + "\n" + note).utf8)),
        ("oversized", Array("old 0\n\n".utf8) + [UInt8](repeating: 0x41, count: AddCheckpointRequest.maxBytes)),
        ("invalid UTF-8 in old", [0x6F, 0x6C, 0x64, 0x20, 0xFF, 0x0A, 0x0A] + Array(note.utf8)),
        ("NUL in old", Array("old 1\0\n\n\(note)".utf8)),
    ]

    @Test(arguments: malformed.map(\.0))
    func malformedBodiesAre400(_ name: String) throws {
        let body = try #require(Self.malformed.first { $0.0 == name }?.1)
        #expect(throws: WitnessRefusal.self) { try AddCheckpointRequest(body: body) }
        do { _ = try AddCheckpointRequest(body: body) } catch { #expect(error.status == 400) }
    }

    @Test func sixtyThreeProofLinesAreAllowed() throws {
        let body = Array(("old 1\n" + String(repeating: Self.hash + "\n", count: 63) + "\n" + Self.note).utf8)
        #expect(try AddCheckpointRequest(body: body).proof.count == 63)
    }

    @Test func hostileNotesAreRefusedByTheWitness() throws {
        let w = Witness(signer: witnessSigner, logKeys: [TestLog().signer.verifier], state: try WitnessState(path: temporaryDirectory().appendingPathComponent("s").path))
        for note in ["", "not a note", "o\n1\nAAAA\n\n— o AAAAAAAA\n", "test.example/log\n-1\nAAAA\n\n— x AAAAAAAA\n",
                     "test.example/log\n1\n\(Self.hash)\n\n— test.example/log !!!\n", String(repeating: "a\n", count: 40_000)] {
            let r = w.addCheckpoint(Array("old 0\n\n\(note)".utf8))
            #expect(r.status == 400, "\(note.prefix(40))")
        }
    }

    @Test func responsesParseStrictly() throws {
        let c = try Cosignature.sign(text: "a\n1\nx\n", with: witnessSigner, timestamp: 7)
        guard case .success(let sigs) = WitnessResponse.cosigned([c]).outcome() else { Issue.record("a 200 did not parse"); return }
        #expect(sigs.count == 1 && Cosignature(sigs[0]) == c)
        let conflict = WitnessResponse.refused(.conflict(size: 42))
        #expect(conflict.status == 409 && conflict.contentType == "text/x.tlog.size" && conflict.body == Array("42\n".utf8))
        guard case .failure(let r) = conflict.outcome() else { Issue.record("a 409 did not parse"); return }
        #expect(r.witnessSize == 42)
        // A 409 whose body is not a size, or that lacks the content type, is not trusted for a retry.
        for bad in [WitnessResponse(status: 409, contentType: "text/x.tlog.size", body: Array("042\n".utf8)),
                    WitnessResponse(status: 409, contentType: "text/plain", body: Array("42\n".utf8)),
                    WitnessResponse(status: 409, contentType: "text/x.tlog.size", body: Array("-1\n".utf8))] {
            guard case .failure(let r) = bad.outcome() else { Issue.record("a bad 409 parsed as success"); continue }
            #expect(r.witnessSize == nil)
        }
        // A 200 without signature lines, or with junk, is a failure.
        for junk in ["", "hello\n", "— \n", String(repeating: "x", count: WitnessResponse.maxBytes + 1)] {
            guard case .failure = WitnessResponse(status: 200, contentType: "text/plain", body: Array(junk.utf8)).outcome() else {
                Issue.record("junk 200 parsed"); continue
            }
        }
        // A refusal's reason is one line of printable text.
        guard case .failure(let why) = WitnessResponse(status: 422, contentType: "text/plain", body: Array("bad\n\u{1B}[31mproof\n".utf8)).outcome() else { return }
        #expect(!why.message.contains("\n") && !why.message.contains("\u{1B}"))
    }
}
