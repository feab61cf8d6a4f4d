"""Reading inputs into Documents: plain text and markdown (with embedded posts), HTML, JSON and JSONL.

`read_inputs` reads files, folders, globs and stdin and never stops at a bad input: it yields a
`Rejection` with a short reason instead. `read_text` reads a string already in memory.
"""

from __future__ import annotations

from dataclasses import replace

from flashpoint.errors import IngestError
from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.formats import FORMATS, read_decoded
from flashpoint.ingest.inputs import count_inputs, read_inputs
from flashpoint.records import Document, Rejection

__all__ = ["FORMATS", "count_inputs", "parse_date", "read_inputs", "read_text"]


def read_text(text: str, *, format: str = "auto", source: str | None = None) -> list[Document]:
    """Return the Documents in `text` (one, or one per JSON record); format is one of FORMATS.

    Strict, unlike `read_inputs`: raises IngestError for the first part that cannot be read (an empty
    text, a malformed JSON line, a record without text).
    """
    documents: list[Document] = []
    for item in read_decoded(text, format=format, source=source or "<text>"):
        if isinstance(item, Rejection):
            raise IngestError(item.source, item.reason)
        documents.append(item if source is not None else replace(item, source=None))
    return documents
