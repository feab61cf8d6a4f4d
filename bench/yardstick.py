"""One honest yardstick: the ../shared/eval scorers on `flashpoint extract` output, tune and check halves.

    python bench/yardstick.py                        # every dev gold set, both halves, a table
    python bench/yardstick.py --limit-acled 600      # a fixed prefix sample of each ACLED half
    python bench/yardstick.py --json                 # the figures as JSON
    python bench/yardstick.py --write                # also append a dated section to bench/RESULTS.md
    python bench/yardstick.py --gate                 # exit 1 when a check-half figure is below its floor

For each gold set `flashpoint extract --format jsonl` runs once over the records of both halves (the id
lists in bench/splits/), exactly as a user runs it; the scorers then read that output against each half's
gold: `score_events.py` (plover_dev, acled_dev), `score_geo.py` (geowebnews, geovirus) and
`flashpoint eval actors` (actors_dev, one gold file per half), and `score_claims.py` on our own claims
annotations (claims_dev, bench/gold/claims, joined with ../shared/data by bench/claims_gold.py). Floors for `--gate` are the
`[check.<set>]` tables of eval_gates.toml. Without ../shared/data (or ../shared/eval) it prints why and
exits 0: the repository never needs the third-party data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", ROOT.parent / "shared"))
SPLITS = ROOT / "bench" / "splits"
RESULTS = ROOT / "bench" / "RESULTS.md"
HALVES = ("tune", "check")
EXIT_REJECTED = 3  # `flashpoint extract` exit code when some inputs were rejected (still scored)

Figures = dict[str, float | int | None]

# gold set → (gold file under data/, id field, kind)
SETS: dict[str, tuple[str, str, str]] = {
    "plover_dev": ("gold/events/plover_dev.jsonl", "id", "events"),
    "acled_dev": ("gold/events/acled_dev.jsonl", "id", "events"),
    "actors_dev": ("gold/actors/actors_dev.jsonl", "id", "actors"),
    "geowebnews": ("gold/geo/geowebnews.jsonl", "doc_id", "geo"),
    "geovirus": ("gold/geo/geovirus.jsonl", "doc_id", "geo"),
    # our own claims annotations (bench/gold/claims), joined with ../shared/data by bench/claims_gold.py
    "claims_dev": ("", "id", "claims"),
}

# the figures shown per set: (key in our figures, label)
SHOWN: dict[str, tuple[tuple[str, str], ...]] = {
    "plover_dev": (
        ("micro_f1", "PLOVER micro-F1"),
        ("macro_f1", "PLOVER macro-F1"),
        ("actor_country", "actor country (type-matched)"),
        ("actor_sector", "actor sector (type-matched)"),
        ("recipient_country", "recipient country (type-matched)"),
        ("events_per_gold_event", "events per gold event"),
    ),
    "acled_dev": (
        ("event_type", "ACLED event type"),
        ("sub_event_type", "ACLED sub-event type"),
        ("events_per_gold_event", "events per gold event"),
        ("place_25km", "place within 25 km"),
        ("place_100km", "place within 100 km"),
    ),
    "actors_dev": (
        ("country_accuracy", "actor strings: country"),
        ("sector_accuracy", "actor strings: sector"),
    ),
    "geowebnews": (("f1", "toponym F1"), ("acc_161", "acc@161 km"), ("auc", "AUC (lower is better)")),
    "geovirus": (("f1", "toponym F1"), ("acc_161", "acc@161 km"), ("auc", "AUC (lower is better)")),
    "claims_dev": (
        ("event_precision", "events in the sentences: precision"),
        ("event_recall", "events in the sentences: recall"),
        ("stance_accuracy", "stance accuracy (matched events)"),
        ("stance_macro_f1", "stance macro-F1"),
        ("stance_end_to_end", "stance right end to end"),
        ("claimant_named", "claimant, gold names one: matched"),
        ("claimant_null", "claimant null (author speaks): agreed"),
        ("channel_named", "channel, gold names one: matched"),
        ("empty_clean", "sentences with no event left clean"),
    ),
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Return the JSON objects of a JSONL file, one per non-blank line."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    """Write rows as JSONL to `path`; return the path."""
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def half_ids(name: str, limit: int | None = None, halves: tuple[str, ...] = HALVES) -> dict[str, list[str]]:
    """Return {half: ids} for a gold set from bench/splits (the first `limit` ids of each half when given)."""
    ids_of = {}
    for half in halves:
        path = SPLITS / f"{name}.{half}.ids"
        if not path.exists():
            sys.exit(f"yardstick: no id list {path} (bench/split.py writes them)")
        ids = path.read_text(encoding="utf-8").split()
        ids_of[half] = ids[:limit] if limit is not None else ids
    return ids_of


def _run(command: list[str], *, stdout: Path | None = None, ok: tuple[int, ...] = (0,)) -> str:
    """Run a command; return its stdout (or write it to `stdout`). Exit with its stderr when it fails."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    if stdout is not None:
        with stdout.open("w", encoding="utf-8") as out:
            done = subprocess.run(
                command, stdout=out, stderr=subprocess.PIPE, text=True, env=env, check=False
            )
        text = ""
    else:
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        text = done.stdout
    if done.returncode not in ok:
        sys.exit(f"yardstick: {' '.join(command[:4])} … failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return text


def extract(inputs: Path, out: Path) -> float:
    """Run `flashpoint extract --format jsonl` on `inputs` into `out`; return the wall seconds it took."""
    start = time.perf_counter()
    _run(
        [sys.executable, "-m", "flashpoint.cli", "extract", "-q", str(inputs), "--format", "jsonl"],
        stdout=out,
        ok=(0, EXIT_REJECTED),
    )
    return time.perf_counter() - start


def _ratio(part: object, whole: object) -> float | None:
    if isinstance(part, int | float) and isinstance(whole, int | float) and whole:
        return round(part / whole, 4)
    return None


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def event_figures(result: dict[str, Any]) -> Figures:
    """Return our figure names from a score_events.py result (None where the gold has nothing to score)."""
    return {
        "docs": result.get("n_gold_docs"),
        "gold_events": result.get("n_gold_events"),
        "micro_f1": _get(result, "plover", "micro", "f1"),
        "macro_f1": _get(result, "plover", "macro_f1"),
        "actor_country": _get(result, "actor", "country_acc"),
        "actor_sector": _get(result, "actor", "sector_acc"),
        "recipient_country": _get(result, "recipient", "country_acc"),
        "event_type": _get(result, "acled_event_type", "accuracy"),
        "sub_event_type": _get(result, "acled_sub_event_type", "accuracy"),
        "events_per_gold_event": _ratio(
            result.get("n_pred_events_on_gold_docs"), result.get("n_gold_events")
        ),
        "place_25km": _get(result, "location", "within_25km"),
        "place_100km": _get(result, "location", "within_100km"),
    }


def geo_figures(result: dict[str, Any]) -> Figures:
    """Return our figure names from a score_geo.py result."""
    rounded = {key: round(value, 4) if isinstance(value, float) else value for key, value in result.items()}
    return {
        "docs": rounded.get("n_gold_docs"),
        "f1": rounded.get("f1"),
        "precision": rounded.get("precision"),
        "recall": rounded.get("recall"),
        "acc_161": rounded.get("acc@161"),
        "auc": rounded.get("AUC"),
    }


def actor_figures(result: dict[str, Any]) -> Figures:
    """Return our figure names from `flashpoint eval actors --json`."""
    return {
        "records": result.get("n"),
        "country_accuracy": result.get("country_accuracy"),
        "sector_accuracy": result.get("sector_accuracy"),
    }


def measure_events(
    name: str, gold: list[dict[str, Any]], halves: dict[str, list[str]], work: Path
) -> dict[str, Any]:
    """Extract the records of both halves once; score each half with score_events.py."""
    by_id = {str(r["id"]): r for r in gold}
    wanted = {i for ids in halves.values() for i in ids}
    inputs = write_jsonl(work / f"{name}.in.jsonl", (r for r in gold if str(r["id"]) in wanted))
    pred = work / f"{name}.pred.jsonl"
    seconds = extract(inputs, pred)
    out: dict[str, Any] = {"extract_seconds": round(seconds, 1)}
    for half, ids in halves.items():
        half_gold = write_jsonl(work / f"{name}.{half}.gold.jsonl", (by_id[i] for i in ids if i in by_id))
        scorer = SHARED / "eval" / "score_events.py"
        result = json.loads(_run([sys.executable, str(scorer), str(pred), str(half_gold), "--brief"]))
        out[half] = event_figures(result)
    return out


def measure_geo(
    name: str, gold: list[dict[str, Any]], halves: dict[str, list[str]], work: Path
) -> dict[str, Any]:
    """Extract the articles of both halves once (text in, places out); score each half with score_geo.py."""
    by_id = {str(r["doc_id"]): r for r in gold}
    wanted = {i for ids in halves.values() for i in ids}
    inputs = write_jsonl(
        work / f"{name}.in.jsonl",
        (
            {"id": str(r["doc_id"]), "text": r["text"], "title": None}
            for r in gold
            if str(r["doc_id"]) in wanted
        ),
    )
    pred = work / f"{name}.pred.jsonl"
    seconds = extract(inputs, pred)
    keys = ("start", "end", "surface", "lat", "lon")
    topo = write_jsonl(
        work / f"{name}.topo.jsonl",
        (
            {
                "doc_id": str(r.get("id")),
                "toponyms": [{k: p.get(k) for k in keys} for p in r.get("places") or []],
            }
            for r in read_jsonl(pred)
        ),
    )
    out: dict[str, Any] = {"extract_seconds": round(seconds, 1)}
    for half, ids in halves.items():
        half_gold = write_jsonl(work / f"{name}.{half}.gold.jsonl", (by_id[i] for i in ids if i in by_id))
        scorer = SHARED / "eval" / "score_geo.py"
        out[half] = geo_figures(json.loads(_run([sys.executable, str(scorer), str(topo), str(half_gold)])))
    return out


def claim_figures(result: dict[str, Any]) -> Figures:
    """Return our figure names from a score_claims.py result."""
    return {
        "records": None,
        "event_precision": _get(result, "events", "precision"),
        "event_recall": _get(result, "events", "recall"),
        "stance_accuracy": _get(result, "stance", "accuracy"),
        "stance_macro_f1": _get(result, "stance", "macro_f1"),
        "stance_end_to_end": _get(result, "stance", "end_to_end_accuracy"),
        "claimant_named": _get(result, "claimant", "named_match"),
        "claimant_null": _get(result, "claimant", "null_agree"),
        "channel_named": _get(result, "channel", "named_match"),
        "empty_clean": result.get("empty_records_clean"),
    }


def measure_claims(
    name: str, gold: list[dict[str, Any]], halves: dict[str, list[str]], work: Path
) -> dict[str, Any]:
    """Extract the annotated sentences of both halves once; score each half with score_claims.py."""
    by_id = {str(r["id"]): r for r in gold}
    wanted = {i for ids in halves.values() for i in ids}
    inputs = write_jsonl(
        work / f"{name}.in.jsonl",
        ({"id": r["id"], "text": r["text"]} for r in gold if str(r["id"]) in wanted),
    )
    pred = work / f"{name}.pred.jsonl"
    seconds = extract(inputs, pred)
    out: dict[str, Any] = {"extract_seconds": round(seconds, 1)}
    for half, ids in halves.items():
        half_gold = write_jsonl(work / f"{name}.{half}.gold.jsonl", (by_id[i] for i in ids if i in by_id))
        scorer = SHARED / "eval" / "score_claims.py"
        figures = claim_figures(
            json.loads(_run([sys.executable, str(scorer), str(pred), str(half_gold), "--brief"]))
        )
        figures["records"] = len(ids)
        out[half] = figures
    return out


def claims_gold() -> list[dict[str, Any]]:
    """Return our claims annotations joined with their sentences (bench/claims_gold.py)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import claims_gold as annotations

    return list(annotations.build("all", SHARED / "data"))


def measure_actors(
    name: str, gold: list[dict[str, Any]], halves: dict[str, list[str]], work: Path
) -> dict[str, Any]:
    """Run `flashpoint eval actors --json` on each half's records."""
    by_id = {str(r["id"]): r for r in gold}
    out: dict[str, Any] = {}
    for half, ids in halves.items():
        half_gold = write_jsonl(work / f"{name}.{half}.gold.jsonl", (by_id[i] for i in ids if i in by_id))
        command = [
            sys.executable,
            "-m",
            "flashpoint.cli",
            "eval",
            "actors",
            "--gold",
            str(half_gold),
            "--json",
        ]
        out[half] = actor_figures(json.loads(_run(command)))
    return out


MEASURES: dict[str, Callable[[str, list[dict[str, Any]], dict[str, list[str]], Path], dict[str, Any]]] = {
    "events": measure_events,
    "geo": measure_geo,
    "actors": measure_actors,
    "claims": measure_claims,
}


def measure(
    names: list[str], *, limit_acled: int | None, work: Path, halves: tuple[str, ...] = HALVES
) -> dict[str, Any]:
    """Return {set: {"tune": figures, "check": figures, …}} for the named gold sets and halves."""
    results: dict[str, Any] = {}
    for name in names:
        path, _, kind = SETS[name]
        gold = claims_gold() if kind == "claims" else read_jsonl(SHARED / "data" / path)
        ids = half_ids(name, limit_acled if name == "acled_dev" else None, halves)
        sizes = ", ".join(f"{half} {len(i)}" for half, i in ids.items())
        print(f"yardstick: {name}: {sizes} …", file=sys.stderr)
        results[name] = MEASURES[kind](name, gold, ids, work)
        if name == "acled_dev" and limit_acled is not None:
            results[name]["sample"] = f"first {limit_acled} ids of each half"
    return results


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "–" if value is None else str(value)


def table(results: dict[str, Any]) -> str:
    """Return the figures as a Markdown table, tune and check side by side."""
    lines = ["| gold set | figure | tune | check |", "|---|---|---|---|"]
    for name, data in results.items():
        size = " / ".join(
            str(_get(data, half, "docs") or _get(data, half, "records") or "") for half in HALVES
        )
        sample = f", {data['sample']}" if data.get("sample") else ""
        for key, label in SHOWN[name]:
            tune, check = (_get(data, half, key) for half in HALVES)
            lines.append(f"| {name} ({size}{sample}) | {label} | {_cell(tune)} | {_cell(check)} |")
    return "\n".join(lines)


def gate(results: dict[str, Any]) -> list[str]:
    """Return one line per check-half figure below its floor in eval_gates.toml ([check.<set>] tables)."""
    sys.path.insert(0, str(ROOT / "src"))
    from flashpoint.evaluate.gate import check_gate, load_gates

    gates = load_gates()
    failures = []
    for name, data in results.items():
        if f"check.{name}" in gates:
            failures += [f"check.{name}: {line}" for line in check_gate(f"check.{name}", data["check"])]
    return failures


def _git_head() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return done.stdout.strip() or "unknown"


def write_results(results: dict[str, Any], command: str) -> None:
    """Append a dated section with the table, the command and the machine to bench/RESULTS.md."""
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    seconds = {
        name: data.get("extract_seconds") for name, data in results.items() if "extract_seconds" in data
    }
    section = [
        "",
        f"## yardstick — {now} at {_git_head()}",
        "",
        f"Machine: 2-core VM shared with other engineers ({platform.node()}, Python {platform.python_version()}).",
        f"Command: `{command}`. Scorers: ../shared/eval on `flashpoint extract --format jsonl` output;",
        "halves: bench/splits (errors read and rules tuned on the tune half only).",
        f"Extract wall seconds (busy machine): {json.dumps(seconds)}.",
        "",
        table(results),
        "",
    ]
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write("\n".join(section))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated gold sets (default: all)")
    parser.add_argument("--limit-acled", type=int, help="use the first N ids of each ACLED half")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--write", action="store_true", help="append a dated section to bench/RESULTS.md")
    parser.add_argument("--gate", action="store_true", help="exit 1 when a check figure is below its floor")
    parser.add_argument("--check-only", action="store_true", help="measure the check halves only (CI)")
    parser.add_argument("--work", type=Path, help="keep inputs, predictions and half gold files here")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown gold set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    if args.limit_acled is not None and args.limit_acled < 1:
        parser.error("--limit-acled must be at least 1")
    missing = [p for p in (SHARED / "data", SHARED / "eval") if not p.is_dir()]
    if missing:
        print(f"yardstick: skipped: {', '.join(map(str, missing))} not found (the dev data is optional)")
        return 0
    start = time.perf_counter()
    halves = ("check",) if args.check_only else HALVES
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        results = measure(names, limit_acled=args.limit_acled, work=args.work, halves=halves)
    else:
        with tempfile.TemporaryDirectory(prefix="yardstick-") as tmp:
            results = measure(names, limit_acled=args.limit_acled, work=Path(tmp), halves=halves)
    print(json.dumps(results, indent=1) if args.json else table(results))
    print(f"yardstick: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    if args.write:
        write_results(
            results, "python bench/yardstick.py " + " ".join(argv if argv is not None else sys.argv[1:])
        )
    if args.gate:
        failures = gate(results)
        for line in failures:
            print(f"gate {line}", file=sys.stderr)
        if failures:
            return 1
        print("gate: every check-half floor met", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
