"""Fuzz every reader with mutated and random inputs: count Documents, Rejections and crashes.

    .venv/bin/python bench/fuzz.py                       # 100,000 inputs per reader
    .venv/bin/python bench/fuzz.py --inputs 5000 --readers html,feed --seed 7
    .venv/bin/python bench/fuzz.py --linear              # growth of CPU time, inputs of n and 4n bytes

Inputs are seeds of each format (written here) mutated by byte flips, inserted hostile fragments,
truncation, duplicated slices, re-encoding and deep nesting, plus pure random bytes. A crash is any
exception out of `read_bytes` (a reader must answer with a Rejection). Prints per reader: inputs,
documents, rejections, crashes (with the first few inputs that crashed, saved under --crashes), the
slowest input (CPU time, its size and first bytes), and the process's peak memory at the end.

`--linear` builds inputs meant to make regexes backtrack (long runs of spaces, `#`, `[`, `](`,
punctuation, handles, mixed scripts) at n and 4n bytes and prints, per reader, the input whose CPU
time (`time.process_time`, best of three) grew most: about 4× is linear, 16× quadratic.  It exits 1
when any reader grows more than --max-growth.  (tests/fuzz/test_regex_work.py asserts the same
per pattern by counting steps; this checks the readers end to end.)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import resource
import time
import traceback
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from flashpoint.ingest.formats import read_bytes
from flashpoint.records import Document

READERS = ("text", "markdown", "html", "json", "jsonl", "feed")

SEEDS: dict[str, bytes] = {
    "text": b"Curfew Declared in Port Town\n\nBy A. Writer\nHarbour Post, March 3, 2025\n\n"
    b"Police imposed a curfew after clashes near the docks, the mayor said.\n\n"
    b"1/ Crowds gathered at the gate\n\xe2\x80\x94 Local Desk (@localdesk) March 2, 2025\n",
    "markdown": b"---\ntitle: Dam Damaged\nauthor: B. Writer\n---\n# Dam Damaged\n\n*Shelling* hit the "
    b"**dam** on [the river](https://x.example).\n\n> A resident said water rose quickly.\n",
    "html": b"<!doctype html><html><head><meta charset='utf-8'><title>Depot hit</title></head><body>"
    b"<nav><a href='/'>Home</a></nav><article><h1>Depot hit</h1><p>A fuel depot burned after a drone "
    b"strike, officials said on Monday.</p><p>No casualties were reported.</p></article>"
    b"<footer>All rights reserved</footer></body></html>",
    "json": b'[{"text": "Troops entered the village at dawn.", "user": {"name": "Reporter", '
    b'"screen_name": "rep"}, "created_at": "Mon Mar 03 10:00:00 +0000 2025"}, {"body": "Second."}]',
    "jsonl": b'{"text": "A bridge was blown up.", "url": "https://x.com/a/status/1"}\n'
    b'{"message": "Sirens in the city", "date": "2025-03-03"}\n',
    "feed": b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
    b"<item><guid>1</guid><title>Airport closed</title><link>https://w.example/1</link>"
    b"<description>&lt;p&gt;The airport closed after rockets landed nearby.&lt;/p&gt;</description>"
    b"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>",
}

FRAGMENTS: tuple[bytes, ...] = (
    b"<",
    b">",
    b"</p>",
    b"<div>",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"&amp;",
    b"&#0;",
    b"&bogus;",
    b'{"',
    b"}",
    b"[",
    b"]",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3\x28",
    b"\xe2\x80",
    b"\n\n",
    b"\r",
    b"\xe2\x80\x94 Name (@h) March 3, 2025\n",
    b"<!ENTITY x 'y'>",
    b"<meta charset='latin-1'>",
    b"<?xml version='1.0' encoding='utf-16'?>",
    b"\\u0000",
    b"\\ud800",
    b"**",
    b"[x](",
    b"---\n",
)
ENCODINGS = ("utf-16", "utf-32", "latin-1", "cp1252", "utf-8-sig", "shift_jis")


def mutate(seed: bytes, rnd: random.Random) -> bytes:
    """Return `seed` changed by one to four random mutations."""
    data = bytearray(seed)
    for _ in range(rnd.randint(1, 4)):
        choice = rnd.random()
        if choice < 0.25 and data:
            for _flip in range(rnd.randint(1, 8)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
        elif choice < 0.5:
            at = rnd.randint(0, len(data))
            data[at:at] = rnd.choice(FRAGMENTS) * rnd.randint(1, 50)
        elif choice < 0.6 and data:
            del data[rnd.randint(0, len(data)) :]
        elif choice < 0.7 and data:
            start = rnd.randrange(len(data))
            piece = data[start : start + rnd.randint(1, 200)]
            at = rnd.randint(0, len(data))
            data[at:at] = piece * rnd.randint(1, 20)
        elif choice < 0.8:
            with contextlib.suppress(LookupError):
                data = bytearray(
                    bytes(data).decode("utf-8", "replace").encode(rnd.choice(ENCODINGS), "replace")
                )
        elif choice < 0.9:
            opening, closing = rnd.choice(((b"<b>", b"</b>"), (b"[", b"]"), (b'{"a":', b"}"), (b"> ", b"")))
            depth = rnd.randint(10, 3000)
            at = rnd.randint(0, len(data))
            data[at:at] = opening * depth + b"x" + closing * rnd.randint(0, depth)
        else:
            data += bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 300)))
    return bytes(data)


# Backtracking bait: each is repeated to a long run, between a prefix and a suffix.
RUNS: tuple[str, ...] = (
    " ",
    "\t",
    "#",
    " #",
    "[",
    "](",
    "![a](b) ",
    "[a](",
    " ,",
    ". ",
    "@a ",
    "via @a ",
    "_",
    "*",
    "\\",
    "> ",
    "- ",
    "a, ",
    "\u0627\u4e2d ",
    "\u2014 ",
    "<",
    "<a ",
    "&#",
    "\n",
    "\n\n ",
    '{"a":',
)


def run_input(
    unit: str, size: int, *, prefix: str = "One sentence.", suffix: str = "a", reader: str = "text"
) -> bytes:
    """Return `unit` repeated to about `size` bytes between `prefix` and `suffix`, as UTF-8.

    For the json, jsonl and feed readers the run is the text of a record or an item's description,
    so it reaches the text readers behind them instead of failing the parse at the first byte.
    """
    text = prefix + unit * max(1, size // max(1, len(unit.encode("utf-8")))) + suffix
    if reader in ("json", "jsonl"):
        return json.dumps({"text": text}).encode("utf-8")
    if reader == "feed":
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item>'
            f"<title>t</title><description>{xml_escape(text)}</description></item></channel></rss>"
        ).encode()
    return text.encode("utf-8")


def make_input(reader: str, rnd: random.Random) -> bytes:
    """Return one fuzz input for `reader`: mostly mutations of its seed, some of other seeds, some noise."""
    roll = rnd.random()
    if roll < 0.05:
        return bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 500)))
    if roll < 0.07:
        return b"a" * rnd.randint(10_000, 400_000)  # a long line without a break
    if roll < 0.09:
        unit, suffix = rnd.choice(RUNS), rnd.choice(("", "a", "!"))
        return run_input(unit, rnd.randint(1_000, 50_000), suffix=suffix, reader=reader)
    seed = SEEDS[reader] if roll < 0.85 else SEEDS[rnd.choice(READERS)]
    return mutate(seed, rnd)


def fuzz(reader: str, inputs: int, rnd: random.Random, crashes_dir: Path) -> dict[str, object]:
    """Return the counts of running `inputs` fuzz inputs through one reader."""
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    slowest = (0.0, b"")
    first_crashes: list[str] = []
    started = time.perf_counter()
    for number in range(inputs):
        data = make_input(reader, rnd)
        t0 = time.process_time()  # CPU time: other processes on the machine do not count
        try:
            for item in read_bytes(data, format=reader, source="fuzz"):
                if isinstance(item, Document):
                    counts["documents"] += 1
                else:
                    counts["rejections"] += 1
                    reasons[item.reason.split("(")[0].split(":")[0][:40]] += 1
        except Exception as exc:
            counts["crashes"] += 1
            if len(first_crashes) < 5:
                crashes_dir.mkdir(parents=True, exist_ok=True)
                (crashes_dir / f"{reader}-{number}.bin").write_bytes(data)
                first_crashes.append(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
        elapsed = time.process_time() - t0
        if elapsed > slowest[0]:
            slowest = (elapsed, data)
    return {
        "reader": reader,
        "inputs": inputs,
        "documents": counts["documents"],
        "rejections": counts["rejections"],
        "crashes": counts["crashes"],
        "seconds": round(time.perf_counter() - started, 1),
        "slowest_ms": round(slowest[0] * 1000, 1),
        "slowest_bytes": len(slowest[1]),
        "slowest_head": slowest[1][:60],
        "top_reasons": reasons.most_common(4),
        "first_crashes": first_crashes,
    }


def _cpu_seconds(data: bytes, reader: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for _item in read_bytes(data, format=reader, source="linear"):
            pass
        best = min(best, time.process_time() - started)
    return best


def linear(reader: str, size: int) -> dict[str, object]:
    """Return the run whose CPU time grows most from `size` to 4 × `size` bytes in one reader."""
    worst: tuple[float, str, float] = (0.0, "", 0.0)
    slowest: tuple[float, str] = (0.0, "")
    for unit in RUNS:
        for suffix in ("", "a", "!"):
            small = _cpu_seconds(run_input(unit, size, suffix=suffix, reader=reader), reader)
            large = _cpu_seconds(run_input(unit, 4 * size, suffix=suffix, reader=reader), reader)
            # Below a millisecond the clock's grain decides the ratio: floor both at 1 ms.
            ratio = max(large, 1e-3) / max(small, 1e-3)
            label = f"{unit!r} x n + {suffix!r}"
            if ratio > worst[0]:
                worst = (ratio, label, large)
            if large > slowest[0]:
                slowest = (large, label)
    return {
        "reader": reader,
        "worst_growth": round(worst[0], 1),
        "worst_input": worst[1],
        "slowest_input": slowest[1],
        "slowest_ms": round(slowest[0] * 1000, 1),
    }


def main_linear(readers: list[str], size: int, max_growth: float) -> None:
    """Print the growth check for each reader; exit 1 when one grows faster than `max_growth`."""
    failed = 0
    for reader in readers:
        result = linear(reader, size)
        growth = float(str(result["worst_growth"]))
        failed += growth > max_growth
        print(
            f"{reader:9} n={size} vs 4n: worst growth {growth}x on {result['worst_input']}; "
            f"slowest at 4n: {result['slowest_ms']} ms on {result['slowest_input']}",
            flush=True,
        )
    print(f"readers growing faster than {max_growth}x: {failed}")
    raise SystemExit(1 if failed else 0)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs per reader")
    parser.add_argument("--readers", default=",".join(READERS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    parser.add_argument("--linear", action="store_true", help="check CPU time growth instead")
    parser.add_argument("--size", type=int, default=50_000, help="n in bytes for --linear")
    parser.add_argument("--max-growth", type=float, default=8.0, help="largest n-to-4n growth allowed")
    args = parser.parse_args()
    if args.linear:
        main_linear(args.readers.split(","), args.size, args.max_growth)
    rnd = random.Random(args.seed)
    total_crashes = 0
    for reader in args.readers.split(","):
        result = fuzz(reader, args.inputs, rnd, args.crashes)
        total_crashes += int(str(result["crashes"]))
        print(
            f"{reader:9} inputs {result['inputs']:>7}  documents {result['documents']:>7}  "
            f"rejections {result['rejections']:>7}  crashes {result['crashes']:>3}  "
            f"{result['seconds']:>6}s  slowest {result['slowest_ms']} ms CPU",
            flush=True,
        )
        print(
            f"          slowest input: {result['slowest_bytes']} bytes, {result['slowest_head']!r}",
            flush=True,
        )
        print(f"          top rejections: {result['top_reasons']}", flush=True)
        for crash in result["first_crashes"]:  # type: ignore[attr-defined]
            print("          CRASH " + crash.replace("\n", "\n          "), flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB; crashes: {total_crashes}")
    raise SystemExit(1 if total_crashes else 0)


if __name__ == "__main__":
    main()
