"""Backfill throughput: one process vs Dask with 1 and 2 workers, cost growth, memory, stage shares.

Not a test. Reads the texts of the ACLED dev gold file (third-party: read here, never copied into the
repository) into JSONL shards in a temp folder; each document gets a distinct id and a copy number, and
the texts are cycled when more documents are asked for than the file holds (11,993 notes).

Every configuration starts the same way, and that start is timed apart from the run: the pipeline is
built and every country index of the gazetteer is built (the geo stage builds them on first use, ~3.5 s
of CPU: left lazy, the first partitions of each process pay it and a short run mostly measures that),
then one document is run. The run then times the same shard in each configuration, with the CPU seconds
of every process. The machine is shared: compare the ratios, measured back to back in one run.

    .venv/bin/python bench/batch.py --docs 2000 --growth 1000,10000 --append
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from flashpoint.batch import connect, plan_partitions, run_batch, run_local, run_partition
from flashpoint.batch.runner import cached_pipeline
from flashpoint.settings import Settings

GOLD = Path("/work/shared/data/gold/events/acled_dev.jsonl")
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_shard(path: Path, docs: int, *, offset: int = 0) -> Path:
    """Write `docs` documents, texts from `offset` on (cycled), each with a distinct id and copy number."""
    texts = [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(offset, offset + docs):
            handle.write(json.dumps({"id": f"d{i}", "text": f"{texts[i % len(texts)]} [{i}]"}) + "\n")
    return path


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_process(settings: Settings) -> float:
    """Build this process's pipeline and every country index of its gazetteer; return the seconds."""
    from flashpoint.geo.gazetteer import Gazetteer

    started = time.perf_counter()
    cached_pipeline(settings)
    gazetteer = Gazetteer.open(settings.gazetteer_path)  # the instance the geo stage holds (cached)
    for country in {place.country for place in gazetteer.places}:
        gazetteer.country_names(country, "")
    return time.perf_counter() - started


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run_local_config(settings: Settings, shard: Path, one: Path, root: Path, size: int) -> dict[str, Any]:
    load_before = loadavg()
    started = time.perf_counter()
    warm_process(settings)
    run_local([str(one)], root / "local-warm", settings)
    start_seconds = time.perf_counter() - started
    cpu = cpu_seconds()
    summary = run_local([str(shard)], root / "local", settings, partition_size=size)
    return {
        "seconds": round(summary.seconds, 2),
        "cpu_seconds": round(cpu_seconds() - cpu, 2),
        "start_seconds": round(start_seconds, 2),
        "peak_rss_mb": round(peak_rss_mb()),
        "load": [load_before, loadavg()],
    }


def run_dask_config(
    settings: Settings, shard: Path, one: Path, root: Path, size: int, workers: int, growth: list[int]
) -> dict[str, Any]:
    load_before = loadavg()
    started = time.perf_counter()
    with connect("local", workers=workers) as client:
        client.run(warm_process, settings)
        run_batch([str(one)], root / f"dask{workers}-warm", settings, client=client)
        start_seconds = time.perf_counter() - started
        cpu = client.run(cpu_seconds)
        client_cpu = cpu_seconds()
        summary = run_batch(
            [str(shard)], root / f"dask{workers}", settings, client=client, partition_size=size
        )
        client_cpu = cpu_seconds() - client_cpu
        cpu_after = client.run(cpu_seconds)
        result: dict[str, Any] = {
            "seconds": round(summary.seconds, 2),
            "cpu_seconds": round(sum(cpu_after.values()) - sum(cpu.values()), 2),
            # this process: the scheduler, the client and the Parquet writing
            "client_cpu_seconds": round(client_cpu, 2),
            "start_seconds": round(start_seconds, 2),
            "worker_peak_rss_mb": sorted(round(v) for v in client.run(peak_rss_mb).values()),
            "load": [load_before, loadavg()],
        }
        result["cluster_reduction_seconds"] = time_reduction(client, root / f"dask{workers}", settings)
        if growth:
            result["growth"] = measure_growth(settings, client, root, size, growth)
    return result


def measure_growth(
    settings: Settings, client: Any, root: Path, size: int, counts: list[int]
) -> list[dict[str, Any]]:
    """Return the seconds and ms per document of runs of `counts` documents on the warm cluster."""
    rows = []
    for count in counts:
        shard = write_shard(root / f"growth-{count}.jsonl", count, offset=50_000)
        load_before = loadavg()
        cpu = sum(client.run(cpu_seconds).values())
        summary = run_batch(
            [str(shard)], root / f"growth-{count}", settings, client=client, partition_size=size
        )
        cpu = sum(client.run(cpu_seconds).values()) - cpu
        rows.append(
            {
                "docs": count,
                "seconds": round(summary.seconds, 2),
                "ms_per_doc": round(1000 * summary.seconds / count, 2),
                "worker_cpu_ms_per_doc": round(1000 * cpu / count, 2),
                "events": summary.rows["events"],
                "load": [load_before, loadavg()],
            }
        )
    return rows


def time_reduction(client: Any, out: Path, settings: Settings) -> dict[str, Any]:
    """Return the seconds of the event-cluster reduction over a run's events, on Dask and in process."""
    import pyarrow.parquet as pq

    from flashpoint.batch.clusters import cluster_ids, cluster_ids_on_dask, rows_of
    from flashpoint.corroborate.clusters import ClusterRules

    rows = rows_of(pq.read_table(out / "events.parquet"), first=0)
    rules = ClusterRules.from_settings(settings)
    started = time.perf_counter()
    on_dask = cluster_ids_on_dask(client, rows, rules)
    middle = time.perf_counter()
    in_process = cluster_ids(rows, rules)
    return {
        "events": len(rows),
        "clusters": len(set(in_process)),
        "dask": round(middle - started, 2),
        "in_process": round(time.perf_counter() - middle, 2),
        "equal": on_dask == in_process,
    }


