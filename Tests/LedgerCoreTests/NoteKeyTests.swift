import LedgerCrypto
import Testing
@testable import LedgerCore

/// C2SP signed-note key formats, checked against the example key pair of Go's sumdb/note documentation.
@Suite struct NoteKeyTests {
    static let signer = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let verifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"

    @Test func goNoteExampleKeysRoundTrip() throws {
        let s = try #require(NoteKey.Signer(text: Self.signer))
        #expect(s.name == "PeterNeumann")
        #expect(s.verifier.text == Self.verifier)
        #expect(s.text == Self.signer)
        let v = try #require(NoteKey.Verifier(text: Self.verifier))
        #expect(v.keyID == "PeterNeumann+c74f20a3")
        #expect(v == s.verifier)
    }

    @Test func malformedOrMismatchedKeysAreRejected() {
        #expect(NoteKey.Verifier(text: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == nil)
        #expect(NoteKey.Verifier(text: "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == nil)
        #expect(NoteKey.Verifier(text: "PeterNeumann+c74f20a3+AhpcMQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == nil)
        #expect(NoteKey.Verifier(text: "") == nil)
        #expect(NoteKey.Signer(text: Self.verifier) == nil)
        #expect(!NoteKey.isValidName("a+b") && !NoteKey.isValidName("") && NoteKey.isValidName("claimledger.example/log"))
    }
}
