"""GeoStage on texts of our own: recognition, demonyms, typos, precision."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from flashpoint.geo import Gazetteer, GeoStage, haversine_km
from flashpoint.records import Actor, Document, Mention, Place, PlaceMention
from flashpoint.settings import Settings

ARTICLE = (
    "Officials in Ankara said on Tuesday that the army would press on towards Manbij. "
    "Fighting continued near Afrin while aid convoys waited in Idlib. "
    "A local council in Idleb asked for more tents."
)
# Reference points, rounded from public atlases.
EXPECTED = {
    "Ankara": (39.92, 32.85),
    "Manbij": (36.53, 37.95),
    "Afrin": (36.51, 36.87),
    "Idlib": (35.93, 36.63),
    "Idleb": (35.93, 36.63),
}


def _stage(gazetteer: Gazetteer) -> GeoStage:
    return GeoStage(Settings(gazetteer=gazetteer.path), gazetteer=gazetteer)


def _by_surface(doc: Document) -> dict[str, PlaceMention]:
    return {m.surface: m for m in doc.places}


@pytest.fixture(scope="module")
def article(small_gazetteer: Gazetteer, parse: Callable[..., Document]) -> Document:
    return _stage(small_gazetteer)(parse(ARTICLE))


@pytest.mark.parametrize("surface", sorted(EXPECTED))
def test_geo_stage_places_towns_within_ten_km(article: Document, surface: str) -> None:
    mention = _by_surface(article)[surface]
    assert mention.place is not None
    lat, lon = EXPECTED[surface]
    point = Place(id="ref", name=surface, lat=lat, lon=lon, country=None)
    assert haversine_km(mention.place, point) < 10
    assert mention.precision == 1
    assert 0 < mention.score <= 1


def test_geo_stage_sorts_places_by_start(article: Document) -> None:
    starts = [m.start for m in article.places]
    assert starts == sorted(starts)
    assert all(article.text[m.start : m.end] == m.surface for m in article.places)


@pytest.mark.parametrize(
    ("text", "surface", "precision"),
    [
        ("The delegation flew home to Syria on Monday.", "Syria", 3),
        ("Shelling was reported across Idlib Governorate overnight.", "Idlib Governorate", 3),
        ("Residents of Aleppo queued for bread.", "Aleppo", 1),
    ],
)
def test_geo_stage_precision_is_honest(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str, surface: str, precision: int
) -> None:
    mention = _by_surface(_stage(small_gazetteer)(parse(text)))[surface]
    assert mention.precision == precision


def test_geo_stage_flags_demonyms(small_gazetteer: Gazetteer, parse: Callable[..., Document]) -> None:
    doc = _stage(small_gazetteer)(parse("Syrian officials met Turkish envoys in Geneva."))
    found = _by_surface(doc)
    assert found["Syrian"].demonym and found["Syrian"].place is not None
    assert found["Syrian"].place.country == "SYR"
    assert found["Turkish"].demonym
    assert not found["Geneva"].demonym


@pytest.mark.parametrize(
    "text",
    [
        "Lawyers spoke about human rights and the hearings ended.",
        "The minister thanked the volunteers for their hard work.",
    ],
)
def test_geo_stage_matches_whole_words_only(
    villages_gazetteer: Gazetteer, parse: Callable[..., Document], text: str
) -> None:
    # "Eis" and "Hal" hide inside other words; none of them may come out as a place.
    doc = _stage(villages_gazetteer)(parse(text))
    assert [m.surface for m in doc.places if m.place is not None] == []


def test_geo_stage_reads_a_misread_name_within_the_document_country(
    villages_gazetteer: Gazetteer, parse: Callable[..., Document]
) -> None:
    text = "A convoy left Idlib in Syria heading towards AIEis, a frontline village."
    doc = _stage(villages_gazetteer)(parse(text))
    mention = _by_surface(doc).get("AIEis")
    assert mention is not None and mention.place is not None
    assert mention.place.name == "Al-Eis"


def test_geo_stage_does_not_guess_a_typo_without_country_context(
    villages_gazetteer: Gazetteer, parse: Callable[..., Document]
) -> None:
    doc = _stage(villages_gazetteer)(parse("Our reporter in Lima visited AIEis yesterday."))
    mention = _by_surface(doc).get("AIEis")
    assert mention is None or mention.place is None or mention.place.name != "Al-Eis"


@pytest.mark.parametrize("surface", ["Kafr Halab", "Al-Qammari", "Al-Eis"])
def test_geo_stage_resolves_added_villages(
    villages_gazetteer: Gazetteer, parse: Callable[..., Document], surface: str
) -> None:
    text = f"Syrian forces shelled {surface} and the road towards Idlib on Monday."
    mention = _by_surface(_stage(villages_gazetteer)(parse(text)))[surface]
    assert mention.place is not None and mention.place.name == surface
    assert mention.precision == 1


@pytest.mark.parametrize(
    "text",
    [
        "Fighting continued in Qarnazzurab on Monday.",
        "Refugees reached the village of Qarnazzurab, in northern Mali, on foot.",
    ],
)
def test_geo_stage_keeps_unknown_toponym_without_place(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str
) -> None:
    # The raw name is kept even when no gazetteer entry (and no town to infer from) gives it a place.
    mention = _by_surface(_stage(small_gazetteer)(parse(text))).get("Qarnazzurab")
    assert mention is not None, "the unknown toponym was dropped"
    assert mention.place is None and mention.precision is None and mention.score == 0.0


@pytest.mark.parametrize(
    ("text", "surface", "is_place"),
    [
        ("In Gao, dozens of traders closed their shops on Friday.", "Gao", True),
        ("Soldiers were deployed near Mopti and Gao last week.", "Gao", True),
        ("The envoy spoke with Gao on Friday about the talks.", "Gao", False),
    ],
)
def test_geo_stage_reads_a_name_after_a_locative_preposition_as_a_place(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str, surface: str, is_place: bool
) -> None:
    # spaCy's small model takes this town for a person; "in"/"near" before it says otherwise.
    mention = _by_surface(_stage(small_gazetteer)(parse(text))).get(surface)
    if is_place:
        assert mention is not None and mention.place is not None and mention.place.country == "MLI"
    else:
        assert mention is None or mention.place is None


@pytest.mark.parametrize(
    ("text", "country_word"),
    [
        ("Boats crossed the Niger river near Niamey on Monday.", "Niger"),
        ("Fishermen on the Congo River near Kinshasa saw the convoy.", "Congo"),
    ],
)
def test_geo_stage_reads_a_river_named_after_a_country_as_the_river(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str, country_word: str
) -> None:
    doc = _stage(small_gazetteer)(parse(text))
    rivers = [m for m in doc.places if m.surface.startswith(country_word)]
    assert len(rivers) == 1
    mention = rivers[0]
    assert mention.place is not None and mention.place.feature_class == "H"
    assert mention.precision == 2


@pytest.mark.parametrize(
    ("text", "surface", "is_place"),
    [
        # spaCy's small model tags the town in this construction as a DATE.
        ('Troops may soon hit "rebels" in Manbij, some 90km east of Aleppo.', "Manbij", True),
        ("The talks will resume in May, officials said.", "May", False),
    ],
)
def test_geo_stage_reads_a_town_misread_as_a_date_after_a_preposition(
    small_gazetteer: Gazetteer, parse: Callable[..., Document], text: str, surface: str, is_place: bool
) -> None:
    mention = _by_surface(_stage(small_gazetteer)(parse(text))).get(surface)
    if is_place:
        assert mention is not None and mention.place is not None and mention.place.country == "SYR"
    else:
        assert mention is None or mention.place is None


GROUP_TOWN_CSV = """name,alternates,lat,lon,country,admin1,feature_code,population
Oberwald,Kestral|Oberwalde,50.10,8.60,DE,Hesse,PPL,120000
"""


def test_a_group_the_actor_stage_found_is_no_place_by_a_towns_alternate_name(
    gazetteer_copy: Callable[[], Path], tmp_path: Path, parse: Callable[..., Document]
) -> None:
    # "Kestral" is, in our fixture, an old alternate name of a German town; in the text it is a militia.
    path = gazetteer_copy()
    csv_file = tmp_path / "towns.csv"
    csv_file.write_text(GROUP_TOWN_CSV, encoding="utf-8")
    gazetteer = Gazetteer.open(path)
    gazetteer.add_csv(csv_file)
    text = "Kestral said its fighters raided a checkpoint outside Aleppo and Hama."
    doc = parse(text)
    militia = Actor(country="SYR", sector="REB", name="Kestral", kind="group")
    with_group = replace(doc, mentions=(Mention(0, len("Kestral"), "Kestral", militia, 0),))
    geo = _stage(gazetteer)
    assert "Kestral" not in _by_surface(geo(with_group))
    # without the actor stage's reading, the same name is read as the town, as before
    assert _by_surface(geo(replace(doc, mentions=())))["Kestral"].place is not None
    assert _by_surface(geo(with_group))["Aleppo"].place is not None


TITLE_TOWNS_CSV = """name,alternates,lat,lon,country,admin1,feature_code,population
Secretary,,38.61,-75.95,US,Maryland,PPL,500
"""


def test_geo_stage_does_not_read_a_title_as_the_village_of_that_name(
    gazetteer_copy: Callable[[], Path], tmp_path: Path, parse: Callable[..., Document]
) -> None:
    # "Secretary" is a Maryland village; after "Defense" and before a name it is a title.
    text = "WASHINGTON (May 4) -- Defense Secretary Alan Brooks has ordered a review of the fleet. The Secretary wants it by June."
    path = gazetteer_copy()
    csv_file = tmp_path / "titles.csv"
    csv_file.write_text(TITLE_TOWNS_CSV, encoding="utf-8")
    gazetteer = Gazetteer.open(path)
    gazetteer.add_csv(csv_file)
    found = _by_surface(_stage(gazetteer)(parse(text)))
    assert "Secretary" not in found


def test_a_group_named_by_another_name_than_its_own_is_no_place(
    small_gazetteer: Gazetteer, parse: Callable[..., Document]
) -> None:
    # the actor stage reads "Varuk" as a group whose canonical name differs; the gazetteer lacks it
    text = "A bombing blamed on Varuk killed six people in Hama."
    doc = parse(text)
    start = text.index("Varuk")
    militia = Actor(country="SYR", sector="REB", name="Northern Brigades", kind="group")
    with_group = replace(doc, mentions=(Mention(start, start + len("Varuk"), "Varuk", militia, 0),))
    found = _by_surface(_stage(small_gazetteer)(with_group))
    assert "Varuk" not in found
    assert found["Hama"].place is not None
    # a town's own government read as an organisation stays a place
    council = Actor(country="SYR", sector="GOV", name="Hama Council", kind="organisation")
    start = text.index("Hama")
    with_council = replace(doc, mentions=(Mention(start, start + len("Hama"), "Hama", council, 0),))
    assert _by_surface(_stage(small_gazetteer)(with_council))["Hama"].place is not None
