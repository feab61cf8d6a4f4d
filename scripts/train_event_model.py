"""Train the learned trigger chooser (src/flashpoint/events/data/model/event_model.npz), offline, fixed seed.

Data (see bench/training/README.md for sources and licences):
  1. our own sentences: bench/training/event_sentences.txt expanded with bench/training/slots.txt; a fifth of
     the lines of each type (every fifth line) is held out as a test set and never trained on;
  2. the PLOVER dev *tune* half (../shared/data/gold/events/plover_dev.jsonl, ids in
     bench/splits/plover_dev.tune.ids; CC BY-SA), read at training time and never copied;
  3. weak labels: the CAMEO table's most specific patterns (two words or more) over the first articles of the
     unlabelled corpus ../shared/data/corpus/fakes_syria.jsonl.
Without ../shared (or with --own-only) only our own sentences are used.

    PYTHONPATH=src python scripts/train_event_model.py [--out PATH] [--report]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from flashpoint.events.learned import LABELS, NONE, EventModel, _candidate, features, save_event_model
from flashpoint.events.lexicon import Lexicon, load_lexicon
from flashpoint.events.patterns import VerbTable, load_verb_table

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261202
# Candidates that are no event outnumber triggers four to one; each counts a fifth of a trigger.
NONE_WEIGHT = 0.2
_SLOT = re.compile(r"\{(\w+)\}")
_CHOICE = re.compile(r"\(([^()]*\|[^()]*)\)")
_TRIGGER = re.compile(r"\[([^\[\]]+)\]")


@dataclass(frozen=True)
class Sentence:
    """One written sentence: its text, the trigger's character offset (None: no trigger), type and mode."""

    text: str
    trigger: int | None
    plover: str
    mode: str | None
    line: int
    held_out: bool


@dataclass(frozen=True)
class Example:
    names: tuple[str, ...]
    label: int
    weight: float


def read_slots(path: Path) -> dict[str, list[str]]:
    """Return the slot fillers of slots.txt: name → alternatives."""
    slots: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, values = line.partition("=")
        slots[name.strip()] = [v.strip() for v in values.split("|")]
    return slots


def _fill(text: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    for _ in range(5):  # fillers may hold slots of their own
        text = _SLOT.sub(lambda m: rng.choice(slots[m.group(1)]), text)
    return _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)


def expand(path: Path, slots: dict[str, list[str]], *, per_line: int, seed: int) -> list[Sentence]:
    """Return `per_line` sentences from each line of event_sentences.txt (deterministic for a seed)."""
    rng = random.Random(seed)
    sentences: list[Sentence] = []
    plover = ""
    position = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("## "):
            plover, position = line[3:].strip(), 0
            continue
        if not line.strip() or line.startswith("#"):
            continue
        mode, _, template = (part.strip() for part in line.partition("|"))
        held_out = position % 5 == 4
        position += 1
        seen: set[str] = set()
        for _ in range(per_line * 3):
            if len(seen) >= per_line:
                break
            filled = _fill(template, slots, rng)
            found = _TRIGGER.search(filled)
            trigger = None
            if found is not None:
                choice = rng.choice(found.group(1).split("|"))
                filled = filled[: found.start()] + choice + filled[found.end() :]
                trigger = found.start()
            if "[" in filled or "{" in filled:
                raise ValueError(f"{path}:{number}: one [trigger] a line, and every {{slot}} in slots.txt")
            filled = filled.replace(" .", ".").replace(" ,", ",")
            filled = filled[0].upper() + filled[1:]
            if filled in seen:
                continue
            seen.add(filled)
            sentences.append(
                Sentence(filled, trigger, plover, None if mode == "-" else mode, number, held_out)
            )
    return sentences


def _token_at(doc: Any, offset: int) -> Any | None:
    return next((t for t in doc if t.idx <= offset < t.idx + max(len(t), 1)), None)


def _lexicon_type(token: Any, lexicon: Lexicon) -> str | None:
    entry = lexicon.match(token)
    return entry.type if entry is not None else None


class Featurizer:
    """Features of candidate tokens as the runtime sees them, with the lexicon's type dropped at random
    (at run time the model sees tokens the lexicon did not take, so it must not lean on that feature)."""

    def __init__(self, lexicon: Lexicon, verbs: VerbTable, seed: int, *, drop: float = 0.5) -> None:
        self.lexicon = lexicon
        self.verbs = verbs
        self.rng = random.Random(seed)
        self.drop = drop

    def __call__(self, token: Any) -> tuple[str, ...]:
        lexicon_type = _lexicon_type(token, self.lexicon)
        if self.drop >= 1.0 or self.rng.random() < self.drop:
            lexicon_type = None
        return tuple(features(token, lexicon_type=lexicon_type, pattern=self.verbs.best(token)))


