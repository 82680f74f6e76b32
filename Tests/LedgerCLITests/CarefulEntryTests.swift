import Foundation
import LedgerCore
import Testing

/// Careful entry (issue 11 items 2–5), on the README walkthrough's real articles: identical claims are refused
/// unless --allow-duplicate, dry runs change nothing, an import reports every bad line, a correction gives only
/// what changes, and a quote that is not in its source gets the nearest passage and the source it is in.
@Suite struct CarefulEntryTests {
    struct Walkthrough {
        let dir: String
        let work: URL
        /// Source ids: the Post (as carried by the Portland Press Herald), La Tribune, CNN's French rendering.
        let wp: String, lt: String, cn: String
    }

    /// The walkthrough's ledger: three sources, `call.attendance`, the group entity with its alias WD4H.
    static func walkthrough() throws -> Walkthrough {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("coverage").path
        #expect(try CLI.run(["init", dir, "--origin", "newsroom.example/careful"]).code == 0)
        func add(_ file: String, _ outlet: String, _ lang: String) throws -> String {
            let r = try CLI.run(["source", "add", CLI.corpus.appendingPathComponent(file).path, "--outlet", outlet, "--lang", lang, "--ledger", dir])
            #expect(r.code == 0, "\(r.stderr)")
            return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let wp = try add("000_488dd66cb813fd74.txt", "Portland Press Herald", "en")
        let lt = try add("004_8e23d9a72ab15599.txt", "La Tribune", "fr")
        let cn = try add("001_eb67628ebe55fb7f.txt", "CNN (French rendering)", "fr")
        #expect(try CLI.run(["predicate", "add", "call.attendance", "--type", "quantity", "--unit", "people", "--tolerance", "0.05", "--ledger", dir]).code == 0)
        #expect(try CLI.run(["entity", "add", "group:white-dudes-for-harris", "--label", "en=White Dudes for Harris", "--alias", "WD4H", "--ledger", dir]).code == 0)
        return Walkthrough(dir: dir, work: work, wp: wp, lt: lt, cn: cn)
    }

    /// The Post's attendance claim of the walkthrough, with `extra` options.
    static func postClaim(_ w: Walkthrough, _ extra: [String] = []) -> [String] {
        ["claim", "add", "--source", String(w.wp.prefix(8)), "--excerpt", "drew more than 200,000 people to an online fundraiser",
         "--speaker", "The Washington Post", "--text", "The fundraiser drew more than 200,000 people.",
         "--subject", "group:white-dudes-for-harris", "--predicate", "call.attendance", "--value", "more than 200,000",
         "--event", "wd4h-fundraiser", "--ledger", w.dir] + extra
    }

    /// The same claim as one `claim import` line, with fields replaced by `changes`.
    static func postLine(_ w: Walkthrough, _ changes: [String: String] = [:]) -> String {
        var fields = ["source": w.wp, "excerpt": "drew more than 200,000 people to an online fundraiser", "speaker": "The Washington Post",
                      "text": "The fundraiser drew more than 200,000 people.", "subject": "group:white-dudes-for-harris",
                      "predicate": "call.attendance", "value": "more than 200,000", "event": "wd4h-fundraiser"]
        for (k, v) in changes { fields[k] = v }
        return String(decoding: try! CanonicalJSON.encode(.object(fields.mapValues { .string($0) })), as: UTF8.self)
    }

    /// What must not change when a command is refused or only checks: the entry count and root, and the database's bytes.
    static func snapshot(_ dir: String) throws -> (String, Data) {
        (try CLI.state(dir), try Data(contentsOf: URL(fileURLWithPath: dir + "/ledger.sqlite")))
    }

    /// Runs `arguments` and requires exit 1, exactly `lines` lines on stderr each an error, and no change.
    @discardableResult
    static func refused(_ arguments: [String], ledger dir: String, lines: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Substring] {
        let before = try snapshot(dir)
        let r = try CLI.run(arguments)
        #expect(r.code == 1, "exit \(r.code): \(r.stderr)", sourceLocation: sourceLocation)
        let out = r.stderr.split(separator: "\n")
        #expect(out.count == lines && out.allSatisfy { $0.hasPrefix("claimledger: error: ") }, "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        let after = try snapshot(dir)
        #expect(after.0 == before.0 && after.1 == before.1, "the ledger changed", sourceLocation: sourceLocation)
        return out
    }

    static func seq(_ r: CLI.Result) throws -> Int64 { Int64(try JSONParser.parse(r.stdout)["seq"]!.integer!) }

    /// A correction is a claim too: one that makes it identical to another current claim is refused unless
    /// --allow-duplicate; the claim it corrects (and that claim's earlier corrections) do not count.
    @Test func aCorrectionIdenticalToAnotherCurrentClaimIsRefusedUnlessAllowed() throws {
        let w = try Self.walkthrough()
        let a = try Self.seq(try CLI.run(Self.postClaim(w, ["--json"])))
        var other = Self.postClaim(w, ["--json"])
        other[other.firstIndex(of: "wd4h-fundraiser")!] = "another-event"
        let b = try Self.seq(try CLI.run(other))
        let refused = try Self.refused(["claim", "correct", String(b), "--event", "wd4h-fundraiser", "--reason", "wrong event", "--ledger", w.dir], ledger: w.dir)
        #expect(refused[0].contains("identical to the claim at seq \(a)") && refused[0].contains("--allow-duplicate"), "\(refused)")
        // Correcting a claim's wording twice compares it with neither itself nor its first correction.
        for text in ["The online fundraiser drew more than 200,000 people.", "More than 200,000 people joined the fundraiser."] {
            let r = try CLI.run(["claim", "correct", String(a), "--text", text, "--reason", "wording", "--ledger", w.dir])
            #expect(r.code == 0, "\(r.stderr)")
        }
        let allowed = try CLI.run(["claim", "correct", String(b), "--event", "wd4h-fundraiser", "--reason", "wrong event", "--allow-duplicate", "--ledger", w.dir])
        #expect(allowed.code == 0, "\(allowed.stderr)")
    }

    @Test func anIdenticalCurrentClaimIsRefusedUnlessAllowed() throws {
        let w = try Self.walkthrough()
        let first = try Self.seq(try CLI.run(Self.postClaim(w, ["--json"])))
        let again = try Self.refused(Self.postClaim(w), ledger: w.dir)
        #expect(again[0].contains("identical to the claim at seq \(first)") && again[0].contains("pass --allow-duplicate"), "\(again)")
        // The same claim under another name of the entity, another case of the speaker and other wording of the value.
        var renamed = Self.postClaim(w)
        renamed[renamed.firstIndex(of: "group:white-dudes-for-harris")!] = "wd4h"
        renamed[renamed.firstIndex(of: "The Washington Post")!] = "the washington post"
        renamed[renamed.firstIndex(of: "more than 200,000")!] = "more than 200 000"
        renamed[renamed.firstIndex(of: "The fundraiser drew more than 200,000 people.")!] = "Other plain words."
        #expect(try Self.refused(renamed, ledger: w.dir)[0].contains("identical to the claim at seq \(first)"))
        // A different value, speaker or event is another claim.
        var other = Self.postClaim(w)
        other[other.firstIndex(of: "wd4h-fundraiser")!] = "another-event"
        #expect(try CLI.run(other).code == 0)
        let allowed = try CLI.run(Self.postClaim(w, ["--allow-duplicate", "--json"]))
        #expect(allowed.code == 0, "\(allowed.stderr)")
        // "Current": once both copies are retracted, the claim may be recorded again; a correction stands for its claim.
        for s in [first, try Self.seq(allowed)] {
            #expect(try CLI.run(["claim", "retract", String(s), "--reason", "entered twice", "--ledger", w.dir]).code == 0)
        }
        let fresh = try Self.seq(try CLI.run(Self.postClaim(w, ["--json"])))
        let corrected = try CLI.run(["claim", "correct", String(fresh), "--value", "more than 190,000", "--reason", "misread", "--json", "--ledger", w.dir])
        #expect(corrected.code == 0, "\(corrected.stderr)")
        #expect(try CLI.run(Self.postClaim(w)).code == 0, "the corrected original is no longer current")
        var asCorrected = Self.postClaim(w)
        asCorrected[asCorrected.firstIndex(of: "more than 200,000")!] = "more than 190,000"
        #expect(try Self.refused(asCorrected, ledger: w.dir)[0].contains("identical to the claim at seq \(try Self.seq(corrected))"))
    }

    @Test func importReportsDuplicatesByLine() throws {
        let w = try Self.walkthrough()
        let recorded = try Self.seq(try CLI.run(Self.postClaim(w, ["--json"])))
        let other = Self.postLine(w, ["speaker": "Another reader"])
        let file = CLI.write(Array([Self.postLine(w), other, other].joined(separator: "\n").utf8), "dups.jsonl", in: w.work)
        let lines = try Self.refused(["claim", "import", file, "--ledger", w.dir], ledger: w.dir, lines: 3)
        #expect(lines[0].contains("dups.jsonl line 1: identical to the claim at seq \(recorded)"), "\(lines)")
        #expect(lines[1].contains("dups.jsonl line 3: identical to line 2") && lines[1].contains("--allow-duplicate"), "\(lines)")
        #expect(lines[2].hasSuffix("dups.jsonl: 2 of 3 lines are bad; nothing was recorded"), "\(lines)")
        let ok = try CLI.run(["claim", "import", file, "--allow-duplicate", "--ledger", w.dir])
        #expect(ok.code == 0 && ok.stdout.contains("imported 3 claims") && ok.stdout.contains("2 duplicates among them"), "\(ok.stdout)\(ok.stderr)")
    }

    @Test func dryRunsCheckEverythingAndChangeNothing() throws {
        let w = try Self.walkthrough()
        let db = w.dir + "/ledger.sqlite"
        let before = try Self.snapshot(w.dir)
        let modified = try FileManager.default.attributesOfItem(atPath: db)[.modificationDate] as? Date
        let add = try CLI.run(Self.postClaim(w, ["--dry-run"]))
        #expect(add.code == 0 && add.stdout.contains("the claim would be recorded; dry run, nothing was recorded"), "\(add.stdout)\(add.stderr)")
        let lines = [Self.postLine(w), Self.postLine(w, ["speaker": "Another reader"])].joined(separator: "\n")
        let file = CLI.write(Array(lines.utf8), "ok.jsonl", in: w.work)
        let json = try CLI.run(["claim", "import", file, "--dry-run", "--json", "--ledger", w.dir])
        #expect(json.code == 0, "\(json.stderr)")
        let summary = try JSONParser.parse(json.stdout)
        #expect(summary["dry_run"]?.bool == true && summary["claims"]?.integer == 2 && summary["duplicates"]?.integer == 0)
        let after = try Self.snapshot(w.dir)
        #expect(after.0 == before.0 && after.1 == before.1, "a dry run changed the ledger")
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.modificationDate] as? Date == modified)
        // A dry run reports what a real run would refuse; with --allow-duplicate it counts the duplicates.
        #expect(try CLI.run(Self.postClaim(w)).code == 0)
        #expect(try Self.refused(Self.postClaim(w, ["--dry-run"]), ledger: w.dir)[0].contains("identical to the claim at seq"))
        let counted = try CLI.run(["claim", "import", file, "--dry-run", "--allow-duplicate", "--json", "--ledger", w.dir])
        #expect(try JSONParser.parse(counted.stdout)["duplicates"]?.integer == 1, "\(counted.stdout)\(counted.stderr)")
        let out = CLI.write(Array(counted.stdout.utf8), "dry.json", in: w.work)
        let text = try CLI.run(["claim", "import", file, "--dry-run", "--allow-duplicate", "--ledger", w.dir])
        #expect(text.stdout.contains("ok: 2 claims would be recorded, 1 duplicate among them; dry run, nothing was recorded"), "\(text.stdout)")
        let imported = try CLI.run(["claim", "import", file, "--allow-duplicate", "--json", "--ledger", w.dir])
        #expect(imported.code == 0, "\(imported.stderr)")
        let out2 = CLI.write(Array(imported.stdout.utf8), "imported.json", in: w.work)
        #expect(try Self.validate(["--claim-import", out, "--claim-import", out2]) == 0)
    }

    /// A dry run opens no write transaction: it runs while another writer holds the lock (an append would wait
    /// for it, then give up after 30 s).
    @Test func aDryRunNeedsNoWriteLock() throws {
        let w = try Self.walkthrough()
        let holder = try LockHolder(ledger: w.dir, seconds: 120)
        defer { holder.process.terminate() }
        let r = try CLI.run(Self.postClaim(w, ["--dry-run"]))
        #expect(r.code == 0 && r.stdout.contains("would be recorded"), "\(r.stdout)\(r.stderr)")
        #expect(!r.stderr.contains("waiting for the ledger lock"), "\(r.stderr)")
    }

    @Test func importReportsEveryBadLineUpToALimit() throws {
        let w = try Self.walkthrough()
        let lines = [
            Self.postLine(w),
            Self.postLine(w, ["value": "beaucoup"]),
            "{\"source\": ",
            Self.postLine(w, ["speaker": "Someone", "predicate": "attendance"]),
            Self.postLine(w, ["speaker": "Someone else", "excerpt": "drew more than 20,000 people to an online fund raiser"]),
        ]
        let file = CLI.write(Array(lines.joined(separator: "\n").utf8), "bad.jsonl", in: w.work)
        let out = try Self.refused(["claim", "import", file, "--ledger", w.dir], ledger: w.dir, lines: 5)
        #expect(out[0].contains("bad.jsonl line 2: value: \"beaucoup\" is not a quantity"), "\(out)")
        #expect(out[1].contains("bad.jsonl line 3: "), "\(out)")
        #expect(out[2].contains("bad.jsonl line 4: predicate: predicate attendance is not declared; did you mean call.attendance?"), "\(out)")
        #expect(out[3].contains("bad.jsonl line 5: excerpt: the excerpt is not in the source \(w.wp.prefix(8))") && out[3].contains("nearest passage"), "\(out)")
        #expect(out[4].hasSuffix("bad.jsonl: 4 of 5 lines are bad; nothing was recorded"), "\(out)")
        // Beyond the limit, the rest are counted; with --json every line is an error object.
        let many = (1...60).map { Self.postLine(w, ["speaker": "Reader \($0)", "value": "beaucoup"]) }.joined(separator: "\n")
        let manyFile = CLI.write(Array(many.utf8), "many.jsonl", in: w.work)
        let capped = try Self.refused(["claim", "import", manyFile, "--ledger", w.dir], ledger: w.dir, lines: 52)
        #expect(capped[49].contains("many.jsonl line 50: value:") && capped[50].contains("… and 10 more bad lines"), "\(capped.suffix(3))")
        #expect(capped[51].hasSuffix("many.jsonl: 60 of 60 lines are bad; nothing was recorded"))
        let json = try CLI.run(["claim", "import", manyFile, "--json", "--ledger", w.dir])
        #expect(json.code == 1 && json.stderr.split(separator: "\n").count == 52)
        let errors = CLI.write(Array(json.stderr.utf8), "errors.jsonl", in: w.work)
        #expect(try Self.validate(["--errors", errors]) == 0)
    }

    @Test func aCorrectionGivesOnlyWhatChanges() throws {
        let w = try Self.walkthrough()
        // "a réuni" is in La Tribune's article three times ("La réunion", "a réuni près de…", "la réunion"); the
        // claim rests on the second place.
        let tribune = ["claim", "add", "--source", String(w.lt.prefix(8)), "--excerpt", "a réuni", "--occurrence", "2", "--speaker", "La Tribune",
                       "--relay", "selon l'AFP", "--text", "La réunion a réuni près de 200.000 personnes.", "--subject", "WD4H",
                       "--predicate", "call.attendance", "--value", "près de 200.000", "--as-of", "2024-07-29", "--ledger", w.dir]
        let added = try CLI.run(tribune + ["--json"])
        #expect(added.code == 0, "\(added.stderr)")
        let seq = try Self.seq(added)
        let corrected = try CLI.run(["claim", "correct", String(seq), "--value", "près de 190.000", "--relay", "", "--reason", "misread", "--json", "--ledger", w.dir])
        #expect(corrected.code == 0, "\(corrected.stderr)")
        let export = try CLI.run(["export", "--format", "jsonl", "--ledger", w.dir]).stdout.split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
        let original = export[Int(seq)]["entry"]!["body"]!, new = export[Int(try Self.seq(corrected))]["entry"]!["body"]!["claim"]!
        #expect(new["excerpt"] == original["excerpt"], "the excerpt keeps its anchor (the second place)")
        for field in ["source", "speaker", "outlet", "lang", "text", "subject", "predicate", "polarity", "modality", "qualifiers"] {
            #expect(new[field] == original[field], "\(field) is inherited")
        }
        #expect(new["value"]?["original"]?.string == "près de 190.000" && new["relay"] == nil)
        // Nothing changed: refused. The correction is what a later one inherits from.
        try Self.refused(["claim", "correct", String(seq), "--reason", "again", "--ledger", w.dir], ledger: w.dir)
        #expect(try Self.refused(["claim", "correct", String(seq), "--value", "près de 190.000", "--reason", "again", "--ledger", w.dir],
                                 ledger: w.dir)[0].contains("nothing to correct"))
        // Another source: the quote is looked for there; outlet and language follow the new source.
        let moved = try CLI.run(["claim", "correct", String(seq), "--source", String(w.cn.prefix(8)), "--excerpt", "avec 190 000 participants",
                                 "--reason", "wrong article", "--json", "--ledger", w.dir])
        #expect(moved.code == 0, "\(moved.stderr)")
        let last = try JSONParser.parse(Array(try CLI.run(["export", "--format", "jsonl", "--ledger", w.dir]).stdout.split(separator: "\n").last!.utf8))
        let m = last["entry"]!["body"]!["claim"]!
        #expect(m["outlet"]?.string == "CNN (French rendering)" && m["excerpt"]?["exact"]?.string == "avec 190 000 participants")
        #expect(m["value"]?["original"]?.string == "près de 190.000" && m["qualifiers"] == original["qualifiers"])
        let help = try CLI.run(["claim", "correct", "--help"]).stdout
        #expect(help.contains("every option left out is inherited") && help.contains("claimledger claim correct 5 --value"))
        // --reason stays required.
        #expect(try CLI.run(["claim", "correct", String(seq), "--value", "1", "--ledger", w.dir]).code == 64)
    }

    @Test func aQuoteNotInItsSourceGetsTheNearestPassageAndTheSourceItIsIn() throws {
        let w = try Self.walkthrough()
        var typo = Self.postClaim(w)
        typo[typo.firstIndex(of: "drew more than 200,000 people to an online fundraiser")!] = "drew more than 200,000 people to an online fund raiser"
        let near = try Self.refused(typo, ledger: w.dir)[0]
        #expect(near.contains("--excerpt: the excerpt is not in the source \(w.wp.prefix(8))"), "\(near)")
        #expect(near.contains(#"nearest passage (1 edit): "drew more than 200,000 people to an online fundraiser""#), "\(near)")
        // The right quote, the wrong source: named with its outlet and seq.
        var elsewhere = Self.postClaim(w)
        elsewhere[elsewhere.firstIndex(of: String(w.wp.prefix(8)))!] = String(w.lt.prefix(8))
        let named = try Self.refused(elsewhere, ledger: w.dir)[0]
        #expect(named.contains("it is in source \(w.wp.prefix(8)) (Portland Press Herald, seq 1)"), "\(named)")
        // The passage is shown through the terminal escaping: a control character in the source is made visible.
        let hostile = CLI.write(Array("Le maire a dit que 300 personnes\u{1B}[2J sont venues.\n".utf8), "hostile.txt", in: w.work)
        let id = try CLI.run(["source", "add", hostile, "--outlet", "O", "--lang", "fr", "--ledger", w.dir]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = try CLI.run(["claim", "add", "--source", String(id.prefix(8)), "--excerpt", "dit que 30 personnes sont venues", "--speaker", "O",
                                 "--text", "t", "--subject", "event:x", "--predicate", "call.attendance", "--value", "300", "--ledger", w.dir])
        #expect(shown.code == 1 && shown.stderr.contains("nearest passage (") && shown.stderr.contains("^["), "\(shown.stderr)")
        #expect(!shown.stderr.unicodeScalars.contains("\u{1B}"))
    }

    /// Runs tools/validate_schemas.py (needs Python's jsonschema, as tools/test does); its exit status.
    static func validate(_ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", CLI.repo.appendingPathComponent("tools/validate_schemas.py").path] + arguments
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
