import Foundation
import LedgerCore
import LedgerCrypto
@_spi(Testing) import LedgerStore
import Testing

/// A hostile value in every user-controlled field reaches no report, export or terminal as live markup, a
/// formula or an escape sequence: recorded through the CLI, and appended with the store API (bypassing every
/// CLI check, as a row inserted by hand would).
@Suite struct HostileValueTests {
    /// Script, formula, terminal escape, Markdown emphasis, raw HTML, bidi override, C1 CSI, a list marker on a new line.
    static let hostile = "=HYPERLINK(\"http://x\")<script>alert(1)</script>\u{1B}[31m**bold** <img src=x onerror=alert(1)>\u{202E}\u{9B}2J\n- item "

    /// The demo ledger copied entry by entry with `hostile` put in front of every name, label, text, reason,
    /// subject, predicate, event and scope (consistently, so claims still group and contradict).
    static func storeLedger() throws -> String {
        let work = CLI.temporaryDirectory()
        let original = work.appendingPathComponent("demo").path, rewritten = work.appendingPathComponent("hostile").path
        #expect(try CLI.run(["demo", "--into", original]).code == 0)
        let source = try Ledger(opening: original, readOnly: true)
        let genesis = try #require(try source.store.entry(0))
        try FileManager.default.createDirectory(atPath: rewritten, withIntermediateDirectories: true)
        guard case .genesis(let genesisBody)? = EntryBody(genesis.bytes) else { throw StoreError("no genesis body") }
        let store = try LedgerStore.create(at: rewritten + "/" + LedgerStore.fileName, time: genesis.time, author: genesis.author, genesis: genesisBody)
        let fields: Set<String> = ["outlet", "title", "url", "speaker", "relay", "text", "reason", "subject", "predicate", "event", "scope",
                                   "alias", "aliases", "labels", "original", "entity"]
        func poison(_ v: JSONValue, _ inField: Bool) -> JSONValue {
            switch v {
            case .string(let s): return inField ? .string(hostile + s) : v
            case .array(let a): return .array(a.map { poison($0, inField) })
            case .object(let o): return .object(Dictionary(uniqueKeysWithValues: o.map { k, x in (k, poison(x, inField || fields.contains(k))) }))
            default: return v
            }
        }
        try store.append(time: genesis.time, author: genesis.author) { batch in
            var claims: [Int64: JSONValue] = [:], entity = ""
            for seq in 1..<(try source.store.size()) {
                let e = try #require(try source.store.entry(seq))
                var body = poison(e.body, false)
                if e.kind == .claim { claims[seq] = body }
                if e.kind == .entity { entity = hostile + (e.body["id"]?.string ?? "") }
                if e.kind == .source, let id = Digest(hex: e.body["id"]!.string!) { _ = try batch.storeBlob(try #require(try source.store.blob(id))) }
                if e.kind == .predicate, var o = body.object { o["id"] = .string(hostile + (e.body["id"]?.string ?? "")); body = .object(o) }
                if e.kind == .entity, var o = body.object { o["id"] = .string(hostile + (e.body["id"]?.string ?? "")); body = .object(o) }
                try batch.append(kind: e.kind, body: body)
            }
            // The kinds the demo does not hold: a retraction, a correction, an alias, a link and a key.
            let seqs = claims.keys.sorted()
            try batch.append(kind: .claimRetraction, body: ["target": .number(Double(seqs[0])), "reason": .string(hostile + "reason")])
            try batch.append(kind: .claimCorrection, body: ["target": .number(Double(seqs[1])), "reason": .string(hostile + "reason"),
                                                            "claim": claims[seqs[1]]!])
            try batch.append(kind: .entityAlias, body: ["entity": .string(entity), "alias": .string(hostile + "alias")])
            try batch.append(kind: .link, body: ["from": .number(Double(seqs[2])), "relation": .string(hostile), "to": .number(Double(seqs[3]))])
            try batch.append(kind: .key, body: ["name": .string(hostile), "vkey": .string(hostile)])
        }
        return rewritten
    }

    /// A demo ledger with a hostile article, source and claim recorded through the CLI.
    static func cliLedger() throws -> (ledger: String, source: String) {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("demo").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let quote = "<script>alert(1)</script>**bold** <img src=x onerror=alert(1)>"
        let article = CLI.write(Array("Headline \u{1B}]0;owned\u{7}\n\nThe count was \(quote) said =SUM(A1).\n".utf8), "a.txt", in: work)
        let flat = "=HYPERLINK(\"http://x\")" + quote + " - item"  // the CLI refuses control characters in these fields
        let added = try CLI.run(["source", "add", article, "--outlet", flat, "--lang", "en", "--title", flat, "--ledger", dir])
        #expect(added.code == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let claim = try CLI.run(["claim", "add", "--source", id, "--excerpt", quote, "--speaker", flat, "--relay", flat, "--text", flat,
                                 "--subject", "group:white-dudes-for-harris", "--predicate", "call.attendance", "--value", "more than 200,000", "--event", "wd4h-call-2024-07-29",
                                 "--ledger", dir])
        #expect(claim.code == 0, "\(claim.stderr)")
        return (dir, id)
    }

