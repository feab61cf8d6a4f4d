"""The one rule for NULs and unpaired surrogates: refused with a reason, the same on every path."""

from __future__ import annotations

import pytest

from flashpoint.errors import IngestError
from flashpoint.ingest import read_text
from flashpoint.ingest.decode import text_problem
from flashpoint.ingest.formats import read_bytes, read_decoded
from flashpoint.records import Document, Rejection, content_hash


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Rockets hit the depot.", None),
        ("Rockets hit \U0001f525 the depot.", None),
        ("Rockets\x00 hit the depot.", "holds a NUL character (U+0000)"),
        ("Rockets \ud800 hit the depot.", "holds an unpaired surrogate (U+D800)"),
        ("Rockets hit the depot \udfff", "holds an unpaired surrogate (U+DFFF)"),
    ],
)
def test_decode_text_problem_names_the_character(text: str, problem: str | None) -> None:
    assert text_problem(text) == problem


@pytest.mark.parametrize("format", ["auto", "text", "markdown", "html"])
@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_decode_rule_refuses_decoded_text_in_every_reader(format: str, bad: str) -> None:
    (item,) = read_decoded(f"<p>Troops crossed{bad} the river at dawn.</p>", format=format, source="s")
    assert isinstance(item, Rejection)
    assert "NUL" in item.reason or "unpaired surrogate" in item.reason


@pytest.mark.parametrize("escape", ["\\u0000", "\\ud800"])
@pytest.mark.parametrize("field", ["text", "title", "author", "url", "publisher"])
def test_decode_rule_refuses_json_escapes_in_any_field(escape: str, field: str) -> None:
    record = {"text": "Troops crossed the river at dawn.", field: f"x{escape}y"}
    body = "{" + ", ".join(f'"{k}": "{v}"' for k, v in record.items()) + "}"
    (item,) = read_bytes(body.encode(), format="json", source="s")
    assert isinstance(item, Rejection)
    assert ("NUL" if escape == "\\u0000" else "unpaired surrogate") in item.reason


def test_decode_rule_sees_a_nul_past_the_binary_sniff() -> None:
    data = b"Troops crossed the river. " * 1000 + b"\x00 and more."
    (item,) = read_bytes(data, format="auto", source="late-nul")
    assert isinstance(item, Rejection) and "NUL" in item.reason


def test_decode_rule_is_strict_in_read_text() -> None:
    with pytest.raises(IngestError, match="NUL"):
        read_text("Troops\x00 crossed the river.", format="text")
    (doc,) = read_text("Troops crossed the river.", format="text")
    assert isinstance(doc, Document)


def test_content_hash_takes_a_lone_surrogate() -> None:
    assert content_hash("a \ud800 b") != content_hash("a b")
    assert content_hash("a  \n b") == content_hash("a b")
