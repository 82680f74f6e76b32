import Foundation

/// The lines of a file read through a fixed 64 KiB buffer with fread(3), each line at most `limit` bytes: a longer
/// line is refused as soon as its first `limit + 1` bytes are read, so memory stays bounded whatever the file holds
/// (getline(3) would grow its buffer to the whole line first). Lines are returned without their newline.
struct JournalLineReader {
    /// What stopped the reading.
    enum Failure: Error {
        /// A line longer than `limit` bytes.
        case tooLong
        /// fread(3) failed (errno).
        case unreadable(Int32)
    }

    private let file: UnsafeMutablePointer<FILE>
    let limit: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0, end = 0, atEnd = false
    private var line: [UInt8] = []

    init(_ file: UnsafeMutablePointer<FILE>, limit: Int) {
        self.file = file
        self.limit = limit
    }

    /// The next line (possibly empty), or nil at the end of the file.
    mutating func next() throws(Failure) -> [UInt8]? {
        line.removeAll(keepingCapacity: true)
        var started = false
        while true {
            if start == end {
                if atEnd { return started ? line : nil }
                let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                if n == 0 {
                    if ferror(file) != 0 { throw .unreadable(errno) }
                    atEnd = true
                    continue
                }
                (start, end) = (0, n)
            }
            started = true
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                guard line.count + (newline - start) <= limit else { throw .tooLong }
                line += buffer[start..<newline]
                start = newline + 1
                return line
            }
            guard line.count + (end - start) <= limit else { throw .tooLong }
            line += buffer[start..<end]
            start = end
        }
    }
}
