"""read_inputs: files, folders, globs and stdin; every failure is a Rejection and the rest goes on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from flashpoint.errors import IngestError
from flashpoint.ingest import count_inputs, read_inputs, read_text
from flashpoint.records import Document, Rejection
from flashpoint.settings import Settings

ARTICLE = "Protest in Tbilisi\n\nThousands rallied outside parliament on Sunday night, organisers said.\n"


def _read(
    paths: list[str], *, settings: Settings | None = None, stdin: bytes | None = None
) -> list[Document | Rejection]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs(paths, settings=settings or Settings(), stdin=stream))


def _only(items: list[Document | Rejection]) -> Document | Rejection:
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.md", b"  \n\t\n  ", "empty input"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not text"),
        ("latin.txt", "Frappe aérienne à Gao".encode("latin-1"), "not valid UTF-8 and no charset declared"),
        ("report.pdf", b"%PDF-1.7 some text", "unsupported file type '.pdf'"),
        ("chrome.md", b"[Home](#) | [About](#)\n\nSubscribe now\n", "no article text found"),
    ],
)
def test_inputs_rejection_reasons(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert _only(_read([str(path)])) == Rejection(str(path), reason)


def test_inputs_oversized_file_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    item = _only(_read([str(path)], settings=Settings(max_bytes=100)))
    assert isinstance(item, Rejection)
    assert item.reason.startswith("larger than max_bytes")


@pytest.mark.parametrize(
    ("path", "reason"),
    [("nowhere/missing.txt", "no such file or directory"), ("nowhere/*.md", "no files match this pattern")],
)
def test_inputs_missing_paths_rejected(tmp_path: Path, path: str, reason: str) -> None:
    target = str(tmp_path / path)
    assert _only(_read([target])) == Rejection(target, reason)


def test_inputs_bad_input_does_not_stop_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    items = _read([str(tmp_path / "missing.txt"), str(good)])
    assert isinstance(items[0], Rejection)
    assert isinstance(items[1], Document) and items[1].source == str(good)


def test_inputs_folder_walked_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.md").write_text("Second piece of news text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First piece of news text.", encoding="utf-8")
    (tmp_path / ".draft.txt").write_text("Hidden draft.", encoding="utf-8")
    (tmp_path / ".git" / "notes.txt").write_text("Hidden folder.", encoding="utf-8")
    items = _read([str(tmp_path)])
    assert [item.source for item in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.md")]
    assert count_inputs([str(tmp_path)], settings=Settings()) == 2


def test_inputs_glob_pattern(tmp_path: Path) -> None:
    for name in ("x.md", "y.md", "z.txt"):
        (tmp_path / name).write_text(f"News text from {name}.", encoding="utf-8")
    items = _read([str(tmp_path / "*.md")])
    assert [Path(item.source or "").name for item in items] == ["x.md", "y.md"]


def test_inputs_jsonl_one_item_per_line(tmp_path: Path) -> None:
    path = tmp_path / "posts.ndjson"
    lines = [json.dumps({"id": f"p{i}", "handle": "desk", "text": f"Update number {i}."}) for i in range(3)]
    path.write_text("\n".join([*lines, "{broken"]) + "\n", encoding="utf-8")
    items = _read([str(path)])
    assert [item.id for item in items if isinstance(item, Document)] == ["p0", "p1", "p2"]
    assert items[-1] == Rejection(f"{path}:4", items[-1].reason)
    assert count_inputs([str(path)], settings=Settings()) == 4


@pytest.mark.parametrize(
    ("data", "format"),
    [
        (ARTICLE.encode(), "text"),
        (b"Talks collapse\n\nBy [A. Writer](#)\n\nThe **talks** collapsed.", "markdown"),
        (
            b"<html><body><article><p>Police dispersed marchers in Nairobi on Tuesday with tear gas.</p></article></body></html>",
            "html",
        ),
        (b'{"id": "s1", "handle": "desk", "text": "Shots fired near Jenin."}\n', "post"),
        (b'[{"text": "An article body."}]', "json"),
    ],
)
def test_inputs_stdin_format_sniffed(data: bytes, format: str) -> None:
    item = _only(_read(["-"], stdin=data))
    assert isinstance(item, Document)
    assert item.format == format
    assert (item.source or "").split(":")[0] == "-"


def test_inputs_stdin_oversized_rejected() -> None:
    item = _only(_read(["-"], settings=Settings(max_bytes=10), stdin=ARTICLE.encode()))
    assert isinstance(item, Rejection) and item.source == "-"


@pytest.mark.parametrize(
    "data",
    [
        '<html><head><meta charset="windows-1252"></head><body><p>Frappe aérienne près de Tombouctou.</p></body></html>'.encode(
            "cp1252"
        ),
        '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Frappe aérienne près de Tombouctou.</p></body></html>'.encode(
            "latin-1"
        ),
        "\ufeff<html><body><p>Frappe aérienne près de Tombouctou.</p></body></html>".encode(),
        "<html><body><p>Frappe aérienne près de Tombouctou.</p></body></html>".encode("utf-16"),
    ],
)
def test_inputs_declared_charset_and_bom_decoded(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    item = _only(_read([str(path)]))
    assert isinstance(item, Document)
    assert "Frappe aérienne près de Tombouctou." in item.text


def test_inputs_same_content_same_id(tmp_path: Path) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("\n", "\r\n"), encoding="utf-8")
    a, b = _read([str(first), str(second)])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.id == b.id and a.hash == b.hash


@pytest.mark.parametrize(
    ("format", "expected"), [("text", "text"), ("markdown", "markdown"), ("auto", "text")]
)
def test_read_text_formats(format: str, expected: str) -> None:
    (doc,) = read_text(ARTICLE, format=format)
    assert doc.format == expected
    assert doc.source is None


def test_read_text_is_strict() -> None:
    with pytest.raises(IngestError):
        read_text('{"text": "fine"}\n{oops', format="jsonl")
    with pytest.raises(IngestError):
        read_text("   ")
    with pytest.raises(IngestError, match="unknown format"):
        read_text(ARTICLE, format="pdf")


def test_inputs_public_names_exported() -> None:
    import flashpoint.ingest as ingest

    assert set(ingest.__all__) >= {"read_inputs", "read_text", "count_inputs"}
    assert all(callable(getattr(ingest, name)) for name in ingest.__all__ if name != "FORMATS")


def _unblock(fifo: Path) -> None:
    """Release a reader stuck opening `fifo` (the test must end even when the code under test hangs)."""
    import os

    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return  # nobody is waiting on it
    os.close(fd)


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
def test_inputs_skip_non_regular_files_and_read_the_rest(tmp_path: Path, kind: str) -> None:
    import os
    import socket
    import threading

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    odd = folder / "pipe.txt"
    server: socket.socket | None = None
    if kind == "fifo":
        os.mkfifo(odd)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(odd))
    else:
        odd.symlink_to("/dev/zero")  # a device that never ends
    found: list[list[Document | Rejection]] = []
    counted: list[int] = []

    def run() -> None:
        counted.append(count_inputs([str(folder)], settings=Settings()))
        found.append(_read([str(folder)]))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    hung = worker.is_alive()
    if kind == "fifo":
        _unblock(odd)
        _unblock(odd)
    worker.join(timeout=5)
    if server is not None:
        server.close()
    assert not hung, f"reading a folder with a {kind} in it hung"
    assert counted == [2]
    (items,) = found
    documents = [item for item in items if isinstance(item, Document)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert [d.source for d in documents] == [str(folder / "good.txt")]
    assert [r.source for r in rejections] == [str(odd)]
    assert rejections[0].reason.startswith("not a regular file")
