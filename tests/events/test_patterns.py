"""CAMEO verb patterns: the converter's table format, matching a verb's phrase, and the coder's fallback."""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from flashpoint.errors import LexiconError
from flashpoint.events.patterns import load_verb_table, parse_table
from flashpoint.records import Document, Event

Code = Callable[..., tuple[Event, ...]]
ROOT = Path(__file__).resolve().parents[2]

# A dictionary in PETRARCH2's layout, written for these tests (not taken from the real file).
_DICTIONARY = """\
####### SYNONYM SETS #######

&HELP_
+RELIEF
+FOOD_AID

####### VERB PATTERNS #######

---  SHIP   [---]  ---
SHIP
FERRY {FERRIES FERRIED}
- * &HELP (TO)                                        [073]         # SHIP
- * TROOPS                                            [154]         # FERRY
- * POSTCARDS                                         [---]         # SHIP

---  SCOLD   [111]  ---
SCOLD
NAG
- * (FOR &UNDEFINED)                                  [112]         # NAG

######## TRANSFORMATIONS ##########
"""
_CROSSWALK = """\
073: AID,   ,   humanitarian # Provide humanitarian aid
111: ACCUSE, disapprove,    # Criticize or denounce
112: ACCUSE, disapprove,    # Accuse
154: MOBILIZE, troops, military # Mobilize or increase armed forces
"""

# A table in our own format, written for these tests.
_TABLE = "\t".join
_TSV = "\n".join(
    [
        "# test table",
        _TABLE(["@set", "PARCEL", "crate|food parcel"]),
        _TABLE(["@verb", "haul", "-", "1", "-", "-", "-"]),
        _TABLE(["@verb", "cart", "-", "1", "-", "-", "-"]),
        _TABLE(["@verb", "rebuke", "-", "2", "111", "ACCUSE", "disapprove"]),
        _TABLE(["1", "-", "&PARCEL to", "073", "AID", "-"]),
        _TABLE(["1", "-", "soldier", "154", "MOBILIZE", "troops"]),
        _TABLE(["1", "police", "soldier", "153", "MOBILIZE", "police"]),
    ]
)


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_cameo", ROOT / "scripts" / "convert_cameo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("convert_cameo", module)  # dataclasses look their module up while defined
    spec.loader.exec_module(module)
    return module


