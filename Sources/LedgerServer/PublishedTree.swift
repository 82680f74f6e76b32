import Foundation

/// Read access to a published C2SP tlog-tiles tree (`claimledger publish DIR`) for `/checkpoint` and `/tile/…`.
/// A request path is accepted only when it has exactly the shape of a tlog-tiles name — `checkpoint`, or
/// `tile/<L>/<N>[.p/<W>]`, `tile/entries/<N>[.p/<W>]` with N in the `x001/x234/067` encoding, or
/// `source/<sha256>` — so no `..`,
/// no encoded separator and no other file of the directory can be named; and the file must be a regular file
/// (not a symbolic link) under the root.
struct PublishedTree: Sendable {
    let root: String

    static func isTileName(_ path: String) -> Bool {
        if path == "checkpoint" { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // A source snapshot, source/<64 lowercase hex>: `monitor` fetches them to check quotes.
        if parts.count == 2, parts[0] == "source" {
            return parts[1].count == 64 && parts[1].allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
        }
        guard parts.count >= 3, parts[0] == "tile" else { return false }
        let level = parts[1]
        guard level == "entries" || (level.count <= 2 && level.allSatisfy(\.isASCII) && level.allSatisfy(\.isNumber)) else { return false }
        var rest = Array(parts.dropFirst(2))
        if rest.count >= 2, rest[rest.count - 2].hasSuffix(".p") {  // partial: …/NNN.p/W
            let width = rest.removeLast()
            guard let w = Int(width), (1...255).contains(w), width.allSatisfy(\.isASCII), String(w) == width else { return false }
            rest[rest.count - 1] = rest[rest.count - 1].dropLast(2)
        }
        guard let last = rest.last else { return false }
        func digits(_ s: Substring) -> Bool { s.count == 3 && s.allSatisfy { ("0"..."9").contains($0) } }
        return digits(last) && rest.dropLast().allSatisfy { $0.first == "x" && digits($0.dropFirst()) }
    }

    /// The bytes of the published file at `path`, or nil when the name is not a tile name or there is no such file.
    func read(_ path: String) -> [UInt8]? {
        guard Self.isTileName(path) else { return nil }
        let full = root + "/" + path
        var info = stat()
        guard lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileManager.default.contents(atPath: full).map { Array($0) }
    }
}
