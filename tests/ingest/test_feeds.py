"""Feed reader: RSS 2.0, Atom and RSS 1.0 entries, lenient on broken XML, strict on encodings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flashpoint.errors import IngestError
from flashpoint.ingest import read_inputs, read_text
from flashpoint.ingest.feeds import (
    FeedEntry,
    entry_document,
    looks_like_feed,
    parse_feed,
    read_feed,
    summary_text,
)
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Lakeside Monitor</title><link>https://lakeside.example/</link>
<item><guid isPermaLink="false">lm-101</guid><title>Ferry &amp; pier shelled</title>
<link>https://lakeside.example/a/101</link>
<description>&lt;p&gt;Two shells struck the ferry pier at dawn.&lt;/p&gt;&lt;p&gt;Crossings were halted.&lt;/p&gt;</description>
<pubDate>Tue, 04 Mar 2025 06:30:00 GMT</pubDate><author>desk@lakeside.example (Ama Boateng)</author></item>
<item><title>Curfew extended</title><link>https://lakeside.example/a/102</link>
<description>The night curfew in the harbour district was extended by a week.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ridge Dispatch</title><id>urn:ridge</id>
<updated>2025-03-05T09:00:00Z</updated>
<entry><id>urn:ridge:7</id><title>Roadblock cleared</title><link href="https://ridge.example/7"/>
<updated>2025-03-05T08:00:00Z</updated>
<content type="html">&lt;p&gt;Soldiers removed a roadblock on the mountain pass.&lt;/p&gt;</content></entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://delta.example/"><title>Delta Notes</title><link>https://delta.example/</link>
<description>d</description></channel>
<item rdf:about="https://delta.example/n/3"><title>Levee breached</title><link>https://delta.example/n/3</link>
<description>Floodwater crossed the levee near the pumping station.</description></item>
</rdf:RDF>
"""


def test_parse_feed_reads_rss_entries() -> None:
    feed = parse_feed(RSS.encode("utf-8"), source="rss")
    assert feed.title == "Lakeside Monitor"
    first, second = feed.entries
    assert (first.key, first.link, first.title) == (
        "lm-101",
        "https://lakeside.example/a/101",
        "Ferry & pier shelled",
    )
    assert first.published == dt.date(2025, 3, 4)
    assert second.key == "https://lakeside.example/a/102"  # no guid: the link names it
    assert feed.problem is None


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        (ATOM, "Roadblock cleared", "Soldiers removed a roadblock on the mountain pass."),
        (RDF, "Levee breached", "Floodwater crossed the levee near the pumping station."),
    ],
)
def test_read_feed_reads_atom_and_rss1(text: str, title: str, body: str) -> None:
    (doc,) = read_feed(text.encode("utf-8"), source="f")
    assert isinstance(doc, Document)
    assert (doc.title, doc.text, doc.format) == (title, body, "feed")


def test_read_feed_keeps_summary_paragraphs() -> None:
    docs = [d for d in read_feed(RSS, source="rss") if isinstance(d, Document)]
    assert docs[0].text == "Two shells struck the ferry pier at dawn.\n\nCrossings were halted."
    assert docs[0].publisher == "Lakeside Monitor"
    assert docs[0].url == "https://lakeside.example/a/101"


def test_parse_feed_reads_broken_xml_leniently() -> None:
    broken = RSS.replace("</channel></rss>", "<item><title>cut off")  # truncated mid-item
    feed = parse_feed(broken.encode("utf-8"), source="broken")
    assert feed.problem is not None
    assert [e.key for e in feed.entries][:2] == ["lm-101", "https://lakeside.example/a/102"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"\x00\x01\x02binary\x00" * 20, "binary data, not text"),
        (b"<html><body><p>just a page</p></body></html>", "not an RSS or Atom feed"),
        (b"plain words, nothing more", "not an RSS or Atom feed"),
        (RSS.replace("Ferry", "F\u00e9rry").encode("latin-1"), "declared as utf-8"),
    ],
)
def test_parse_feed_rejects_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        parse_feed(data, source="bad")


def test_parse_feed_honours_a_declared_legacy_encoding() -> None:
    latin = RSS.replace('encoding="utf-8"', 'encoding="iso-8859-1"').replace("Ferry", "F\u00e9rry")
    feed = parse_feed(latin.encode("latin-1"), source="latin")
    assert feed.entries[0].title == "F\u00e9rry & pier shelled"


def test_entry_document_prefers_the_article_and_keeps_entry_metadata() -> None:
    entry = FeedEntry(key="k", link="https://x.example/1", title="Entry title", summary="Short summary.")
    article = Document(id="a", text="The whole article body.", format="html", title=None)
    doc = entry_document(entry, source="s", publisher="Wire", article=article)
    assert (doc.text, doc.title, doc.publisher, doc.format) == (
        "The whole article body.",
        "Entry title",
        "Wire",
        "html",
    )
    fallback = entry_document(entry, source="s")
    assert (fallback.text, fallback.format) == ("Short summary.", "feed")
    with pytest.raises(IngestError, match="no text"):
        entry_document(FeedEntry(key="k"), source="s")


def test_summary_text_drops_tags_and_decodes_entities() -> None:
    assert summary_text("<div>One &amp; two<br/>three</div><script>x</script>") == "One & two\n\nthree\n\nx"


def test_looks_like_feed_needs_a_feed_root() -> None:
    assert looks_like_feed(RSS.encode())
    assert looks_like_feed(ATOM)
    assert not looks_like_feed("<html><body><feed>no</feed></body></html>")


@pytest.mark.parametrize("name", ["wire.rss", "wire.atom", "wire.xml"])
def test_read_inputs_routes_feed_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(RSS, encoding="utf-8")
    items = list(read_inputs([str(path)], settings=Settings()))
    assert [type(i) for i in items] == [Document, Document]


def test_read_text_and_stdin_sniff_a_feed() -> None:
    (doc,) = read_text(ATOM)
    assert doc.format == "feed"
    import io

    items = list(read_inputs(["-"], settings=Settings(), stdin=io.BytesIO(RDF.encode())))
    assert len(items) == 1 and isinstance(items[0], Document)


def test_read_feed_without_entries_is_a_rejection() -> None:
    empty = '<rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    (item,) = read_feed(empty, source="quiet")
    assert isinstance(item, Rejection) and item.reason == "feed has no entries"
