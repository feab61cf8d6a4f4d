"""Our own claims gold, joined with the development corpora at evaluation time.

    python bench/claims_gold.py build [--half tune|check|all] [--out FILE]   # gold JSONL for score_claims.py
    python bench/claims_gold.py check                                        # every annotation's span still matches
    python bench/claims_gold.py split                                        # write the tune/check id lists (a seeded hash of each id)

The annotations in `bench/gold/claims/*.jsonl` are ours (labelled by `../shared/CLAIMS.md`); the text is not, so
no sentence is stored in the repository. Each line points at a span of a development document:

    {"id": "claims-fakes-0001", "doc": "fakes:<record id>", "start": 120, "end": 241, "sha1": "<12 hex>",
     "events": [{"plover", "actor_text", "recipient_text", "happened", "stance", "claimant", "channel"}]}

Document keys (`doc`) and the text the offsets index:
    fakes:<id>             the "text" of that record of corpus/fakes_syria.jsonl
    re3d:<folder>/<_id>    the "text" of that document in corpus/re3d/<folder>/documents.json
    html:<path>.txt        the file corpus/html/<path>.txt (newspaper4k's extracted texts)
    html:<path>.json       expected.cleaned_text of corpus/html/<path>.json (goose3's extracted texts)
    seed                   the file examples/seed-article.txt

`sha1` is the first 12 hex digits of the SHA-1 of the span's UTF-8 bytes: `check` and `build` refuse a span
that no longer matches its document.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "gold" / "claims"
SPLITS = HERE / "splits"
DATA = HERE.parent.parent / "shared" / "data"
SEED = 20261202


def span_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-1 of `text`'s UTF-8 bytes."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@cache
def _fakes(data: Path) -> dict[str, str]:
    with (data / "corpus" / "fakes_syria.jsonl").open(encoding="utf-8") as lines:
        return {str(r["id"]): str(r["text"]) for r in map(json.loads, lines) if r}


@cache
def _re3d(data: Path, folder: str) -> dict[str, str]:
    raw = (data / "corpus" / "re3d" / folder / "documents.json").read_text(encoding="utf-8")
    return {str(r["_id"]): str(r["text"]) for r in map(json.loads, filter(str.strip, raw.splitlines()))}


def document_text(key: str, data: Path = DATA) -> str:
    """The text a document key names (see the module docstring)."""
    kind, _, rest = key.partition(":")
    if kind == "seed":
        return (data / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    if kind == "fakes":
        return _fakes(data)[rest]
    if kind == "re3d":
        folder, _, doc_id = rest.partition("/")
        return _re3d(data, folder)[doc_id]
    if kind == "html" and rest.endswith(".txt"):
        return (data / "corpus" / "html" / rest).read_text(encoding="utf-8")
    if kind == "html" and rest.endswith(".json"):
        page = json.loads((data / "corpus" / "html" / rest).read_text(encoding="utf-8"))
        return str(page["expected"]["cleaned_text"])
    raise KeyError(f"unknown document key {key!r}")


def annotations() -> Iterator[dict[str, object]]:
    """Every annotation line, in file order (files sorted by name)."""
    for path in sorted(ANNOTATIONS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    record = json.loads(line)
                    record["_where"] = f"{path.name}:{number}"
                    yield record


def sentence(record: dict[str, object], data: Path = DATA) -> str:
    """The annotated span's text; raises ValueError when it no longer matches its hash."""
    text = document_text(str(record["doc"]), data)[int(str(record["start"])) : int(str(record["end"]))]
    if span_hash(text) != record["sha1"]:
        raise ValueError(
            f"{record['_where']}: span {record['doc']}[{record['start']}:{record['end']}] changed"
        )
    return text


def half_of(annotation_id: str) -> str:
    """ "tune" or "check": a seeded hash of the id, so an annotation's half never depends on the others."""
    digest = hashlib.sha1(f"{SEED}:{annotation_id}".encode()).digest()
    return "tune" if digest[-1] % 2 == 0 else "check"


def build(half: str, data: Path = DATA) -> Iterator[dict[str, object]]:
    """Gold records in `../shared/CLAIMS.md`'s format (with text) for one half."""
    for record in annotations():
        if half == "all" or half_of(str(record["id"])) == half:
            yield {
                "id": record["id"],
                "source": record["doc"],
                "text": sentence(record, data),
                "events": record["events"],
            }


def split() -> None:
    """Write the tune/check id lists (committed, so a reader sees which annotation is in which half)."""
    order = [str(r["id"]) for r in annotations()]
    for half in ("tune", "check"):
        ids = [i for i in order if half_of(i) == half]
        (SPLITS / f"claims_dev.{half}.ids").write_text("\n".join(ids) + "\n", encoding="utf-8")
        print(f"claims_dev.{half}: {len(ids)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "check", "split"))
    parser.add_argument("--half", choices=("tune", "check", "all"), default="all")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if args.command == "split":
        split()
        return 0
    if args.command == "check":
        bad = 0
        ids: set[str] = set()
        for record in annotations():
            try:
                sentence(record, args.data)
            except (KeyError, ValueError) as error:
                print(error, file=sys.stderr)
                bad += 1
            if record["id"] in ids:
                print(f"{record['_where']}: duplicate id {record['id']}", file=sys.stderr)
                bad += 1
            ids.add(str(record["id"]))
        print(f"{len(ids)} annotations, {bad} problems")
        return 1 if bad else 0
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for record in build(args.half, args.data):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
