"""JSON and JSONL records: documents, posts, record ids, and one rejection per bad line."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from flashpoint.ingest.posts import read_json, read_jsonl, read_record
from flashpoint.records import Document, Rejection


def _line(**record: object) -> str:
    return json.dumps(record)


def test_posts_record_with_handle_is_a_post() -> None:
    doc = read_record(
        {
            "id": "p1",
            "handle": "@delta_desk",
            "author": "Delta Desk",
            "published": "2024-05-06T07:00:00Z",
            "text": "Drones hit a fuel depot outside Kursk overnight. pic.twitter.com/Zz9Yy8Xx7W",
            "url": "https://x.com/delta_desk/status/5",
        },
        source="posts.jsonl:1",
    )
    assert doc is not None
    assert doc.format == "post"
    assert doc.id == "p1"
    assert doc.text == "Drones hit a fuel depot outside Kursk overnight."
    (post,) = doc.posts
    assert doc.text[post.start : post.end] == doc.text
    assert (post.author, post.handle, post.published) == ("Delta Desk", "delta_desk", dt.date(2024, 5, 6))
    assert post.url == "https://x.com/delta_desk/status/5"


def test_posts_record_without_handle_is_an_article() -> None:
    doc = read_record(
        {
            "title": "Talks resume",
            "text": "Negotiators met again in Doha on Tuesday.",
            "outlet": "Gulf Wire",
            "date": "3 Jun 2025",
        },
        source="a.json",
    )
    assert doc is not None
    assert doc.format == "json"
    assert doc.posts == ()
    assert (doc.title, doc.publisher, doc.published) == ("Talks resume", "Gulf Wire", dt.date(2025, 6, 3))
    assert doc.id.startswith("doc_")


@pytest.mark.parametrize(
    ("record", "author", "handle"),
    [
        ({"user": {"name": "Front Notes", "screen_name": "front_notes"}}, "Front Notes", "front_notes"),
        ({"user": "front_notes"}, "@front_notes", "front_notes"),
        ({"author": "@front_notes"}, "@front_notes", "front_notes"),
        ({"author": "Front Notes", "url": "https://t.me/front_notes/12"}, "Front Notes", None),
    ],
)
def test_posts_author_and_handle_forms(record: dict[str, object], author: str, handle: str | None) -> None:
    doc = read_record({"text": "Convoy spotted near Izium.", **record}, source="x")
    assert doc is not None
    assert doc.format == "post"
    assert doc.author == author
    assert doc.posts[0].handle == handle


def test_posts_same_text_same_id_when_no_record_id() -> None:
    first = read_record({"text": "Clashes reported in Tal Abyad."}, source="a")
    second = read_record({"text": "Clashes  reported in Tal Abyad. "}, source="b")
    assert first is not None and second is not None
    assert first.id == second.id


def test_posts_jsonl_bad_line_rejected_good_lines_kept() -> None:
    text = "\n".join(
        [
            _line(id="a", handle="one", text="Rockets fell on Sderot this morning."),
            '{"id": "b", "text": "unterminated',
            "",
            _line(id="c", text="   "),
            _line(id="d", handle="two", text="Sirens sounded in Ashkelon."),
            "[1, 2]",
        ]
    )
    items = list(read_jsonl(text, source="feed.jsonl"))
    documents = [item for item in items if isinstance(item, Document)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert [doc.id for doc in documents] == ["a", "d"]
    assert [r.source for r in rejections] == ["feed.jsonl:2", "feed.jsonl:4", "feed.jsonl:6"]
    assert "malformed JSON" in rejections[0].reason
    assert rejections[1].reason == "JSON record has no text"
    assert "not an object" in rejections[2].reason


def test_posts_json_file_with_one_object_or_a_list() -> None:
    (single,) = read_json(_line(id="s", text="Aid trucks entered Rafah."), source="one.json")
    assert isinstance(single, Document) and single.id == "s"
    items = list(read_json(json.dumps([{"text": "First."}, {"nothing": 1}]), source="many.json"))
    assert isinstance(items[0], Document)
    assert items[1] == Rejection("many.json:2", "JSON record has no text")


def test_posts_malformed_json_file_rejected() -> None:
    (item,) = read_json("{not json", source="bad.json")
    assert isinstance(item, Rejection)
    assert item.source == "bad.json"


def test_posts_json_file_with_one_record_per_line_read_as_jsonl() -> None:
    text = (
        _line(id="r1", text="Strikes on Hodeidah port.")
        + "\n"
        + _line(id="r2", text="Talks in Muscat.")
        + "\n"
    )
    items = list(read_json(text, source="export.json"))
    assert [item.id for item in items if isinstance(item, Document)] == ["r1", "r2"]
