"""The inputs named on a command line: files, folders, glob patterns and stdin, read one by one."""

from __future__ import annotations

import glob
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from flashpoint.ingest.formats import EXTENSIONS, read_bytes
from flashpoint.ingest.warc import is_warc, read_warc
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

__all__ = ["STDIN", "count_inputs", "expand_path", "read_inputs"]

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
_LINE_COUNTED = frozenset({".jsonl", ".ndjson"})


def read_inputs(
    paths: Iterable[str], *, settings: Settings, stdin: IO[bytes] | None = None
) -> Iterator[Document | Rejection]:
    """Yield every Document in the inputs, and a Rejection for each input (or JSON line) that fails.

    A path is a file, a folder (walked recursively in sorted order, hidden entries skipped), a glob
    pattern, an http(s) URL (fetched by `flashpoint.ingest.fetch`), or "-" for stdin (its format sniffed from the content). One bad input never stops the rest.
    """
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(stdin, settings=settings)
            continue
        if path.lower().startswith(("http://", "https://")):
            from flashpoint.ingest.fetch import read_url  # httpx is loaded only when a URL is read

            yield from read_url(path, settings=settings)
            continue
        for item in expand_path(path):
            if isinstance(item, Rejection):
                yield item
            else:
                yield from _read_file(item, settings=settings)


def count_inputs(paths: Iterable[str], *, settings: Settings) -> int:
    """Return about how many items `read_inputs` will yield: files, plus lines of JSONL files.

    Cheap enough for a progress bar: nothing is decoded or parsed.
    """
    total = 0
    for path in paths:
        if path == STDIN:
            total += 1
            continue
        for item in expand_path(path):
            total += _line_count(item, settings=settings) if isinstance(item, Path) else 1
    return total


def expand_path(path: str) -> Iterator[Path | Rejection]:
    """Yield the files a path names (sorted), or a Rejection when it names nothing."""
    candidate = Path(path).expanduser()
    if candidate.is_dir():
        yield from _walk(candidate)
    elif candidate.exists():
        yield candidate
    elif _GLOB_CHARS & set(path):
        matches = sorted(glob.glob(os.path.expanduser(path), recursive=True))
        if not matches:
            yield Rejection(path, "no files match this pattern")
        for match in matches:
            found = Path(match)
            if found.is_dir():
                yield from _walk(found)
            elif found.is_file():
                yield found
    else:
        yield Rejection(path, "no such file or directory")


def _walk(folder: Path) -> Iterator[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root, name) for name in files if not name.startswith("."))
    yield from sorted(found)


def _not_regular(path: Path) -> str | None:
    """Return why `path` must not be opened (a FIFO, socket or device would block or never end), else None."""
    try:
        mode = path.stat().st_mode  # follows symlinks: a link to a FIFO is a FIFO
    except OSError:
        return None  # the read reports the error
    if stat.S_ISREG(mode):
        return None
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return f"not a regular file: {kind}"
    return "not a regular file"


def _read_regular(path: Path, *, max_bytes: int) -> bytes:
    """Return the bytes of the regular file at `path` (at most max_bytes + 1).

    Opened without blocking and checked again on the open handle, so a file swapped for a FIFO
    after the first check still cannot hang the read.  Raises OSError, or ValueError when not regular.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ValueError("not a regular file")
        return handle.read(max_bytes + 1)


def _read_file(path: Path, *, settings: Settings) -> Iterator[Document | Rejection]:
    source = str(path)
    problem = _not_regular(path)
    if problem is not None:
        yield Rejection(source, f"{problem}; only regular files are read")
        return
    if is_warc(path):  # streamed page by page: `max_bytes` applies to each page, not to the archive
        yield from read_warc(path, max_bytes=settings.max_bytes)
        return
    suffix = path.suffix.lower()
    format = EXTENSIONS.get(suffix, "auto" if not suffix else "")
    if not format:
        yield Rejection(source, f"unsupported file type {suffix!r}")
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Rejection(source, f"larger than max_bytes ({size} > {settings.max_bytes} bytes)")
            return
        data = _read_regular(path, max_bytes=settings.max_bytes)
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror or exc}")
        return
    except ValueError as exc:
        yield Rejection(source, f"{exc}; only regular files are read")
        return
    if len(data) > settings.max_bytes:  # grew after stat
        yield Rejection(source, f"larger than max_bytes (> {settings.max_bytes} bytes)")
        return
    yield from read_bytes(data, format=format, source=source)


def _read_stdin(stdin: IO[bytes] | None, *, settings: Settings) -> Iterator[Document | Rejection]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read(settings.max_bytes + 1)
    except OSError as exc:
        yield Rejection(STDIN, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > settings.max_bytes:
        yield Rejection(STDIN, f"larger than max_bytes ({settings.max_bytes} bytes)")
        return
    yield from read_bytes(data, format="auto", source=STDIN)


def _line_count(path: Path, *, settings: Settings) -> int:
    if path.suffix.lower() not in _LINE_COUNTED or _not_regular(path) is not None:
        return 1
    try:
        if path.stat().st_size > settings.max_bytes:
            return 1
        with path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1
