import Testing
@testable import LedgerServer

/// Pages of findings: which findings a page shows, its links, and the pages that do not exist.
@Suite struct ListPageTests {
    @Test func pagesCoverEveryFindingOnce() throws {
        let count = 2 * ListPage.size + 7
        var seen: [Int] = []
        for n in 1...3 { seen += Array(try ListPage(["page": String(n)], count: count).range) }
        #expect(seen == Array(0..<count))
        #expect(try ListPage([:], count: count).range == 0..<ListPage.size)
        #expect(try ListPage([:], count: 0).range.isEmpty)
    }

    @Test func linksKeepTheQueryAndSayWhereTheReaderIs() throws {
        let count = 2 * ListPage.size + 7
        let middle = try ListPage(["page": "2"], count: count).navigation(path: "/contradictions", keeping: [("tension", "1")])
        #expect(middle.contains("href=\"/contradictions?tension=1\" rel=\"prev\""))
        #expect(middle.contains("href=\"/contradictions?tension=1&amp;page=3\" rel=\"next\">next 7 →"))
        #expect(middle.contains("Findings 101–200 of 207 (page 2 of 3)"))
        #expect(try ListPage([:], count: 5).navigation(path: "/contradictions").isEmpty)
    }

    @Test func aPageThatIsNotThereIsRefused() {
        for (text, status) in [("0", 400), ("-1", 400), ("two", 400), ("", 400), ("4", 404), ("99999999999999999999", 400)] {
            #expect(throws: ServerError.self, "\(text)") {
                do { _ = try ListPage(["page": text], count: 250) } catch let e as ServerError {
                    #expect(Int(e.status.code) == status, "\(text)")
                    throw e
                }
            }
        }
    }
}
