/// Reading strings and integers at a path of member names, from a `JSONValue` or a node of a `CanonicalJSONView`
/// alike, for code that must read both (the lookup columns computed on append and checked by `verify`).
public protocol JSONLookup {
    func string(_ path: String...) -> String?
    func integer(_ path: String...) -> Int?
    /// Whether the member at `path` is a string whose UTF-8 is exactly `utf8`.
    func stringEquals(_ utf8: ArraySlice<UInt8>, _ path: String...) -> Bool
    /// The member at `path` (or this value, for an empty path) as a `JSONValue`.
    func json(_ path: String...) -> JSONValue?
}

extension JSONValue: JSONLookup {
    public func string(_ path: String...) -> String? { path.reduce(Optional(self)) { $0?[$1] }?.string }
    public func integer(_ path: String...) -> Int? { path.reduce(Optional(self)) { $0?[$1] }?.integer }
    public func stringEquals(_ utf8: ArraySlice<UInt8>, _ path: String...) -> Bool {
        path.reduce(Optional(self)) { $0?[$1] }?.string?.utf8.elementsEqual(utf8) ?? false
    }
    public func json(_ path: String...) -> JSONValue? { path.reduce(Optional(self)) { $0?[$1] } }
}

extension CanonicalJSONView {
    /// A node of a view, read as a `JSONLookup`.
    public struct Ref: JSONLookup, Sendable {
        public let view: CanonicalJSONView
        public let node: Int
        public init(_ view: CanonicalJSONView, _ node: Int) {
            self.view = view
            self.node = node
        }
        func at(_ path: [String]) -> Int? {
            var n = node
            for name in path {
                guard let m = view.member(n, name) else { return nil }
                n = m
            }
            return n
        }
        public func string(_ path: String...) -> String? { at(path).flatMap(view.string) }
        public func integer(_ path: String...) -> Int? { at(path).flatMap(view.integer) }
        public func json(_ path: String...) -> JSONValue? { at(path).map(view.value) }
        public func stringEquals(_ utf8: ArraySlice<UInt8>, _ path: String...) -> Bool {
            guard let n = at(path), view.kind(n) == .string else { return false }
            let raw = view.raw(n)
            return raw.contains(0x5C) ? view.string(n)!.utf8.elementsEqual(utf8) : bytesEqual(raw, utf8)
        }
    }
}