def stage_profile(settings: Settings, shard: Path) -> dict[str, float]:
    """Return milliseconds per document spent in each stage over the documents of `shard`."""
    from flashpoint.ingest import read_inputs

    pipeline = cached_pipeline(settings)
    docs = list(read_inputs([str(shard)], settings=settings))
    times: dict[str, float] = {}
    for stage in pipeline.stages:
        started = time.perf_counter()
        docs = list(stage.pipe(docs))
        times[stage.name] = round(1000 * (time.perf_counter() - started) / len(docs), 2)
    return times


def result_bytes_per_doc(settings: Settings, shard: Path, size: int) -> float:
    """Return the pickled size per document of what a partition sends back to the client."""
    partition = plan_partitions([str(shard)], settings=settings, size=size)[0]
    result = run_partition(partition, settings=settings)
    return round(len(pickle.dumps(result)) / partition.records)


def summary_line(result: dict[str, Any]) -> str:
    local, one, two = result["local"], result["dask1"], result["dask2"]
    parts = [
        f"SUMMARY docs={result['docs']}",
        f"local={local['seconds']}s dask1={one['seconds']}s dask2={two['seconds']}s",
        f"speedup dask1={result['speedup_1']}x dask2={result['speedup_2']}x (goal >= 1.8)",
        f"dask2/dask1={result['scaling_2_over_1']}x",
        f"cores used local={local['cores_used']} dask2={two['cores_used']}",
        f"dask2 with a free core each (from CPU time)={result['speedup_2_if_2_cores']}x",
        f"cpu per doc dask1/local={result['cpu_ratio_1']}",
        f"with start-up: dask2={result['speedup_2_with_start']}x",
        f"peak rss MB local={local['peak_rss_mb']} workers={max(two['worker_peak_rss_mb'])}",
    ]
    if "growth" in two:
        parts.append("growth ms/doc " + " ".join(f"{g['docs']}={g['ms_per_doc']}" for g in two["growth"]))
    parts.append(f"load {result['load_start']} -> {result['load_end']}")
    if two["cores_used"] < 1.5:
        parts.append("BUSY: the 2 workers had < 1.5 cores, wall-clock speed-ups are not meaningful")
    return " | ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--growth", default="", help="document counts for the growth runs on 2 workers")
    parser.add_argument("--profile", type=int, default=200, help="documents for the per-stage profile")
    parser.add_argument("--gazetteer", type=Path, help="gazetteer index (default: the settings' one)")
    parser.add_argument("--append", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()
    settings = Settings.load(gazetteer=args.gazetteer)
    growth = [int(n) for n in args.growth.split(",") if n]
    size = args.partition_size
    result: dict[str, Any] = {"docs": args.docs, "partition_size": size, "load_start": loadavg()}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shard = write_shard(root / "shard.jsonl", args.docs)
        one = write_shard(root / "one.jsonl", 1, offset=20_000)
        # this process has run nothing before its own timed run: same state as a fresh worker
        result["local"] = run_local_config(settings, shard, one, root, size)
        result["dask1"] = run_dask_config(settings, shard, one, root, size, 1, [])
        result["dask2"] = run_dask_config(settings, shard, one, root, size, 2, growth)
        profile_shard = write_shard(root / "profile.jsonl", args.profile, offset=30_000)
        result["stage_ms_per_doc"] = stage_profile(settings, profile_shard)
        result["result_bytes_per_doc"] = result_bytes_per_doc(settings, profile_shard, size)
    local, one_w, two_w = (result[k] for k in ("local", "dask1", "dask2"))
    result["speedup_1"] = round(local["seconds"] / one_w["seconds"], 2)
    result["speedup_2"] = round(local["seconds"] / two_w["seconds"], 2)
    result["scaling_2_over_1"] = round(one_w["seconds"] / two_w["seconds"], 2)
    result["cpu_ratio_1"] = round(one_w["cpu_seconds"] / local["cpu_seconds"], 2)
    for name in ("local", "dask1", "dask2"):
        # cores this configuration had on average: ~1.9 for 2 workers on a quiet machine; ~1.0 when
        # another session is busy (the kernel shares the CPU between sessions, see RESULTS.md)
        result[name]["cores_used"] = round(result[name]["cpu_seconds"] / result[name]["seconds"], 2)
    # one process's CPU over what 2 workers would take with a core each (their CPU and this process's, halved)
    ideal = (two_w["cpu_seconds"] + two_w["client_cpu_seconds"]) / 2
    result["speedup_2_if_2_cores"] = round(local["cpu_seconds"] / ideal, 2)
    result["speedup_2_with_start"] = round(
        (local["seconds"] + local["start_seconds"]) / (two_w["seconds"] + two_w["start_seconds"]), 2
    )
    result["load_end"] = loadavg()
    print(json.dumps(result, indent=2))
    line = summary_line(result)
    print(line)
    if args.append:
        _append(result, line)


def _append(result: dict[str, Any], line: str) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"\n## batch — {now}, commit {commit}",
        f"machine: {platform.machine()}, 2 cores shared; python {platform.python_version()}",
        f"command: `.venv/bin/python {' '.join(sys.argv)}` (gazetteer built from the bundled sources)",
        f"input: ACLED dev texts (short, 1-3 sentences), {result['docs']} documents in one JSONL shard;"
        " growth shards cycle the 11,993 texts with distinct ids",
        f"load average: start {result['load_start']}, end {result['load_end']}",
        "",
        f"`{line}`",
        "```json",
        json.dumps(result, indent=2),
        "```",
    ]
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