    /// Nothing in `text` would act on a terminal.
    static func inert(terminal text: String, _ what: String) {
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x7F...0x9F).contains($0.value) },
                "\(what): a control character reaches the terminal")
        #expect(!text.contains("\u{202E}"), "\(what): a bidi override reaches the terminal")
    }

    static func checkReports(_ dir: String, controls: Bool) throws {
        for report in ["contradictions", "corroborations", "audit"] {
            let extra = report == "contradictions" ? ["--include-tension", "--verbose"] : []
            let html = try CLI.run([report, "--format", "html", "--ledger", dir] + extra).stdout
            #expect(html.contains("&lt;script&gt;"), "\(report): the hostile value is in the page, escaped")
            #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("\u{1B}"), "\(report) html: live markup")
            var depth = 0, rest = Substring(html)
            while let c = rest.first {
                if rest.hasPrefix("<bdi>") { depth += 1; rest = rest.dropFirst(5); continue }
                if rest.hasPrefix("</bdi>") { depth -= 1; rest = rest.dropFirst(6); continue }
                #expect(c != "\u{202E}" || depth > 0, "\(report) html: a bidi override outside <bdi>")
                rest = rest.dropFirst()
            }
            let md = try CLI.run([report, "--format", "md", "--ledger", dir] + extra).stdout
            #expect(md.contains("alert"), "\(report) md: the hostile value is in the report")
            #expect(!md.replacingOccurrences(of: "\\<", with: "").contains("<"), "\(report) md: raw HTML")
            #expect(!md.contains("**bold**") && !md.split(separator: "\n").contains { $0.hasPrefix("- item") }, "\(report) md: live markup")
            inert(terminal: md, "\(report) md")
            let text = try CLI.run([report, "--format", "text", "--ledger", dir] + extra).stdout
            #expect(!controls || text.contains("^[[31m"), "\(report) text: the escape is shown, not sent")
            inert(terminal: text, "\(report) text")
            let json = try CLI.run([report, "--format", "json", "--ledger", dir] + extra).stdout
            #expect(try JSONParser.parse(json).object != nil, "\(report) json parses")
        }
        let csv = try CLI.run(["export", "--format", "csv", "--ledger", dir]).stdout
        #expect(csv.contains("'=HYPERLINK"), "csv: the formula is shown as text")
        for live in [",=", ",\"=", "\r\n=", ",+", ",@", ",\"-", ",-"] { #expect(!csv.contains(live), "csv: a cell starts a formula (\(live))") }
        for format in ["claimreview", "annotation", "prov"] {
            #expect(try JSONParser.parse(try CLI.run(["export", "--format", format, "--ledger", dir]).stdout).object != nil, "\(format) parses")
        }
        let log = try CLI.run(["log", "--ledger", dir])
        #expect(!controls || log.stdout.contains("^[[31m"))
        inert(terminal: log.stdout, "log")
        for seq in 1..<40 { inert(terminal: try CLI.run(["show", String(seq), "--ledger", dir]).stdout, "show \(seq)") }
        let list = try CLI.run(["source", "list", "--ledger", dir])
        inert(terminal: list.stdout, "source list")
    }

    @Test func valuesAppendedWithTheStoreAPIAreInertInEveryFormat() throws {
        try Self.checkReports(try Self.storeLedger(), controls: true)
    }

    @Test func valuesRecordedThroughTheCLIAreInertInEveryFormat() throws {
        let (dir, id) = try Self.cliLedger()
        try Self.checkReports(dir, controls: false)
        let shown = try CLI.run(["source", "show", id, "--ledger", dir])
        #expect(shown.code == 0 && shown.stdout.contains("^[]0;owned^G"), "\(shown.stdout)")
        Self.inert(terminal: shown.stdout, "source show")
    }
}
