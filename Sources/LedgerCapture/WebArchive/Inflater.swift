internal import CLedgerZlib

/// zlib's inflate over one `z_stream`, which this class owns (allocated once, so zlib's pointer back to it stays
/// valid, and freed with `inflateEnd` in `deinit`). No zlib type leaves this module.
final class Inflater {
    /// What the compressed bytes are framed as.
    enum Format {
        /// One or more gzip members back to back (RFC 1952), as a `.warc.gz` holds one per record.
        case gzip
        /// A zlib stream (RFC 1950), or a raw deflate stream when it has no zlib header: HTTP's `deflate`, which
        /// servers send both ways.
        case zlibOrRaw
        /// A raw deflate stream (RFC 1951), as a ZIP member holds it.
        case raw
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let format: Format
    /// True once any input was decompressed without error (so a zlib header, if any, was accepted).
    private var started = false
    /// True once the (last) compressed stream has ended.
    private(set) var finished = false

    /// Wraps `inflateInit2_`.
    init(_ format: Format) throws(CaptureError) {
        self.format = format
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let bits: Int32 = switch format {
        case .gzip: 15 + 16
        case .zlibOrRaw: 15
        case .raw: -15
        }
        guard inflateInit2_(stream, bits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            throw CaptureError("zlib could not start decompressing (out of memory)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Wraps `inflate`: decompresses from the front of `input`, appending to `output`, until `input` is used up or
    /// `output` holds at least `maxOutput` bytes (so a small input that expands enormously is never inflated at once);
    /// what was consumed is removed from `input`. A gzip stream may hold several members: after one ends, the next
    /// starts with the following input. Bytes after the end of a raw or zlib stream are refused.
    func inflate(_ input: inout ArraySlice<UInt8>, into output: inout [UInt8], maxOutput: Int = 1 << 20) throws(CaptureError) {
        let original = input
        var triedRaw = false
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while !input.isEmpty && output.count < maxOutput {
            if finished {
                guard format == .gzip else { throw CaptureError("compressed data continues after the end of its deflate stream") }
                guard inflateReset(stream) == Z_OK else { throw CaptureError("zlib could not start the next gzip member") }
                finished = false
            }
            let consumedBefore = input.count
            var status: Int32 = Z_OK
            var produced = 0
            input.withUnsafeBufferPointer { inBuf in
                chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress!)
                    stream.pointee.avail_in = UInt32(inBuf.count)
                    stream.pointee.next_out = outBuf.baseAddress!
                    stream.pointee.avail_out = UInt32(outBuf.count)
                    status = CLedgerZlib.inflate(stream, Z_NO_FLUSH)
                    produced = outBuf.count - Int(stream.pointee.avail_out)
                }
            }
            let consumed = consumedBefore - Int(stream.pointee.avail_in)
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
            if status == Z_DATA_ERROR, format == .zlibOrRaw, !triedRaw, output.isEmpty, !started {
                // HTTP "deflate" sent as a raw deflate stream (no zlib header): start again in raw mode.
                triedRaw = true
                guard inflateReset2(stream, -15) == Z_OK else { throw CaptureError("zlib could not restart as raw deflate") }
                input = original
                continue
            }
            started = true
            output.append(contentsOf: chunk[0..<produced])
            input = input.dropFirst(consumed)
            switch status {
            case Z_OK: continue
            case Z_STREAM_END: finished = true
            case Z_BUF_ERROR: if consumed == 0 && produced == 0 { return }
            case Z_DATA_ERROR: throw CaptureError("the compressed data is corrupt (\(format == .gzip ? "not a valid gzip stream" : "not a valid deflate stream"))")
            case Z_MEM_ERROR: throw CaptureError("zlib ran out of memory while decompressing")
            default: throw CaptureError("zlib failed while decompressing (code \(status))")
            }
        }
    }

    /// Decompresses all of `bytes` at once, refusing output over `limit` bytes and a stream that does not end.
    static func inflateAll(_ bytes: ArraySlice<UInt8>, _ format: Format, limit: Int, what: String) throws(CaptureError) -> [UInt8] {
        let inflater = try Inflater(format)
        var out: [UInt8] = []
        var input = bytes
        while !input.isEmpty {
            try inflater.inflate(&input, into: &out, maxOutput: limit + 1)
            guard out.count <= limit else {
                throw CaptureError("\(what) expands to more than \(WebArchiveLimits.describe(limit)): refused as a possible decompression bomb")
            }
        }
        guard inflater.finished else { throw CaptureError("\(what) is truncated (its compressed stream does not end)") }
        return out
    }
}