def own_examples(
    sentences: Sequence[Sentence], docs: Sequence[Any], featurize: Featurizer, lexicon: Lexicon
) -> list[Example]:
    """Return the labelled candidates of our own sentences: the trigger with its type, and the sentence's
    other candidates the lexicon does not take as no event (at NONE_WEIGHT)."""
    examples: list[Example] = []
    for sentence, doc in zip(sentences, docs, strict=True):
        trigger = _token_at(doc, sentence.trigger) if sentence.trigger is not None else None
        for token in doc:
            if trigger is not None and token.i == trigger.i:
                examples.append(Example(featurize(token), LABELS.index(sentence.plover), 1.0))
            elif _candidate(token, lexicon.reporting) and (
                sentence.plover == NONE or _lexicon_type(token, lexicon) is None
            ):
                examples.append(Example(featurize(token), LABELS.index(NONE), NONE_WEIGHT))
    return examples


def _depth(token: Any) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def gold_examples(
    records: Sequence[dict[str, Any]], docs: Sequence[Any], featurize: Featurizer, lexicon: Lexicon
) -> list[Example]:
    """Return candidates of the PLOVER tune half: for each gold event, the candidate offering its type
    (lexicon or CAMEO) nearest the root, else the root-most verb; other candidates of one-event sentences
    that neither table takes are no event (at NONE_WEIGHT)."""
    examples: list[Example] = []
    verbs = featurize.verbs
    for record, doc in zip(records, docs, strict=True):
        types = [e["plover"] for e in record["events"] if e.get("plover") in LABELS]
        candidates = [t for t in doc if _candidate(t, lexicon.reporting) or lexicon.match(t) is not None]
        used: set[int] = set()
        for plover in types:
            offering = [
                t
                for t in candidates
                if _lexicon_type(t, lexicon) == plover
                or ((p := verbs.best(t)) is not None and p.plover == plover)
            ]
            pool = offering or [t for t in candidates if t.pos_ == "VERB"]
            pool = [t for t in pool if t.i not in used]
            if not pool:
                continue
            token = min(pool, key=lambda t: (_depth(t), t.i))
            used.add(token.i)
            examples.append(Example(featurize(token), LABELS.index(plover), 1.0))
        if len(types) == 1:
            for token in candidates:
                if (
                    token.i not in used
                    and _lexicon_type(token, lexicon) is None
                    and verbs.best(token) is None
                ):
                    examples.append(Example(featurize(token), LABELS.index(NONE), NONE_WEIGHT))
    return examples


def weak_examples(docs: Iterable[Any], featurize: Featurizer, lexicon: Lexicon) -> list[Example]:
    """Return weak labels: verbs the CAMEO table matches with a pattern of two words or more, where the
    lexicon does not disagree (a third of a weight each)."""
    examples: list[Example] = []
    for doc in docs:
        for token in doc:
            if token.pos_ != "VERB" or not _candidate(token, lexicon.reporting):
                continue
            pattern = featurize.verbs.best(token)
            if pattern is None or pattern.size < 2:
                continue
            lexicon_type = _lexicon_type(token, lexicon)
            if lexicon_type not in (None, pattern.plover):
                continue
            examples.append(Example(featurize(token), LABELS.index(pattern.plover), 0.3))
    return examples


def train(
    examples: Sequence[Example], *, min_count: int = 2, l2: float = 1e-4, steps: int = 600, seed: int = SEED
) -> EventModel:
    """Return a multinomial logistic regression fitted by full-batch Adam (deterministic for a seed)."""
    counts = Counter(name for example in examples for name in set(example.names))
    names = sorted(name for name, count in counts.items() if count >= min_count or name == "bias")
    index = {name: row for row, name in enumerate(names)}
    width = max(len(example.names) for example in examples)
    pad = len(names)  # a zero row for padding
    rows = np.full((len(examples), width), pad, dtype=np.int64)
    for i, example in enumerate(examples):
        known = sorted({index[n] for n in example.names if n in index})
        rows[i, : len(known)] = known
    labels = np.array([example.label for example in examples])
    weights = np.array([example.weight for example in examples])
    weights = weights / weights.sum()
    classes = len(LABELS)
    onehot = np.eye(classes)[labels]
    rng = np.random.default_rng(seed)
    table = rng.normal(0.0, 0.01, size=(len(names) + 1, len(LABELS)))
    table[pad] = 0.0
    first = np.zeros_like(table)
    second = np.zeros_like(table)
    for step in range(1, steps + 1):
        logits = table[rows].sum(axis=1)
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        error = (probabilities - onehot) * weights[:, None]
        flat = rows.ravel()
        gradient: np.ndarray[Any, np.dtype[np.float64]] = np.stack(
            [
                np.bincount(flat, weights=np.repeat(error[:, c], width), minlength=pad + 1)
                for c in range(classes)
            ],
            axis=1,
        ).astype(np.float64)
        gradient += l2 * table
        gradient[pad] = 0.0
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        step_size = 0.05 * np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
        table -= step_size * first / (np.sqrt(second) + 1e-8)
    return EventModel(LABELS, index, table[:pad].astype(np.float32))


