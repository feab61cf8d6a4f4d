"""A small learned chooser: scores a candidate trigger's PLOVER type (or no event) from its parse context.

The rules find triggers by lemma and pattern; the CAMEO verb table offers a type for verbs our lexicon lacks,
and for words neither knows the rules have nothing to say. A multinomial logistic regression over sparse
features of the trigger's parse context (its lemma, part of speech, dependency label, head, children, object,
particles, negation and modal cues, and the types the lexicon and the CAMEO table offer) chooses among those
candidates for the sentences the lexicon left without an event. The weights are written by
`scripts/train_event_model.py` (see `data/model/README.md` for the data and its licences) and read once.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from flashpoint.errors import LexiconError
from flashpoint.events.lexicon import PLOVER_TYPES, Pos, TriggerEntry
from flashpoint.events.patterns import VerbPattern, VerbTable

__all__ = ["LABELS", "MESSAGES", "NONE", "EventModel", "features", "load_event_model"]

NONE = "NONE"
LABELS: tuple[str, ...] = (*PLOVER_TYPES, NONE)
_MODEL_FILE = "event_model.npz"
# Dependency labels that only describe a verb (a modifier participle) or punctuate it: never candidates.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can", "must"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Messages a party puts out: a verb whose object is one of them publishes, it does not act.
MESSAGES = frozenset({"statement", "communique", "communiqué", "video", "tweet", "bulletin", "press release"})
# Verbs whose complement clause carries the act: "plans to", "threatened to", "agreed to", "refused to".
_CONTROL = frozenset({"xcomp", "ccomp"})


@functools.lru_cache(maxsize=1)
def synonym_sets() -> Mapping[str, tuple[str, ...]]:
    """Return the CAMEO table's synonym sets by word ("truce" → CEASEFIRE): word classes that let the model
    carry what it learned of one word to the others of its set."""
    text = resources.files("flashpoint.events").joinpath("data", "cameo_verbs.tsv").read_text("utf-8")
    sets: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("@set\t"):
            _, name, words = line.split("\t")[:3]
            for word in words.split("|"):
                if " " not in word:
                    sets.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in sets.items()}


def features(
    token: Token, *, lexicon_type: str | None = None, pattern: VerbPattern | None = None
) -> list[str]:
    """Return the sparse feature names of a candidate trigger token in its parse.

    Features are strings ("lemma=shell", "dobj=village"), so the model's table is readable and a word it
    never saw simply adds nothing. No vectors: a dictionary lookup per feature.
    """
    sets = synonym_sets()
    lemma = token.lemma_.lower()
    pos = token.pos_
    head = token.head
    found = [
        "bias",
        f"lemma={lemma}",
        f"pos={pos}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma_pos={lemma}_{pos}",
        f"head={head.lemma_.lower() if head is not token else 'ROOT'}",
        f"head_dep={token.dep_}>{head.pos_ if head is not token else 'ROOT'}",
        f"suffix={token.lower_[-3:]}",
    ]
    found.extend(f"set={name}" for name in sets.get(lemma, ()))
    if head is not token and token.dep_ in _CONTROL:
        found.append(f"governor={head.lemma_.lower()}")
    subject_ent = ""
    for child in token.children:
        dep = child.dep_
        word = child.lemma_.lower()
        if dep in {"punct", "cc"}:
            continue
        found.append(f"child={dep}:{word}")
        if dep in _OBJECTS:
            found.append(f"obj={word}")
            found.append(f"lemma_obj={lemma}_{word}")
            found.extend(f"obj_set={name}" for name in sets.get(word, ()))
            if child.ent_type_:
                found.append(f"obj_ent={child.ent_type_}")
        elif dep == "prt":
            found.append(f"lemma_prt={lemma}_{word}")
        elif dep == "prep" or dep == "agent":
            found.append(f"lemma_prep={lemma}_{word}")
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.append(f"prep_obj={word}_{pobj.lemma_.lower()}")
                    found.extend(f"pobj_set={name}" for name in sets.get(pobj.lemma_.lower(), ()))
        elif dep in _SUBJECTS:
            found.append(f"subj={word}")
            subject_ent = child.ent_type_ or subject_ent
            if dep == "nsubjpass":
                found.append("passive")
        elif dep == "neg" or word in _NEGATIONS:
            found.append("negated")
        elif dep == "aux" and word in _MODALS:
            found.append(f"modal={word}")
        elif dep == "aux" and word == "to":
            found.append("infinitive")
        elif dep in {"amod", "compound"} and pos in {"NOUN", "PROPN"}:
            found.append(f"modifier={word}")
    if subject_ent:
        found.append(f"subj_ent={subject_ent}")
    if lexicon_type is not None:
        found.append(f"lexicon={lexicon_type}")
    if pattern is not None:
        found.append(f"cameo={pattern.plover}")
        found.append(f"cameo_root={pattern.cameo[:2]}")
        found.append(f"cameo_size={min(pattern.size, 3)}")
    return found


@dataclass(frozen=True, slots=True)
class EventModel:
    """The weights: one row per feature name, one column per label, and a decision threshold."""

    labels: tuple[str, ...]
    index: Mapping[str, int]
    weights: npt.NDArray[np.float32]
    # A candidate becomes an event only when its best type is at least this probable.
    threshold: float = 0.5

    def probabilities(self, names: Iterable[str]) -> npt.NDArray[np.float64]:
        """Return the probability of each label (in `labels` order) for a list of feature names."""
        rows = [self.index[name] for name in names if name in self.index]
        logits = self.weights[rows].sum(axis=0, dtype=np.float64) if rows else np.zeros(len(self.labels))
        logits -= logits.max()
        exp = np.exp(logits)
        probabilities: npt.NDArray[np.float64] = exp / exp.sum()
        return probabilities

    def best(self, names: Iterable[str]) -> tuple[str, float]:
        """Return the most probable event type (never NONE) and its probability."""
        probabilities = self.probabilities(names)
        order = np.argsort(-probabilities)
        for at in order:
            if self.labels[at] != NONE:
                return self.labels[at], float(probabilities[at])
        return NONE, 0.0  # pragma: no cover - LABELS always holds event types

    def choose(
        self,
        parsed: Doc,
        triggers: Mapping[int, TriggerEntry],
        offered: Mapping[int, TriggerEntry],
        stated: set[int],
        verbs: VerbTable,
        *,
        reporting: Mapping[str, str],
    ) -> dict[int, TriggerEntry]:
        """Return the triggers for the sentences the lexicon left without an event (start tokens not in
        `stated`).

        Where the CAMEO table `offered` a trigger, it stays, retyped when the model is sure of another type
        (the table's patterns are many and good at finding the act, weaker at naming it). Where nothing was
        offered, the candidate the model finds most likely an event becomes one when it clears the
        threshold.
        """
        chosen: dict[int, TriggerEntry] = {}
        for sentence in parsed.sents:
            if sentence.start in stated:
                continue
            offer = next(((i, e) for i, e in offered.items() if sentence.start <= i < sentence.end), None)
            if offer is not None:
                token, entry = parsed[offer[0]], offer[1]
                plover, probability = self.best(features(token, pattern=verbs.best(token)))
                if plover != entry.type and probability >= self.threshold:
                    entry = TriggerEntry(
                        plover, None, entry.head, entry.rest, entry.pos, f"model {plover.lower()}"
                    )
                chosen[offer[0]] = entry
                continue
            best: tuple[float, int, TriggerEntry] | None = None
            for token in sentence:
                if token.i in triggers or not _candidate(token, reporting):
                    continue
                pattern = verbs.best(token)
                plover, probability = self.best(features(token, pattern=pattern))
                if probability >= self.threshold and (best is None or probability > best[0]):
                    mode = pattern.mode if pattern is not None and pattern.plover == plover else None
                    pos: Pos = "verb" if token.pos_ in {"VERB", "AUX"} else "noun"
                    entry = TriggerEntry(
                        plover, mode, token.lemma_.lower(), (), pos, f"model {plover.lower()}"
                    )
                    best = (probability, token.i, entry)
            if best is not None:
                chosen[best[1]] = best[2]
        return chosen


def _candidate(token: Token, reporting: Mapping[str, str]) -> bool:
    """Return True for a token that could state an event: a verb not used as a modifier, or a noun."""
    if token.pos_ == "VERB":
        # "issued a statement", "released a video": putting out a message is how a claim is made, no act
        publishes = any(c.dep_ == "dobj" and c.lemma_.lower() in MESSAGES for c in token.children)
        return token.dep_ not in _MODIFIER_DEPS and token.lemma_.lower() not in reporting and not publishes
    return token.pos_ == "NOUN" and token.dep_ not in {"compound", "npadvmod"}


def save_event_model(model: EventModel, path: Path) -> None:
    """Write the model as a compressed npz: the labels, the feature names and the weight table."""
    names = sorted(model.index, key=model.index.__getitem__)
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        labels=np.frombuffer("\n".join(model.labels).encode("utf-8"), dtype=np.uint8),
        names=np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
        weights=model.weights.astype(np.float16),
        threshold=np.array([model.threshold], dtype=np.float64),
    )
    path.write_bytes(buffer.getvalue())


def read_event_model(data: bytes, origin: str = _MODEL_FILE) -> EventModel:
    """Return the model stored in npz bytes written by `save_event_model`."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as stored:
            labels = tuple(bytes(stored["labels"]).decode("utf-8").split("\n"))
            names = bytes(stored["names"]).decode("utf-8").split("\n")
            weights = stored["weights"].astype(np.float32)
            threshold = float(stored["threshold"][0])
    except (OSError, EOFError, KeyError, ValueError) as exc:
        raise LexiconError(f"cannot read the event model {origin}: {exc}") from exc
    if weights.shape != (len(names), len(labels)) or set(labels) - set(LABELS):
        raise LexiconError(f"{origin}: the weight table does not fit its labels and feature names")
    return EventModel(labels, {name: row for row, name in enumerate(names)}, weights, threshold)


@functools.lru_cache(maxsize=4)
def load_event_model(path: Path | None = None) -> EventModel:
    """Return the event model from `path` (default: the packaged one), read once per process."""
    try:
        if path is None:
            data = resources.files("flashpoint.events").joinpath("data", "model", _MODEL_FILE).read_bytes()
        else:
            data = Path(path).read_bytes()
    except OSError as exc:
        raise LexiconError(f"cannot read the event model {path or _MODEL_FILE}: {exc}") from exc
    return read_event_model(data, str(path or _MODEL_FILE))
