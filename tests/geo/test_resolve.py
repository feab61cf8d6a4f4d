"""The resolver on spans given by hand (as the oracle scorer gives them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.geo import Gazetteer
from flashpoint.geo.focus import with_focus
from flashpoint.geo.names import adjective_bases
from flashpoint.geo.recognise import Span
from flashpoint.geo.resolve import Resolver, haversine_km, precision_of
from flashpoint.geo.stage import load_demonyms
from flashpoint.records import Place, PlaceMention


def _resolve(gazetteer: Gazetteer, text: str, surfaces: list[str]) -> dict[str, PlaceMention]:
    resolver = Resolver(gazetteer, load_demonyms(gazetteer))
    spans = []
    for surface in surfaces:
        start = text.index(surface)
        spans.append(Span(start, start + len(surface), surface, "oracle", 0))
    return {m.surface: m for m in resolver.resolve(spans)}


def test_resolver_answers_no_match_with_none(small_gazetteer: Gazetteer) -> None:
    found = _resolve(small_gazetteer, "They reached Qwzxvbl at dawn.", ["Qwzxvbl"])
    mention = found["Qwzxvbl"]
    assert mention.place is None and mention.precision is None and mention.score == 0.0


def test_resolver_reads_a_place_inside_a_longer_name_as_near_it(small_gazetteer: Gazetteer) -> None:
    found = _resolve(
        small_gazetteer, "Books burned at the Ankara Riverside Library.", ["Ankara Riverside Library"]
    )
    mention = found["Ankara Riverside Library"]
    assert mention.place is not None and mention.place.name == "Ankara"
    assert mention.precision == 2


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Flooding hit Paris and Lyon and then Marseille.", "Paris", "FRA"),
        ("Storms moved from Austin and Dallas towards Paris in Texas.", "Paris", "USA"),
    ],
)
def test_resolver_uses_the_other_places_of_the_document(
    small_gazetteer: Gazetteer, text: str, surface: str, country: str
) -> None:
    others = [w.strip(".") for w in text.split() if w[:1].isupper() and w.strip(".") != surface][1:]
    found = _resolve(small_gazetteer, text, [surface, *others])
    place = found[surface].place
    assert place is not None and place.country == country


def test_resolver_scores_lie_between_zero_and_one(small_gazetteer: Gazetteer) -> None:
    text = "Talks in Georgia, Tbilisi and Batumi went on."
    found = _resolve(small_gazetteer, text, ["Georgia", "Tbilisi", "Batumi"])
    assert all(0.0 < m.score <= 1.0 for m in found.values())
    georgia = found["Georgia"].place
    assert georgia is not None and georgia.country == "GEO"


@pytest.mark.parametrize(
    ("code", "precision"), [("PCLI", 3), ("ADM1", 3), ("CONT", 3), ("STM", 2), ("PPL", 1), ("PPLC", 1)]
)
def test_precision_of_feature_codes(code: str, precision: int) -> None:
    fclass = {"PCLI": "A", "ADM1": "A", "CONT": "L", "STM": "H"}.get(code, "P")
    place = Place(id="x", name="x", lat=0.0, lon=0.0, country=None, feature_class=fclass, feature_code=code)
    assert precision_of(place) == precision


def test_haversine_km_of_a_known_distance() -> None:
    ankara = Place(id="a", name="Ankara", lat=39.93, lon=32.86, country="TUR")
    istanbul = Place(id="b", name="Istanbul", lat=41.01, lon=28.98, country="TUR")
    assert 340 < haversine_km(ankara, istanbul) < 360


PERU = "Lima, Cusco, Arequipa and Trujillo in Peru"


def test_resolver_answers_no_match_for_a_small_town_far_outside_the_document(
    villages_gazetteer: Gazetteer,
) -> None:
    # The only "Kafr Halab" in the index is a Syrian village; this document is about Peru.
    text = f"Strikes spread across {PERU} and reached Kafr Halab."
    found = _resolve(
        villages_gazetteer, text, ["Lima", "Cusco", "Arequipa", "Trujillo", "Peru", "Kafr Halab"]
    )
    # Not the Syrian village: the name is placed at the document's focus, marked as a guess.
    guess = found["Kafr Halab"]
    assert guess.inferred and guess.place is not None and guess.place.country == "PER"
    assert guess.precision == 3 and guess.score < found["Cusco"].score
    assert found["Cusco"].place is not None and found["Cusco"].place.country == "PER"


def test_resolver_keeps_the_small_town_inside_its_document(villages_gazetteer: Gazetteer) -> None:
    text = "Shelling hit Aleppo, Idlib, Azaz and Kafr Halab in Syria."
    found = _resolve(villages_gazetteer, text, ["Aleppo", "Idlib", "Azaz", "Kafr Halab", "Syria"])
    place = found["Kafr Halab"].place
    assert place is not None and place.name == "Kafr Halab"


def test_resolver_lowers_a_prominent_city_outside_the_document(small_gazetteer: Gazetteer) -> None:
    # A large foreign city is still the answer, but said with less confidence than among its neighbours.
    away = _resolve(small_gazetteer, f"Strikes in {PERU}; talks were held in Brussels.",
                    ["Lima", "Cusco", "Arequipa", "Trujillo", "Peru", "Brussels"])  # fmt: skip
    home = _resolve(small_gazetteer, "Talks in Antwerp, Ghent and Brussels in Belgium.",
                    ["Antwerp", "Ghent", "Brussels", "Belgium"])  # fmt: skip
    assert away["Brussels"].place is not None and away["Brussels"].place.country == "BEL"
    assert away["Brussels"].score < home["Brussels"].score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling hit Aleppo, Idlib and Azaz in Syria, then Al-Qammary.", "Al-Qammari"),
        (f"Strikes spread across {PERU}; Aleppo was quiet, unlike Al-Qammary.", None),
    ],
)
def test_resolver_matches_misspellings_only_in_the_document_countries(
    villages_gazetteer: Gazetteer, text: str, expected: str | None
) -> None:
    surfaces = [w.strip(".,;") for w in text.split() if w[:1].isupper() and w not in {"Shelling", "Strikes"}]
    found = _resolve(villages_gazetteer, text, surfaces)
    mention = found["Al-Qammary"]
    # Outside the document's countries the misspelling stays unmatched: only a guess at the focus.
    place = None if mention.inferred else mention.place
    assert (place.name if place else None) == expected


def test_resolver_does_not_take_a_river_as_a_neighbour(villages_gazetteer: Gazetteer) -> None:
    # A river's point is one spot on a long course: a village near it is not thereby in the story.
    text = f"Strikes spread across {PERU}; a film about the Orontes was set in Kafr Halab."
    surfaces = ["Lima", "Cusco", "Arequipa", "Trujillo", "Peru", "Orontes", "Kafr Halab"]
    found = _resolve(villages_gazetteer, text, surfaces)
    assert found["Orontes"].place is not None and found["Orontes"].place.feature_class == "H"
    guess = found["Kafr Halab"]
    assert guess.inferred and guess.place is not None and guess.place.country == "PER"


def test_resolver_keeps_a_town_beside_a_country_the_document_names(villages_gazetteer: Gazetteer) -> None:
    # Ten Peruvian names outvote Syria, but the village lies by Syria's centre, which the story names.
    towns = ["Lima", "Cusco", "Arequipa", "Trujillo", "Piura", "Chiclayo", "Iquitos", "Huancayo", "Tacna"]
    text = f"Strikes hit {', '.join(towns)} and Peru; aid for Syria left from Kafr Halab."
    found = _resolve(villages_gazetteer, text, [*towns, "Peru", "Syria", "Kafr Halab"])
    assert found["Syria"].place is not None
    place = found["Kafr Halab"].place
    assert place is not None and place.name == "Kafr Halab"


def test_resolver_gives_every_mention_of_an_unknown_name_the_same_answer(
    villages_gazetteer: Gazetteer,
) -> None:
    # A Syrian town in a story about Peru: spaCy recognised the name once, the word matcher found it
    # again; both mentions are the same "no match".
    text = f"Strikes spread across {PERU} and Tadmur; later Tadmur was calm."
    resolver = Resolver(villages_gazetteer, load_demonyms(villages_gazetteer))
    spans = [
        Span(text.index(s), text.index(s) + len(s), s, "ner", 0)
        for s in ["Lima", "Cusco", "Arequipa", "Trujillo", "Peru", "Tadmur"]
    ]
    second = text.rindex("Tadmur")
    spans.append(Span(second, second + len("Tadmur"), "Tadmur", "gazetteer", 0))
    mentions = [m for m in resolver.resolve(spans) if m.surface == "Tadmur"]
    assert len(mentions) == 2
    assert all(m.inferred and m.place is not None and m.place.country == "PER" for m in mentions)
    assert mentions[0].place == mentions[1].place


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Siberian", "Siberia"),
        ("Sicilian", "Sicily"),
        ("Central American", "Central America"),
        ("Chinese", "China"),
        ("rebel", None),
    ],
)
def test_adjective_bases_names_the_place_an_adjective_comes_from(surface: str, expected: str | None) -> None:
    bases = adjective_bases(surface)
    assert (expected in bases) if expected else not bases


def test_resolver_reads_an_adjective_missing_from_the_demonym_table(small_gazetteer: Gazetteer) -> None:
    found = _resolve(small_gazetteer, "Siberian winters are long.", ["Siberian"])
    place = found["Siberian"].place
    assert place is not None and place.country == "RUS" and not found["Siberian"].inferred


def test_with_focus_places_unknown_names_at_the_town_the_others_cluster_around() -> None:
    def town(name: str, lat: float, lon: float) -> Place:
        return Place(id=name, name=name, lat=lat, lon=lon, country="GBR", feature_class="P")

    leeds, bradford, york = (
        town("Leeds", 53.80, -1.55),
        town("Bradford", 53.79, -1.75),
        town("York", 53.96, -1.08),
    )
    far = town("Truro", 50.26, -5.05)
    mentions = [
        PlaceMention(0, 5, "Leeds", leeds, 1, 0.8),
        PlaceMention(10, 18, "Bradford", bradford, 1, 0.8),
        PlaceMention(20, 24, "York", york, 1, 0.8),
        PlaceMention(30, 35, "Truro", far, 1, 0.9),
        PlaceMention(40, 58, "Kirkgate Street", None, None, 0.0),
        PlaceMention(60, 70, "Hollowmere", None, None, 0.0),
    ]
    out = {m.surface: m for m in with_focus(mentions)}
    street, village = out["Kirkgate Street"], out["Hollowmere"]
    assert street.inferred and street.place is not None and street.place.name in {"Leeds", "Bradford", "York"}
    assert street.precision == 2 and village.precision == 3 and village.place == street.place
    assert not out["Leeds"].inferred and out["Truro"].place == far


def test_with_focus_leaves_a_document_without_towns_alone() -> None:
    mentions = [PlaceMention(0, 5, "Nowhere Street", None, None, 0.0)]
    assert with_focus(mentions) == mentions


def test_resolver_reads_an_institution_by_its_country_adjective(small_gazetteer: Gazetteer) -> None:
    found = _resolve(small_gazetteer, "The Mexican Senate voted.", ["Mexican Senate"])
    place = found["Mexican Senate"].place
    assert place is not None and place.country == "MEX" and (found["Mexican Senate"].precision or 0) >= 2


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Mortars fell on Camp Qaswara before dawn, wounding four guards.", "Camp Qaswara"),
        ("The ministers met again at the Varnholm Summit in the autumn.", "Varnholm Summit"),
        ("Delegates left the Peace Forum of Ostrava Lakes early.", "Peace Forum"),
    ],
)
def test_resolver_does_not_read_a_facility_or_gathering_word_as_a_town(
    small_gazetteer: Gazetteer, text: str, surface: str
) -> None:
    # "Camp", "Summit", "Peace" are towns somewhere, but inside a longer name they say what it is.
    mention = _resolve(small_gazetteer, text, [surface])[surface]
    assert mention.place is None or mention.inferred


CAMP_CSV = """name,alternates,lat,lon,country,admin1,feature_code,population
Camp,,35.10,-92.50,US,Arkansas,PPL,21000
Peace,,56.20,-117.30,CA,Alberta,PPL,18000
"""


def test_resolver_does_not_take_a_facility_word_for_the_town_of_that_name(
    gazetteer_copy: Callable[[], Path], tmp_path: Path
) -> None:
    path = gazetteer_copy()
    csv_file = tmp_path / "camp.csv"
    csv_file.write_text(CAMP_CSV, encoding="utf-8")
    gazetteer = Gazetteer.open(path)
    gazetteer.add_csv(csv_file)
    text = "Mortars fell on Camp Qaswara at dawn; the Peace Forum of Ostrava Lakes closed early."
    found = _resolve(gazetteer, text, ["Camp Qaswara", "Peace Forum"])
    for surface in ("Camp Qaswara", "Peace Forum"):
        mention = found[surface]
        assert mention.place is None or mention.inferred, surface


@pytest.mark.parametrize("surface", ["Northern Homs", "Southern Idlib", "Eastern Aleppo"])
def test_resolver_reads_a_compass_word_before_a_town_as_the_land_around_it(
    small_gazetteer: Gazetteer, surface: str
) -> None:
    # "Northern" alone names regions elsewhere (a territory, a province); before a town it says which side
    mention = _resolve(small_gazetteer, f"Jets struck targets in {surface} overnight.", [surface])[surface]
    assert mention.place is not None and mention.place.country == "SYR"


@pytest.mark.parametrize(
    ("text", "surfaces", "country"),
    [
        # a city of some 300,000 people abroad before a smaller region of the same name
        ("Dockers went on strike in Bari this morning.", ["Bari"], "ITA"),
        # the region, when the document's other names are in its country
        ("Clan militias clashed in Bari, Somalia, near Bosaso.", ["Bari", "Somalia", "Bosaso"], "SOM"),
    ],
)
def test_resolver_weighs_a_small_region_against_a_bigger_city_abroad(
    gazetteer_copy: Callable[[], Path], tmp_path: Path, text: str, surfaces: list[str], country: str
) -> None:
    regions = tmp_path / "regions.csv"
    regions.write_text(
        "name,alternates,lat,lon,country,admin1,feature_code,population\n"
        "Bari,,10.0,49.5,SO,Bari,ADM1,130000\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.open(gazetteer_copy())
    gazetteer.add_csv(regions)
    assert any(k.place.feature_code == "ADM1" for k in gazetteer.candidates("Bari"))
    place = _resolve(gazetteer, text, surfaces)["Bari"].place
    assert place is not None and place.country == country