def accuracy(
    model: EventModel, sentences: Sequence[Sentence], docs: Sequence[Any], featurize: Featurizer
) -> dict[str, float]:
    """Return the held-out figures: type accuracy on triggers (NONE included), and how often a no-event
    sentence gets an event from `choose`-style decoding (a candidate above the threshold)."""
    right = total = 0
    quiet = none_total = 0
    for sentence, doc in zip(sentences, docs, strict=True):
        if sentence.trigger is not None:
            token = _token_at(doc, sentence.trigger)
            if token is None:
                continue
            probabilities = model.probabilities(featurize(token))
            total += 1
            right += int(model.labels[int(np.argmax(probabilities))] == sentence.plover)
        if sentence.plover == NONE:
            none_total += 1
            quiet += int(
                all(
                    model.best(featurize(t))[1] < model.threshold
                    for t in doc
                    if _candidate(t, featurize.lexicon.reporting)
                )
            )
    return {
        "trigger_accuracy": right / max(total, 1),
        "triggers": float(total),
        "no_event_sentences_left_quiet": quiet / max(none_total, 1),
        "no_event_sentences": float(none_total),
    }


def _parse(nlp: Any, texts: list[str]) -> list[Any]:
    return list(nlp.pipe(texts, batch_size=64))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "src/flashpoint/events/data/model/event_model.npz")
    parser.add_argument("--sentences", type=Path, default=ROOT / "bench/training/event_sentences.txt")
    parser.add_argument("--slots", type=Path, default=ROOT / "bench/training/slots.txt")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--per-line", type=int, default=12, help="sentences drawn from each written line")
    parser.add_argument("--weak-articles", type=int, default=120, help="corpus articles for weak labels")
    parser.add_argument("--steps", type=int, default=600)
    parser.add_argument("--own-only", action="store_true", help="train on our own sentences only")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)

    from flashpoint.nlp.model import load_model

    nlp = load_model()
    lexicon = load_lexicon()
    featurize = Featurizer(lexicon, load_verb_table(), args.seed)
    sentences = expand(args.sentences, read_slots(args.slots), per_line=args.per_line, seed=args.seed)
    train_part = [s for s in sentences if not s.held_out]
    test_part = [s for s in sentences if s.held_out]
    examples = own_examples(train_part, _parse(nlp, [s.text for s in train_part]), featurize, lexicon)
    sources = {"own sentences": len(train_part)}
    gold = args.shared / "data/gold/events/plover_dev.jsonl"
    if not args.own_only and gold.exists():
        tune = set((ROOT / "bench/splits/plover_dev.tune.ids").read_text(encoding="utf-8").split())
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        records = [r for r in records if r["id"] in tune]
        examples += gold_examples(records, _parse(nlp, [r["text"] for r in records]), featurize, lexicon)
        sources["PLOVER tune sentences"] = len(records)
    corpus = args.shared / "data/corpus/fakes_syria.jsonl"
    if not args.own_only and corpus.exists() and args.weak_articles > 0:
        with corpus.open(encoding="utf-8") as lines:
            texts = [
                json.loads(line)["text"] for _, line in zip(range(args.weak_articles), lines, strict=False)
            ]
        before = len(examples)
        examples += weak_examples(_parse(nlp, texts), featurize, lexicon)
        sources["weakly labelled corpus verbs"] = len(examples) - before
    model = train(examples, steps=args.steps, seed=args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_event_model(model, args.out)
    report = {
        "sources": sources,
        "examples": len(examples),
        "features": len(model.index),
        "held_out_own": accuracy(
            model,
            test_part,
            _parse(nlp, [s.text for s in test_part]),
            Featurizer(lexicon, featurize.verbs, args.seed, drop=1.0),
        ),
    }
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
