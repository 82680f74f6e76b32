import Foundation

/// A stream of bytes read a chunk at a time, so an archive of any size is read in bounded memory.
protocol ByteChunks: AnyObject {
    /// The next chunk (never empty), or nil at the end.
    func next() throws(CaptureError) -> ArraySlice<UInt8>?
}

/// The bytes `range` of a file, in 1 MiB chunks.
final class FileChunks: ByteChunks {
    private let handle: FileHandle
    private var position: UInt64
    private let end: UInt64

    init(_ handle: FileHandle, from start: UInt64, to end: UInt64) {
        self.handle = handle
        position = start
        self.end = end
    }

    func next() throws(CaptureError) -> ArraySlice<UInt8>? {
        guard position < end else { return nil }
        let data: Data?
        do {
            try handle.seek(toOffset: position)
            data = try handle.read(upToCount: Int(min(1 << 20, end - position)))
        } catch { throw CaptureError("the archive could not be read (\(error.localizedDescription))") }
        guard let data, !data.isEmpty else { throw CaptureError("the archive ends early: it is truncated") }
        position += UInt64(data.count)
        return Array(data)[...]
    }
}

/// The decompressed bytes of another stream (gzip members or a raw deflate stream), refusing a stream that expands
/// past `WebArchiveLimits.ratioFloor` and more than `WebArchiveLimits.maxRatio` times, past `declaredSize` (what a ZIP
/// directory says the member holds), or stops before its end.
final class InflatedChunks: ByteChunks {
    private let source: ByteChunks
    private let inflater: Inflater
    private let what: String
    private var consumed = 0, produced = 0
    private var done = false
    private var pending: ArraySlice<UInt8> = []
    private let declaredSize: Int?

    init(_ source: ByteChunks, _ format: Inflater.Format, what: String, declaredSize: Int? = nil) throws(CaptureError) {
        self.source = source
        self.declaredSize = declaredSize
        inflater = try Inflater(format)
        self.what = what
    }

    func next() throws(CaptureError) -> ArraySlice<UInt8>? {
        while !done {
            if pending.isEmpty {
                guard let input = try source.next() else {
                    done = true
                    guard inflater.finished || consumed == 0 else { throw CaptureError("\(what) is truncated: its gzip or deflate stream stops before its end") }
                    return nil
                }
                pending = input
            }
            let before = pending.count
            var out: [UInt8] = []
            do { try inflater.inflate(&pending, into: &out) } catch { throw CaptureError("\(what): \(error)") }
            if out.isEmpty && pending.count == before { throw CaptureError("\(what) is corrupt: its compressed data makes no progress") }
            consumed += before - pending.count
            produced += out.count
            if produced > WebArchiveLimits.ratioFloor, produced / max(consumed, 1) > WebArchiveLimits.maxRatio {
                throw CaptureError("\(what) expands more than \(WebArchiveLimits.maxRatio) times (past \(WebArchiveLimits.describe(WebArchiveLimits.ratioFloor))): refused as a possible decompression bomb")
            }
            if let declaredSize, produced > declaredSize {
                throw CaptureError("\(what) expands past the \(declaredSize) bytes its ZIP directory declares: refused as a possible decompression bomb")
            }
            if !out.isEmpty { return out[...] }
        }
        return nil
    }
}
