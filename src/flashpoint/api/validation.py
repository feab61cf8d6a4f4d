"""Input checks shared by the API routes: every bad value becomes a 4xx with a clear message.

Bounds are generous for real use and small enough that no value reaches the database or date
arithmetic as an overflow.  Text fields follow the ingest rule (`flashpoint.ingest.decode.text_problem`):
a NUL or an unpaired surrogate is refused, never replaced.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fastapi import HTTPException

from flashpoint.ingest.decode import text_problem

__all__ = [
    "API_FORMATS",
    "DATE_MAX",
    "DATE_MIN",
    "MAX_FIELD_CHARS",
    "MAX_FILTER_CHARS",
    "MAX_OFFSET",
    "MAX_ORIGINS",
    "api_source",
    "check_date",
    "parse_json",
    "text_field",
]

API_FORMATS = ("auto", "text", "markdown", "html", "json", "jsonl")
DATE_MIN = dt.date(1800, 1, 1)
DATE_MAX = dt.date(2200, 12, 31)
MAX_OFFSET = 1_000_000_000
MAX_ORIGINS = 10_000
MAX_FILTER_CHARS = 200  # actor, country, type and text filters
MAX_FIELD_CHARS = 2_000  # title, author, publisher, url, origin and source labels of a write


def check_date(value: dt.date | None, *, name: str) -> dt.date | None:
    """Return `value` when it lies between DATE_MIN and DATE_MAX (or is None); HTTP 422 otherwise."""
    if value is not None and not DATE_MIN <= value <= DATE_MAX:
        raise HTTPException(422, f"{name} must be between {DATE_MIN} and {DATE_MAX}")
    return value


def parse_json(raw: bytes) -> Any:
    """Return the JSON value in a request body; HTTP 400 when it is not UTF-8 JSON or nests too deeply."""
    try:
        return json.loads(raw or b"null")
    except RecursionError:
        raise HTTPException(400, "the JSON body is nested too deeply") from None
    except UnicodeDecodeError:
        raise HTTPException(400, "the JSON body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"the body is not valid JSON: {exc.msg} at character {exc.pos}") from None


def text_field(body: dict[str, Any], name: str, *, limit: int = MAX_FIELD_CHARS) -> str | None:
    """Return the string `body[name]` stripped (None when absent or blank); HTTP 422 when it is unfit.

    Unfit: not a string, longer than `limit`, or holding a NUL or an unpaired surrogate.
    """
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise HTTPException(422, f"{name} must be a string")
    problem = text_problem(value)
    if problem is not None:
        raise HTTPException(422, f"{name} {problem}")
    if len(value) > limit:
        raise HTTPException(422, f"{name} is longer than {limit} characters")
    return value.strip() or None


def api_source(token_name: str, label: str | None) -> str:
    """Return the stored `source` of a write: "api:<token name>", then ":<label>" when the caller gave one.

    The prefix records which token stored the document, and a caller's label can never pass for a
    file path or a URL the CLI read.
    """
    if not label:
        return f"api:{token_name}"
    return f"api:{token_name}:{' '.join(label.split())}"
