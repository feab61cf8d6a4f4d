"""The Phoenix tables: the converter's reading of the dictionary formats, and the tables as our bottom layer."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from flashpoint.actors import ActorDictionary, ActorResolver, phoenix
from flashpoint.actors.phoenix import phoenix_entries
from flashpoint.errors import ActorDictionaryError

ROOT = Path(__file__).resolve().parents[2]

# Written for these tests in the dictionaries' formats; the names are invented.
AGENTS = """\
# a comment
!PERSON! = MAN, MEN, WOMAN
HARBOUR!PERSON! [~LAB]
TOLL_COLLECTOR [~GOVBUS] # a comment
SHEEP {} [~AGR]
CITY_WATCH {CITY_WATCHES} [~COP]
RADIO_HOST [~MED]
CLINIC_PORTER [~HLH]
"""
ACTORS = """\
FREEDONIA_  [FRD]
+FREEDONIAN_
+CAPITAL_TOWN_

RUFUS_T._FIREFLY_  ; invented
+PRIME_MINISTER_RUFUS_T._FIREFLY_
\t[FRDELI 600101-930401]
\t[FRDGOV 930401-051231]
\t[FRDELI]

ZEPPO_MARKSON_
\t[FRDGOVMED >20100101]

THE_LEAGUE_OF_PORTS [IGOUNO]
"""


@pytest.fixture(scope="module")
def convert() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_phoenix", ROOT / "scripts" / "convert_phoenix.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_phoenix"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def test_agents_expand_substitutions_and_plurals(convert: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "agents.txt"
    path.write_text(AGENTS)
    table = convert.read_agents(path)
    assert table["harbourman"] == table["harbourmen"] == table["harbourwoman"] == "LAB"
    assert "harbourmans" not in table  # substitutions get no further plural
    assert table["toll collector"] == table["toll collectors"] == "GOV"
    assert "sheeps" not in table and table["sheep"] == "AGR"  # {} = no plural
    assert table["city watches"] == "COP"
    assert table["radio host"] == "JRN"  # CAMEO MED is media
    assert table["clinic porter"] == "MED"  # CAMEO HLH is health


def test_actor_records_keep_dated_roles_and_drop_titled_names(convert: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(ACTORS)
    records = list(convert.read_actor_records(path))
    assert [r.names[0].strip() for r in records] == [
        "FREEDONIA_",
        "RUFUS_T._FIREFLY_",
        "ZEPPO_MARKSON_",
        "THE_LEAGUE_OF_PORTS",
    ]
    countries = {"FRD"}
    nouns = frozenset({"minister"})
    place = convert.convert_record(records[0], countries, nouns)
    assert place[:3] == ("place", "FRD", "")
    kind, country, sector, after, roles, names = convert.convert_record(records[1], countries, nouns)
    assert (kind, country, sector, after) == ("person", "FRD", "ELI", "ELI")
    assert names == ["Rufus T. Firefly"]  # the title-prefixed synonym is left to the resolver
    assert "GOV//1993-04-01/2006-01-01" in roles.split(";")  # yymmdd, end inclusive → exclusive
    kind, country, sector, after, roles, _ = convert.convert_record(records[2], countries, nouns)
    assert (kind, country, roles) == ("person", "FRD", "GOV//2010-01-01/")
    kind, country, sector, _, _, names = convert.convert_record(records[3], countries, nouns)
    assert (kind, country, names) == ("organisation", "IGO", ["League Of Ports"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (">030314", (dt.date(2003, 3, 14), None)),
        ("<450101", (None, dt.date(1945, 1, 2))),
        ("19970101-20011231", (dt.date(1997, 1, 1), dt.date(2002, 1, 1))),
        ("2004017-20061201", None),
    ],
)
def test_restrictions(convert: ModuleType, text: str, expected: object) -> None:
    assert convert.restriction(text) == expected


def test_shipped_tables_load_with_their_notice() -> None:
    layers = {layer for layer, _, _ in phoenix_entries()}
    assert layers == {"sector", "person", "organisation", "region"}
    notice = (ROOT / "src" / "flashpoint" / "actors" / "data" / "phoenix" / "NOTICE").read_text()
    assert "MIT" in notice and "Open Event Data Alliance" in notice


def test_a_person_is_coded_by_the_office_held_on_the_date(resolver: ActorResolver) -> None:
    in_office = resolver.resolve("Ehud Barak", date=dt.date(2000, 6, 1))
    before = resolver.resolve("Ehud Barak", date=dt.date(1995, 6, 1))
    assert in_office is not None and before is not None
    assert (in_office.country, in_office.sector) == ("ISR", "GOV")
    assert (before.country, before.sector) == ("ISR", "ELI")


def test_generic_agents_and_groups_from_the_tables(resolver: ActorResolver) -> None:
    farm = resolver.resolve("farm labourers")
    assert farm is not None and farm.sector == "AGR"
    brigade = resolver.resolve("the Angry Brigade")
    assert brigade is not None and (brigade.country, brigade.sector) == ("ITA", "REB")


def test_our_yaml_and_user_files_override_the_tables(tmp_path: Path) -> None:
    plain = ActorResolver(ActorDictionary.load(phoenix=False))
    layered = ActorResolver(ActorDictionary.load())
    # Our YAML's sector for "police" stands whatever the tables say about the word.
    assert layered.resolve("police") == plain.resolve("police")
    user = tmp_path / "mine.yaml"
    user.write_text("people:\n  - {name: Ehud Barak, country: NZL, sector: BUS}\n")
    mine = ActorResolver(ActorDictionary.load([user])).resolve("Ehud Barak", date=dt.date(2000, 6, 1))
    assert mine is not None and (mine.country, mine.sector) == ("NZL", "BUS")


@pytest.mark.parametrize(
    ("table", "row", "message"),
    [
        ("agents.tsv", ["soldier"], "expected 2 columns"),
        ("actors.tsv", ["planet", "FRA", "", "", "", "X"], "malformed row"),
        ("actors.tsv", ["person", "FRA", "", "ELI", "GOV//2001-13-01/", "Jo Doe"], "bad role"),
    ],
)
def test_a_damaged_table_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, table: str, row: list[str], message: str
) -> None:
    def read(name: str) -> Iterator[tuple[int, list[str]]]:
        if name == table:
            yield 7, row

    monkeypatch.setattr(phoenix, "_read", read)
    with pytest.raises(ActorDictionaryError, match=message):
        list(phoenix_entries())


# Written for these tests: a country coded only with dates, its minister, a former state, and two officials
# of an intergovernmental body (one for years, one for a six-month chair).
DATED = """\
GRAUSTARK_
+GRAUSTARKIAN_
\t[GRK <19910101]
\t[GRK >19910101]

