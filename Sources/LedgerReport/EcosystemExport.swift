import LedgerAnalysis
import LedgerCore

/// Export views for other tools: schema.org Claim (JSON-LD), W3C Web Annotation (JSON-LD), W3C PROV-JSON and CSV.
/// Each claim keeps its ledger identity (`urn:claimledger:ORIGIN:SEQ` and its leaf hash), so anything built
/// from these views can be traced back to the signed ledger.
public enum EcosystemExport {
    /// The identifier of a claim across exports.
    static func urn(_ origin: String, _ seq: Int64) -> String { "urn:claimledger:\(origin):\(seq)" }

    static func json(_ v: JSONValue) -> String { String(decoding: (try? CanonicalJSON.encode(v)) ?? [], as: UTF8.self) + "\n" }

    /// schema.org `Claim` objects (https://schema.org/Claim) in a JSON-LD graph: text, author = the speaker,
    /// appearance = the article (url, headline, publisher = the outlet), datePublished, inLanguage. A ClaimReview
    /// needs a rating a ledger of claims does not make, so the graph holds Claims, ready to be reviewed.
    public static func claimReview(_ claims: [ClaimRecord], sources: [String: SourceRecord], origin: String) -> String {
        let graph: [JSONValue] = claims.map { c in
            let s = sources[c.source]
            var appearance: [String: JSONValue] = ["@type": "CreativeWork", "publisher": ["@type": "Organization", "name": .string(c.outlet)],
                                                   "identifier": .string("urn:sha256:\(c.source)")]
            if let url = s?.url { appearance["url"] = .string(url) }
            if let title = s?.title { appearance["headline"] = .string(title) }
            if let p = s?.published { appearance["datePublished"] = .string(p) }
            var claim: [String: JSONValue] = [
                "@type": "Claim", "@id": .string(urn(origin, c.seq)), "text": .string(c.text),
                "author": ["@type": "Person", "name": .string(c.speaker)], "appearance": .object(appearance),
                "inLanguage": .string(c.lang), "about": .string(c.subject),
                "identifier": .array([.string(c.leafHash)]), "description": .string(c.excerpt),
            ]
            if let p = s?.published { claim["datePublished"] = .string(p) }
            return .object(claim)
        }
        return json(["@context": "https://schema.org", "@graph": .array(graph)])
    }

    /// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/): one Annotation per claim, its
    /// target the source with a TextQuoteSelector and a TextPositionSelector (Unicode code points, as here).
    public static func annotations(_ claims: [ClaimRecord], sources: [String: SourceRecord], origin: String) -> String {
        let items: [JSONValue] = claims.map { c in
            var target: [String: JSONValue] = [
                "source": .string(sources[c.source]?.url ?? "urn:sha256:\(c.source)"),
                "selector": [
                    ["type": "TextQuoteSelector", "exact": .string(c.excerpt), "prefix": .string(c.excerptPrefix), "suffix": .string(c.excerptSuffix)],
                    ["type": "TextPositionSelector", "start": .int(c.excerptStart), "end": .int(c.excerptEnd)],
                ],
            ]
            if sources[c.source]?.url != nil { target["id"] = .string("urn:sha256:\(c.source)") }
            return [
                "id": .string(urn(origin, c.seq)), "type": "Annotation", "motivation": "describing",
                "creator": .string(c.speaker),
                "body": ["type": "TextualBody", "value": .string(c.text), "format": "text/plain", "language": .string(c.lang)],
                "target": .object(target),
            ]
        }
        return json(["@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": .int(items.count),
                     "first": ["type": "AnnotationPage", "items": .array(items)]])
    }

