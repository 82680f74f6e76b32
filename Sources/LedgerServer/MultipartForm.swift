import Foundation

/// A `multipart/form-data` body (RFC 7578), as the source upload form sends it: each part's name, its file
/// name when it is a file, and its bytes. Hostile bodies are refused with 400: no boundary, a part without a
/// name, a body that does not end with the closing boundary, more than `maxParts` parts.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let fileName: String?
        let bytes: [UInt8]
    }

    static let maxParts = 32
    let parts: [Part]

    /// Parses `body` sent with `contentType` (which carries the boundary).
    init(_ body: [UInt8], contentType: String) throws {
        func bad(_ why: String) -> ServerError { ServerError(.badRequest, "the upload is not valid multipart/form-data: \(why)") }
        let params = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard params.first?.lowercased() == "multipart/form-data",
              let b = params.first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst(9) else { throw bad("no boundary") }
        let boundary = Array(("--" + b.trimmingCharacters(in: CharacterSet(charactersIn: "\""))).utf8)
        guard boundary.count > 2, boundary.count <= 72 else { throw bad("the boundary must have 1 to 70 characters") }
        let delimiter = [0x0D, 0x0A] + boundary
        guard body.starts(with: boundary) else { throw bad("it does not start with the boundary") }
        var parts: [Part] = [], at = boundary.count
        while true {
            if body[at...].starts(with: [0x2D, 0x2D]) { break }  // "--": the closing boundary
            guard body[at...].starts(with: [0x0D, 0x0A]) else { throw bad("a boundary is not followed by a line end") }
            at += 2
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: at) else { throw bad("a part's headers do not end") }
            let headers = String(decoding: body[at..<headerEnd], as: UTF8.self)
            guard let next = Self.find(delimiter, in: body, from: headerEnd + 4) else { throw bad("the closing boundary is missing") }
            guard parts.count < Self.maxParts else { throw bad("more than \(Self.maxParts) parts") }
            var name: String?, fileName: String?
            for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                fileName = Self.parameter("filename", in: line)
            }
            guard let name else { throw bad("a part has no name") }
            parts.append(Part(name: name, fileName: fileName, bytes: Array(body[(headerEnd + 4)..<next])))
            at = next + delimiter.count
        }
        self.parts = parts
    }

    /// The text of the first part named `name`, if it is valid UTF-8.
    subscript(_ name: String) -> String? {
        parts.first { $0.name == name }.flatMap { String(validating: $0.bytes, as: UTF8.self) }
    }

    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.fileName != nil } }

    /// `key="value"` in a Content-Disposition line (quoted, as browsers send it).
    private static func parameter(_ key: String, in line: Substring) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let kv = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].lowercased() == key else { continue }
            var v = String(kv[1])
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count, from <= hay.count - needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && hay[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
