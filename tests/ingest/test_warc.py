"""WARC archives: each archived HTML or text page is a document; the rest is skipped or rejected."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flashpoint.ingest.inputs import read_inputs
from flashpoint.ingest.warc import is_warc
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

PAGE = """<html><head><title>Ferry service resumes - Harbour Gazette</title>
<meta name="date" content="2025-05-02"></head><body><article><h1>Ferry service resumes</h1>
<p>The ferry between Porthmill and Eastwick resumed on Friday after a week of storms, the port
authority said. Crews had repaired the damaged landing stage overnight.</p>
<p>Passengers queued from early morning, and the first crossing left on time.</p></article></body></html>"""
NOTE = "Road closures in Kestrel Vale were lifted on Thursday, the council said in a short statement."


def _record(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http,
        warc_headers_dict={"WARC-Date": "2025-05-03T08:00:00Z"},
    )  # fmt: skip
    writer.write_record(record)


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _record(writer, "https://gazette.example/ferry", PAGE.encode("utf-8"), "text/html; charset=utf-8")
        _record(writer, "https://gazette.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        _record(writer, "https://gazette.example/gone", b"<html>gone</html>", "text/html", "404 Not Found")
        _record(writer, "https://council.example/note.txt", NOTE.encode("utf-8"), "text/plain")
        _record(writer, "https://gazette.example/blank", b"   ", "text/html")
    return path


def test_is_warc_by_name() -> None:
    assert is_warc(Path("a/crawl.warc.gz")) and is_warc(Path("CRAWL.WARC"))
    assert not is_warc(Path("notes.gz")) and not is_warc(Path("page.html"))


def test_read_warc_yields_each_page_and_rejects_the_empty_one(archive: Path) -> None:
    items = list(read_inputs([str(archive)], settings=Settings()))
    docs = [i for i in items if isinstance(i, Document)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert [d.url for d in docs] == ["https://gazette.example/ferry", "https://council.example/note.txt"]
    ferry, note = docs
    assert "Porthmill" in ferry.text and ferry.title == "Ferry service resumes"
    assert str(ferry.published) == "2025-05-02"  # the page's own date
    assert note.text.startswith("Road closures") and str(note.published) == "2025-05-03"  # capture day
    assert [r.reason for r in rejected] == ["empty page"]
    assert rejected[0].source.endswith("#https://gazette.example/blank")


def test_read_warc_rejects_a_broken_archive_and_keeps_what_came_before(archive: Path, tmp_path: Path) -> None:
    data = archive.read_bytes()
    # Where the second record's gzip member starts: the bytes left over after the first member ends (a search
    # for the gzip magic number could also hit it inside the first member's compressed data).
    first = zlib.decompressobj(wbits=31)
    first.decompress(data)
    second = len(data) - len(first.unused_data)
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[:second] + b"\x00not a record\x00" * 8 + data[second:])
    items = list(read_inputs([str(broken)], settings=Settings()))
    assert isinstance(items[0], Document) and items[0].url == "https://gazette.example/ferry"
    assert isinstance(items[-1], Rejection) and "not a readable WARC archive" in items[-1].reason
    assert len(items[-1].reason) < 200


def test_read_warc_rejects_a_page_over_max_bytes(archive: Path) -> None:
    items = list(read_inputs([str(archive)], settings=Settings(max_bytes=200)))
    reasons = [i.reason for i in items if isinstance(i, Rejection)]
    assert any("larger than max_bytes" in r for r in reasons)
