import Foundation

/// The members of a ZIP file (PKWARE APPNOTE 6.3 §4.3), read from its central directory: the container of a WACZ
/// (a web archive collection). Bounded: the end record is looked for in the last 64 KiB, the directory is at most
/// 64 MiB and 100,000 members. ZIP64 and encrypted members are refused, and only stored and deflated members
/// can be read.
struct ZipDirectory {
    struct Member {
        let name: String
        let method: UInt16
        let flags: UInt16
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let localHeaderOffset: UInt64
    }

    let members: [Member]
    private let handle: FileHandle
    private let fileSize: UInt64

    /// Reads the central directory of the ZIP file open in `handle`.
    init(_ handle: FileHandle) throws(CaptureError) {
        self.handle = handle
        let size: UInt64
        do { size = try handle.seekToEnd() } catch { throw CaptureError("the WACZ file could not be read") }
        fileSize = size
        let tailLength = min(size, 22 + 65_535)
        let tail = try Self.read(handle, at: size - tailLength, count: Int(tailLength))
        guard tail.count >= 22, let eocd = (0...tail.count - 22).reversed().first(where: { tail.u32($0) == 0x0605_4B50 }) else {
            throw CaptureError("the WACZ file is not a ZIP archive (no end of central directory record): it may be truncated")
        }
        let entries = tail.u16(eocd + 10), cdSize = tail.u32(eocd + 12), cdOffset = tail.u32(eocd + 16)
        if entries == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF || (eocd >= 20 && tail.u32(eocd - 20) == 0x0706_4B50) {
            throw CaptureError("the WACZ file is a ZIP64 archive, which claimledger does not read (split it, or extract its archive/*.warc.gz and add that)")
        }
        guard tail.u16(eocd + 4) == 0, tail.u16(eocd + 6) == 0 else { throw CaptureError("the WACZ file is a multi-part ZIP archive, which claimledger does not read") }
        guard Int(entries) <= WebArchiveLimits.zipMembers, Int(cdSize) <= WebArchiveLimits.recordBytes,
              UInt64(cdOffset) + UInt64(cdSize) <= size else {
            throw CaptureError("the WACZ file's ZIP directory is malformed (its size or position is outside the file)")
        }
        let cd = try Self.read(handle, at: UInt64(cdOffset), count: Int(cdSize))
        var members: [Member] = [], p = 0
        for _ in 0..<entries {
            guard p + 46 <= cd.count, cd.u32(p) == 0x0201_4B50 else { throw CaptureError("the WACZ file's ZIP directory is malformed (entry \(members.count + 1))") }
            let nameLength = Int(cd.u16(p + 28)), extra = Int(cd.u16(p + 30)), comment = Int(cd.u16(p + 32))
            guard p + 46 + nameLength + extra + comment <= cd.count else { throw CaptureError("the WACZ file's ZIP directory is malformed (entry \(members.count + 1))") }
            let compressed = cd.u32(p + 20), uncompressed = cd.u32(p + 24), offset = cd.u32(p + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                throw CaptureError("the WACZ file has ZIP64 members, which claimledger does not read (extract its archive/*.warc.gz and add that)")
            }
            members.append(Member(name: String(decoding: cd[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self), method: cd.u16(p + 10),
                                  flags: cd.u16(p + 8), compressedSize: UInt64(compressed), uncompressedSize: UInt64(uncompressed),
                                  localHeaderOffset: UInt64(offset)))
            p += 46 + nameLength + extra + comment
        }
        self.members = members
    }

    /// The decompressed bytes of `member`, as a stream.
    func contents(_ member: Member) throws(CaptureError) -> ByteChunks {
        let what = "the WACZ member \(String(member.name.prefix(120)))"
        guard member.flags & 1 == 0 else { throw CaptureError("\(what) is encrypted, which claimledger does not read") }
        let local = try Self.read(handle, at: member.localHeaderOffset, count: 30)
        guard local.u32(0) == 0x0403_4B50 else { throw CaptureError("\(what) has no local header where the ZIP directory says (the file is damaged)") }
        let start = member.localHeaderOffset + 30 + UInt64(local.u16(26)) + UInt64(local.u16(28))
        guard start + member.compressedSize <= fileSize else { throw CaptureError("\(what) extends past the end of the file: it is truncated") }
        let raw = FileChunks(handle, from: start, to: start + member.compressedSize)
        switch member.method {
        case 0:
            guard member.compressedSize == member.uncompressedSize else { throw CaptureError("\(what) is stored but its two sizes differ (the file is damaged)") }
            return raw
        case 8: return try InflatedChunks(raw, .raw, what: what, declaredSize: Int(member.uncompressedSize))
        default: throw CaptureError("\(what) uses ZIP compression method \(member.method); only stored and deflated members can be read")
        }
    }

    private static func read(_ handle: FileHandle, at offset: UInt64, count: Int) throws(CaptureError) -> [UInt8] {
        do {
            try handle.seek(toOffset: offset)
            let data = try handle.read(upToCount: count) ?? Data()
            guard data.count == count else { throw CaptureError("the WACZ file ends early: it is truncated") }
            return Array(data)
        } catch let e as CaptureError { throw e } catch { throw CaptureError("the WACZ file could not be read (\(error.localizedDescription))") }
    }
}

extension [UInt8] {
    /// The little-endian 16-bit value at `i`.
    fileprivate func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    /// The little-endian 32-bit value at `i`.
    fileprivate func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
}
