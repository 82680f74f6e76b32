import Foundation
import LedgerCore
import LedgerCrypto

/// Rebuilds a ledger from an export (`journal.jsonl` and the `sources/` snapshots beside it), checking every line
/// as it goes: the entry object's RFC 8785 bytes, their leaf hash, seq continuity, the prev chain, the body's
/// shape, the signature against keys registered earlier, and each source snapshot against its id. The journal is
/// read line by line (memory does not grow with its length). The rebuilt tree must then equal the bundle's
/// manifest (a checkpoint signed with the genesis entry's key) and be consistent with every checkpoint in the
/// bundle and every published one the user gives; a bundle re-chained after an edit, truncated or reordered is
/// refused. The ledger is built in a fresh temporary directory beside the target, verified in full, and renamed
/// into place (a rename never replaces a non-empty directory): a bad export creates nothing, and nothing that
/// import did not create is ever removed. The imported checkpoints become the new ledger's history.
public enum LedgerImport {
    /// The longest journal line read (as `claim import`'s 8 MiB): an entry is at most 65,535 bytes, so a line
    /// holding one, escaped as a JSON string, with its hash and signature, stays far below it.
    public static let maxLine = 8 << 20

    /// What was imported.
    public struct Result: Sendable {
        public let size: Int64
        public let root: Digest
        public let origin: String
        /// The ledger key the bundle is signed with (from its genesis entry), and how many distinct signed checkpoints
        /// it was checked against (kept as the new ledger's history).
        public let key: NoteKey.Verifier
        public let checkpoints: Int
    }