def test_convert_cameo_writes_families_patterns_and_sets(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "dictionaries" / "petrarch2").mkdir(parents=True)
    (data / "ontology").mkdir()
    (data / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt").write_text(_DICTIONARY, encoding="latin-1")
    (data / "ontology" / "CAMEO2PLOVER-2021.txt").write_text(_CROSSWALK, encoding="utf-8")
    assert _converter().main(["--data", str(data), "--out", str(tmp_path)]) == 0
    rows = [r.split("\t") for r in (tmp_path / "cameo_verbs.tsv").read_text().splitlines() if r[0] != "#"]
    assert ["@set", "HELP", "relief|food aid"] in rows
    # the family head takes the block's code; its synonym "nag" does not (and with no pattern left, it is
    # not listed); a verb of an uncoded block keeps its family's patterns
    assert ["@verb", "scold", "-", "2", "111", "ACCUSE", "disapprove"] in rows
    assert not any(r[:2] == ["@verb", "nag"] for r in rows)
    assert ["@verb", "ferry", "-", "1", "-", "-", "-"] in rows
    # each pattern was written for one verb (the comment); an uncoded block lends its patterns to all
    assert ["1", "-", "&HELP to", "073", "AID", "-", "-"] in rows
    assert ["1", "-", "troops", "154", "MOBILIZE", "troops", "-"] in rows
    # "[---]" has no PLOVER type and an undefined synonym set cannot be matched: both left out
    assert not any("postcards" in r for r in rows)
    assert not any("&UNDEFINED" in " ".join(r) for r in rows)
    # the table the converter writes is one the package reads
    table = parse_table((tmp_path / "cameo_verbs.tsv").read_text())
    assert set(table.verbs) == {"ship", "ferry", "scold"}


# Coded blocks whose patterns were written for different verbs, and a block of promising (own words).
_LENDING = """\
####### SYNONYM SETS #######

&DEPOT_
+DEPOT
+FUEL_DUMP

####### VERB PATTERNS #######

---  BATTER   [190]  ---
BATTER
WALLOP {WALLOPS WALLOPED}
- * MINISTRY                                          [111]         # BATTER
- * &DEPOT                                            [195]         # WALLOPED
- * (WITH)                                            [193]         # WALLOPS
- * HILLS                                             [192]         # BATTER
- * (FOR TALKS)                                       [036]         # BATTER

---  VOW   [030]  ---
VOW
- * (TO TALKS)                                        [036]         # VOW

---  TRAVEL   [040]  ---
TRAVEL
JOURNEY
- * (FOR)                                             [042]         # TRAVEL
- * (FOR TALKS)                                       [046]         # JOURNEY

---  SUPERVISE   [060]  ---
SUPERVISE
HEAD
- * AID                                               [070]         # SUPERVISE
- * CITY                                              [070]         # HEAD

######## TRANSFORMATIONS ##########
"""
_LENDING_CROSSWALK = """\
036: AGREE,  , diplomatic # Express intent to meet or negotiate
040: CONSULT, ,  # Consult
042: CONSULT, visit,   # Make a visit
046: CONSULT,   , diplomatic    # Engage in negotiation
060: COOPERATE, , # Engage in material cooperation
070: AID, , # Provide aid
111: ACCUSE, disapprove,    # Criticize or denounce
190: ASSAULT, , military # Use conventional military force
192: COERCE, seize, military # Occupy territory
193: ASSAULT, firearms, military # Fight with small arms
195: ASSAULT, aerial, military # Employ aerial weapons
"""


def test_convert_cameo_lends_a_pattern_only_within_its_kind_of_act(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "dictionaries" / "petrarch2").mkdir(parents=True)
    (data / "ontology").mkdir()
    (data / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt").write_text(_LENDING, encoding="latin-1")
    (data / "ontology" / "CAMEO2PLOVER-2021.txt").write_text(_LENDING_CROSSWALK, encoding="utf-8")
    assert _converter().main(["--data", str(data), "--out", str(tmp_path)]) == 0
    rows = [r.split("\t") for r in (tmp_path / "cameo_verbs.tsv").read_text().splitlines() if r[0] != "#"]
    # a criticism pattern in a block of fighting holds for the verb it was written for only
    assert ["1", "-", "ministry", "111", "ACCUSE", "disapprove", "batter"] in rows
    # attack patterns are lent to the block's other verbs of attacking ("walloped", "wallops" → all)
    assert ["1", "-", "&DEPOT", "195", "ASSAULT", "aerial", "-"] in rows
    assert ["1", "-", "with", "193", "ASSAULT", "firearms", "-"] in rows
    # occupying territory is an ASSAULT in our coding rules, not the crosswalk's COERCE
    assert ["1", "-", "hills", "192", "ASSAULT", "-", "-"] in rows
    # an intent to meet needs a verb of intent: not in a block of fighting, kept in a block of vowing
    assert not any(r[3:4] == ["036"] and r[0] == "1" for r in rows)
    assert ["2", "-", "to talks", "036", "AGREE", "-", "-"] in rows
    # going somewhere is a visit by its own verb's sense ("travel for"), talks make one for any verb
    assert ["3", "-", "for", "042", "CONSULT", "visit", "travel"] in rows
    assert ["3", "-", "for talks", "046", "CONSULT", "-", "-"] in rows
    # an object our lexicon names as that very act is lent ("supervise aid"), another one is not
    assert ["4", "-", "aid", "070", "AID", "-", "-"] in rows
    assert ["4", "-", "city", "070", "AID", "-", "head"] in rows


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The police carted soldiers across the river.", "police"),  # the pattern written for "cart"
        ("The police hauled soldiers across the river.", "troops"),  # not for "haul": the lent one
    ],
)
def test_verb_table_pattern_holds_for_the_verb_it_was_written_for(
    parse: Callable[..., Document], text: str, mode: str
) -> None:
    table = parse_table(
        "\n".join(
            [
                _TABLE(["@set", "PARCEL", "crate|food parcel"]),
                _TABLE(["@verb", "haul", "-", "1", "-", "-", "-"]),
                _TABLE(["@verb", "cart", "-", "1", "-", "-", "-"]),
                _TABLE(["1", "-", "&PARCEL to", "073", "AID", "-", "-"]),
                _TABLE(["1", "-", "soldier", "154", "MOBILIZE", "troops", "-"]),
                _TABLE(["1", "police", "soldier", "153", "MOBILIZE", "police", "cart"]),
            ]
        )
    )
    found = [p for p in (table.best(t) for t in parse(text).parsed) if p is not None]
    assert [(p.plover, p.mode) for p in found] == [("MOBILIZE", mode)]


def test_convert_cameo_without_data_is_a_clear_error(tmp_path: Path, capsys: Any) -> None:
    with pytest.raises(SystemExit):
        _converter().main(["--data", str(tmp_path), "--out", str(tmp_path)])
    assert "not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        ("The charity hauled crates to the villages.", "AID", None),
        ("The charity hauled food parcels to the villages.", "AID", None),
        ("The ferry carted soldiers across the river.", "MOBILIZE", "troops"),
        ("The police carted soldiers across the river.", "MOBILIZE", "police"),
        ("The minister rebuked the envoy.", "ACCUSE", "disapprove"),
    ],
)
def test_verb_table_picks_the_most_specific_pattern(
    parse: Callable[..., Document], text: str, plover: str, mode: str | None
) -> None:
    table = parse_table(_TSV)
    doc = parse(text).parsed
    found = [p for p in (table.best(t) for t in doc) if p is not None]
    assert [(p.plover, p.mode) for p in found] == [(plover, mode)]


