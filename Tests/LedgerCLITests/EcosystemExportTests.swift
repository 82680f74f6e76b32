import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// The export views, checked against each standard's required fields on the demo ledger.
@Suite struct EcosystemExportTests {
    static func demo() throws -> (String, [JSONValue]) {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let claims = try CLI.log(dir).filter { $0["kind"] == "claim" }
        return (dir, claims)
    }

    func export(_ format: String, _ dir: String) throws -> JSONValue {
        let r = try CLI.run(["export", "--format", format, "--ledger", dir])
        #expect(r.code == 0)
        return try JSONParser.parse(r.stdout)
    }

    @Test func schemaOrgClaims() throws {
        let (dir, claims) = try Self.demo()
        let doc = try export("claimreview", dir)
        #expect(doc["@context"] == "https://schema.org")
        let graph = try #require(doc["@graph"]?.array)
        #expect(graph.count == claims.count)
        for item in graph {
            #expect(item["@type"] == "Claim")
            #expect(item["text"]?.string?.isEmpty == false && item["author"]?["name"]?.string?.isEmpty == false)
            #expect(item["appearance"]?["url"]?.string?.hasPrefix("https://") == true)
            #expect(item["appearance"]?["publisher"]?["name"]?.string?.isEmpty == false)
            #expect(["en", "fr"].contains(item["inLanguage"]?.string ?? ""))
            #expect(item["datePublished"]?.string?.hasPrefix("2024-07-3") == true)
            #expect(item["@id"]?.string?.hasPrefix("urn:claimledger:claimledger.example/demo:") == true)
        }
    }

    @Test func webAnnotationsSelectTheirQuoteByCodePoints() throws {
        let (dir, _) = try Self.demo()
        let doc = try export("annotation", dir)
        #expect(doc["@context"] == "http://www.w3.org/ns/anno.jsonld" && doc["type"] == "AnnotationCollection")
        let items = try #require(doc["first"]?["items"]?.array)
        #expect(doc["total"]?.integer == items.count)
        let urls = try CLI.log(dir)
            .filter { $0["kind"] == "source" }.reduce(into: [String: String]()) { $0[$1["body"]!["url"]!.string!] = $1["body"]!["id"]!.string! }
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.repo.appendingPathComponent("ledger/sample/sources").path)
        var texts: [String: [Unicode.Scalar]] = [:]
        for f in files {
            let data = try Data(contentsOf: CLI.repo.appendingPathComponent("ledger/sample/sources/\(f)"))
            texts[SHA256Hex.of(data)] = Array(Normalization.anchoringText(data)!.unicodeScalars)
        }
        for a in items {
            #expect(a["type"] == "Annotation" && a["id"]?.string != nil && a["body"]?["type"] == "TextualBody")
            let target = try #require(a["target"])
            let selectors = try #require(target["selector"]?.array)
            let quote = try #require(selectors.first { $0["type"] == "TextQuoteSelector" })
            let position = try #require(selectors.first { $0["type"] == "TextPositionSelector" })
            let text = try #require(texts[urls[target["source"]!.string!]!])
            let (start, end) = (position["start"]!.integer!, position["end"]!.integer!)
            #expect(String(String.UnicodeScalarView(text[start..<end])) == quote["exact"]?.string)
        }
    }

    @Test func provenanceGraphIsClosed() throws {
        let (dir, claims) = try Self.demo()
        let doc = try export("prov", dir)
        let entities = try #require(doc["entity"]?.object), agents = try #require(doc["agent"]?.object)
        let derived = try #require(doc["wasDerivedFrom"]?.object?.values), attributed = try #require(doc["wasAttributedTo"]?.object?.values)
        #expect(derived.filter { $0["prov:type"] == "prov:Quotation" }.count == claims.count)
        #expect(attributed.count == 2 * claims.count)
        for d in derived { #expect(entities[d["prov:generatedEntity"]!.string!] != nil && entities[d["prov:usedEntity"]!.string!] != nil) }
        for a in attributed { #expect(entities[a["prov:entity"]!.string!] != nil && agents[a["prov:agent"]!.string!] != nil) }
        #expect(doc["wasInfluencedBy"]?.object?.count == claims.filter { $0["body"]?["relay"] != nil }.count)
    }

    @Test func csvHasOneRowPerClaimAndQuotesWhatItMust() throws {
        let (dir, claims) = try Self.demo()
        let csv = try CLI.run(["export", "--format", "csv", "--ledger", dir]).stdout
        let rows = RFC4180.parse(csv)
        #expect(rows.count == claims.count + 1)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let value = rows[0].firstIndex(of: "value")!, seq = rows[0].firstIndex(of: "seq")!
        let first = try #require(rows.dropFirst().first { $0[seq] == String(claims[0]["seq"]!.integer!) })
        #expect(first[value] == claims[0]["body"]?["value"]?["original"]?.string)  // "more than 200,000", comma and all
    }
}

enum SHA256Hex {
    static func of(_ data: Data) -> String { SHA256.hash(Array(data)).hex }
}

/// A minimal RFC 4180 reader for the test.
enum RFC4180 {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }
}