    /// Imports `export` (the journal file, or the directory holding `journal.jsonl`) into the new directory `target`.
    /// `expected`, when given, is the only ledger key accepted; `published` are signed checkpoint notes (from a
    /// place the user trusts) that the rebuilt ledger must be consistent with.
    public static func run(export: String, into target: String, expected: NoteKey.Verifier? = nil, published: [(name: String, note: [UInt8])] = []) throws -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: export, isDirectory: &isDirectory) else { throw StoreError("no export at \(export)") }
        let journal = isDirectory.boolValue ? export + "/journal.jsonl" : export
        let sources = URL(fileURLWithPath: journal).deletingLastPathComponent().appendingPathComponent("sources").path
        let name = URL(fileURLWithPath: journal).lastPathComponent
        let bundle = URL(fileURLWithPath: journal).deletingLastPathComponent()
        guard let manifest = FileManager.default.contents(atPath: bundle.appendingPathComponent("manifest.checkpoint").path) else {
            throw StoreError("\(bundle.path) has no manifest.checkpoint (the signed size and root that end a bundle): the export is incomplete or was not made by `claimledger export -o`; nothing was imported", integrity: true)
        }
        guard let file = fopen(journal, "r") else { throw StoreError("cannot read \(journal): \(String(cString: strerror(errno)))") }
        defer { fclose(file) }
        let dest = URL(fileURLWithPath: target).standardizedFileURL
        // The ledger is built beside NEWDIR and renamed onto it, and rename(2) does not follow a symbolic link.
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: dest.path) {
            throw StoreError("\(target) is a symbolic link (to \(link)): give the directory's real path, or a new path; nothing was imported")
        }
        if FileManager.default.fileExists(atPath: dest.path) {
            guard (try? FileManager.default.contentsOfDirectory(atPath: dest.path))?.isEmpty == true else {
                throw StoreError("\(target) already exists and is not empty; import into a new directory")
            }
        }
        try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
        var template = Array(dest.deletingLastPathComponent().appendingPathComponent(".\(dest.lastPathComponent).importing-XXXXXX").path.utf8CString)
        guard mkdtemp(&template) != nil else { throw StoreError("cannot create a directory beside \(target): \(String(cString: strerror(errno)))") }
        let staging = URL(fileURLWithPath: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        do {
            for sub in ["keys", "checkpoints", "reports"] { try FileManager.default.createDirectory(at: staging.appendingPathComponent(sub), withIntermediateDirectories: true) }
            let store = try LedgerStore.createEmpty(at: staging.appendingPathComponent(LedgerStore.fileName).path, now: Bodies.now())
            var keys: [String: NoteKey.Verifier] = [:]
            var origin = "", genesisKey: NoteKey.Verifier? = nil
            let size: Int64 = try store.append(time: Bodies.now(), author: "") { batch in
                var prev = Digest.zero
                var reader = JournalLineReader(file, limit: LedgerImport.maxLine)
                var n = -1
                while true {
                    func fail(_ why: String) -> StoreError { StoreError("\(name) line \(n + 1): \(why); nothing was imported", integrity: true) }
                    let next: [UInt8]?
                    do throws(JournalLineReader.Failure) {
                        next = try reader.next()
                    } catch {
                        n += 1
                        switch error {
                        case .tooLong: throw fail("longer than \(LedgerImport.maxLine >> 20) MiB, which no export writes (an entry is at most 65,535 bytes)")
                        case .unreadable(let code): throw StoreError("cannot read \(journal): \(String(cString: strerror(code))); nothing was imported")
                        }
                    }
                    guard let raw = next else { break }
                    n += 1
                    if raw.isEmpty { continue }
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
                    guard let body = EntryBody(bytes) else { throw fail("the \(entry.kind.rawValue) body is malformed") }
                    var signature: [UInt8]? = nil
                    if let hex = line["signature"]?.string {
                        var genesisKey: NoteKey.Verifier? { if case .genesis(let g) = body { NoteKey.Verifier(text: g.publicKey) } else { nil } }
                        guard let sig = Hex.decode(hex), let key = keys[entry.author] ?? genesisKey,
                              key.publicKey.isValidSignature(sig, for: bytes) else {
                            throw fail("the signature does not verify against the author's registered key")
                        }
                        signature = sig
                    }
                    switch body {
                    case .genesis(let genesis):
                        guard let key = NoteKey.Verifier(text: genesis.publicKey) else { throw fail("the genesis entry has no valid key") }
                        keys[key.keyID] = key
                        genesisKey = key
                        origin = genesis.origin
                        try (key.text + "\n").write(toFile: staging.appendingPathComponent("keys/\(key.name.replacingOccurrences(of: "/", with: "_")).vkey").path,
                                                    atomically: true, encoding: .utf8)
                    case .key(let k):
                        if let key = NoteKey.Verifier(text: k.vkey) { keys[key.keyID] = key }
                    case .source(let source):
                        let id = source.id.hex
                        guard let snapshot = FileManager.default.contents(atPath: sources + "/" + id) else {
                            throw fail("the snapshot sources/\(id.prefix(16))… is missing from the export")
                        }
                        guard try batch.storeBlob(Array(snapshot)).hex == id else { throw fail("the snapshot sources/\(id.prefix(16))… does not hash to its id: it was edited") }
                    default: break
                    }
                    try batch.appendExisting(entry, body: body, signature: signature)
                    prev = entry.leafHash
                }
                return batch.size
            }
            guard ferror(file) == 0 else { throw StoreError("cannot read \(journal): \(String(cString: strerror(errno)))") }
            guard size > 0 else { throw StoreError("\(name) holds no entries") }
            let key = try ledgerKey(genesisKey, expected: expected)
            func open(_ note: [UInt8], _ what: String) throws -> Checkpoint {
                let cp: Checkpoint
                do { cp = try Checkpoint.open(note, key: key, origin: origin) } catch {
                    throw StoreError("\(what) is not a checkpoint of \(origin) signed by \(key.keyID): \(error); nothing was imported", integrity: true)
                }
                guard cp.size <= size else {
                    throw StoreError("\(what) covers \(cp.size) entries but the bundle holds only \(size): entries were removed from it; nothing was imported", integrity: true)
                }
                guard try store.root(size: cp.size) == cp.root else {
                    throw StoreError("the bundle's first \(cp.size) entries do not hash to the root signed in \(what): its history was rewritten; nothing was imported", integrity: true)
                }
                try DurableFile.write(note, to: staging.appendingPathComponent("checkpoints/\(cp.size).checkpoint").path, replace: false)
                return cp
            }
            let signed = try open(Array(manifest), "the bundle's manifest.checkpoint")
            guard signed.size == size else {
                throw StoreError("\(name) holds \(size) entries but the bundle's signed manifest covers \(signed.size): entries were added to it; nothing was imported", integrity: true)
            }
            let dir = bundle.appendingPathComponent("checkpoints")
            let inBundle = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".checkpoint") }.sorted()
            for file in inBundle {
                guard let note = FileManager.default.contents(atPath: dir.appendingPathComponent(file).path) else { throw StoreError("cannot read the bundle's checkpoints/\(file)") }
                _ = try open(Array(note), "the bundle's checkpoints/\(file)")
            }
            // Witnessed copies: each must hold the ledger-signed text of a checkpoint kept above (the witnesses'
            // own lines are for readers who trust those witnesses to check).
            for file in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter({ $0.hasSuffix(".cosigned") }).sorted() {
                guard let note = FileManager.default.contents(atPath: dir.appendingPathComponent(file).path) else { throw StoreError("cannot read the bundle's checkpoints/\(file)") }
                let what = "the bundle's checkpoints/\(file)"
                let cp: Checkpoint
                do { cp = try Checkpoint.open(Array(note), key: key, origin: origin) } catch {
                    throw StoreError("\(what) is not a checkpoint of \(origin) signed by \(key.keyID): \(error); nothing was imported", integrity: true)
                }
                let plain = staging.appendingPathComponent("checkpoints/\(cp.size).checkpoint").path
                guard file == "\(cp.size).cosigned", let kept = FileManager.default.contents(atPath: plain),
                      (try? Checkpoint.open(Array(kept), key: key, origin: origin)) == cp else {
                    throw StoreError("\(what) is not a witnessed copy of the bundle's checkpoints/\(cp.size).checkpoint; nothing was imported", integrity: true)
                }
                try DurableFile.write(Array(note), to: staging.appendingPathComponent("checkpoints/\(file)").path, replace: false)
            }
            for (file, note) in published { _ = try open(note, "the published checkpoint \(file)") }
            let report = try Verifier.verify(directory: staging.path)
            guard report.ok else {
                throw StoreError("the imported ledger does not verify: \(report.findings.first?.what ?? "")", integrity: true)
            }
            let kept = try FileManager.default.contentsOfDirectory(atPath: staging.appendingPathComponent("checkpoints").path).filter { $0.hasSuffix(".checkpoint") }.count
            // rename(2) replaces only a missing or empty directory: whatever appeared in DIR meanwhile is kept.
            guard rename(staging.path, dest.path) == 0 else {
                throw StoreError("cannot move the imported ledger to \(target): \(String(cString: strerror(errno))) (it was created or filled meanwhile); nothing was changed")
            }
            try DurableFile.syncDirectory(of: dest.path)
            return Result(size: size, root: report.root, origin: origin, key: key, checkpoints: kept)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// The ledger key: the genesis entry's, which must be `expected` when one is given.
    static func ledgerKey(_ genesis: NoteKey.Verifier?, expected: NoteKey.Verifier?) throws -> NoteKey.Verifier {
        guard let key = genesis else { throw StoreError("the bundle has no genesis key; nothing was imported", integrity: true) }
        if let expected, expected != key {
            throw StoreError("the bundle is signed by \(key.keyID), not by the expected key \(expected.keyID): it is another ledger or a forgery; nothing was imported", integrity: true)
        }
        return key
    }
}
