"""Hostile input for every reader: never an exception, only Documents with sound offsets or Rejections.

Property-based (hypothesis) with a small budget for CI; `bench/fuzz.py` runs the same checks on
100,000+ inputs per reader.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.ingest import read_inputs
from flashpoint.ingest.formats import read_bytes
from flashpoint.records import Document, Rejection, content_hash
from flashpoint.settings import Settings

READERS = ("auto", "text", "markdown", "html", "json", "jsonl", "feed")
BUDGET = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = (
    "<p>",
    "</p>",
    "<div>",
    "<rss version='2.0'><channel><item><description>",
    "</item>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "&amp;",
    "&#0;",
    "&#x110000;",
    '{"text": "',
    '"}',
    "[",
    "]",
    "\n\n",
    "— Name (@handle) March 3, 2025\n",
    "By Someone\n",
    "---\ntitle: x\n---\n",
    "[link](#)",
    "**",
    "\u202e",
    "\ufeff",
    "\ud7ff",
    "<meta charset='klingon'>",
    "<?xml version='1.0' encoding='utf-16'?>",
)


def check(items: Iterable[Document | Rejection]) -> list[Document | Rejection]:
    """Return the items after checking each is a sound Document or a Rejection with a reason."""
    out = list(items)
    for item in out:
        if isinstance(item, Rejection):
            assert item.reason and isinstance(item.reason, str)
            continue
        assert isinstance(item, Document)
        assert item.text.strip()
        assert item.hash == content_hash(item.text)
        for post in item.posts:
            assert 0 <= post.start <= post.end <= len(item.text)
    return out


hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=30).map("".join)
encodings = st.sampled_from(("utf-8", "utf-16", "utf-32", "latin-1", "cp1252", "utf-8-sig"))


@BUDGET
@given(data=st.binary(max_size=2000), reader=st.sampled_from(READERS))
def test_readers_survive_random_bytes(data: bytes, reader: str) -> None:
    check(read_bytes(data, format=reader, source="fuzz"))


@BUDGET
@given(text=hostile_text, encoding=encodings, reader=st.sampled_from(READERS))
def test_readers_survive_markup_fragments_in_any_encoding(text: str, encoding: str, reader: str) -> None:
    data = text.encode(encoding, errors="replace")
    check(read_bytes(data, format=reader, source="fuzz"))


@BUDGET
@given(depth=st.integers(min_value=1, max_value=3000), reader=st.sampled_from(READERS))
def test_readers_survive_deep_nesting(depth: int, reader: str) -> None:
    for opening, closing in (("[", "]"), ('{"a":', "}"), ("<div>", "</div>"), ("> ", "")):
        data = (opening * depth + "1 words here" + closing * depth).encode()
        check(read_bytes(data, format=reader, source="deep"))


@pytest.mark.parametrize("reader", READERS)
def test_readers_refuse_nested_json_past_the_recursion_limit(reader: str) -> None:
    items = check(read_bytes(b"[" * 50_000 + b"]" * 50_000, format=reader, source="deep"))
    if reader in ("json", "jsonl", "auto"):
        assert [i.reason for i in items if isinstance(i, Rejection)] == ["JSON nested too deeply"]


def test_feed_reader_refuses_entity_declarations() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        b'<rss version="2.0"><channel><item><description>&b;</description></item></channel></rss>'
    )
    (item,) = read_bytes(laughs, format="feed", source="laughs")
    assert isinstance(item, Rejection) and "entities" in item.reason


def test_feed_reader_refuses_absurd_nesting() -> None:
    deep = (
        b'<rss version="2.0"><channel><item><description>'
        + b"<a>" * 5000
        + b"</description></item></channel></rss>"
    )
    (item,) = read_bytes(deep, format="feed", source="deep")
    assert isinstance(item, Rejection) and "nested too deeply" in item.reason


@pytest.mark.parametrize("reader", READERS)
def test_readers_take_a_huge_line(reader: str) -> None:
    check(read_bytes(b"word " * 200_000, format=reader, source="huge"))


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.txt", b"0" * 5_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bomb.gz", gzip.compress(b"0" * 5_000_000)),
        ("bomb.zip", _zip_bomb()),
        ("bomb.txt", gzip.compress(b"a" * 100_000)),
    ],
)
def test_compressed_inputs_are_rejected_not_expanded(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = list(read_inputs([str(path)], settings=Settings()))
    assert isinstance(item, Rejection)
    assert item.reason in (f"unsupported file type '{path.suffix}'", "binary data, not text")


@BUDGET
@given(data=st.binary(min_size=1, max_size=300))
def test_stdin_never_crashes(data: bytes) -> None:
    check(read_inputs(["-"], settings=Settings(), stdin=io.BytesIO(data)))


@pytest.mark.parametrize("reader", ["auto", "text", "markdown"])
def test_front_matter_nested_past_the_recursion_limit_is_body_text(reader: str) -> None:
    data = b"---\ntitle: Dam hit\nauthor: " + b"[" * 5000 + b"\n---\nWater rose in the valley overnight.\n"
    (item,) = check(read_bytes(data, format=reader, source="front"))
    assert isinstance(item, Document)
    assert item.author is None


@pytest.mark.parametrize("data", [b"<p><nav>a</nav>\x0b\x0b</p>", b"<div><script>s</script>after\x0b</div>"])
def test_html_with_control_characters_is_a_rejection(data: bytes) -> None:
    (item,) = check(read_bytes(data, format="html", source="ctl"))
    assert isinstance(item, Rejection) and item.reason.startswith("cannot parse HTML")


@pytest.mark.parametrize("reader", ["json", "jsonl", "auto"])
def test_json_with_unpaired_surrogate_escapes_is_a_rejection(reader: str) -> None:
    data = b'{"text": "Sirens \\ud800 in the city"}\n{"text": "Shops shut early.", "title": "\\ud83d\\ude00 ok"}\n{"text": "Calm.", "title": "\\udfff"}\n'
    items = check(read_bytes(data, format=reader, source="sur"))
    assert [type(i) for i in items] == [Rejection, Document, Rejection]  # a valid pair is an emoji
    assert all("unpaired surrogate" in i.reason for i in items if isinstance(i, Rejection))
