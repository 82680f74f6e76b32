import Foundation
import LedgerCore
import LedgerCrypto

extension Ledger {
    /// The ledger key's private half, from `keys/NAME.key`. Refused, as ssh does, unless only its owner can read
    /// it (mode 0600 or stricter), and when it does not match the public key recorded in the genesis entry.
    public func ledgerSigner() throws -> NoteKey.Signer {
        let path = directory.appendingPathComponent("keys/\(ledgerKey.name.replacingOccurrences(of: "/", with: "_")).key").path
        let signer = try Ledger.loadSigner(path)
        guard signer.verifier == ledgerKey else {
            throw StoreError("\(path) is not this ledger's key (its public key differs from the genesis entry's)")
        }
        return signer
    }

    /// Loads a signer key file (`PRIVATE+KEY+…`), refusing one that others can read or that is malformed.
    /// Never prints the key's contents.
    public static func loadSigner(_ path: String) throws -> NoteKey.Signer {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw StoreError("cannot read the private key \(path): \(String(cString: strerror(errno)))")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw StoreError("refusing to use the private key \(path): it is readable by others (mode \(String(st.st_mode & 0o777, radix: 8))); run chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              let signer = NoteKey.Signer(text: text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw StoreError("\(path) is not a claimledger private key (expected PRIVATE+KEY+NAME+HASH+DATA)") }
        return signer
    }
}
