import LedgerCore

/// The pages a WACZ says it archived (WACZ 1.1.1 §5.2.3): `pages/pages.jsonl`, a header line (`"format"`) then one
/// JSON object per page with its `url`. The rest of the archive's responses are the pages' resources.
enum WACZPages {
    /// The `url` of every page line, in order; nil when the WACZ has no `pages/pages.jsonl`. At most 16 MiB is read.
    static func urls(in zip: ZipDirectory) throws(CaptureError) -> [String]? {
        guard let member = zip.members.first(where: { $0.name == "pages/pages.jsonl" }) else { return nil }
        guard member.uncompressedSize <= 16 << 20 else { throw CaptureError("the WACZ's pages/pages.jsonl is larger than 16 MiB") }
        let chunks = try zip.contents(member)
        var bytes: [UInt8] = []
        while let chunk = try chunks.next() { bytes.append(contentsOf: chunk) }
        var urls: [String] = []
        for (n, line) in bytes.split(separator: 0x0A).enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            guard let object = try? JSONParser.parse(line), object.object != nil else {
                throw CaptureError("line \(n + 1) of the WACZ's pages/pages.jsonl is not a JSON object")
            }
            if object["format"] != nil && object["url"] == nil { continue }  // the header line
            guard let url = object["url"]?.string, !url.isEmpty else { throw CaptureError("line \(n + 1) of the WACZ's pages/pages.jsonl has no url") }
            urls.append(url)
        }
        return urls
    }
}
