"""Crash safety: `flashpoint ingest` killed with SIGKILL at random points, then resumed, loses and
duplicates nothing.

The subprocess runs the real CLI (`flashpoint.cli.main`) with a test-only pipeline: one stage that makes
a sentence and an event per paragraph (the spaCy pipeline takes too long to start twenty times). Each
kill lands while documents are being written (after a random number of new documents, plus a random
few milliseconds); after each one the store must hold only whole documents (every stored document with
all its events and reports), none twice, and every document stored before the kill.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

DOCS = 50
PARAGRAPHS = 3
KILLS = 20
PLACES = ("convoy", "checkpoint", "village", "bridge", "market", "depot", "ridge", "harbour", "clinic")

RUNNER = """
import sys
from dataclasses import replace

import flashpoint.pipeline as pipeline
from flashpoint.records import Event, Sentence


class ParagraphEvents:
    name = "paragraph-events"
    requires = frozenset()
    provides = frozenset({"sentences", "events"})

    def __call__(self, doc):
        sentences, events, pos = [], [], 0
        for i, para in enumerate(doc.text.split("\\n\\n")):
            start = doc.text.index(para, pos)
            pos = start + len(para)
            sentences.append(Sentence(i, start, pos, para))
            cut = para.index(" ")
            events.append(Event(type="ASSAULT", sentence=i, trigger_start=start,
                                trigger_end=start + cut, trigger=para[:cut]))
        return replace(doc, sentences=tuple(sentences), events=tuple(events))

    def pipe(self, docs):
        for doc in docs:
            yield self(doc)


pipeline.load_pipeline = lambda settings=None: pipeline.Pipeline([ParagraphEvents()])
from flashpoint.cli import main

sys.argv = ["flashpoint", "--db", sys.argv[1], "ingest", "-q", sys.argv[2]]
main()
"""


def _corpus(folder: Path, rnd: random.Random) -> None:
    folder.mkdir()
    for i in range(DOCS):
        paragraphs = [
            f"Shelling hit the {rnd.choice(PLACES)} numbered {i}-{j} on day {j + 1}, residents told reporters."
            for j in range(PARAGRAPHS)
        ]
        (folder / f"report-{i:03d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def _snapshot(db: Path) -> tuple[set[str], int, int, dict[str, int], dict[str, int]]:
    """Return the stored document ids, event and report counts, and events and reports per document."""
    if not db.exists():
        return set(), 0, 0, {}, {}
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "documents" not in tables:
            return set(), 0, 0, {}, {}
        docs = [row[0] for row in conn.execute("SELECT id FROM documents")]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        per_doc_reports = dict(
            conn.execute("SELECT document_id, count(*) FROM reports GROUP BY document_id").fetchall()
        )
        per_doc_events = dict(
            conn.execute(
                "SELECT r.document_id, count(DISTINCT r.event_id) FROM reports r GROUP BY r.document_id"
            ).fetchall()
        )
    assert len(docs) == len(set(docs)), "a document was stored twice"
    return set(docs), events, reports, per_doc_events, per_doc_reports


def _count_documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=0.2) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _run(db: Path, corpus: Path, script: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.Popen(
        [sys.executable, str(script), str(db), str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def _check_whole(db: Path, before: set[str]) -> set[str]:
    docs, events, reports, per_doc_events, per_doc_reports = _snapshot(db)
    assert before <= docs, f"documents lost after a kill: {sorted(before - docs)[:3]}"
    assert events == reports == PARAGRAPHS * len(docs), "a document was stored without all its events"
    assert all(per_doc_events.get(d) == PARAGRAPHS and per_doc_reports.get(d) == PARAGRAPHS for d in docs)
    return docs


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_ingest_survives_sigkill_at_random_points(tmp_path: Path) -> None:
    rnd = random.Random(20250303)
    corpus = tmp_path / "corpus"
    _corpus(corpus, rnd)
    script = tmp_path / "ingest_with_test_pipeline.py"
    script.write_text(RUNNER, encoding="utf-8")
    databases = 0
    db = tmp_path / "crash-0.db"

    stored: set[str] = set()
    kills = attempts = 0
    while kills < KILLS and attempts < 3 * KILLS:
        attempts += 1
        target = min(DOCS, len(stored) + rnd.randint(0, 3))
        proc = _run(db, corpus, script)
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if target == len(stored) or _count_documents(db) >= target:
                break
            time.sleep(0.005)
        time.sleep(rnd.uniform(0, 0.02))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
        if proc.stderr is not None:
            proc.stderr.close()
        stored = _check_whole(db, stored)
        if len(stored) == DOCS:  # this store is complete: go on killing runs into a fresh one
            _finish(db, corpus, script, stored)
            databases += 1
            db = tmp_path / f"crash-{databases}.db"
            stored = set()
    assert kills >= KILLS
    _finish(db, corpus, script, stored)


def _finish(db: Path, corpus: Path, script: Path, stored: set[str]) -> None:
    """Resume once more without a kill: the run succeeds and the store holds every document once."""
    final = _run(db, corpus, script)
    _, err = final.communicate(timeout=120)
    assert final.returncode == 0, err.decode("utf-8", "replace")
    stored = _check_whole(db, stored)
    assert len(stored) == DOCS
