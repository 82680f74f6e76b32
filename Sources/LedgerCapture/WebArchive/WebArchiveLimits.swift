/// The bounds a web archive is read within, so that a hostile archive cannot exhaust memory or time unnoticed.
enum WebArchiveLimits {
    /// The largest WARC record kept in memory (the snapshot), and the largest decoded HTTP payload.
    static let recordBytes = 64 << 20
    /// The longest WARC or HTTP header block.
    static let headerBytes = 64 << 10
    /// A compressed stream that has produced more than `ratioFloor` bytes may not have expanded more than
    /// `maxRatio` times: real WARC and HTML compress far less than that, a decompression bomb far more.
    static let ratioFloor = 64 << 20
    static let maxRatio = 200
    /// The most ZIP members a WACZ's central directory is read for.
    static let zipMembers = 100_000

    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}
