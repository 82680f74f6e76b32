import Foundation
import LedgerCore
import LedgerCrypto

/// Rebuilds a ledger from an export (`journal.jsonl` and the `sources/` snapshots beside it), checking every line
/// as it goes: the entry object's RFC 8785 bytes, their leaf hash, seq continuity, the prev chain, the body's
/// shape, the signature against keys registered earlier, and each source snapshot against its id. The ledger is
/// built in a temporary directory, verified in full, and only then moved to its place: a bad export creates nothing.
public enum LedgerImport {
    /// What was imported.
    public struct Result: Sendable {
        public let size: Int64
        public let root: Digest
        public let origin: String
    }

    /// Imports `export` (the journal file, or the directory holding `journal.jsonl`) into the new directory `target`.
    public static func run(export: String, into target: String) throws -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: export, isDirectory: &isDirectory) else { throw StoreError("no export at \(export)") }
        let journal = isDirectory.boolValue ? export + "/journal.jsonl" : export
        let sources = URL(fileURLWithPath: journal).deletingLastPathComponent().appendingPathComponent("sources").path
        let name = URL(fileURLWithPath: journal).lastPathComponent
        guard let data = FileManager.default.contents(atPath: journal) else { throw StoreError("cannot read \(journal)") }
        let dest = URL(fileURLWithPath: target).standardizedFileURL
        if FileManager.default.fileExists(atPath: dest.path) {
            guard (try? FileManager.default.contentsOfDirectory(atPath: dest.path))?.isEmpty == true else {
                throw StoreError("\(target) already exists and is not empty; import into a new directory")
            }
        }
        let staging = dest.deletingLastPathComponent().appendingPathComponent(".\(dest.lastPathComponent).importing-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("keys"), withIntermediateDirectories: true)
        for sub in ["checkpoints", "reports"] { try FileManager.default.createDirectory(at: staging.appendingPathComponent(sub), withIntermediateDirectories: true) }
        do {
            let store = try LedgerStore.createEmpty(at: staging.appendingPathComponent(LedgerStore.fileName).path, now: Bodies.now())
            var keys: [String: NoteKey.Verifier] = [:]
            var origin = ""
            let size: Int64 = try store.append(time: Bodies.now(), author: "") { batch in
                var prev = Digest.zero
                for (n, raw) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !raw.isEmpty {
                    func fail(_ why: String) -> StoreError { StoreError("\(name) line \(n + 1): \(why); nothing was imported", integrity: true) }
                    let line: JSONValue
                    do { line = try JSONParser.parse(raw) } catch { throw fail("\(error)") }
                    guard let entryValue = line["entry"], let seq = line["seq"]?.integer, let leafHex = line["leaf_hash"]?.string else {
                        throw fail("expected {\"entry\", \"leaf_hash\", \"seq\"}")
                    }
                    guard seq == Int(batch.size) else { throw fail("seq \(seq) where \(batch.size) was expected") }
                    let bytes: [UInt8]
                    do { bytes = try CanonicalJSON.encode(entryValue) } catch { throw fail("\(error)") }
                    let entry: Entry
                    do { entry = try Entry(seq: Int64(seq), bytes: bytes) } catch { throw fail("\(error)") }
                    guard entry.leafHash.hex == leafHex else { throw fail("leaf_hash does not match SHA-256(0x00 ‖ the entry's RFC 8785 bytes): the entry was edited") }
                    if let problem = EntryCheck.check(bytes, expectedSeq: Int64(seq), prev: prev).problems.first { throw fail(problem) }
                    var signature: [UInt8]? = nil
                    if let hex = line["signature"]?.string {
                        guard let sig = Hex.decode(hex), let key = keys[entry.author] ?? (entry.kind == .genesis ? entry.body["public_key"]?.string.flatMap(NoteKey.Verifier.init(text:)) : nil),
                              key.publicKey.isValidSignature(sig, for: bytes) else {
                            throw fail("the signature does not verify against the author's registered key")
                        }
                        signature = sig
                    }
                    switch entry.kind {
                    case .genesis:
                        guard let key = entry.body["public_key"]?.string.flatMap(NoteKey.Verifier.init(text:)) else { throw fail("the genesis entry has no valid key") }
                        keys[key.keyID] = key
                        origin = entry.body["origin"]?.string ?? ""
                        try (key.text + "\n").write(toFile: staging.appendingPathComponent("keys/\(key.name.replacingOccurrences(of: "/", with: "_")).vkey").path,
                                                    atomically: true, encoding: .utf8)
                    case .key:
                        if let key = entry.body["vkey"]?.string.flatMap(NoteKey.Verifier.init(text:)) { keys[key.keyID] = key }
                    case .source:
                        let id = entry.body["id"]?.string ?? ""
                        guard let snapshot = FileManager.default.contents(atPath: sources + "/" + id) else {
                            throw fail("the snapshot sources/\(id.prefix(16))… is missing from the export")
                        }
                        guard try batch.storeBlob(Array(snapshot)).hex == id else { throw fail("the snapshot sources/\(id.prefix(16))… does not hash to its id: it was edited") }
                    default: break
                    }
                    try batch.appendExisting(entry, signature: signature)
                    prev = entry.leafHash
                }
                return batch.size
            }
            guard size > 0 else { throw StoreError("\(name) holds no entries") }
            let report = try Verifier.verify(directory: staging.path)
            guard report.ok else {
                throw StoreError("the imported ledger does not verify: \(report.findings.first?.what ?? "")", integrity: true)
            }
            if FileManager.default.fileExists(atPath: dest.path) { try FileManager.default.removeItem(at: dest) }
            try FileManager.default.moveItem(at: staging, to: dest)
            return Result(size: size, root: report.root, origin: origin)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }
}
