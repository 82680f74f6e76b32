import Foundation

/// One WARC `response` record (WARC 1.1 §6.3), parsed from its exact bytes: the snapshot `source add` stores for
/// a web-archive capture. It holds the WARC header fields, the archived HTTP response's status and header fields,
/// and its message body as it was transferred.
///
/// The payload (WARC 1.1 §5.9, §6.3.2) of an `application/http` response is the HTTP entity body: the bytes after
/// the HTTP header. `WARC-Payload-Digest` is a digest of it (`sha1:` in base 32, as most crawlers write it);
/// `payloadDigestCheck` checks it as warcio does (over the body as transferred) and, when the body was sent
/// chunked, also over the de-chunked body, which is how the specification reads "entity body".
public struct WebArchiveRecord: Sendable {
    /// The record's exact bytes (WARC header, blank line, block).
    public let bytes: [UInt8]
    let headers: WARCHeaders
    /// The archived HTTP response's header fields.
    let http: WARCHeaders
    /// The HTTP status code (200, 301, …).
    public let status: Int
    /// Where the HTTP message body starts in `bytes`.
    let bodyStart: Int

    /// `WARC-Record-ID`, e.g. `<urn:uuid:…>`.
    public var recordID: String { headers["WARC-Record-ID"] ?? "" }
    /// `WARC-Target-URI`, the URL that was fetched (WARC 1.0's angle brackets removed).
    public var targetURI: String { Self.unbracketed(headers["WARC-Target-URI"] ?? "") }
    /// `WARC-Date`, when the fetch began (W3C ISO 8601, UTC).
    public var date: String { headers["WARC-Date"] ?? "" }
    /// The HTTP message body as transferred (still chunked or compressed if it was sent so).
    var body: ArraySlice<UInt8> { bytes[bodyStart...] }
    /// The HTTP `Content-Type`, lower-cased, without parameters ("text/html").
    public var contentType: String? {
        http["Content-Type"].map { String($0.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased() }
    }
    /// The `charset` parameter of the HTTP `Content-Type`, if any.
    var charset: String? {
        guard let ct = http["Content-Type"] else { return nil }
        for part in ct.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return kv[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }
    /// True for an HTML page (`text/html` or `application/xhtml+xml`).
    public var isHTML: Bool { contentType == "text/html" || contentType == "application/xhtml+xml" }

    /// Parses `bytes` as one WARC response record holding an HTTP response; a `CaptureError` says what is wrong.
    public init(_ bytes: [UInt8]) throws(CaptureError) {
        self.bytes = bytes
        guard bytes.starts(with: Array("WARC/".utf8)), let blank = Self.blankLine(bytes[...]) else {
            throw CaptureError("the snapshot is not a WARC record (no \"WARC/\" version line and header)")
        }
        let firstLineEnd = bytes.firstIndex(of: 0x0A)!
        guard let headers = WARCHeaders.parse(bytes[firstLineEnd..<blank.start]) else { throw CaptureError("the WARC record has a malformed header line") }
        self.headers = headers
        guard let length = headers["Content-Length"].flatMap(Int.init), length == bytes.count - blank.end else {
            throw CaptureError("the WARC record's Content-Length does not match its block (\(bytes.count - blank.end) bytes)")
        }
        guard headers["WARC-Type"]?.lowercased() == "response" else {
            throw CaptureError("the WARC record is a \(String((headers["WARC-Type"] ?? "record without WARC-Type").prefix(30))) record, not a response")
        }
        let block = bytes[blank.end...]
        guard block.starts(with: Array("HTTP/".utf8)), let httpBlank = Self.blankLine(block) else {
            throw CaptureError("the WARC response does not hold an HTTP response (its block does not start with an HTTP status line and header)")
        }
        let statusLineEnd = block.firstIndex(of: 0x0A)!
        let statusLine = String(decoding: block[block.startIndex..<statusLineEnd], as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[1].count == 3, let status = Int(parts[1]) else {
            throw CaptureError("the archived HTTP response has a malformed status line")
        }
        self.status = status
        guard let http = WARCHeaders.parse(block[statusLineEnd..<httpBlank.start]) else {
            throw CaptureError("the archived HTTP response has a malformed header line")
        }
        self.http = http
        bodyStart = httpBlank.end
    }

    /// The decoded payload: the body with chunked transfer coding and `gzip`/`deflate` content coding removed,
    /// at most `WebArchiveLimits.recordBytes`.
    public func payload() throws(CaptureError) -> [UInt8] {
        var data = Array(body)
        if let te = http["Transfer-Encoding"], te.lowercased().contains("chunked") { data = try Self.dechunk(body) }
        let codings = http.all("Content-Encoding").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty && $0 != "identity" }
        for coding in codings.reversed() {
            switch coding {
            case "gzip", "x-gzip": data = try Inflater.inflateAll(data[...], .gzip, limit: WebArchiveLimits.recordBytes, what: "the response's gzip content")
            case "deflate": data = try Inflater.inflateAll(data[...], .zlibOrRaw, limit: WebArchiveLimits.recordBytes, what: "the response's deflate content")
            default: throw CaptureError("the response's content is encoded as \(String(coding.prefix(20))), which claimledger cannot decode (only gzip and deflate)")
            }
        }
        return data
    }

    /// Removes chunked transfer coding (RFC 9112 §7.1): hex chunk sizes (extensions ignored), a 0 chunk, trailers.
    static func dechunk(_ body: ArraySlice<UInt8>) throws(CaptureError) -> [UInt8] {
        var out: [UInt8] = []
        var i = body.startIndex
        while true {
            guard let lineEnd = body[i...].firstIndex(of: 0x0A) else { throw CaptureError("the response's chunked body is truncated (no chunk size line)") }
            let line = String(decoding: body[i..<lineEnd], as: UTF8.self)
            let sizeText = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard !sizeText.isEmpty, sizeText.count <= 15, let size = Int(sizeText, radix: 16) else {
                throw CaptureError("the response's chunked body has a malformed chunk size \"\(String(sizeText.prefix(20)))\"")
            }
            i = lineEnd + 1
            if size == 0 { return out }
            guard body.endIndex - i >= size else { throw CaptureError("the response's chunked body is truncated (a chunk is shorter than its size)") }
            out.append(contentsOf: body[i..<i + size])
            guard out.count <= WebArchiveLimits.recordBytes else { throw CaptureError("the response's chunked body is larger than \(WebArchiveLimits.describe(WebArchiveLimits.recordBytes))") }
            i += size
            if i < body.endIndex, body[i] == 0x0D { i += 1 }
            guard i < body.endIndex, body[i] == 0x0A else { throw CaptureError("the response's chunked body is malformed (no line end after a chunk)") }
            i += 1
        }
    }

    /// The first blank line in `bytes` (LF LF or LF CR LF): `start` just after the last header line, `end` after the blank line.
    static func blankLine(_ bytes: ArraySlice<UInt8>) -> (start: Int, end: Int)? {
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            if bytes[i] == 0x0A {
                if bytes[i + 1] == 0x0A { return (i + 1, i + 2) }
                if bytes[i + 1] == 0x0D, i + 2 < bytes.endIndex, bytes[i + 2] == 0x0A { return (i + 1, i + 3) }
            }
            i += 1
        }
        return nil
    }

    static func unbracketed(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") && uri.count >= 2 ? String(uri.dropFirst().dropLast()) : uri
    }
}
