import LedgerPublish
import Testing

@Suite struct PublishErrorTests {
    @Test func messageAndKind() {
        let io = PublishError("cannot read tile/0/000")
        #expect(io.description == "cannot read tile/0/000")
        #expect(!io.isVerificationFailure)
        #expect(PublishError("roots differ", verificationFailure: true).isVerificationFailure)
    }
}
