import Foundation
import Hummingbird
import LedgerAnalysis
import LedgerCore
import LedgerStore

/// The JSON API under `/api/` (schemas/openapi.json): bearer-token authentication, `{"error": "…"}` refusals
/// with 400 (malformed JSON), 401, 403, 404, 409, 413, 422 (validation).
extension NewsroomServer {
    func addAPIRoutes(_ router: Router<NewsroomContext>) {
        let api = router.group("api")
        api.get("me") { request, _ in
            let caller = try apiCaller(request)
            return ResponseFrame.json(["name": .string(caller.user.name), "role": .string(caller.user.role.rawValue), "key": .string(caller.user.keyName)])
        }
        api.get("status") { request, _ in
            _ = try apiCaller(request)
            let s = try snapshot()
            let report = try verified(covering: s.size, mustCover: true)
            return ResponseFrame.json([
                "origin": .string(s.origin), "size": .int(Int(s.size)), "root": .string(s.root), "verified": .bool(report.ok),
                "findings": .array(report.findings.prefix(20).map(\.json)), "sources": .int(s.sources.count), "claims": .int(s.claims.count),
                "checkpoint": s.checkpoint.map { .object(["size": .int(Int($0.checkpoint.size)), "root": .string($0.checkpoint.root.hex), "note": .string($0.note)]) } ?? .null,
                "recent": .array(s.recent.map { $0.entry.record(signature: $0.signature) }),
            ])
        }
        api.get("sources") { request, _ in
            _ = try apiCaller(request)
            let s = try snapshot()
            return ResponseFrame.json(["sources": .array(s.sources.map { src in .object(Self.json(src, claims: s.claims.filter { $0.source == src.id }.count)) })])
        }
        api.get("sources/:id") { request, context in
            _ = try apiCaller(request)
            let s = try snapshot()
            let (src, text) = try sourceText(context.parameters.get("id") ?? "", s)
            let claims = s.claims.filter { $0.source == src.id }
            var json = Self.json(src, claims: claims.count)
            json["text"] = .string(text)
            json["claim_seqs"] = .array(claims.map { .int(Int($0.seq)) })
            return ResponseFrame.json(.object(json))
        }
        api.get("claims") { request, _ in
            _ = try apiCaller(request)
            let s = try snapshot()
            let filter = try ClaimFilter(query: try Self.query(request))
            return ResponseFrame.json(["claims": .array(filter.apply(s).map(\.json))])
        }
        api.get("claims/:seq") { request, context in
            _ = try apiCaller(request)
            let s = try snapshot()
            let (record, _) = try claimRecord(context, s)
            var json = ClaimSelection.Row(claim: record.original, retracted: record.current == nil).json.object ?? [:]
            json["current_seq"] = record.current.map { .int(Int($0.seq)) } ?? .null
            json["history"] = .array(record.revisions.map {
                ["seq": .int(Int($0.seq)), "kind": .string($0.kind.rawValue), "reason": .string($0.reason), "claim": $0.claim.map { c in c.json } ?? .null]
            })
            return ResponseFrame.json(.object(json))
        }
        api.get("claims/:seq/proof") { request, context in
            _ = try apiCaller(request)
            return ResponseFrame.bytes(Array(try proofText(try Self.seq(context)).utf8), type: "text/plain; charset=utf-8")
        }
        api.post("claims/:seq/retract") { request, context in
            let caller = try apiCaller(request)
            try caller.require(.editor, to: "retract a claim")
            let body = try await Self.jsonBody(request)
            guard let reason = body["reason"]?.string, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ServerError(.unprocessableContent, "reason: give the reason for the retraction (a non-empty string)")
            }
            let seq = try Self.seq(context)
            let entry = try write(as: caller.user) { try $0.retract(seq, reason: reason) }
            return ResponseFrame.json(["seq": .int(Int(entry.seq)), "leaf_hash": .string(entry.leafHash.hex), "author": .string(caller.user.keyName)], status: .created)
        }
        api.get("users") { request, _ in
            let caller = try apiCaller(request)
            try caller.require(.admin, to: "list users")
            return ResponseFrame.json(["users": .array(try users.load().map { ["name": .string($0.name), "role": .string($0.role.rawValue), "key": .string($0.keyName)] })])
        }
    }

    /// Appends as `user`, signing with their contributor key; a refused append (a `StoreError` or a claim
    /// validation error) is 422 and stores nothing (the append transaction rolls back).
    func write<T>(as user: User, _ body: (Ledger) throws -> T) throws -> T {
        let ledger = try ledger(readOnly: false)
        ledger.signer = try users.signer(for: user)
        do { return try body(ledger) } catch let error as StoreError {
            throw ServerError(.unprocessableContent, error.message)
        } catch let error as Ledger.ClaimError {
            if case .recorded(let seq)? = error.duplicate {
                throw ServerError(.conflict, "identical to the claim at seq \(seq) (the same source and excerpt position, speaker, subject, predicate, value "
                                  + "and qualifiers): to record it again, tick “record it even though an identical claim exists” (API: \"allow_duplicate\": true)")
            }
            // A quote not in its source gets the nearest passage and the other sources holding it, as in the CLI.
            let hint = try error.missing.map { try ExcerptHint(ledger: ledger).hint(for: $0) } ?? ""
            throw ServerError(.unprocessableContent, error.description + hint)
        } catch let error as EntryError {
            throw ServerError(.unprocessableContent, error.message)
        }
    }

    /// A JSON object body: 413 beyond the limit, 400 when it is not JSON or not an object.
    static func jsonBody(_ request: Request) async throws -> JSONValue {
        let bytes = try await body(request)
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            throw ServerError(.badRequest, "the request body is not valid JSON: \(error)")
        }
        guard value.object != nil else { throw ServerError(.badRequest, "the request body must be a JSON object, not \(value.typeName)") }
        return value
    }

    static func json(_ src: SourceRecord, claims: Int) -> [String: JSONValue] {
        ["id": .string(src.id), "seq": .int(Int(src.seq)), "outlet": .string(src.outlet), "lang": .string(src.lang),
         "url": src.url.map { .string($0) } ?? .null, "title": src.title.map { .string($0) } ?? .null,
         "published": src.published.map { .string($0) } ?? .null, "captured_at": .string(src.capturedAt), "claims": .int(claims)]
    }
}
