"""Gold files: one reader of JSON-lines gold, shared by the scorers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from flashpoint.errors import FlashpointError

__all__ = ["read_jsonl"]

T = TypeVar("T")


def read_jsonl(path: Path, parse: Callable[[dict[str, Any]], T], *, what: str) -> list[T]:
    """Return `parse` of every record of a JSON-lines gold file, blank lines skipped.

    A file that cannot be read, a line that is not JSON and a record `parse` rejects (KeyError,
    TypeError, ValueError, AttributeError) all raise FlashpointError naming the file and the line.
    """
    records: list[T] = []
    number = 0
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                number += 1
                if line.strip():
                    records.append(parse(json.loads(line)))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FlashpointError(f"cannot read {what} gold {path} (line {number}): {exc!r}") from exc
    return records
