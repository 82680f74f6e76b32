import Foundation
import LedgerCore

/// Reads `claim import` JSON Lines into claim inputs, with errors that name the line and field.
enum ClaimLines {
    /// What is wrong with one line: the field at fault (nil when the line is not a JSON object) and why.
    struct LineError: Error {
        let field: String?
        let message: String
    }

    /// The claim on one line (without its newline), or nil for a blank line; its members are read by
    /// `ClaimInput(json:)`, as the server reads an API request.
    static func claim(_ raw: ArraySlice<UInt8>) throws(LineError) -> ClaimInput? {
        let line = raw.last == 0x0D ? raw.dropLast() : raw[...]
        guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch { throw LineError(field: nil, message: error.description) }
        guard let o = value.object else { throw LineError(field: nil, message: "expected a JSON object, got \(value.typeName)") }
        do { return try ClaimInput(json: o) } catch {
            throw LineError(field: error.field.isEmpty ? nil : error.field, message: error.message)
        }
    }

    /// Reads a JSON Lines file a chunk at a time, so that importing a million claims never holds the file.
    struct Reader {
        let name: String
        private let handle: FileHandle
        private var buffer: [UInt8] = []
        private var position = 0
        private var atEnd = false
        /// The 1-based number of the last line read.
        private(set) var lineNumber = 0
        /// The file's size when opened, and how many of its bytes have been read into lines so far (for progress).
        let size: Int64
        private var fetched: Int64 = 0
        var consumed: Int64 { fetched - Int64(buffer.count - position) }
        /// The longest line read.
        static let maxLine = 8 << 20

        init(path: String) throws {
            try Output.checkReadable(path)
            guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIError("cannot read \(path): permission denied or unreadable") }
            self.name = path
            self.handle = handle
            size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
        }

        /// The next claim and its line number, skipping blank lines; nil at the end of the file. A bad line
        /// throws, naming it.
        mutating func next() throws -> (line: Int, input: ClaimInput)? {
            while let next = try nextItem() {
                let line = next.line
                switch next.claim {
                case .success(let input): return (line, input)
                case .failure(let e): throw CLIError("\(name) line \(line): \(e.field.map { "\($0): " } ?? "")\(e.message); nothing was recorded")
                }
            }
            return nil
        }

        /// The next non-blank line's number and its claim, or what is wrong with it (a line over `maxLine`
        /// is skipped to its end unread); nil at the end of the file.
        mutating func nextItem() throws -> (line: Int, claim: Result<ClaimInput, LineError>)? {
            while true {
                let raw: ArraySlice<UInt8>?
                do { raw = try nextLine() } catch let e as LineError {
                    lineNumber += 1
                    return (lineNumber, .failure(e))
                }
                guard let raw else { return nil }
                lineNumber += 1
                do {
                    if let input = try ClaimLines.claim(raw) { return (lineNumber, .success(input)) }
                } catch {
                    return (lineNumber, .failure(error))
                }
            }
        }

        private mutating func nextLine() throws -> ArraySlice<UInt8>? {
            while true {
                if let newline = buffer[position...].firstIndex(of: 0x0A) {
                    defer { position = newline + 1 }
                    return buffer[position..<newline]
                }
                if atEnd {
                    guard position < buffer.count else { return nil }
                    defer { position = buffer.count }
                    return buffer[position...]
                }
                // An entry is at most 64 KiB; a line this long is not a claim, and is not read into memory whole:
                // it is skipped to its end.
                guard buffer.count - position <= Reader.maxLine else {
                    try skipLine()
                    throw LineError(field: nil, message: "longer than \(Reader.maxLine >> 20) MiB")
                }
                buffer.removeSubrange(0..<position)
                position = 0
                let chunk: Data?
                do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw CLIError("cannot read \(name): \(error.localizedDescription)") }
                if let chunk, !chunk.isEmpty {
                    buffer.append(contentsOf: chunk)
                    fetched += Int64(chunk.count)
                } else {
                    atEnd = true
                }
            }
        }

        /// Drops the rest of the current line, reading on to its newline (or the end of the file).
        private mutating func skipLine() throws {
            while true {
                if let newline = buffer[position...].firstIndex(of: 0x0A) {
                    position = newline + 1
                    return
                }
                buffer.removeAll(keepingCapacity: true)
                position = 0
                let chunk: Data?
                do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw CLIError("cannot read \(name): \(error.localizedDescription)") }
                guard let chunk, !chunk.isEmpty else {
                    atEnd = true
                    return
                }
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
