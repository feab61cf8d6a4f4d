"""Backfill throughput: one process vs Dask with 1 and 2 workers, plus where the time goes per stage.

Not a test. Reads the texts of the ACLED dev gold file (third-party: read here, never copied into the
repository), repeated up to --docs, into a JSONL shard in a temp folder, then runs
`run_local` and `run_batch` over it and prints JSON; --append adds a section to bench/RESULTS.md.

    .venv/bin/python bench/batch.py --docs 2000 --append
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from flashpoint.batch import connect, run_batch, run_local
from flashpoint.batch.runner import cached_pipeline
from flashpoint.settings import Settings

GOLD = Path("/work/shared/data/gold/events/acled_dev.jsonl")
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_shard(path: Path, docs: int) -> None:
    texts = [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            # a copy number keeps repeated texts distinct documents (different hashes)
            handle.write(json.dumps({"id": f"d{i}", "text": f"{texts[i % len(texts)]} [{i}]"}) + "\n")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_profile(settings: Settings, shard: Path, sample: int) -> dict[str, float]:
    """Return milliseconds per document spent in each stage, over the first `sample` documents."""
    from flashpoint.ingest import read_inputs

    pipeline = cached_pipeline(settings)
    docs = [d for d in read_inputs([str(shard)], settings=settings)][:sample]
    times: dict[str, float] = {}
    for stage in pipeline.stages:
        started = time.perf_counter()
        docs = list(stage.pipe(docs))
        times[stage.name] = round(1000 * (time.perf_counter() - started) / len(docs), 2)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--profile", type=int, default=200, help="documents for the per-stage profile")
    parser.add_argument("--gazetteer", type=Path, help="gazetteer index (default: the settings' one)")
    parser.add_argument("--append", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()
    settings = Settings.load(gazetteer=args.gazetteer)
    result: dict[str, Any] = {"docs": args.docs, "partition_size": args.partition_size}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shard = root / "shard.jsonl"
        write_shard(shard, args.docs)
        write_shard(root / "one.jsonl", 1)
        started = time.perf_counter()
        cached_pipeline(settings)
        result["load_seconds"] = round(time.perf_counter() - started, 2)
        result["stage_ms_per_doc"] = stage_profile(settings, shard, args.profile)
        summary = run_local([str(shard)], root / "local", settings, partition_size=args.partition_size)
        # pipeline already loaded in this process: every "seconds" below is a warm run
        result["local"] = {"seconds": round(summary.seconds, 2), "peak_rss_mb": round(_peak_rss_mb())}
        for workers in (1, 2):
            started = time.perf_counter()
            with connect("local", workers=workers) as client:
                start_seconds = time.perf_counter() - started
                warm = run_batch([str(root / "one.jsonl")], root / "warm", settings, client=client)
                out = root / f"dask{workers}"
                summary = run_batch(
                    [str(shard)], out, settings, client=client, partition_size=args.partition_size
                )
                peaks = client.run(_peak_rss_mb)
            result[f"dask{workers}"] = {
                "seconds": round(summary.seconds, 2),
                "cluster_start_seconds": round(start_seconds, 2),
                "first_run_seconds_1_doc_with_model_load": round(warm.seconds, 2),
                "worker_peak_rss_mb": sorted(round(v) for v in peaks.values()),
            }
        local = result["local"]["seconds"]
        result["speedup_1"] = round(local / result["dask1"]["seconds"], 2)
        result["speedup_2"] = round(local / result["dask2"]["seconds"], 2)
    result["load_average_end"] = Path("/proc/loadavg").read_text().split()[:3]
    print(json.dumps(result, indent=2))
    if args.append:
        _append(result, args)


def _append(result: dict[str, Any], args: argparse.Namespace) -> None:
    others = subprocess.run(
        ["ps", "-eo", "pcpu,args", "--sort=-pcpu"], capture_output=True, text=True, check=False
    ).stdout.splitlines()[1:6]
    lines = [
        f"\n## batch — {dt.date.today().isoformat()}",
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, 2 cores shared; python {platform.python_version()}",
        f"command: `.venv/bin/python bench/batch.py --docs {args.docs} --partition-size {args.partition_size}`"
        f" (gazetteer built from the bundled sources)",
        f"input: ACLED dev texts (short, 1-3 sentences) repeated to {args.docs} documents in one JSONL shard",
        "```json",
        json.dumps(result, indent=2),
        "```",
        "busiest other processes at the end: " + "; ".join(" ".join(o.split()[:3]) for o in others),
    ]
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
