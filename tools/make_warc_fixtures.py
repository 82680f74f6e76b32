#!/usr/bin/env python3
"""Writes the web-archive fixtures of Tests/LedgerCaptureTests/Fixtures/warc with warcio (an implementation
claimledger did not write), from the HTML capture fixtures beside them.

- story.warc.gz / story.warc: a crawl of two pages (https://news.example/ and .../2024/07/story, the latter the
  EN fixture page), with warcinfo, request, metadata and an image response around them; warcio writes the
  payload digests.
- encoded.warc.gz: the FR fixture page (windows-1252) sent gzip-encoded and chunked, the EN page deflate-encoded,
  and a plain-text ISO-8859-1 response; the digests are warcio's (over the body as transferred).
- wrong-digest.warc: the EN page with a WARC-Payload-Digest of other bytes.
- capture.wacz (members stored, archive/data.warc.gz) and deflated.wacz (members deflated, archive/data.warc),
  each with pages/pages.jsonl (listing the story page), indexes/index.cdxj and datapackage.json as the WACZ 1.1.1
  spec lays them out; two-pages.wacz lists both pages.
- Hostile: bomb.warc.gz (a record of 80 MiB of zeros in 80 KiB), encoding-bomb.warc (a gzip-encoded page of 70 MiB
  of zeros), zip-bomb.wacz (a deflated member that
  expands far past the size its directory declares), encrypted.wacz and zip64.wacz (directory fields patched).
- expected.json: for each response record, what warcio reads: record id, target URI, date, payload digest
  and whether warcio's own digest check passes.
Run: python3 tools/make_warc_fixtures.py   (needs `pip install warcio`)
"""
import gzip
import hashlib
import io
import json
import pathlib
import struct
import zipfile
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "LedgerCaptureTests" / "Fixtures"
OUT = FIXTURES / "warc"
EN = (FIXTURES / "article-en.html").read_bytes()
FR = (FIXTURES / "article-fr.html").read_bytes()
HOME = b"<html><head><title>News</title></head><body><main><h1>News front page</h1><p>Today's stories.</p></main></body></html>\n"
STORY = "https://news.example/2024/07/story"
DATE = "2024-08-01T10:00:00Z"
counter = [0]


def rid():
    counter[0] += 1
    return f"<urn:uuid:00000000-0000-4000-8000-{counter[0]:012d}>"


def response(writer, url, body, headers, date=DATE):
    h = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    warc_headers = {"WARC-Record-ID": rid(), "WARC-Date": date}
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=h, warc_headers_dict=warc_headers)
    writer.write_record(record)


def request(writer, url):
    h = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example"), ("User-Agent", "fixture")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=h,
                                                  warc_headers_dict={"WARC-Record-ID": rid(), "WARC-Date": DATE}))


def crawl(path, gz):
    counter[0] = 0
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        info = w.create_warcinfo_record(path.name, {"software": "warcio fixture", "format": "WARC File Format 1.1"})
        info.rec_headers.replace_header("WARC-Record-ID", rid())
        info.rec_headers.replace_header("WARC-Date", DATE)
        w.write_record(info)
        request(w, "https://news.example/")
        response(w, "https://news.example/", HOME, [("Content-Type", "text/html; charset=utf-8")])
        response(w, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), [("Content-Type", "image/png")])
        request(w, STORY)
        response(w, STORY, EN, [("Content-Type", "text/html; charset=utf-8")])
        w.write_record(w.create_warc_record(STORY, "metadata", payload=io.BytesIO(b"outlinks: https://news.example/\n"),
                                            warc_content_type="application/warc-fields",
                                            warc_headers_dict={"WARC-Record-ID": rid(), "WARC-Date": DATE}))


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x;ext=1\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def encoded(path):
    counter[0] = 100
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        response(w, "https://news.example/fr", chunked(gzip.compress(FR, mtime=0)),
                 [("Content-Type", "text/html; charset=windows-1252"), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")])
        response(w, "https://news.example/deflate", zlib.compress(EN),
                 [("Content-Type", "text/html"), ("Content-Encoding", "deflate")])
        response(w, "https://news.example/notes.txt", "Notes: café, déjà vu.\r\nSecond line.\r\n".encode("iso-8859-1"),
                 [("Content-Type", "text/plain; charset=ISO-8859-1")])


def wrong_digest(path):
    counter[0] = 200
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=False)
        other = "sha1:" + __import__("base64").b32encode(hashlib.sha1(b"another page").digest()).decode()
        response(w, STORY, EN, [("Content-Type", "text/html; charset=utf-8")])
    # warcio writes its own digest; put the other page's in its place (same length, so no length changes).
    data = path.read_bytes()
    right = data.split(b"WARC-Payload-Digest: ", 1)[1].split(b"\r\n", 1)[0]
    path.write_bytes(data.replace(right, other.encode(), 1))


def cdxj(warc_bytes, name):
    lines = []
    it = ArchiveIterator(io.BytesIO(warc_bytes))
    try:
        for record in it:
            if record.rec_type == "response":
                url = record.rec_headers.get_header("WARC-Target-URI")
                host, _, rest = url.split("//", 1)[1].partition("/")
                surt = ",".join(reversed(host.split("."))) + ")/" + rest
                lines.append(f'{surt} 20240801100000 {json.dumps({"url": url, "offset": it.get_record_offset(), "filename": name})}')
    except Exception:  # the zip-bomb member's trailing zeros are not a record
        pass
    return "\n".join(sorted(lines)) + "\n"


def wacz(path, warc_name, warc_bytes, method, urls=(STORY,)):
    pages = '{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}\n' + "".join(json.dumps({"url": u, "ts": DATE, "title": "Page"}) + "\n" for u in urls)
    members = {f"archive/{warc_name}": warc_bytes, "pages/pages.jsonl": pages.encode(), "indexes/index.cdxj": cdxj(warc_bytes, warc_name).encode()}
    package = {"profile": "data-package", "wacz_version": "1.1.1", "resources": [
        {"name": n.split("/")[-1], "path": n, "hash": "sha256:" + hashlib.sha256(b).hexdigest(), "bytes": len(b)} for n, b in members.items()]}
    members["datapackage.json"] = json.dumps(package, indent=2).encode()
    with zipfile.ZipFile(path, "w", compression=method) as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 8, 1, 10, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


def patch_directory(path, member, offset_in_entry, fmt, value):
    data = bytearray(path.read_bytes())
    eocd = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack_from("<I", data, eocd + 16)[0]
    p = cd_offset
    while data[p:p + 4] == b"PK\x01\x02":
        n, e, c = struct.unpack_from("<HHH", data, p + 28)
        if data[p + 46:p + 46 + n].decode() == member:
            struct.pack_into(fmt, data, p + offset_in_entry, value)
        p += 46 + n + e + c
    path.write_bytes(bytes(data))


def bomb(path):
    size = 80 << 20
    header = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000900>\r\n"
              f"WARC-Date: {DATE}\r\nWARC-Target-URI: https://news.example/bomb\r\nContent-Type: application/http; msgtype=response\r\n"
              f"Content-Length: {size}\r\n\r\n").encode()
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = c.compress(header)
    zeros = bytes(1 << 20)
    for _ in range(size >> 20):
        out += c.compress(zeros)
    out += c.compress(b"\r\n\r\n") + c.flush()
    path.write_bytes(out)