@pytest.mark.parametrize(
    "text",
    [
        "The charity hauled furniture to the villages.",  # no pattern's words, no own code
        "The charity said it hauled nothing.",  # "nothing" is no pattern word either
        "Crates were the cargo.",  # the words without the verb
    ],
)
def test_verb_table_needs_the_pattern_words(parse: Callable[..., Document], text: str) -> None:
    table = parse_table(_TSV)
    assert all(table.best(t) is None for t in parse(text).parsed)


def test_verb_table_words_of_a_clause_do_not_count(parse: Callable[..., Document]) -> None:
    # "soldiers" sits in a clause of its own, not in the hauling verb's phrase.
    table = parse_table(_TSV)
    doc = parse("They hauled the boxes because soldiers had asked for them.").parsed
    assert all(table.best(t) is None for t in doc)


def test_verb_table_passive_agent_is_the_doer_not_the_phrase(parse: Callable[..., Document]) -> None:
    # "by soldiers" says who carted, not what was carted: the "soldier" pattern needs the object
    table = parse_table(_TSV)
    doc = parse("The boxes were carted away by soldiers at dawn.").parsed
    assert all(table.best(t) is None for t in doc)
    carted = parse("The ferry carted soldiers across the river.").parsed
    assert any(table.best(t) is not None for t in carted)


# Patterns of one family with equal sizes: the one listed first wins a tie, a longer one wins always.
_TIES = "\n".join(
    [
        _TABLE(["@verb", "tow", "-", "3", "-", "-", "-"]),
        _TABLE(["3", "-", "barge", "040", "CONSULT", "-"]),
        _TABLE(["3", "-", "barge river", "070", "AID", "-"]),
        _TABLE(["3", "-", "river barge", "050", "COOPERATE", "-"]),
        _TABLE(["3", "-", "barge river upstream", "080", "CONCEDE", "-"]),
    ]
)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The crew towed the barge to the quay.", "CONSULT"),
        ("The crew towed the barge along the river.", "AID"),
        ("The crew towed the barge along the river upstream.", "CONCEDE"),
    ],
)
def test_verb_table_longest_pattern_then_first_listed(
    parse: Callable[..., Document], text: str, plover: str
) -> None:
    table = parse_table(_TIES)
    found = [p for p in (table.best(t) for t in parse(text).parsed) if p is not None]
    assert [p.plover for p in found] == [plover]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1\t-\t&MISSING\t073\tAID\t-", "unknown synonym set"),
        ("1\t-\tcrate\t073\tWAVE\t-", "not a PLOVER event type"),
        ("1\t-\tcrate", "malformed row"),
        ("1\t-\tcrate\t073\tAID\t-\tcart\textra", "malformed row"),
    ],
)
def test_verb_table_bad_rows_are_clear_errors(row: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_table(row)


def test_verb_table_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_verb_table(tmp_path / "absent.tsv")


def test_packaged_verb_table_loads_with_families_and_codes() -> None:
    table = load_verb_table()
    assert len(table.verbs) > 1000
    assert all(p.plover for patterns in table.families.values() for p in patterns)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs our lexicon lacks, coded from the dictionary
        ("Ruritanian gunmen kidnapped two Bordurian engineers.", "ASSAULT"),
        ("Syldavia rescued forty Bordurian sailors.", "AID"),
        ("Borduria confiscated the cargo of the Ruritanian ship.", "COERCE"),
    ],
)
def test_coder_falls_back_on_the_dictionary(code_events: Code, text: str, expected: str) -> None:
    assert [e.type for e in code_events(text)] == [expected]


def test_coder_lexicon_wins_over_the_dictionary(code_events: Code) -> None:
    # "support" is SUPPORT in our lexicon; the dictionary is not asked in a sentence that has an event.
    events = code_events("Ruritania supported Borduria and rescued its sailors.")
    assert "SUPPORT" in [e.type for e in events]
    assert all(e.trigger != "rescued" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania wants peace with Borduria.",  # a wish
        "Three Bordurian sailors died at sea.",  # no one did it
        "The Ruritanian delegation arrived in Borduria.",  # an arrival is no meeting
    ],
)
def test_coder_dictionary_bare_verbs_that_are_not_events(code_events: Code, text: str) -> None:
    assert code_events(text) == ()


def test_coder_logs_each_fallback_trigger(code_events: Code, caplog: pytest.LogCaptureFixture) -> None:
    # the audit trail: which verb the dictionary coded, with which code and pattern
    with caplog.at_level(logging.DEBUG, logger="flashpoint.events.coder"):
        code_events("Syldavia rescued forty Bordurian sailors.")
    assert any(r.getMessage().startswith("CAMEO fallback 'rescued': cameo 073") for r in caplog.records)
