import LedgerAnalysis

/// The summary at the top of every report: its findings counted per outlet pair and per subject, each count by
/// kind ("3 contradictions, 1 tension"), so an editor sees where the disagreements are before reading them.
public struct ReportSummary: Sendable {
    /// One row: what is counted (an outlet pair, a subject) and its counts by kind, in `kinds` order.
    public struct Row: Sendable, Equatable {
        public let name: String
        public var counts: [(kind: String, n: Int)]

        public static func == (a: Row, b: Row) -> Bool { a.name == b.name && a.counts.map(\.kind) == b.counts.map(\.kind) && a.counts.map(\.n) == b.counts.map(\.n) }

        /// "3 contradictions, 1 tension".
        public var words: String { counts.map { counted($0.n, $0.kind) }.joined(separator: ", ") }
    }

    public private(set) var outletPairs: [Row] = []
    public private(set) var subjects: [Row] = []
    private var outletPairIndex: [String: Int] = [:]
    private var subjectIndex: [String: Int] = [:]

    /// The order of kinds within a row, whatever order findings come in; other kinds after these.
    static let kinds = ["contradiction", "tension", "corroboration", "single-outlet predicate"]

    /// Rows shown per grouping; the rest are counted in one line ("… and 540 more outlet pairs").
    public static let shown = 20

    public init() {}

    /// Counts one finding of `kind` for each of `pairs` (outlet pairs, each counted once) and for `subject`.
    public mutating func add(_ kind: String, pairs: [(String, String)], subject: String?) {
        var seen = Set<String>()
        for (a, b) in pairs {
            let name = a == b ? "\(a) (within one outlet)" : [a, b].sorted().joined(separator: " × ")
            if seen.insert(name).inserted { Self.count(kind, name, in: &outletPairs, index: &outletPairIndex) }
        }
        if let subject { Self.count(kind, subject, in: &subjects, index: &subjectIndex) }
    }

    private static func count(_ kind: String, _ name: String, in rows: inout [Row], index: inout [String: Int]) {
        let i = index[name] ?? { rows.append(Row(name: name, counts: [])); index[name] = rows.count - 1; return rows.count - 1 }()
        if let k = rows[i].counts.firstIndex(where: { $0.kind == kind }) {
            rows[i].counts[k].n += 1
        } else {
            rows[i].counts.append((kind, 1))
            let rank = { (k: String) in kinds.firstIndex(of: k) ?? kinds.count }
            rows[i].counts.sort { rank($0.kind) < rank($1.kind) }
        }
    }

    /// Rows sorted by their total, largest first, then by name.
    static func sorted(_ rows: [Row]) -> [Row] {
        rows.sorted { a, b in
            let (x, y) = (a.counts.map(\.n).reduce(0, +), b.counts.map(\.n).reduce(0, +))
            return x != y ? x > y : a.name < b.name
        }
    }

    /// Each grouping: its title, its first `shown` rows (largest first), and how many more there are and what they are.
    var sections: [(title: String, rows: [Row], more: String?)] {
        [("By outlet pair", outletPairs, ("outlet pair", "outlet pairs")), ("By subject", subjects, ("subject", "subjects"))].map { title, rows, noun in
            let more = rows.count - Self.shown
            return (title, Array(Self.sorted(rows).prefix(Self.shown)), more > 0 ? "… and \(grouped(more)) more \(more == 1 ? noun.0 : noun.1)" : nil)
        }
    }

    /// The summary of a text report (controls are made visible with the rest of the report).
    public var text: [String] {
        var out = ["Summary"]
        for (title, rows, more) in sections {
            out.append("  \(title.lowercased()):")
            out += rows.isEmpty ? ["    none"] : rows.map { "    \(TerminalEscape.line($0.name)): \($0.words)" }
            if let more { out.append("    \(more)") }
        }
        return out
    }

    /// The summary of a Markdown report: a heading and two lists.
    public var markdown: [String] {
        var out = ["## Summary"]
        for (title, rows, more) in sections {
            out += ["", "**\(title)**", ""]
            out += rows.isEmpty ? ["- none"] : rows.map { "- \(MarkdownEscape.value($0.name)): \($0.words)" }
            if let more { out.append("- \(more)") }
        }
        return out
    }

    /// The summary of an HTML report: a `<section class="report-summary">` with one table per grouping.
    public var html: String {
        var out = "<section class=\"report-summary\"><h2>Summary</h2>\n"
        for (title, rows, more) in sections {
            out += "<h3>\(title)</h3>\n"
            out += rows.isEmpty ? "<p class=\"none\">none</p>\n"
                : "<table class=\"tally\"><tbody>" + rows.map { "<tr><th>\(HTMLEscape.value($0.name))</th><td>\(HTMLEscape.text($0.words))</td></tr>" }.joined() + "</tbody></table>\n"
            if let more { out += "<p class=\"more\">\(HTMLEscape.text(more))</p>\n" }
        }
        return out + "</section>\n"
    }
}

extension ReportSummary {
    /// A contradiction report's summary: each finding by its verdict, per pair of outlets across its sides and
    /// per subject (by its English label, so that findings headed in several languages count in one row).
    public init(_ r: ContradictionReport, context: ReportContext) { self.init(contradictions: r.findings, context: context) }

    init(contradictions: [ContradictionFinding], context: ReportContext) {
        self.init()
        for f in contradictions {
            let pairs = Set(f.sideA.map(\.outlet)).flatMap { a in Set(f.sideB.map(\.outlet)).map { (a, $0) } }
            add(f.verdict.rawValue, pairs: pairs, subject: context.subject(f.subject, lang: nil).plain)
        }
    }

    /// A corroboration report's summary: each finding per pair of its outlets and per subject.
    public init(_ findings: [CorroborationFinding], context: ReportContext) {
        self.init()
        for f in findings {
            let outlets = f.outlets
            let pairs = outlets.indices.flatMap { i in outlets.indices.filter { $0 > i }.map { (outlets[i], outlets[$0]) } }
            add("corroboration", pairs: pairs, subject: context.subject(f.subject, lang: nil).plain)
        }
    }

    /// An audit's summary: the contradictions it counted, per outlet pair and per subject, and per subject the
    /// predicates resting on one outlet only.
    public init(_ a: AuditReport, context: ReportContext) {
        self.init(contradictions: a.contradictions, context: context)
        for s in a.singleOutlet { add("single-outlet predicate", pairs: [], subject: context.subject(s.subject, lang: nil).plain) }
    }
}