def encoding_bomb(path):
    counter[0] = 300
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    body = c.compress(b"<html><body><p>") + b"".join(c.compress(bytes(1 << 20)) for _ in range(70)) + c.flush()
    with open(path, "wb") as f:
        response(WARCWriter(f, gzip=False), STORY, body, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])


def expected(paths):
    out = {}
    for path in paths:
        records = []
        with open(path, "rb") as f:
            for record in ArchiveIterator(f, check_digests=True):
                if record.rec_type != "response":
                    continue
                record.content_stream().read()
                records.append({
                    "record_id": record.rec_headers.get_header("WARC-Record-ID"),
                    "target_uri": record.rec_headers.get_header("WARC-Target-URI"),
                    "date": record.rec_headers.get_header("WARC-Date"),
                    "payload_digest": record.rec_headers.get_header("WARC-Payload-Digest"),
                    "digest_ok": record.digest_checker.passed is not False,
                })
        out[path.name] = records
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    crawl(OUT / "story.warc.gz", True)
    crawl(OUT / "story.warc", False)
    encoded(OUT / "encoded.warc.gz")
    wrong_digest(OUT / "wrong-digest.warc")
    wacz(OUT / "capture.wacz", "data.warc.gz", (OUT / "story.warc.gz").read_bytes(), zipfile.ZIP_STORED)
    wacz(OUT / "deflated.wacz", "data.warc", (OUT / "story.warc").read_bytes(), zipfile.ZIP_DEFLATED)
    wacz(OUT / "two-pages.wacz", "data.warc.gz", (OUT / "story.warc.gz").read_bytes(), zipfile.ZIP_STORED, ("https://news.example/", STORY))
    bomb(OUT / "bomb.warc.gz")
    encoding_bomb(OUT / "encoding-bomb.warc")
    wacz(OUT / "zip-bomb.wacz", "data.warc", (OUT / "story.warc").read_bytes() + bytes(4 << 20), zipfile.ZIP_DEFLATED)
    patch_directory(OUT / "zip-bomb.wacz", "archive/data.warc", 24, "<I", 1000)  # uncompressed size: 1000 bytes
    wacz(OUT / "encrypted.wacz", "data.warc.gz", (OUT / "story.warc.gz").read_bytes(), zipfile.ZIP_STORED)
    patch_directory(OUT / "encrypted.wacz", "archive/data.warc.gz", 8, "<H", 1)  # general purpose flag bit 0
    wacz(OUT / "zip64.wacz", "data.warc.gz", (OUT / "story.warc.gz").read_bytes(), zipfile.ZIP_STORED)
    data = bytearray((OUT / "zip64.wacz").read_bytes())
    struct.pack_into("<I", data, data.rfind(b"PK\x05\x06") + 16, 0xFFFFFFFF)  # directory offset: see the ZIP64 record
    (OUT / "zip64.wacz").write_bytes(bytes(data))
    names = ["story.warc.gz", "story.warc", "encoded.warc.gz", "wrong-digest.warc"]
    (OUT / "expected.json").write_text(json.dumps(expected([OUT / n for n in names]), indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
