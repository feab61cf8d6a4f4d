"""Speed and quality in one run: pipeline throughput against bare spaCy, per-stage shares, and the scorers.

Reads the development data in ../shared/data when present (skips what is absent) and appends what it
measured to bench/RESULTS.md with the date, machine and command.

    .venv/bin/python bench/run.py                    # everything
    .venv/bin/python bench/run.py --only speed --articles 300
    .venv/bin/python bench/run.py --only speed --articles 300 --repeat 3   # alternating, steadier
    .venv/bin/python bench/run.py --only eval --acled-limit 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FLASHPOINT_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "bench" / "RESULTS.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()} · {os.cpu_count()} cores · {cpu} · Python {platform.python_version()}"


def corpus(n: int | None) -> list[Any]:
    from flashpoint.records import Document, content_hash

    path = DATA / "corpus" / "fakes_syria.jsonl"
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
            docs.append(
                Document(
                    id=row["id"],
                    text=row["text"],
                    title=row.get("title"),
                    published=published,
                    hash=content_hash(row["text"]),
                )
            )
            if n is not None and len(docs) >= n:
                break
    return docs


def bench_speed(n: int | None, repeat: int = 1) -> list[str]:
    """Full pipeline vs bare nlp.pipe on the same articles in the same run, and each stage's share.

    With `repeat` > 1 the two alternate (bare, full, bare, full, ...): the CPU ratio compares the fastest
    round of each, the wall ratio is the median of the per-round ratios, so a burst of load from another
    process does not decide the figure. On a shared machine the CPU-time ratio is the steadier one.
    """
    from flashpoint.nlp import load_model
    from flashpoint.nlp.paragraphs import PARAGRAPHS
    from flashpoint.pipeline import load_pipeline
    from flashpoint.settings import Settings

    docs = corpus(n)
    settings = Settings()
    pipeline = load_pipeline(settings)  # loads model, gazetteer and dictionaries before timing
    nlp = load_model(settings.model)
    texts = [d.text for d in docs]
    chars = sum(len(t) for t in texts)
    load_start = _load()

    # bare: the model as shipped, without the paragraph-boundary component flashpoint adds before the parser
    ours = [name for name in (PARAGRAPHS,) if name in nlp.pipe_names]
    list(nlp.pipe(texts[:20], disable=ours))  # warm-up
    list(pipeline.pipe(docs[:20]))  # warm-up: lazy indexes (gazetteer, lexicons) load on first use
    bare_rounds: list[tuple[float, float]] = []
    full_rounds: list[tuple[float, float, dict[str, float]]] = []
    current: list[Any] = []
    for _ in range(max(repeat, 1)):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size, disable=ours):
            pass
        bare_rounds.append((time.perf_counter() - t0, time.process_time() - c0))

        shares: dict[str, float] = {}
        current = list(docs)
        t_total, c_total = time.perf_counter(), time.process_time()
        for stage in pipeline.stages:
            t0 = time.perf_counter()
            current = list(stage.pipe(current))
            shares[stage.name] = time.perf_counter() - t0
        full_rounds.append((time.perf_counter() - t_total, time.process_time() - c_total, shares))
    bare, bare_cpu = min(r[0] for r in bare_rounds), min(r[1] for r in bare_rounds)
    full, full_cpu, shares = min(full_rounds, key=lambda r: r[0])
    full_cpu = min(r[1] for r in full_rounds)
    events = sum(len(d.events) for d in current)
    places = sum(len(d.places) for d in current)
    per_article = [len(d.events) for d in current]

    nlp_time = shares.get("nlp", full)
    beyond = {k: v for k, v in shares.items() if k != "nlp"}
    geo_time = shares.get("geo", 0.0) + shares.get("geo-link", 0.0)
    wall_ratios = [b[0] / f[0] for b, f in zip(bare_rounds, full_rounds, strict=True)]
    cpu_ratios = [b[1] / f[1] for b, f in zip(bare_rounds, full_rounds, strict=True)]
    lines = [
        f"articles: {len(docs)} ({chars / 1e6:.2f} M chars); rounds: {len(bare_rounds)}",
        f"bare en_core_web_sm nlp.pipe: {bare:.1f} s = {len(docs) / bare:.1f} articles/s (CPU {bare_cpu:.1f} s)",
        f"full pipeline: {full:.1f} s = {len(docs) / full:.1f} articles/s (CPU {full_cpu:.1f} s)",
        f"ratio full/bare throughput: CPU {bare_cpu / full_cpu:.2f} (fastest rounds), "
        f"wall {statistics.median(wall_ratios):.2f} (median of rounds)"
        + (
            "; per round wall "
            + ", ".join(f"{r:.2f}" for r in wall_ratios)
            + ", CPU "
            + ", ".join(f"{r:.2f}" for r in cpu_ratios)
            if len(wall_ratios) > 1
            else ""
        ),
        "stage time shares: " + ", ".join(f"{k} {v / full:.1%} ({v:.2f} s)" for k, v in shares.items()),
        "beyond spaCy, relative to the parse: "
        + ", ".join(f"{k} +{v / nlp_time:.1%}" for k, v in beyond.items()),
        f"geo (recognise+resolve+link) beyond spaCy: {len(docs) / geo_time:.0f} documents/s"
        if geo_time
        else "geo: n/a",
        f"events: {events} ({events / len(docs):.2f} per article; median {statistics.median(per_article):.0f}, "
        f"max {max(per_article)}); toponyms: {places}",
        f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
        f"load average (1/5/15 min) at start {load_start}, at end {_load()}",
        f"commit: {_commit()}",
    ]
    return lines


def _commit() -> str:
    import subprocess

    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "src"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "n/a"
    changed = [line[3:] for line in dirty if line.strip()]
    return head + (f" + uncommitted changes in {', '.join(changed)}" if changed else "")


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def bench_gazetteer() -> list[str]:
    import tempfile

    from flashpoint.geo.gazetteer import build_gazetteer

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        stats = build_gazetteer(Path(tmp) / "g.sqlite")
        took = time.perf_counter() - t0
    return [f"gazetteer build: {took:.1f} s; {json.dumps(stats.as_dict(), default=str)}"]


def bench_eval(acled_limit: int | None) -> list[str]:
    from flashpoint.settings import Settings

    settings = Settings()
    runs: list[tuple[str, str, dict[str, Any]]] = [
        ("events", "gold/events/plover_dev.jsonl", {}),
        ("actors", "gold/actors/actors_dev.jsonl", {}),
        ("events", "gold/events/acled_dev.jsonl", {"limit": acled_limit}),
        ("geo", "gold/geo/geowebnews.jsonl", {}),
        ("geo", "gold/geo/geowebnews.jsonl", {"oracle": True}),
        ("geo", "gold/geo/geovirus.jsonl", {}),
        ("geo", "gold/geo/geovirus.jsonl", {"oracle": True}),
    ]
    lines = []
    for kind, rel, kwargs in runs:
        gold = DATA / rel
        if not gold.exists():
            lines.append(f"{rel}: absent, skipped")
            continue
        module = __import__(f"flashpoint.evaluate.{kind}", fromlist=["score_file"])
        t0 = time.perf_counter()
        report = module.score_file(gold, settings, **kwargs)
        took = time.perf_counter() - t0
        label = rel + "".join(f" {k}={v}" for k, v in kwargs.items() if v)
        lines.append(f"eval {kind} {label} ({took:.0f} s): {json.dumps(_headline(report.as_dict()))}")
    return lines


def _headline(scores: dict[str, Any]) -> dict[str, Any]:
    """Keep the scalar scores (drop per-class tables) so one line says it."""
    out: dict[str, Any] = {}
    for key, value in scores.items():
        if isinstance(value, float):
            out[key] = round(value, 3)
        elif isinstance(value, int) and not isinstance(value, bool):
            out[key] = value
        elif (
            isinstance(value, dict)
            and all(isinstance(v, int | float) for v in value.values())
            and len(value) <= 6
        ):
            out[key] = {k: round(v, 3) if isinstance(v, float) else v for k, v in value.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", choices=("speed", "gazetteer", "eval"), action="append")
    parser.add_argument(
        "--articles", type=int, default=None, help="corpus articles for the speed run (default all)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="speed: alternate bare and full this many times, keep the fastest",
    )
    parser.add_argument("--acled-limit", type=int, default=None, help="ACLED records to score (default all)")
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to RESULTS.md")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"development data not found at {DATA}; nothing to measure", file=sys.stderr)
        return
    parts = args.only or ["gazetteer", "speed", "eval"]
    lines: list[str] = []
    if "gazetteer" in parts:
        lines += bench_gazetteer()
    if "speed" in parts:
        lines += bench_speed(args.articles, args.repeat)
    if "eval" in parts:
        lines += bench_eval(args.acled_limit)
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    block = [f"\n## {dt.datetime.now():%Y-%m-%d %H:%M} — `{command.strip()}`", f"machine: {machine()}", ""]
    block += [f"- {line}" for line in lines]
    text = "\n".join(block) + "\n"
    print(text)
    if not args.no_write:
        if not RESULTS.exists():
            RESULTS.write_text(
                "# Benchmark and evaluation results\n\nAppended by `bench/run.py`; newest last.\n"
            )
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
