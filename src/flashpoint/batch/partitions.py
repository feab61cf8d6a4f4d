"""Partitions of a backfill: input files, and JSONL files cut into runs of records, in input order.

A partition is a small description (paths and byte ranges), never the text itself: the worker that
runs it reads its own inputs, so nothing large passes through the scheduler. Reading a partition
yields exactly what `read_inputs` yields for the same inputs, with the same sources ("file:line").
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from flashpoint.errors import FlashpointError
from flashpoint.ingest import read_inputs
from flashpoint.ingest.decode import looks_binary
from flashpoint.ingest.formats import EXTENSIONS, read_decoded
from flashpoint.ingest.inputs import STDIN, expand_path
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

__all__ = ["BatchError", "Partition", "Piece", "plan_partitions", "read_partition"]


class BatchError(FlashpointError):
    """A backfill cannot start as asked (bad options, no inputs, a scheduler that cannot be reached)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """One input of a partition: a whole file (or an unmatched path), or a run of lines of a JSONL file.

    For a run of lines, `start`/`end` are byte offsets and `first_line`/`last_line` 1-based line
    numbers; `records` counts its non-blank lines. A whole file has first_line 0.
    """

    path: str
    first_line: int = 0
    last_line: int = 0
    start: int = 0
    end: int = 0
    records: int = 1

    @property
    def label(self) -> str:
        """Return how rejections name this piece: the path, or "path:first-last" for a run of lines."""
        if not self.first_line:
            return self.path
        return f"{self.path}:{self.first_line}-{self.last_line}"


@dataclass(frozen=True, slots=True)
class Partition:
    """A unit of work: its position in input order and the pieces it reads."""

    index: int
    pieces: tuple[Piece, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(piece.label for piece in self.pieces)

    @property
    def records(self) -> int:
        return sum(piece.records for piece in self.pieces)


def plan_partitions(paths: Sequence[str], *, settings: Settings, size: int) -> list[Partition]:
    """Return the partitions of `paths` (files, folders, globs), about `size` records each, in input order.

    A JSONL file is cut between lines; other files count as one record. Raises BatchError for stdin
    or a size below 1.
    """
    if size < 1:
        raise BatchError(f"--partition-size must be at least 1, not {size}")
    if STDIN in paths:
        raise BatchError("batch reads files, not stdin: save the input to a file first")
    pieces: list[Piece] = []
    for path in paths:
        for item in expand_path(path):
            if isinstance(item, Rejection):
                pieces.append(Piece(path=path))
            else:
                pieces.extend(_file_pieces(item, settings=settings, size=size))
    return list(_pack(pieces, size=size))


def _pack(pieces: Iterable[Piece], *, size: int) -> Iterator[Partition]:
    current: list[Piece] = []
    count = 0
    index = 0
    for piece in pieces:
        if current and count + piece.records > size:
            yield Partition(index=index, pieces=tuple(current))
            index += 1
            current, count = [], 0
        current.append(piece)
        count += piece.records
    if current:
        yield Partition(index=index, pieces=tuple(current))


def _file_pieces(path: Path, *, settings: Settings, size: int) -> Iterator[Piece]:
    whole = Piece(path=str(path))
    if EXTENSIONS.get(path.suffix.lower()) != "jsonl":
        yield whole
        return
    try:
        if path.stat().st_size > settings.max_bytes:
            yield whole
            return
        data = path.read_bytes()
    except OSError:
        yield whole
        return
    lines = _utf8_lines(data)
    if lines is None:  # not plain UTF-8, binary or empty: read whole, as `ingest` would
        yield whole
        return
    # Cut after every `size` non-blank lines; blank lines stay with the run before them.
    offset = 0
    run_start, run_first, run_records = 0, 1, 0
    for number, (line, width) in enumerate(lines, start=1):
        if line.strip():
            if run_records == size:
                yield _run(path, run_first, number - 1, run_start, offset, size)
                run_start, run_first, run_records = offset, number, 0
            run_records += 1
        offset += width
    if run_records:
        yield _run(path, run_first, len(lines), run_start, offset, run_records)


def _run(path: Path, first: int, last: int, start: int, end: int, records: int) -> Piece:
    return Piece(str(path), first_line=first, last_line=last, start=start, end=end, records=records)


def _utf8_lines(data: bytes) -> list[tuple[str, int]] | None:
    """Return each line (as `str.splitlines` cuts them) with its width in bytes, or None to read whole."""
    if not data.strip() or looks_binary(data):
        return None
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [(line, len(line.encode("utf-8"))) for line in text.splitlines(keepends=True)]
    if lines and bom:
        lines[0] = (lines[0][0], lines[0][1] + bom)
    return lines


def read_partition(partition: Partition, *, settings: Settings) -> Iterator[Document | Rejection]:
    """Yield the Documents and Rejections of a partition, as `read_inputs` yields them for its pieces."""
    for piece in partition.pieces:
        if not piece.first_line:
            yield from read_inputs([piece.path], settings=settings)
            continue
        with open(piece.path, "rb") as handle:
            handle.seek(piece.start)
            data = handle.read(piece.end - piece.start)
        text = data.decode("utf-8-sig" if piece.start == 0 else "utf-8")
        # Blank lines in front keep the line numbers, and so the sources "path:line", of the whole file.
        yield from read_decoded("\n" * (piece.first_line - 1) + text, format="jsonl", source=piece.path)
