import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LedgerCore
import LedgerCrypto

/// A log's side of c2sp.org/tlog-witness: sends a signed checkpoint with a consistency proof to a witness's
/// `add-checkpoint`, and checks the cosignature it returns against the witness's configured key.
///
/// The client does not know which size the witness last cosigned: it first offers `guess` (the size it last got
/// cosigned by this witness, or 0), and on 409 Conflict retries once from the size the witness names.
public struct WitnessClient: Sendable {
    /// A configured witness: where its submission prefix is, and its key (type 0x04).
    public struct Endpoint: Equatable, Sendable {
        public let url: URL
        public let key: NoteKey.Verifier

        public init(url: URL, key: NoteKey.Verifier) {
            self.url = url
            self.key = key
        }

        /// Parses `URL VKEY` (as on the command line and in a ledger's `witnesses` file).
        public init(line: String) throws {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, let url = URL(string: String(parts[0])), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", url.host != nil else {
                throw PublishError("a witness is given as \"URL VKEY\" (e.g. \"http://127.0.0.1:7380 witness.example+1234abcd+BA…\"), not \(NoteKey.quotedKeyText(line))")
            }
            guard let key = CosignerKey.verifier(String(parts[1])) else {
                throw PublishError("\(NoteKey.quotedKeyText(parts[1])) is not a witness verifier key (NAME+HASH+BASE64 with type 0x04; `claimledger witness generate-key` prints one)")
            }
            self.init(url: url, key: key)
        }

        /// `URL VKEY`.
        public var line: String { "\(url.absoluteString) \(key.text)" }
    }

    /// What one witness did with a checkpoint.
    public enum Outcome: Sendable {
        /// It cosigned; the cosignature verifies with its key.
        case cosigned(Cosignature)
        /// It refused (the status and its reason), or could not be reached (status nil).
        case refused(status: Int?, reason: String)

        /// True when the witness said the checkpoint is inconsistent with one it cosigned before (a fork).
        public var isInconsistency: Bool { if case .refused(422, _) = self { true } else { false } }
    }

    public let endpoint: Endpoint
    /// How long to wait for the witness, in seconds.
    public let timeout: TimeInterval

    public init(endpoint: Endpoint, timeout: TimeInterval = 15) {
        self.endpoint = endpoint
        self.timeout = timeout
    }

    /// Submits the signed checkpoint `note` (of `checkpoint`); `proof(oldSize)` gives the consistency proof from an
    /// earlier size of the log to the checkpoint's.
    public func submit(note: String, checkpoint: Checkpoint, guess: Int64, proof: (Int64) throws -> [Digest]) async -> Outcome {
        var oldSize = min(max(guess, 0), checkpoint.size)
        for attempt in 0..<2 {
            let body: [UInt8]
            do { body = AddCheckpointRequest(oldSize: oldSize, proof: oldSize == 0 ? [] : try proof(oldSize), note: Array(note.utf8)).body } catch {
                return .refused(status: nil, reason: "cannot make the consistency proof from size \(oldSize): \(error)")
            }
            let response: WitnessResponse
            switch await post(body) {
            case .failure(let why):
                return .refused(status: nil, reason: why.isTransport ? "cannot reach \(endpoint.url.absoluteString): \(why)" : "\(endpoint.url.absoluteString): \(why)")
            case .success(let r): response = r
            }
            switch response.outcome() {
            case .success(let signatures):
                for s in signatures where s.name == endpoint.key.name && s.keyID == endpoint.key.keyHash {
                    if let c = Cosignature(s), c.verifies(text: checkpoint.text, key: endpoint.key) { return .cosigned(c) }
                    return .refused(status: 200, reason: "the witness's cosignature does not verify with its configured key")
                }
                return .refused(status: 200, reason: "the witness answered without a cosignature from its configured key \(endpoint.key.keyID)")
            case .failure(let refusal):
                if refusal.status == 409, let size = refusal.witnessSize, attempt == 0 {
                    guard size <= checkpoint.size else {
                        return .refused(status: 409, reason: "the witness has already cosigned a larger tree (\(size) entries) than this checkpoint (\(checkpoint.size)): the log was rolled back, or another copy of it is being witnessed")
                    }
                    oldSize = size
                    continue
                }
                return .refused(status: refusal.status, reason: refusal.message.isEmpty ? "HTTP \(refusal.status)" : refusal.message)
            }
        }
        return .refused(status: 409, reason: "the witness kept answering 409 Conflict")
    }

    /// POSTs the request body and reads the answer streaming, at most `WitnessResponse.maxBytes` of it, within
    /// `timeout` seconds in all; a redirect to another host is refused.
    private func post(_ body: [UInt8]) async -> Result<WitnessResponse, BoundedDownload.Failure> {
        var request = URLRequest(url: endpoint.url.appendingPathComponent("add-checkpoint"), timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("text/plain; charset=utf-8", forHTTPHeaderField: "Content-Type")
        switch await BoundedDownload.run(request, limit: WitnessResponse.maxBytes, timeout: timeout, readsErrorBodies: true) {
        case .failure(let why): return .failure(why)
        case .success(let answer): return .success(WitnessResponse(status: answer.status, contentType: answer.contentType, body: answer.body))
        }
    }
}
