/// Reads WARC records one after another from a stream (WARC 1.1 §4): a version line, header fields, a blank
/// line, `Content-Length` bytes of block, then CRLF CRLF. Only the records the caller keeps are held in memory;
/// the others' blocks are read past in chunks.
final class WARCRecordReader {
    private let source: ByteChunks
    private var buffer: [UInt8] = []
    private var offset = 0
    private var sourceEnded = false
    /// How many records have been read so far (for error messages).
    private(set) var count = 0

    init(_ source: ByteChunks) { self.source = source }

    /// One record: its header fields and, when kept, its exact bytes (header and block, without the CRLF CRLF after it).
    struct Record {
        let headers: WARCHeaders
        let bytes: [UInt8]?
    }

    /// The next record, keeping its bytes when `keep(headers)` says so; nil after the last record.
    func next(keep: (WARCHeaders) -> Bool) throws(CaptureError) -> Record? {
        guard try available(1) else { return nil }
        let n = count + 1
        guard let headerEnd = try blankLine(within: WebArchiveLimits.headerBytes) else {
            throw CaptureError("WARC record \(n) has no end to its header within \(WebArchiveLimits.describe(WebArchiveLimits.headerBytes)) (not a WARC file, or truncated)")
        }
        let head = buffer[offset..<offset + headerEnd.start]
        guard head.starts(with: Array("WARC/".utf8)) else {
            throw CaptureError("record \(n) does not start with a WARC version line (\"WARC/1.1\"): this is not a WARC file, or a record length is wrong")
        }
        let firstLineEnd = head.firstIndex(of: 0x0A) ?? head.endIndex
        guard let headers = WARCHeaders.parse(head[firstLineEnd...]) else { throw CaptureError("WARC record \(n) has a malformed header line") }
        guard let lengthText = headers["Content-Length"], !lengthText.isEmpty, lengthText.count <= 15,
              lengthText.allSatisfy(\.isASCIIDigit), let length = Int(lengthText) else {
            throw CaptureError("WARC record \(n) has no valid Content-Length (\"\(String((headers["Content-Length"] ?? "none").prefix(20)))\")")
        }
        let kept = keep(headers)
        if kept, length > WebArchiveLimits.recordBytes {
            throw CaptureError("the WARC record for \(String((headers["WARC-Target-URI"] ?? "?").prefix(200))) is larger than \(WebArchiveLimits.describe(WebArchiveLimits.recordBytes)), more than an article page needs")
        }
        var bytes: [UInt8]? = nil
        let headerBytes = Array(buffer[offset..<offset + headerEnd.end])
        offset += headerEnd.end
        if kept {
            guard try available(length) else { throw CaptureError("WARC record \(n) is truncated: its Content-Length says \(length) bytes but the archive ends first") }
            bytes = headerBytes + buffer[offset..<offset + length]
            offset += length
        } else {
            var left = length
            while left > 0 {
                guard try available(1) else { throw CaptureError("WARC record \(n) is truncated: its Content-Length says \(length) bytes but the archive ends first") }
                let step = min(left, buffer.count - offset)
                offset += step
                left -= step
            }
        }
        guard try available(4), buffer[offset..<offset + 4].elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) else {
            throw CaptureError("WARC record \(n) is not followed by CRLF CRLF where its Content-Length (\(length)) says it ends: the record length is wrong")
        }
        offset += 4
        count = n
        return Record(headers: headers, bytes: bytes)
    }

    /// True when at least `n` unread bytes are buffered, reading more as needed.
    private func available(_ n: Int) throws(CaptureError) -> Bool {
        while buffer.count - offset < n {
            if sourceEnded { return false }
            guard let chunk = try source.next() else {
                sourceEnded = true
                return false
            }
            if offset > 0 && offset >= buffer.count / 2 {
                buffer.removeFirst(offset)
                offset = 0
            }
            buffer.append(contentsOf: chunk)
        }
        return true
    }

    /// The first blank line (LF then LF, or LF then CRLF) in the next `limit` unread bytes, reading more as needed:
    /// `start` is just after the last header line, `end` just after the blank line, both relative to `offset`.
    private func blankLine(within limit: Int) throws(CaptureError) -> (start: Int, end: Int)? {
        var j = 0  // relative to `offset`, which reading more may move
        while j < limit {
            guard try available(j + 2) else { return nil }
            let i = offset + j
            if buffer[i] == 0x0A {
                if buffer[i + 1] == 0x0A { return (i + 1 - offset, i + 2 - offset) }
                if buffer[i + 1] == 0x0D, try available(j + 3), buffer[offset + j + 2] == 0x0A { return (j + 1, j + 3) }
            }
            j += 1
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
