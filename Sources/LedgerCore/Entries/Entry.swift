import LedgerCrypto

/// One appended record: its exact canonical JSON bytes, sequence number and RFC 6962 leaf hash.
///
/// The bytes are `{"v":1,"seq":N,"prev":HEX,"time":RFC3339,"author":KEYID,"kind":KIND,"body":{…}}`
/// in RFC 8785 form (DESIGN §3). They are what is hashed, signed, stored and exported; an `Entry` read
/// back keeps them as they are and is never re-encoded to be checked.
public struct Entry: Sendable {
    /// The envelope version this code writes.
    public static let version = 1
    /// The largest entry, in bytes (the C2SP tlog-tiles entry-bundle limit).
    public static let maxBytes = 65_535

    public let seq: Int64
    public let bytes: [UInt8]
    public let leafHash: Digest
    public let kind: EntryKind
    /// The parsed envelope (`seq`, `prev`, `time`, `author`, `kind`, `body`).
    public let envelope: JSONValue

    /// The body object.
    public var body: JSONValue { envelope["body"] ?? .null }
    /// The previous entry's leaf hash, as recorded.
    public var prev: String { envelope["prev"]?.string ?? "" }
    /// When the entry was appended (RFC 3339, UTC).
    public var time: String { envelope["time"]?.string ?? "" }
    /// The key id of whoever appended it.
    public var author: String { envelope["author"]?.string ?? "" }

    /// Builds the entry that follows `prev`: canonical bytes, size check, leaf hash.
    public static func make(seq: Int64, prev: Digest, time: String, author: String, kind: EntryKind, body: JSONValue) throws(EntryError) -> Entry {
        let envelope: JSONValue = [
            "v": .int(version), "seq": .number(Double(seq)), "prev": .string(prev.hex), "time": .string(time),
            "author": .string(author), "kind": .string(kind.rawValue), "body": body,
        ]
        let bytes: [UInt8]
        do { bytes = try CanonicalJSON.encode(envelope) } catch { throw EntryError("the \(kind.rawValue) entry cannot be encoded: \(error)") }
        guard bytes.count <= maxBytes else {
            throw EntryError("the \(kind.rawValue) entry would be \(bytes.count) bytes; the limit is \(maxBytes) (keep long texts in the source, not the claim)")
        }
        return Entry(seq: seq, bytes: bytes, kind: kind, envelope: envelope)  // no need to parse back what was just encoded
    }

    /// The entry holding a typed body (its kind is the body's).
    public static func make(seq: Int64, prev: Digest, time: String, author: String, body: EntryBody) throws(EntryError) -> Entry {
        try make(seq: seq, prev: prev, time: time, author: author, kind: body.kind, body: body.json)
    }

    private init(seq: Int64, bytes: [UInt8], kind: EntryKind, envelope: JSONValue) {
        self.seq = seq
        self.bytes = bytes
        self.kind = kind
        self.envelope = envelope
        self.leafHash = MerkleHash.leaf(bytes)
    }

    /// Reads stored bytes. Fails when they are not JSON or lack a known `kind`; whether they are canonical
    /// and well-formed in every other way is `EntryCheck`'s job, which reports rather than throws.
    public init(seq: Int64, bytes: [UInt8]) throws(EntryError) {
        let parsed: JSONValue
        do { parsed = try JSONParser.parse(bytes) } catch { throw EntryError("entry \(seq) is not valid JSON: \(error)") }
        guard let kindName = parsed["kind"]?.string, let kind = EntryKind(rawValue: kindName) else {
            throw EntryError("entry \(seq) has no known kind")
        }
        self.seq = seq
        self.bytes = bytes
        self.kind = kind
        self.envelope = parsed
        self.leafHash = MerkleHash.leaf(bytes)
    }
}

/// Why an entry could not be built or read.
public struct EntryError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Entry {
    /// An entry's envelope read through a view of its bytes: its kind, author and the node of its body.
    public struct Envelope: Sendable {
        public let kind: EntryKind
        public let author: String?
        public let body: Int

        /// Nil when the root names no known kind or has no body.
        public init?(_ view: CanonicalJSONView) {
            guard let kind = view.member(view.root, "kind").flatMap(view.string).flatMap(EntryKind.init(rawValue:)),
                  let body = view.member(view.root, "body") else { return nil }
            self.kind = kind
            self.author = view.member(view.root, "author").flatMap(view.string)
            self.body = body
        }
    }
}
