import Foundation
import Hummingbird
import LedgerAnalysis
import LedgerCapture
import LedgerCore
import LedgerStore

/// What editors record, through the API (bearer token) and the pages (session cookie and CSRF token): the same
/// `Ledger` calls and validation as the CLI, signed with the caller's contributor key; a refused request stores nothing.
extension NewsroomServer {
    /// Uploads are refused above this (a captured article or page; entries themselves are at most 64 KiB).
    static let uploadLimit = 32 << 20

    func addWriteRoutes(_ router: Router<NewsroomContext>) {
        let api = router.group("api")
        api.post("sources") { request, _ in
            let caller = try apiCaller(request)
            let bytes = Array(buffer: try await request.body.collect(upTo: Self.uploadLimit))
            let added = try recordSource(bytes, try Self.query(request), as: caller)
            return ResponseFrame.json(["id": .string(added.id.hex), "seq": .int(Int(added.seq)), "existed": .bool(added.existed)],
                                      status: added.existed ? .ok : .created)
        }
        api.post("claims") { request, _ in
            let caller = try apiCaller(request)
            let body = try await Self.jsonBody(request)
            let appended = try recordClaim(try Self.claimInput(body, ignoring: ["new_subject", "allow_duplicate"]), newSubject: body["new_subject"] == .bool(true),
                                           allowDuplicate: body["allow_duplicate"] == .bool(true), as: caller)
            return ResponseFrame.json(["seq": .int(Int(appended.seq)), "leaf_hash": .string(appended.leafHash.hex), "author": .string(caller.user.keyName)],
                                      status: .created)
        }
        api.post("claims/:seq/correct") { request, context in
            let caller = try apiCaller(request)
            try caller.require(.editor, to: "correct a claim")
            let body = try await Self.jsonBody(request)
            guard let reason = body["reason"]?.string, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ServerError(.unprocessableContent, "reason: give the reason for the correction (a non-empty string)")
            }
            guard let claim = body["claim"]?.object else { throw ServerError(.unprocessableContent, "claim: give the corrected claim as an object") }
            let input = try Self.claimInput(.object(claim), ignoring: [])
            let seq = try Self.seq(context)
            let entry = try write(as: caller.user) {
                try $0.correct(seq, with: input, reason: reason, newSubject: body["new_subject"] == .bool(true), allowDuplicate: body["allow_duplicate"] == .bool(true))
            }
            return ResponseFrame.json(["seq": .int(Int(entry.seq)), "leaf_hash": .string(entry.leafHash.hex), "author": .string(caller.user.keyName)], status: .created)
        }
        api.get("predicates") { request, _ in
            _ = try apiCaller(request)
            return ResponseFrame.json(["predicates": .array(try snapshot().predicates.values.sorted { $0.id < $1.id }.map(\.json))])
        }
        api.post("predicates") { request, _ in
            let caller = try apiCaller(request)
            try caller.require(.editor, to: "declare a predicate")
            let body = try await Self.jsonBody(request)
            guard let predicate = ClaimPredicate(json: body) else {
                throw ServerError(.unprocessableContent, "a predicate needs id, type (\(ValueType.allCases.map(\.rawValue).joined(separator: ", "))) and cardinality (single or multi)")
            }
            let entry = try write(as: caller.user) { try $0.addPredicate(predicate) }
            return ResponseFrame.json(["seq": .int(Int(entry.seq)), "leaf_hash": .string(entry.leafHash.hex)], status: .created)
        }
        api.get("entities") { request, _ in
            _ = try apiCaller(request)
            return ResponseFrame.json(["entities": .array(try snapshot().entities.map(EntityDirectory.json))])
        }
        api.post("entities") { request, _ in
            let caller = try apiCaller(request)
            try caller.require(.editor, to: "record an entity")
            let body = try await Self.jsonBody(request)
            guard let id = body["id"]?.string, let labels = body["labels"]?.object, !labels.isEmpty else {
                throw ServerError(.unprocessableContent, "an entity needs id and labels (an object of language tag → name)")
            }
            let texts = labels.compactMapValues(\.string), aliases = body["aliases"]?.array?.compactMap(\.string) ?? []
            guard texts.count == labels.count, aliases.count == (body["aliases"]?.array?.count ?? 0) else {
                throw ServerError(.unprocessableContent, "labels and aliases must be strings")
            }
            let entry = try write(as: caller.user) { try $0.addEntity(id: id, labels: texts, aliases: aliases) }
            return ResponseFrame.json(["seq": .int(Int(entry.seq)), "leaf_hash": .string(entry.leafHash.hex)], status: .created)
        }
        api.get("value") { request, _ in
            _ = try apiCaller(request)
            return ResponseFrame.json(try valuePreview(try Self.query(request)))
        }
    }

    /// Records one claim as `caller` (an editor or admin).
    func recordClaim(_ input: ClaimInput, newSubject: Bool, allowDuplicate: Bool, as caller: Caller) throws -> Ledger.Appended {
        try caller.require(.editor, to: "record a claim")
        return try write(as: caller.user) { ledger -> Ledger.Appended in
            guard let appended = try ledger.addClaims([input], newSubject: newSubject, allowDuplicate: allowDuplicate).first else {
                throw ServerError(.internalServerError, "the claim was not recorded")
            }
            return appended
        }
    }

    /// Records a capture's bytes with its metadata (`outlet`, `lang`, `url`, `title`, `published`, `captured_at`,
    /// and `filename`, whose extension says whether it is an HTML page).
    func recordSource(_ bytes: [UInt8], _ query: [String: String], as caller: Caller) throws -> Ledger.AddedSource {
        try caller.require(.editor, to: "add a source")
        guard !bytes.isEmpty else { throw ServerError(.unprocessableContent, "the capture is empty: send the article's bytes as the request body") }
        func field(_ key: String) -> String? { query[key].flatMap { $0.isEmpty ? nil : $0 } }
        guard let outlet = field("outlet"), let lang = field("lang") else {
            throw ServerError(.unprocessableContent, "outlet and lang: say which outlet published the article and in which language")
        }
        let kind = CapturedText.kind(ofFileNamed: field("filename") ?? "capture.txt")
        var extracted: (text: String, mediaType: String, extractor: Extractor)?
        if let extractor = kind.extractor {
            do { extracted = (try CapturedText.extract(bytes, with: extractor), kind.mediaType, extractor) } catch {
                throw ServerError(.unprocessableContent, "\(error); nothing was recorded")
            }
        }
        return try write(as: caller.user) {
            try $0.addSource(bytes: bytes, extracted: extracted, outlet: outlet, language: lang, url: field("url"), title: field("title"),
                             published: field("published"), capturedAt: field("captured_at"))
        }
    }

    /// The typed value `text` parses to for `predicate` in `lang`, as the claim form shows it while it is typed.
    func valuePreview(_ query: [String: String]) throws -> JSONValue {
        let text = query["text"] ?? "", lang = query["lang"].flatMap { $0.isEmpty ? nil : $0 } ?? "en"
        let predicate = try query["predicate"].flatMap { try snapshot().predicates[$0] }
        do {
            let value = try ValueParser.parse(text, predicate: predicate, language: lang)
            let reading = value.value.type.rawValue + ": " + ValueReading.words(value, predicate: predicate)
            return ["ok": true, "value": value.json, "reading": .string(reading)]
        } catch {
            return ["ok": false, "error": .string(error.message)]
        }
    }

    static func claimInput(_ body: JSONValue, ignoring: Set<String>) throws -> ClaimInput {
        do { return try ClaimInput(json: body.object ?? [:], ignoring: ignoring) } catch {
            throw ServerError(.unprocessableContent, error.description)
        }
    }
}