OTTO_VON_LUTZ_
\t[GRKGOV 900101-951231]

OLD_FREEDONIA_ [SUN]

MARIA_LEAGUE_CHIEF_\t[IGOUNO 910101-001231]
PETER_SIX_MONTHS_\t[IGOEUREEC 920101-920630]
"""


def test_country_coded_only_by_dates_is_a_country(convert: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(DATED)
    countries = convert.country_codes(path)
    assert "GRK" in countries
    records = list(convert.read_actor_records(path))
    assert convert.convert_record(records[0], countries)[:2] == ("place", "GRK")
    assert convert.convert_record(records[1], countries)[:2] == ("person", "GRK")
    # a former state's code is written as the state that continues it
    assert convert.convert_record(records[2], countries)[:2] == ("place", "RUS")


def test_lasting_intergovernmental_offices_are_kept(convert: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "Phoenix.International.actors.txt"
    path.write_text(DATED.split("\n\n")[-1])
    chief, chair = list(convert.read_actor_records(path))
    assert convert.convert_record(chief, set()) is None  # no sector: dropped unless read as officials
    kind, country, _, _, roles, names = convert.convert_record(chief, set(), officials=True)
    assert (kind, country, roles, names) == (
        "organisation",
        "IGO",
        "GOV//1991-01-01/2001-01-01",
        ["Maria League Chief"],
    )
    assert convert.convert_record(chair, set(), officials=True) is None  # a six-month chair
