"""The learned trigger chooser: features of a trigger's parse, the weights file, training, and its use."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from flashpoint.errors import LexiconError
from flashpoint.events import EventStage
from flashpoint.events.learned import (
    LABELS,
    NONE,
    EventModel,
    features,
    load_event_model,
    read_event_model,
    save_event_model,
    synonym_sets,
)
from flashpoint.events.patterns import load_verb_table
from flashpoint.records import Document
from flashpoint.settings import Settings

from .conftest import FakeResolver

ROOT = Path(__file__).resolve().parents[2]


def _token(doc: Document, word: str) -> Any:
    assert doc.parsed is not None
    return next(t for t in doc.parsed if t.text == word)


def test_features_read_the_trigger_parse_context(parse: Callable[..., Document]) -> None:
    doc = parse("Ruritanian gunners shelled the village near the river.")
    names = features(_token(doc, "shelled"), lexicon_type="ASSAULT")
    for expected in (
        "bias",
        "lemma=shell",
        "pos=VERB",
        "obj=village",
        "lemma_obj=shell_village",
        "lexicon=ASSAULT",
    ):
        assert expected in names
    assert any(name.startswith("subj=") for name in names)


def test_features_mark_negation_modals_and_particles(parse: Callable[..., Document]) -> None:
    doc = parse("The garrison would not pull out of the fortress.")
    names = features(_token(doc, "pull"))
    assert "negated" in names
    assert "modal=would" in names
    assert "lemma_prt=pull_out" in names or "lemma_prep=pull_out" in names


def test_features_name_the_cameo_type_and_synonym_sets(parse: Callable[..., Document]) -> None:
    doc = parse("The envoy offered a truce to both clans.")
    token = _token(doc, "offered")
    names = features(token, pattern=load_verb_table().best(token))
    assert any(name.startswith("cameo=") for name in names)
    assert "CEASEFIRE" in synonym_sets()["truce"]
    assert "obj_set=CEASEFIRE" in names


def _tiny_model() -> EventModel:
    names = ("bias", "lemma=hand")
    weights = np.zeros((len(names), len(LABELS)), dtype=np.float32)
    weights[0, LABELS.index(NONE)] = 2.0
    weights[1, LABELS.index("AID")] = 5.0
    return EventModel(LABELS, {name: row for row, name in enumerate(names)}, weights, 0.5)


def test_model_round_trips_through_its_file(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    save_event_model(_tiny_model(), path)
    model = load_event_model(path)
    assert model.labels == LABELS
    assert model.best(["bias", "lemma=hand", "never-seen"])[0] == "AID"
    assert model.probabilities(["bias"]).argmax() == LABELS.index(NONE)


@pytest.mark.parametrize("data", [b"", b"not an npz file"])
def test_model_bad_file_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(LexiconError, match="event model"):
        read_event_model(data)


def test_model_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read the event model"):
        load_event_model(tmp_path / "absent.npz")


def test_packaged_model_loads_once_with_every_label() -> None:
    model = load_event_model()
    assert model is load_event_model()
    assert set(model.labels) == set(LABELS)
    assert model.weights.shape == (len(model.index), len(LABELS))
    assert 0.0 < model.threshold < 1.0


def test_coder_uses_a_model_only_when_given_one(parse: Callable[..., Document]) -> None:
    # No lexicon entry or CAMEO pattern codes "hand"; a model that knows it does.
    stage = EventStage(Settings(), resolver=FakeResolver())
    doc = parse("Ruritanian volunteers handed blankets to the villagers.")
    assert not any(e.type == "AID" for e in stage(doc).events)
    stage.coder.model = _tiny_model()
    assert [e.type for e in stage(doc).events] == ["AID"]


def _trainer() -> ModuleType:
    path = ROOT / "scripts" / "train_event_model.py"
    spec = importlib.util.spec_from_file_location("train_event_model", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_training_is_deterministic_on_a_tiny_dataset(tmp_path: Path, capsys: Any) -> None:
    (tmp_path / "slots.txt").write_text("side = Ruritania | Borduria | Syldavia\n", encoding="utf-8")
    (tmp_path / "sentences.txt").write_text(
        "## ASSAULT\n- | {side} [shelled|bombed] a depot near the lake.\n"
        "## AID\n- | {side} [donated] grain to the flooded valley.\n"
        "## NONE\n- | The lake near the depot is deep and cold.\n",
        encoding="utf-8",
    )
    trainer = _trainer()
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / f"{run}.npz"
        argv = ["--own-only", "--per-line", "3", "--steps", "20", "--out", str(out)]
        argv += ["--sentences", str(tmp_path / "sentences.txt"), "--slots", str(tmp_path / "slots.txt")]
        assert trainer.main(argv) == 0
        outputs.append(out.read_bytes())
    capsys.readouterr()
    assert outputs[0] == outputs[1]
    model = load_event_model(tmp_path / "a.npz")
    assert "lemma=shell" in model.index or "lemma=bomb" in model.index


def test_training_sentences_expand_with_their_trigger_marked() -> None:
    trainer = _trainer()
    slots = trainer.read_slots(ROOT / "bench" / "training" / "slots.txt")
    sentences = trainer.expand(ROOT / "bench" / "training" / "event_sentences.txt", slots, per_line=2, seed=1)
    types = {s.plover for s in sentences}
    assert types == set(LABELS)
    assert all(s.trigger is not None for s in sentences if s.plover != NONE)
    assert all("{" not in s.text and "[" not in s.text for s in sentences)
    assert any(s.held_out for s in sentences) and not all(s.held_out for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ("A car bomb exploded …" was here: the lexicon's munition rule now codes it)
        ("The Syldavian army massed tanks near the Bordurian border.", "MOBILIZE"),
        ("Ruritanian volunteers handed out blankets to families in the flooded villages.", "AID"),
    ],
)
def test_packaged_model_codes_what_the_rules_miss(
    parse: Callable[..., Document], text: str, expected: str
) -> None:
    # Words neither the lexicon nor the CAMEO table codes in these phrasings; our own training lines do.
    stage = EventStage(Settings(), resolver=FakeResolver())
    doc = parse(text)
    assert expected not in {e.type for e in stage(doc).events}
    learned = EventStage(Settings(event_model=True), resolver=FakeResolver())
    assert expected in {e.type for e in learned(doc).events}