    /// W3C PROV-JSON (https://www.w3.org/submissions/prov-json/): sources, excerpts and claims as entities; each
    /// excerpt wasDerivedFrom its source as a prov:Quotation; each claim wasDerivedFrom its excerpt and
    /// wasAttributedTo its speaker and its outlet; a relay actedOnBehalfOf nothing — it is an agent the outlet
    /// relied on, recorded by wasInfluencedBy.
    public static func prov(_ claims: [ClaimRecord], sources: [String: SourceRecord], origin: String) -> String {
        var entities: [String: JSONValue] = [:], agents: [String: JSONValue] = [:]
        var derived: [String: JSONValue] = [:], attributed: [String: JSONValue] = [:], influenced: [String: JSONValue] = [:]
        func agent(_ kind: String, _ name: String) -> String {
            let id = "cl:\(kind)/\(name)"
            agents[id] = ["prov:label": .string(name), "prov:type": .string(kind == "outlet" ? "prov:Organization" : "prov:Person")]
            return id
        }
        for s in sources.values {
            var e: [String: JSONValue] = ["prov:type": "cl:Source", "cl:outlet": .string(s.outlet), "cl:lang": .string(s.lang),
                                          "cl:capturedAt": .string(s.capturedAt)]
            if let t = s.title { e["prov:label"] = .string(t) }
            if let u = s.url { e["prov:location"] = .string(u) }
            entities["cl:source/\(s.id)"] = .object(e)
        }
        for c in claims {
            let excerpt = "cl:excerpt/\(c.seq)", claim = "cl:claim/\(c.seq)"
            entities[excerpt] = ["prov:type": "cl:Excerpt", "prov:value": .string(c.excerpt), "cl:sha256": .string(c.excerptSHA256),
                                 "cl:start": .int(c.excerptStart), "cl:end": .int(c.excerptEnd)]
            entities[claim] = ["prov:type": "cl:Claim", "prov:value": .string(c.text), "cl:leafHash": .string(c.leafHash),
                               "cl:subject": .string(c.subject), "cl:predicate": .string(c.predicate), "cl:value": .string(c.value.original),
                               "cl:lang": .string(c.lang)]
            derived["_:q\(c.seq)"] = ["prov:generatedEntity": .string(excerpt), "prov:usedEntity": .string("cl:source/\(c.source)"), "prov:type": "prov:Quotation"]
            derived["_:d\(c.seq)"] = ["prov:generatedEntity": .string(claim), "prov:usedEntity": .string(excerpt)]
            attributed["_:s\(c.seq)"] = ["prov:entity": .string(claim), "prov:agent": .string(agent("speaker", c.speaker))]
            attributed["_:o\(c.seq)"] = ["prov:entity": .string(claim), "prov:agent": .string(agent("outlet", c.outlet))]
            if let relay = c.relay {
                influenced["_:r\(c.seq)"] = ["prov:influencee": .string(agent("outlet", c.outlet)), "prov:influencer": .string(agent("relay", relay)),
                                             "prov:type": "cl:Relay"]
            }
        }
        return json(["prefix": ["cl": .string("urn:claimledger:\(origin):")], "entity": .object(entities), "agent": .object(agents),
                     "wasDerivedFrom": .object(derived), "wasAttributedTo": .object(attributed), "wasInfluencedBy": .object(influenced)])
    }

    /// One row per claim (RFC 4180: comma-separated, quoted where needed, CRLF line ends, a header row; cells that
    /// a spreadsheet would read as a formula are prefixed with `'`, see `CSVEscape`).
    public static func csv(_ claims: [ClaimRecord], sources: [String: SourceRecord]) -> String {
        let header = ["seq", "leaf_hash", "source", "url", "outlet", "lang", "speaker", "relay", "subject", "predicate", "value",
                      "value_type", "polarity", "modality", "event", "scope", "as_of", "text", "excerpt", "start", "end", "excerpt_sha256"]
        var rows = [header.joined(separator: ",")]
        for c in claims {
            let row = [String(c.seq), c.leafHash, c.source, sources[c.source]?.url ?? "", c.outlet, c.lang, c.speaker, c.relay ?? "", c.subject,
                       c.predicate, c.value.original, c.value.value.type.rawValue, c.polarity.rawValue, c.modality.rawValue, c.event ?? "",
                       c.scope ?? "", c.asOf?.value ?? "", c.text, c.excerpt, String(c.excerptStart), String(c.excerptEnd), c.excerptSHA256]
            rows.append(row.map(CSVEscape.field).joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }
}
