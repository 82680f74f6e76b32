import Foundation

/// Finds the capture of one page in a web archive — a WARC file (`.warc`), a gzipped WARC (`.warc.gz`, one gzip
/// member per record) or a WACZ (`.wacz`, a ZIP holding `archive/*.warc[.gz]`) — by streaming its records, so an
/// archive of any size is read in bounded memory. The result is the one `response` record for the page, whose exact
/// bytes `source add` stores as the snapshot.
public enum WebArchive {
    /// True for a file name `source add` reads as a web archive.
    public static func isArchive(fileNamed name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz") || lower.hasSuffix(".wacz")
    }

    /// The response record for `url` in the archive at `path`. Without `url`, a WACZ whose `pages/pages.jsonl` lists
    /// one page gives that page's response; otherwise the archive must hold exactly one HTML response. No response
    /// for the URL, several, or a damaged archive is a `CaptureError` (one line).
    public static func response(inFileAt path: String, url: String?) throws(CaptureError) -> WebArchiveRecord {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CaptureError("the archive could not be opened for reading") }
        defer { try? handle.close() }
        var selector = Selector(url: url)
        if path.lowercased().hasSuffix(".wacz") {
            let zip = try ZipDirectory(handle)
            if url == nil, let pages = try WACZPages.urls(in: zip) {
                guard pages.count == 1 else {
                    throw CaptureError("the WACZ lists \(pages.count) pages in pages/pages.jsonl; choose one with --url: \(pages.prefix(10).map { String($0.prefix(200)) }.joined(separator: ", "))\(pages.count > 10 ? ", …" : "")")
                }
                selector = Selector(url: pages[0])
            }
            let warcs = zip.members.filter { $0.name.hasPrefix("archive/") && isWARC($0.name) }
            guard !warcs.isEmpty else { throw CaptureError("the WACZ holds no archive/*.warc or archive/*.warc.gz file") }
            for member in warcs {
                let chunks = try zip.contents(member)
                try scan(member.name.lowercased().hasSuffix(".gz") ? InflatedChunks(chunks, .gzip, what: "the WACZ member \(String(member.name.prefix(120)))") : chunks, &selector)
            }
        } else {
            let size: UInt64
            do { size = try handle.seekToEnd() } catch { throw CaptureError("the archive could not be read") }
            let chunks = FileChunks(handle, from: 0, to: size)
            try scan(path.lowercased().hasSuffix(".gz") ? InflatedChunks(chunks, .gzip, what: "the .warc.gz file") : chunks, &selector)
        }
        return try selector.result()
    }

    static func isWARC(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz")
    }

    private static func scan(_ chunks: ByteChunks, _ selector: inout Selector) throws(CaptureError) {
        let reader = WARCRecordReader(chunks)
        while let record = try reader.next(keep: { selector.wants($0) }) {
            try selector.take(record)
        }
        selector.records += reader.count
    }

    /// Decides which records to keep while the archive streams past, and which one is the capture.
    struct Selector {
        let url: String?
        var records = 0, responses = 0
        /// Revisit records for the URL: a later crawl that found the page unchanged, holding no payload of its own.
        var revisits = 0
        /// The first response target URIs seen (for an error listing what the archive holds).
        var seen: [String] = []
        /// The chosen record, and every other candidate's description (date and id, or URI).
        var chosen: WebArchiveRecord?
        var others: [String] = []
        var otherCount = 0

        init(url: String?) { self.url = url }

        func isResponse(_ h: WARCHeaders) -> Bool { h["WARC-Type"]?.lowercased() == "response" }

        func wants(_ h: WARCHeaders) -> Bool {
            guard isResponse(h), chosen == nil || url == nil else { return false }
            let target = WebArchiveRecord.unbracketed(h["WARC-Target-URI"] ?? "")
            if let url { return target == url }
            // Without a URL every response is a candidate until it shows whether it is HTML; very large ones are media.
            return (h["Content-Length"].flatMap(Int.init) ?? Int.max) <= WebArchiveLimits.recordBytes
        }

        mutating func take(_ record: WARCRecordReader.Record) throws(CaptureError) {
            let h = record.headers
            if let url, h["WARC-Type"]?.lowercased() == "revisit", WebArchiveRecord.unbracketed(h["WARC-Target-URI"] ?? "") == url { revisits += 1 }
            guard isResponse(h) else { return }
            responses += 1
            let target = WebArchiveRecord.unbracketed(h["WARC-Target-URI"] ?? "")
            if seen.count < 10, !seen.contains(target) { seen.append(target) }
            if let url {
                guard target == url else { return }
                if let bytes = record.bytes, chosen == nil {
                    chosen = try WebArchiveRecord(bytes)
                } else {
                    note("\(h["WARC-Date"] ?? "no date") \(h["WARC-Record-ID"] ?? "no id")")
                }
                return
            }
            guard let bytes = record.bytes, let parsed = try? WebArchiveRecord(bytes), parsed.isHTML else { return }
            if chosen == nil { chosen = parsed } else { note(target) }
        }

        private mutating func note(_ what: String) {
            otherCount += 1
            if others.count < 9 { others.append(String(what.prefix(200))) }
        }

        func result() throws(CaptureError) -> WebArchiveRecord {
            guard let chosen else {
                let held = seen.isEmpty ? "" : "; it holds responses for " + seen.map { String($0.prefix(200)) }.joined(separator: ", ") + (responses > seen.count ? ", …" : "")
                if let url, revisits > 0 {
                    throw CaptureError("the archive holds only revisit records for \(String(url.prefix(200))), which point to an earlier capture and hold no page; add the archive that holds its response record")
                }
                if let url { throw CaptureError("the archive holds no response record for \(String(url.prefix(200))) (\(records) records, \(responses) responses)\(held)") }
                throw CaptureError("the archive holds no HTML response record (\(records) records, \(responses) responses)\(held)")
            }
            guard otherCount == 0 else {
                if let url {
                    throw CaptureError("the archive holds \(otherCount + 1) responses for \(String(url.prefix(200))), captured at: \(chosen.date) \(chosen.recordID), \(others.joined(separator: ", "))\(otherCount > others.count ? ", …" : ""); extract the one you mean into its own WARC")
                }
                throw CaptureError("the archive holds \(otherCount + 1) HTML responses; choose one with --url: \(([chosen.targetURI] + others).joined(separator: ", "))\(otherCount > others.count ? ", …" : "")")
            }
            return chosen
        }
    }
}
