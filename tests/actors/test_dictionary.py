"""The actor dictionary: our files load, user files merge over them, malformed files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.actors import ActorDictionary, load_dictionary
from flashpoint.errors import ActorDictionaryError, FlashpointError


@pytest.mark.parametrize(
    ("phrase", "kind", "country", "sector"),
    [
        (("turkey",), "country", "TUR", None),
        (("turks",), "demonym", "TUR", None),
        (("ankara",), "capital", "TUR", "GOV"),
        (("soldiers",), "sector", None, "MIL"),
        (("policemen",), "sector", None, "COP"),
        (("white", "house"), "organisation", "USA", "GOV"),
        (("hezbollah",), "organisation", "LBN", "REB"),
    ],
)
def test_dictionary_builtin_phrases(
    phrase: tuple[str, ...], kind: str, country: str | None, sector: str | None
) -> None:
    entry = load_dictionary().get(phrase)
    assert entry is not None
    assert (entry.kind, entry.country, entry.sector) == (kind, country, sector)


def test_dictionary_user_file_adds_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "organisations:\n"
        "  - {names: [Northern Lantern Front, NLF2], country: ARM, sector: REB}\n"
        "  - {names: [Hezbollah], country: LBN, sector: PTY}\n"
        "people:\n"
        "  - {name: Ada Quillfeather, country: NOR, roles: [[GOV, Minister, 2020-01-01, 2022-01-01]]}\n",
        encoding="utf-8",
    )
    merged = ActorDictionary.load([user], cities=False)
    added = merged.get(("northern", "lantern", "front"))
    assert added is not None and (added.country, added.sector) == ("ARM", "REB")
    overridden = merged.get(("hezbollah",))
    assert overridden is not None and overridden.sector == "PTY"
    person = merged.get(("ada", "quillfeather"))
    assert person is not None and person.roles[0].sector == "GOV"
    assert str(user) in merged.sources


def test_dictionary_later_user_file_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("organisations:\n  - {names: [Glass Harbour Militia], country: PER}\n", encoding="utf-8")
    second.write_text(
        "organisations:\n  - {names: [Glass Harbour Militia], country: BOL}\n", encoding="utf-8"
    )
    entry = ActorDictionary.load([first, second], cities=False).get(("glass", "harbour", "militia"))
    assert entry is not None and entry.country == "BOL"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("countries: [\n", "not valid YAML"),
        ("villains: []\n", "unknown section"),
        ("- just a list\n", "top level"),
        ("organisations:\n  - {names: [Blue Ridge Corps], country: turkey}\n", "3-letter code"),
        ("organisations:\n  - {country: TUR}\n", "'name' or 'names'"),
        ("people:\n  - {name: Ola Kettle, roles: [[GOV, Minister, not-a-date]]}\n", "malformed"),
        ("people:\n  - {name: Ola Kettle, roles: [GOV]}\n", "must be [SECTOR"),
        ("sectors:\n  MIL: soldiers\n", "list of words"),
    ],
)
def test_dictionary_malformed_user_file_names_file_and_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorDictionaryError) as info:
        ActorDictionary.load([path], cities=False)
    assert "broken.yaml" in str(info.value)
    assert problem in str(info.value)
    assert isinstance(info.value, FlashpointError)


def test_dictionary_missing_user_file_raises(tmp_path: Path) -> None:
    with pytest.raises(ActorDictionaryError, match=r"absent\.yaml"):
        ActorDictionary.load([tmp_path / "absent.yaml"], cities=False)


def test_dictionary_documented_example_loads(tmp_path: Path) -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "actors.md").read_text(encoding="utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    merged = ActorDictionary.load([path], cities=False)
    taliban = merged.get(("taliban",))
    assert taliban is not None and len(taliban.roles) == 2
    reuters = merged.get(("reuters",))
    assert reuters is not None and reuters.name == "Reuters"


@pytest.mark.parametrize(
    ("word", "plurals"),
    [
        ("monarch", {"monarchs"}),
        ("church", {"churches"}),
        ("german", {"germans"}),
        ("gunman", {"gunmen"}),
        ("thief", {"thieves"}),
        ("chief", {"chiefs"}),
        ("army", {"armies"}),
    ],
)
def test_plural_forms_cover_the_english_plural(word: str, plurals: set[str]) -> None:
    from flashpoint.actors.text import plural_forms

    assert plurals <= set(plural_forms(word))
