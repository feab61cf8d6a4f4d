"""Address brackets ("X (Y, Z)"): their names read as places, the smallest one placing the event."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.geo import Gazetteer
from flashpoint.geo.link import _first_of_address
from flashpoint.geo.recognise import Recogniser, Span, _address_part, _Tokens
from flashpoint.geo.resolve import Resolver
from flashpoint.geo.stage import load_demonyms
from flashpoint.records import Document, Place, PlaceMention

# Two towns of one name in different countries: the one abroad also goes by "<name> City".
TWINS_CSV = """name,alternates,lat,lon,country,admin1,feature_code,population
Tarvana,Tarvana City,39.10,-94.20,US,Missouri,PPL,40000
Tarvana,,25.90,68.60,PK,Sindh,PPL,3000
"""


def _resolve(gazetteer: Gazetteer, text: str, surfaces: list[str]) -> list[PlaceMention]:
    spans, at = [], 0
    for surface in surfaces:
        start = text.index(surface, at)
        at = start + len(surface)
        spans.append(Span(start, at, surface, "oracle", 0))
    return Resolver(gazetteer, load_demonyms(gazetteer)).resolve(spans, text=text)


def _surfaces(gazetteer: Gazetteer, doc: Document) -> dict[str, str]:
    spans = Recogniser(gazetteer, dict(load_demonyms(gazetteer))).spans(doc.parsed, text=doc.text)
    return {s.surface: s.source for s in spans}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Farmers marched in Gomba village (Mopti, Mopti) on Sunday.", ["Mopti"]),
        ("Two traders were shot near Tal Sabin (Idlib, Idlib) at night.", ["Idlib"]),
        ("Nurses held a sit-in in Aluva (Kochi district, Kerala) over unpaid wages.", ["Kerala", "Kochi"]),
    ],
)
def test_recogniser_reads_the_names_of_an_address_bracket_as_places(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str, names: list[str]
) -> None:
    found = _surfaces(small_gazetteer, parse(text))
    for name in names:
        assert found.get(name) == "ner"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Kitaf", "wa", "Al", "Boqee"], True),
        (["Sagaing", "region"], True),
        (["means", "unspecified"], False),
        (["Kurdish", "name"], False),
        (["KPK"], True),
    ],
)
def test_address_part_is_a_capitalised_name_with_its_kind(
    parse: Callable[..., Document], words: list[str], expected: bool
) -> None:
    text = " ".join(words)
    tokens = _Tokens(parse(text).parsed, text)
    assert _address_part(tokens, 0, tokens.n) is expected


def test_resolver_reads_a_town_with_its_kind_word_in_the_area_the_brackets_name(
    small_gazetteer_path: Path, tmp_path: Path
) -> None:
    # "Tarvana City" is the other town's alternate name; the brackets say which Tarvana is meant.
    path = tmp_path / "twins.sqlite"
    path.write_bytes(small_gazetteer_path.read_bytes())
    csv_file = tmp_path / "twins.csv"
    csv_file.write_text(TWINS_CSV, encoding="utf-8")
    gazetteer = Gazetteer.open(path)
    gazetteer.add_csv(csv_file)
    text = "Teachers rallied in Tarvana city (Sindh) on Monday."
    found = {m.surface: m for m in _resolve(gazetteer, text, ["Tarvana city", "Sindh"])}
    place = found["Tarvana city"].place
    assert place is not None and place.country == "PAK"


def test_resolver_drops_a_reading_by_spelling_that_no_named_area_holds(villages_gazetteer: Gazetteer) -> None:
    text = "Shells fell on Qamari (Deir ez-Zor) on Friday."
    found = {m.surface: m for m in _resolve(villages_gazetteer, text, ["Qamari", "Deir ez-Zor"])}
    mention = found["Qamari"]
    # no reading of its own: unknown, or at most guessed from the document's other places
    assert mention.place is None or (mention.inferred and mention.place.name != "Al-Qammari")


def _mention(text: str, surface: str, precision: int) -> PlaceMention:
    start = text.index(surface)
    place = Place(f"p:{surface}", surface, 16.0, 43.0, "YEM", None, "P" if precision == 1 else "A", "PPL")
    return PlaceMention(start, start + len(surface), surface, place, precision, 0.9, 0)


def test_link_takes_the_first_name_of_an_address_as_the_finest(parse: Callable[..., Document]) -> None:
    # The unknown village's address names its district first, then its province (read as the province's seat).
    text = "Guns fired at Houthi positions in Bani Harb (Wadi Ruh, Sadah) overnight."
    doc = parse(text)
    district, province = _mention(text, "Wadi Ruh", 2), _mention(text, "Sadah", 1)
    assert _first_of_address(doc.parsed, province, [district, province]) == district
    assert _first_of_address(doc.parsed, district, [district, province]) == district
    outside = "Guns fired in Sadah overnight."
    town = _mention(outside, "Sadah", 1)
    assert _first_of_address(parse(outside).parsed, town, [town]) == town


@pytest.mark.parametrize(
    ("text", "name", "source"),
    [
        # one word in brackets after a name that is no place: a translation, not an address
        ("Activists of the Nezavisimost (Independence) movement marched on Friday.", "Independence", None),
        # one state in brackets: an address
        ("Nurses rallied in Glenwood (Florida) on Sunday.", "Florida", "ner"),
    ],
)
def test_recogniser_reads_one_name_in_brackets_as_an_address_only_after_a_place(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str, name: str, source: str | None
) -> None:
    found = _surfaces(small_gazetteer, parse(text))
    assert (found.get(name) == "ner") is (source == "ner")


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Clerks struck in all offices of Kidal district (Mopti, Mopti) on Monday.", "Kidal"),
        ("Clerks struck in Gao (Mopti, Mopti) on Monday.", "Gao"),
        ("Clerks struck in Juiz de Gao (Mopti, Mopti) on Monday.", None),  # the end of a longer name
    ],
)
def test_recogniser_reads_the_name_before_an_address_as_a_place(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str, head: str | None
) -> None:
    doc = parse(text)
    tokens = _Tokens(doc.parsed, text)
    recogniser = Recogniser(small_gazetteer, dict(load_demonyms(small_gazetteer)))
    span = recogniser._address_head(tokens, tokens.text.index("("), set())
    assert (span.surface if span is not None else None) == head


# One name, two countries: a Jordanian governorate and its town, and a town in Sindh with the district
# named after it.
NAMESAKES_CSV = """name,alternates,lat,lon,country,admin1,feature_code,population
Dorvani,,31.20,35.70,JO,,ADM1,300000
Dorvani,,31.18,35.71,JO,Dorvani,PPL,30000
Dorvani,,26.10,68.10,PK,Sindh,PPL,20000
Dorvani District,Dorvani,26.05,68.00,PK,Sindh,ADM2,0
"""


@pytest.mark.parametrize(
    ("text", "surfaces", "country"),
    [
        ("Police fired on marchers in Dorvani city (Dorvani, Sindh).", ["Dorvani city", "Dorvani", "Sindh"], "PAK"),
        ("Police fired on marchers in Dorvani city (Dorvani).", ["Dorvani city", "Dorvani"], "JOR"),
    ],
)  # fmt: skip
def test_resolver_reads_a_whole_address_jointly(
    small_gazetteer_path: Path, tmp_path: Path, text: str, surfaces: list[str], country: str
) -> None:
    # With the province named, the reading in which each name lies inside the next is the Pakistani one,
    # though the bare name's likeliest reading is the governorate abroad.
    path = tmp_path / "namesakes.sqlite"
    path.write_bytes(small_gazetteer_path.read_bytes())
    csv_file = tmp_path / "namesakes.csv"
    csv_file.write_text(NAMESAKES_CSV, encoding="utf-8")
    gazetteer = Gazetteer.open(path)
    gazetteer.add_csv(csv_file)
    found = {m.surface: m for m in _resolve(gazetteer, text, surfaces)}
    place = found["Dorvani city"].place
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the last name of a comma address, whatever spaCy's small model tagged it as
        ("Artillery hit the outskirts of Vorontsivka, Kharkiv. Nobody was hurt.", "Kharkiv"),
        ("Shepherds rallied in Tumbarel town, Sindh to demand water.", "Sindh"),
    ],
)
def test_recogniser_reads_the_area_closing_a_comma_address(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str, name: str
) -> None:
    assert _surfaces(small_gazetteer, parse(text)).get(name) == "ner"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a word of direction closing an address, or an article opening an unknown name, is no place
        ("Traders protested in Kelmaru (Kelmaru, Western) over taxes.", "Western"),
        ("Two guards were hurt at Al Qasra junction before dawn.", "Al"),
    ],
)
def test_recogniser_leaves_out_words_that_are_no_place_alone(
    small_gazetteer: Gazetteer,
    parse: Callable[..., Document],
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    word: str,
) -> None:
    # as in a full index, where each word is some small town's name or alternate name
    has_name = small_gazetteer.has_name
    monkeypatch.setattr(small_gazetteer, "has_name", lambda surface: surface == word or has_name(surface))
    assert word not in _surfaces(small_gazetteer, parse(text))
