import ArgumentParser
import LedgerCapture
import LedgerCore
import LedgerStore

/// `claimledger source …`.
struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Record captured source documents (article text), list them, show them with their quotes marked.",
        subcommands: [SourceAdd.self, SourceList.self, SourceShow.self]
    )
}

/// `claimledger source add FILE --outlet NAME --lang BCP47 …`.
struct SourceAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a captured article's exact bytes and print its source id.",
        discussion: """
        The file must be UTF-8 text, or an HTML page (.html, .htm, .xhtml); its bytes are stored exactly as \
        captured and never altered. Of an HTML page, the article's main text (headline, paragraphs, block quotes, \
        list items; no navigation, scripts or banners) is extracted, and quotes are anchored in that text; `verify` \
        extracts it again from the stored bytes. The source id \
        is the SHA-256 of those bytes (64 hex digits; `claim add --source` takes any unique prefix of 8 or more). \
        Adding the same bytes again appends nothing and prints the existing id; adding them with a different outlet, \
        language, URL, title, publication date or capture time is an error saying what differs.

        A web archive (.warc, .warc.gz, or .wacz) is read record by record: the WARC response record for --url \
        (or, without --url, the one page a WACZ's pages.jsonl lists, else the archive's only HTML response) is the snapshot stored, and the entry records its \
        WARC-Record-ID, WARC-Target-URI and WARC-Date. Its payload (chunked and gzip/deflate encodings removed) \
        is extracted as an HTML page or plain text. A WARC-Payload-Digest that does not match is a warning, and \
        `audit` lists it.
        """
    )

    @Argument(help: ArgumentHelp("The captured text (UTF-8), HTML page, or web archive (.warc, .warc.gz, .wacz).", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("The outlet that published it, e.g. \"Washington Post\".", valueName: "NAME"))
    var outlet: String

    @Option(help: ArgumentHelp("Its language as a BCP 47 tag, e.g. en, fr, fr-CA.", valueName: "BCP47"))
    var lang: String

    @Option(help: ArgumentHelp("Where it was captured from (absolute http or https URL); in a web archive, the page to take.", valueName: "URL"))
    var url: String?

    @Option(help: ArgumentHelp("The article's headline.", valueName: "T"))
    var title: String?

    @Option(help: ArgumentHelp("Publication date, e.g. 2024-07-30.", valueName: "DATE"))
    var published: String?

    @Option(name: .customLong("captured-at"), help: ArgumentHelp("When it was captured, RFC 3339 (default: now), e.g. 2024-07-30T09:15:00Z.", valueName: "TIME"))
    var capturedAt: String?

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try signing.open(global)
        let bytes: [UInt8]
        var extracted: (text: String, mediaType: String, extractor: Extractor)?
        var origin: WebArchiveOrigin?
        var url = self.url
        if WebArchive.isArchive(fileNamed: file) {
            try Output.checkReadable(file)
            let record: WebArchiveRecord
            do {
                if let url { _ = try Bodies.url(url) }
                record = try WebArchive.response(inFileAt: file, url: url)
                extracted = (try WARCTextExtractor.extract(record), "application/warc", .warc)
            } catch let error as CaptureError {
                throw CLIError("\(file): \(error); nothing was recorded")
            }
            bytes = record.bytes
            origin = WebArchiveOrigin(recordID: record.recordID, targetURI: record.targetURI, date: record.date)
            if url == nil, (try? Bodies.url(record.targetURI)) != nil { url = record.targetURI }
            if let problem = record.payloadDigestCheck().problem { Output.note("warning: the WARC record \(record.recordID) for \(record.targetURI): \(problem); recorded as archived") }
        } else {
            bytes = try Output.readFile(file)
            let kind = CapturedText.kind(ofFileNamed: file)
            if let extractor = kind.extractor {
                do { extracted = (try CapturedText.extract(bytes, with: extractor), kind.mediaType, extractor) } catch {
                    throw CLIError("\(file): \(error); nothing was recorded")
                }
            }
        }
        let added = try ledger.addSource(bytes: bytes, extracted: extracted, webArchive: origin, outlet: outlet, language: lang, url: url,
                                         title: title, published: published, capturedAt: capturedAt)
        if global.json {
            Output.json(["id": .string(added.id.hex), "seq": .number(Double(added.seq)), "existed": .bool(added.existed)])
            return
        }
        if added.existed { Output.note("already recorded at seq \(added.seq); nothing appended") }
        Output.line(added.id.hex)
    }
}
