import LedgerReport

/// One page of a long list in the web interface — a report's findings, the claims: a large ledger has thousands,
/// and a page of all of them is megabytes to render and to read. Counts and summaries stay those of the whole list.
struct ListPage {
    /// Items per page.
    static let size = 100

    /// What is listed, in the plural ("findings", "claims").
    let noun: String
    /// The page shown, from 1.
    let number: Int
    /// How many findings the report has.
    let count: Int

    /// The page the query's `page` names (1 when absent); a page that is not a number is a 400, one past the
    /// last a 404.
    init(_ query: [String: String], count: Int, of noun: String = "findings") throws {
        self.count = count
        self.noun = noun
        guard let text = query["page"] else { number = 1; return }
        guard let n = Int(text), n >= 1 else { throw ServerError(.badRequest, "page: \"\(String(text.prefix(20)))\" is not a page number (1, 2, …)") }
        number = n
        guard n <= pages else { throw ServerError(.notFound, "page \(n): there \(pages == 1 ? "is" : "are") \(counted(pages, "page")) of \(noun)") }
    }

    var pages: Int { max(1, (count + Self.size - 1) / Self.size) }

    /// The items shown on this page.
    var range: Range<Int> { (number - 1) * Self.size ..< min(count, number * Self.size) }

    /// Where the reader is and links to the pages before and after (nothing when one page holds them all).
    /// `path` and `query` are the page's own (query pairs other than `page` are kept in the links).
    func navigation(path: String, keeping query: [(String, String)] = []) -> String {
        guard pages > 1 else { return "" }
        func href(_ n: Int) -> String {
            let pairs = query + (n == 1 ? [] : [("page", String(n))])
            return HTMLEscape.text(path + (pairs.isEmpty ? "" : "?" + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")))
        }
        var links: [String] = []
        if number > 1 { links.append("<a href=\"\(href(number - 1))\" rel=\"prev\">← previous \(Self.size)</a>") }
        if number < pages { links.append("<a href=\"\(href(number + 1))\" rel=\"next\">next \(min(Self.size, count - number * Self.size)) →</a>") }
        return "<nav class=\"pages\" aria-label=\"pages of \(noun)\"><p>\(noun.prefix(1).uppercased() + noun.dropFirst()) \(grouped(range.lowerBound + 1))–\(grouped(range.upperBound)) of \(grouped(count)) "
            + "(page \(number) of \(pages)) · \(links.joined(separator: " · "))</p></nav>\n"
    }
}
