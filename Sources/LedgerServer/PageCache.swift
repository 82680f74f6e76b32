import Synchronization

/// Rendered report pages, by what they were rendered from: a report page at 100,000 claims takes tens of
/// milliseconds to render and is the same for every reader of one ledger state. The key must name everything the
/// page shows (the snapshot's root, the page asked for, the provenance's verification and checkpoint); the page's
/// "generated" time is then when it was first rendered. Bounded: when full it starts again empty.
final class PageCache: Sendable {
    /// Pages kept at most.
    static let capacity = 64

    private let pages = Mutex<[String: String]>([:])

    /// The page rendered for `key`, rendering it with `render` the first time.
    func page(_ key: String, _ render: () throws -> String) rethrows -> String {
        if let hit = pages.withLock({ $0[key] }) { return hit }
        let page = try render()
        pages.withLock { pages in
            if pages.count >= Self.capacity { pages.removeAll() }
            pages[key] = page
        }
        return page
    }
}
