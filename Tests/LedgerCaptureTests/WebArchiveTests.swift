import Foundation
@testable import LedgerCapture
import LedgerCore
import Testing

/// Web archives (issue 15 item 2): the fixtures were written by warcio (tools/make_warc_fixtures.py), an
/// implementation claimledger did not write, and expected.json holds what warcio reads from them.
@Suite struct WebArchiveTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let warc = fixtures.appendingPathComponent("warc")
    static let story = "https://news.example/2024/07/story"

    static func path(_ name: String) -> String { warc.appendingPathComponent(name).path }
    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: warc.appendingPathComponent(name))) }
    static func text(_ name: String) throws -> String { String(decoding: try Data(contentsOf: fixtures.appendingPathComponent(name)), as: UTF8.self) }

    /// What warcio read from each fixture's response records (expected.json).
    static func warcio(_ file: String) throws -> [JSONValue] {
        try #require(try JSONParser.parse(Array(try Data(contentsOf: warc.appendingPathComponent("expected.json"))))[file]?.array)
    }

    /// A fresh file holding `bytes`.
    static func temporary(_ bytes: [UInt8], _ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// One WARC response record around an HTTP response head and body, written by hand (not by the code under test).
    static func record(_ url: String, head: String, body: [UInt8], id: Int = 1) -> [UInt8] {
        record(url, block: Array((head + "\r\n\r\n").utf8) + body, id: id)
    }

    /// The same around a block given as bytes.
    static func record(_ url: String, block: [UInt8], id: Int = 1) -> [UInt8] {
        let header = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", id))>\r\n"
            + "WARC-Date: 2024-08-01T10:00:00Z\r\nWARC-Target-URI: \(url)\r\nContent-Type: application/http; msgtype=response\r\n"
            + "Content-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    @Test(arguments: ["story.warc", "story.warc.gz", "capture.wacz", "deflated.wacz"])
    func aCrawlOfTwoPagesGivesTheResponseForTheURL(file: String) throws {
        let record = try WebArchive.response(inFileAt: Self.path(file), url: Self.story)
        let expected = try #require(try Self.warcio(file.hasPrefix("story") ? file : "story.warc").first { $0["target_uri"]?.string == Self.story })
        #expect(record.targetURI == Self.story)
        #expect(record.recordID == expected["record_id"]?.string)
        #expect(record.date == expected["date"]?.string)
        #expect(try WARCTextExtractor.extract(record) == (try Self.text("article-en.expected.txt")))
        let home = try WebArchive.response(inFileAt: Self.path(file), url: "https://news.example/")
        #expect(try WARCTextExtractor.extract(home) == "News front page\n\nToday's stories.\n")
    }

    @Test func theSameRecordComesOutOfAWARCItsGzipAndBothWACZs() throws {
        let records = try ["story.warc", "story.warc.gz", "capture.wacz", "deflated.wacz"].map { try WebArchive.response(inFileAt: Self.path($0), url: Self.story).bytes }
        #expect(Set(records).count == 1)
        // The snapshot is the exact record, as it stands in the uncompressed WARC.
        let file = try Self.bytes("story.warc")
        #expect(file.indices.contains { file[$0...].starts(with: records[0]) })
    }

    @Test func withoutAURLTheOnlyHTMLResponseIsTakenAndSeveralAreListed() throws {
        #expect(try WebArchive.response(inFileAt: Self.path("wrong-digest.warc"), url: nil).targetURI == Self.story)
        // A WACZ says which page it archived (pages/pages.jsonl); its other responses are that page's resources.
        #expect(try WebArchive.response(inFileAt: Self.path("capture.wacz"), url: nil).targetURI == Self.story)
        #expect(try WebArchive.response(inFileAt: Self.path("deflated.wacz"), url: nil).targetURI == Self.story)
        #expect {
            try WebArchive.response(inFileAt: Self.path("two-pages.wacz"), url: nil)
        } throws: { "\($0)" == "the WACZ lists 2 pages in pages/pages.jsonl; choose one with --url: https://news.example/, \(Self.story)" }
        #expect(try WebArchive.response(inFileAt: Self.path("two-pages.wacz"), url: "https://news.example/").targetURI == "https://news.example/")
        #expect {
            try WebArchive.response(inFileAt: Self.path("story.warc.gz"), url: nil)
        } throws: { "\($0)".contains("2 HTML responses; choose one with --url: https://news.example/, \(Self.story)") }
    }

    @Test(arguments: [("https://news.example/fr", "article-fr.expected.txt"), ("https://news.example/deflate", "article-en.expected.txt")])
    func chunkedTransferAndGzipOrDeflateContentAreUndone(url: String, expected: String) throws {
        let record = try WebArchive.response(inFileAt: Self.path("encoded.warc.gz"), url: url)
        #expect(try WARCTextExtractor.extract(record) == (try Self.text(expected)))
        let page = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent(expected.replacingOccurrences(of: ".expected.txt", with: ".html"))))
        #expect(try record.payload() == page)
    }

    @Test func aPlainTextResponseIsDecodedInItsCharset() throws {
        let record = try WebArchive.response(inFileAt: Self.path("encoded.warc.gz"), url: "https://news.example/notes.txt")
        #expect(try WARCTextExtractor.extract(record) == "Notes: café, déjà vu.\nSecond line.\n")
    }

    @Test(arguments: ["story.warc", "story.warc.gz", "encoded.warc.gz", "wrong-digest.warc"])
    func payloadDigestChecksAgreeWithWarcio(file: String) throws {
        for expected in try Self.warcio(file) {
            let url = try #require(expected["target_uri"]?.string)
            let check = try WebArchive.response(inFileAt: Self.path(file), url: url).payloadDigestCheck()
            let recorded = try #require(expected["payload_digest"]?.string)
            if expected["digest_ok"] == true {
                #expect(check == .matches(recorded: recorded), "\(file) \(url)")
            } else {
                guard case .mismatch(let r, _) = check else { Issue.record("\(file) \(url): \(check)"); continue }
                #expect(r == recorded)
            }
        }
    }

    @Test func aWrongPayloadDigestSaysWhatItShouldBe() throws {
        let check = try WebArchive.response(inFileAt: Self.path("wrong-digest.warc"), url: Self.story).payloadDigestCheck()
        // The same page and headers in story.warc carry warcio's own (right) digest.
        let right = try #require(try Self.warcio("story.warc").first { $0["target_uri"]?.string == Self.story }?["payload_digest"]?.string)
        let wrong = try #require(try Self.warcio("wrong-digest.warc").first?["payload_digest"]?.string)
        #expect(check == .mismatch(recorded: wrong, computed: right))
        #expect(check.problem == "its WARC-Payload-Digest is \(wrong) but the payload's digest is \(right)")
    }

    @Test func digestsInHexBase64OrAnUnknownAlgorithm() throws {
        let body = Array("<html><body><p>Hello.</p></body></html>".utf8)
        let sha1 = SHA1.hash(body)
        for (digest, matches) in [("sha1:" + sha1.map { String(format: "%02x", $0) }.joined(), true),
                                  ("SHA-1:" + Data(sha1).base64EncodedString(), true), ("sha1:" + Base32.encode(sha1).lowercased(), true),
                                  ("sha1:" + Base32.encode(SHA1.hash(body.dropLast())), false)] {
            var bytes = Array(Self.record(Self.story, head: "HTTP/1.1 200 OK\r\nContent-Type: text/html", body: body).dropLast(4))
            bytes.insert(contentsOf: Array("WARC-Payload-Digest: \(digest)\r\n".utf8), at: 10)
            let check = try WebArchiveRecord(bytes).payloadDigestCheck()
            if matches { #expect(check == .matches(recorded: digest)) } else { #expect(check.problem != nil) }
        }
        var md5 = Array(Self.record(Self.story, head: "HTTP/1.1 200 OK\r\nContent-Type: text/html", body: body).dropLast(4))
        md5.insert(contentsOf: Array("WARC-Payload-Digest: md5:abc\r\n".utf8), at: 10)
        #expect(try WebArchiveRecord(md5).payloadDigestCheck().problem?.contains("md5 is not supported") == true)
    }

    @Test func sha1AndBase32MatchTheirStandardsVectors() {
        func hex(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")  // FIPS 180 example
        #expect(hex(SHA1.hash([UInt8]())) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(hex(SHA1.hash([UInt8](repeating: 0x61, count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        for (plain, encoded) in [("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
                                 ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======")] {  // RFC 4648 §10
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
    }

    static let story200 = "HTTP/1.1 200 OK\r\nContent-Type: text/html"

    @Test(arguments: [
        ("truncated.warc.gz", "truncated"),
        ("bad-length.warc", "the record length is wrong"),
        ("no-length.warc", "no valid Content-Length"),
        ("page.warc", "does not start with a WARC version line"),
        ("short.warc", "is truncated: its Content-Length says"),
        ("twice.warc", "holds 2 responses for \(story), captured at: 2024-08-01T10:00:00Z"),
        ("elsewhere.warc", "holds no response record for \(story) (1 records, 1 responses); it holds responses for https://news.example/other"),
        ("garbage.warc.gz", "not a valid gzip stream"),
        ("revisit.warc", "holds only revisit records for \(story)"),
        ("truncated.wacz", "not a ZIP archive"),
        ("empty.wacz", "holds no archive/*.warc"),
    ])
    func aDamagedArchiveIsOneClearError(name: String, message: String) throws {
        let warc = try Self.bytes("story.warc"), gz = try Self.bytes("story.warc.gz")
        let page = Self.record(Self.story, head: Self.story200, body: Array("<p>Hi.</p>".utf8))
        let n = page.count - 4 - page.firstRange(of: Array("\r\n\r\n".utf8))!.upperBound
        func withLength(_ value: String) -> [UInt8] { Array(String(decoding: page, as: UTF8.self).replacingOccurrences(of: "Content-Length: \(n)", with: "Content-Length: \(value)").utf8) }
        let bytes: [UInt8] = switch name {
        case "truncated.warc.gz": Array(gz.dropLast(200))
        case "bad-length.warc": withLength("\(n - 1)")
        case "no-length.warc": withLength("12a")
        case "page.warc": Array("<html><body><p>Not an archive.</p></body></html>\r\n\r\n".utf8)
        case "short.warc": Array(page.dropLast(10))
        case "twice.warc": warc + warc
        case "elsewhere.warc": Self.record("https://news.example/other", head: Self.story200, body: Array("<p>Hi.</p>".utf8))
        case "garbage.warc.gz": gz + Array("not gzip".utf8)
        case "revisit.warc": Array(String(decoding: page, as: UTF8.self).replacingOccurrences(of: "WARC-Type: response", with: "WARC-Type: revisit").utf8)
        case "truncated.wacz": Array(try Self.bytes("capture.wacz").prefix(3000))
        default: [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)  // an empty ZIP: only its end record
        }
        #expect {
            try WebArchive.response(inFileAt: try Self.temporary(bytes, name), url: Self.story)
        } throws: { error in
            let text = "\(error)"
            return text.contains(message) && !text.contains("\n")
        }
    }

    @Test(arguments: [
        ("bomb.warc.gz", "https://news.example/bomb", "is larger than 64 MiB"),
        ("bomb.warc.gz", story, "expands more than 200 times (past 64 MiB): refused as a possible decompression bomb"),
        ("zip-bomb.wacz", story, "expands past the 1000 bytes its ZIP directory declares: refused as a possible decompression bomb"),
        ("encrypted.wacz", story, "archive/data.warc.gz is encrypted"),
        ("zip64.wacz", story, "is a ZIP64 archive"),
    ])
    func aHostileArchiveIsRefused(file: String, url: String, message: String) throws {
        #expect {
            try WebArchive.response(inFileAt: Self.path(file), url: url)
        } throws: { "\($0)".contains(message) }
    }

    @Test func aPayloadThatExpandsPast64MiBIsRefused() throws {
        let record = try WebArchive.response(inFileAt: Self.path("encoding-bomb.warc"), url: Self.story)
        #expect { try WARCTextExtractor.extract(record) } throws: { "\($0)".contains("gzip content expands to more than 64 MiB: refused as a possible decompression bomb") }
    }

    @Test(arguments: [
        ("HTTP/1.1 404 Not Found\r\nContent-Type: text/html", "<p>Gone</p>", "is HTTP 404, not a page"),
        ("HTTP/1.1 200 OK\r\nContent-Type: image/png", "PNG", "is image/png; only HTML and plain-text responses"),
        ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br", "xx", "encoded as br, which claimledger cannot decode"),
        ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked", "zz\r\n<p>x</p>\r\n0\r\n\r\n", "malformed chunk size \"zz\""),
        ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked", "ff\r\n<p>x</p>\r\n", "truncated (a chunk is shorter than its size)"),
        ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip", "not gzip at all", "not a valid gzip stream"),
    ])
    func aResponseThatIsNotAPageSaysWhy(head: String, body: String, message: String) throws {
        let record = try WebArchiveRecord(Array(Self.record(Self.story, head: head, body: Array(body.utf8)).dropLast(4)))
        #expect { try WARCTextExtractor.extract(record) } throws: { "\($0)".contains(message) }
    }

    @Test func aChunkedBodyWithExtensionsAndTrailersIsDechunked() throws {
        let body = "4;name=x\r\n<p>W\r\nc\r\niki text.</p\r\n1\r\n>\r\n0\r\nExpires: never\r\n\r\n"
        let record = try WebArchiveRecord(Array(Self.record(Self.story, head: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked",
                                                            body: Array(body.utf8)).dropLast(4)))
        #expect(try record.payload() == Array("<p>Wiki text.</p>".utf8))
        #expect(try WARCTextExtractor.extract(record) == "Wiki text.\n")
    }

    @Test func aLatin1HTTPHeaderDoesNotMakeTheRecordUnreadable() throws {
        let head: [UInt8] = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Disposition: inline; filename=\"caf".utf8) + [0xE9] + Array("\"".utf8)
        let bytes = Array(Self.record(Self.story, block: head + Array("\r\n\r\n<p>Text.</p>".utf8)).dropLast(4))
        #expect(try WARCTextExtractor.extract(try WebArchiveRecord(bytes)) == "Text.\n")
    }

    @Test func theHTTPCharsetComesBeforeTheDeclaredOne() throws {
        let page: [UInt8] = Array("<html><head><meta charset=\"utf-8\"></head><body><p>caf".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        let record = try WebArchiveRecord(Array(Self.record(Self.story, head: "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1", body: page).dropLast(4)))
        #expect(try WARCTextExtractor.extract(record) == "café\n")
    }
}
