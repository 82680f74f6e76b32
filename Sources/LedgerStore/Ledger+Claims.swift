import LedgerCore
import LedgerCrypto

extension Ledger {
    /// A claim that could not be recorded: which one (its index in input order, or the position the caller gave
    /// it, such as a line number), which field, and why.
    public struct ClaimError: Error, CustomStringConvertible {
        /// A quote that is in neither form in its source, for a caller that looks for the nearest passage.
        public struct Missing: Sendable {
            public let source: Digest
            public let quote: String
        }

        /// The claim this one is identical to.
        public enum Duplicate: Sendable, Equatable {
            /// A current claim, at this seq (a claim, or the correction that now stands for it).
            case recorded(Int64)
            /// A claim earlier in the same batch, at this position.
            case batch(Int)
        }

        public let index: Int
        public let field: String
        public let message: String
        /// Set when the excerpt was not found in its source.
        public let missing: Missing?
        /// Set when the claim is identical to another one.
        public let duplicate: Duplicate?

        public init(index: Int, field: String, message: String, missing: Missing? = nil, duplicate: Duplicate? = nil) {
            self.index = index
            self.field = field
            self.message = message
            self.missing = missing
            self.duplicate = duplicate
        }

        public var description: String { "\(field): \(message)" }
    }

    /// Where an appended entry landed.
    public struct Appended: Sendable {
        public let seq: Int64
        public let leafHash: Digest
    }

    /// How a batch of claims is checked before it is recorded.
    public struct ClaimChecks: Sendable {
        /// Accept subjects that look like misspellings of entity names.
        public var newSubject: Bool
        /// Record a claim identical to a current one (or to one earlier in the batch) instead of refusing it.
        public var allowDuplicate: Bool
        /// Check everything and record nothing: no write transaction is opened.
        public var dryRun: Bool
        /// How many errors are kept (all are counted).
        public var errorLimit: Int

        public init(newSubject: Bool = false, allowDuplicate: Bool = false, dryRun: Bool = false, errorLimit: Int = 1) {
            self.newSubject = newSubject
            self.allowDuplicate = allowDuplicate
            self.dryRun = dryRun
            self.errorLimit = errorLimit
        }
    }

    /// What checking (and recording) a batch of claims found.
    public struct ClaimBatchReport: Sendable {
        /// Claims taken, good or bad.
        public var claims = 0
        /// Claims identical to a current one or an earlier one of the batch, recorded anyway (`allowDuplicate`).
        public var duplicates = 0
        /// The first `errorLimit` errors, in input order.
        public var errors: [ClaimError] = []
        /// Every error, counted.
        public var errorCount = 0
    }

    /// A batch in which some claim could not be recorded, so nothing was.
    public struct ClaimBatchError: Error {
        public let report: ClaimBatchReport
    }

    /// Records claims, all in one transaction: every claim is appended, or none is (the first error is thrown).
    /// A subject that is not an entity name but looks like a misspelling of one is refused unless `newSubject`;
    /// a claim identical to a current one unless `allowDuplicate`.
    public func addClaims(_ inputs: [ClaimInput], newSubject: Bool = false, allowDuplicate: Bool = false) throws -> [Appended] {
        var out: [Appended] = []
        out.reserveCapacity(inputs.count)
        var rest = inputs.makeIterator()
        try addClaims(from: { rest.next() }, each: { out.append($0) }, newSubject: newSubject, allowDuplicate: allowDuplicate)
        return out
    }

    /// Records the claims `next` hands over one at a time until it returns nil, all in one transaction, and
    /// throws the first `ClaimError` (nothing is then recorded; its index counts the claims taken from `next`,
    /// from 0); an error `next` throws also rolls back.
    public func addClaims(from next: () throws -> ClaimInput?, each: (Appended) -> Void,
                          newSubject: Bool = false, allowDuplicate: Bool = false) throws {
        var n = -1
        do {
            _ = try recordClaims(from: { try next().map { n += 1; return (n, .success($0)) } }, each: each,
                                 checks: ClaimChecks(newSubject: newSubject, allowDuplicate: allowDuplicate))
        } catch let e as ClaimBatchError {
            throw e.report.errors[0]
        }
    }

    /// Checks every claim `next` hands over (a claim, or a `ClaimError` the caller found reading it) until it
    /// returns nil, and records them all in one transaction when none is wrong. When any is wrong, nothing is
    /// recorded and `ClaimBatchError` reports every error (the first `errorLimit` of them, and how many).
    /// A dry run checks the same and records nothing, on a read snapshot (no write transaction).
    /// Memory does not grow with the number of claims but for the duplicate check (one key per claim).
    public func recordClaims(from next: () throws -> (position: Int, claim: Result<ClaimInput, ClaimError>)?,
                             each: (Appended) -> Void, checks: ClaimChecks) throws -> ClaimBatchReport {
        func run(_ append: ((ClaimBody) throws -> Appended)?) throws -> ClaimBatchReport {
            let builder = ClaimBodyBuilder(ledger: self, newSubject: checks.newSubject)
            let size = try store.size(), time = Bodies.now()
            let keys = try ClaimKeys(store: store, names: try entityNames(), recordedSize: size)
            var report = ClaimBatchReport()
            func record(_ e: ClaimError) {
                if report.errors.count < checks.errorLimit { report.errors.append(e) }
                report.errorCount += 1
            }
            while let taken = try next() {
                let (position, item) = taken
                report.claims += 1
                do {
                    let body = try builder.body(for: try item.get(), index: position)
                    if let holder = try keys.holder(of: body) {
                        guard checks.allowDuplicate else { throw Self.duplicateError(position, holder) }
                        report.duplicates += 1
                    } else {
                        keys.insert(body, position: position)
                    }
                    do {
                        if let append, report.errorCount == 0 {
                            each(try append(body))
                        } else {
                            _ = try Entry.make(seq: size + Int64(report.claims - 1), prev: .zero, time: time, author: author, body: .claim(body))
                        }
                    } catch let e as EntryError {
                        throw ClaimError(index: position, field: "claim", message: e.message)
                    }
                } catch let e as ClaimError {
                    record(e)
                }
            }
            if report.errorCount > 0 { throw ClaimBatchError(report: report) }
            return report
        }
        if checks.dryRun {
            return try store.snapshot {
                try checkSigner()
                return try run(nil)
            }
        }
        return try appending { batch in
            try run { body in
                let entry = try batch.append(.claim(body))
                return Appended(seq: entry.seq, leafHash: entry.leafHash)
            }
        }
    }

    static func duplicateError(_ position: Int, _ holder: ClaimKeys.Holder) -> ClaimError {
        let same = "the same source and excerpt position, speaker, subject, predicate, value and qualifiers"
        switch holder {
        case .recorded(let seq):
            return ClaimError(index: position, field: "claim", message: "identical to the claim at seq \(seq) (\(same)); pass --allow-duplicate to record it again",
                              duplicate: .recorded(seq))
        case .batch(let earlier):
            return ClaimError(index: position, field: "claim", message: "identical to claim \(earlier) of this batch (\(same)); pass --allow-duplicate to record both",
                              duplicate: .batch(earlier))
        }
    }
}
