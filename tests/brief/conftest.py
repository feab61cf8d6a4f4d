"""Brief fixtures: a store holding a 2018 Manbij showdown, with an alleged and a denied claim among it."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from flashpoint import open_store
from flashpoint.store import Store


def _alert_fixtures() -> ModuleType:
    path = Path(__file__).parent.parent / "alerts" / "conftest.py"
    spec = importlib.util.spec_from_file_location("flashpoint_alert_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# (text, type, trigger, actor, recipient, place, day, goldstein, outlet, stance, claimant, aux) — our own words.
SHOWDOWN = [
    ("Ankara told American soldiers to quit Manbij.", "REQUEST", "told", "TURGOV", "USAMIL", "Manbij",
     "2018-01-20", -1.0, "Wire One", None, None, ()),
    ("A US commander refused to leave Manbij.", "REJECT", "refused", "USAMIL", "TURGOV", "Manbij",
     "2018-01-21", -4.0, "Wire Two", None, None, ()),
    ("Turkey's leader threatened to hit Manbij soon.", "THREATEN", "threatened", "TURGOV", "USA", "Manbij",
     "2018-01-22", -4.4, "Wire One", None, None, ()),
    ("Turkish tanks drove towards Manbij at night, <b>locals</b> said.", "MOBILIZE", "drove", "TURMIL", None,
     "Manbij", "2018-01-22", -6.5, "Radio Three", "alleged", "locals", ()),
    ("Ankara denied that its jets struck Afrin.", "ASSAULT", "struck", "TURMIL", "SYRREB", "Afrin",
     "2018-01-23", -10.0, "Wire Two", "denied", "Ankara", ("negation",)),
    ("Relief trucks reached Idlib in 2017.", "AID", "reached", "IGO", "SYRCVL", "Idlib",
     "2017-06-01", 7.0, "Wire One", None, None, ()),
]  # fmt: skip


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    """A store holding SHOWDOWN."""
    make_report = _alert_fixtures().make_report
    opened = open_store(str(tmp_path / "brief.db"))
    for text, kind, trigger, actor, recipient, place, day, score, outlet, stance, claimant, aux in SHOWDOWN:
        opened.add(
            make_report(
                text, type=kind, trigger=trigger, actor=actor, recipient=recipient, place=place, day=day,
                goldstein=score, outlet=outlet, stance=stance, claimant=claimant, aux_modes=aux,
            )
        )  # fmt: skip
    yield opened
    opened.close()
