"""Toponym resolution: candidates ranked by name, kind, population, document countries and proximity."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from flashpoint.geo.context import DocumentContext, haversine_km
from flashpoint.geo.focus import with_focus
from flashpoint.geo.gazetteer import AREA_CODES, Candidate, Gazetteer
from flashpoint.geo.names import adjective_bases, is_code, name_key, ocr_variants
from flashpoint.geo.nesting import holders, holds
from flashpoint.geo.recognise import Span
from flashpoint.records import Place, PlaceMention

__all__ = ["Resolver", "haversine_km", "precision_of"]

# How much each source of a span is trusted to be a toponym at all.
SOURCE_TRUST = {"ner": 0.92, "demonym": 0.9, "gazetteer": 0.8, "variant": 0.7, "oracle": 1.0}
# A gazetteer-matched town must be at least this large, or sit in one of the document's countries.
MIN_TOWN_POPULATION = 50_000
FUZZY_CUTOFF = 88.0
NEARBY_KM = 150.0
# Fuzzy and spelling-variant matches look only in countries holding this share of the document's votes.
VARIANT_COUNTRY_SHARE = 0.2
# A town whose country and surroundings fit the document less than this is out of context: its score is
# cut, and below PROMINENT_POPULATION it is "no match" (the document means a place the index lacks).
OUT_OF_CONTEXT_FIT = 0.1
OUT_OF_CONTEXT_FACTOR = 0.4
PROMINENT_POPULATION = 100_000
# Raw confidence → share of mentions placed within 161 km, a linear fit on the end-to-end output over the
# development corpora (GeoWebNews + GeoVirus, 2026-11-25, 4,031 resolved mentions): the resolver's
# confidence separates right from wrong only weakly, so the scores span 0.81-0.94.
CALIBRATION = (0.81, 0.13)
PART_MIN_POPULATION = 10_000  # a town named inside a longer name must be a known one
# A place's prior grows by this much for each tenfold of its population.
POPULATION_WEIGHT = 3.0 / 7.0
# What a candidate gains from the share of the document's other names in its country.
SHARE_WEIGHT = 1.5
# A nationality word's vote for its country, against 1 for a place name.
DEMONYM_VOTE = 0.3
# Spans whose state, province or country tells where the document is (the word matcher's: divisions only).
AREA_SOURCES = frozenset({"ner", "oracle", "demonym", "gazetteer"})
# What a town gains from lying in a state or province the document names.
DIVISION_BONUS = 0.5
# A county's prior grows with its towns' population up to that of a town of ~50,000 people: a county is
# named less often than a town of its size.
DIVISION_MAX_KIND = 2.0
# A city this large is what its name means, before a first-level division called the same.
BIG_CITY = 500_000
# A city of this size abroad is what its name means before a smaller first-level division called the same
# ("Bari": the Italian city, not the Somali region), unless the document's other names say otherwise.
TOWN_OVER_REGION = 100_000
# Places named from anywhere (oceans, seas, continents, world regions) have no country to vote for.
GLOBAL_CODES = frozenset({"OCN", "SEA", "CONT", "RGN", "GULF", "STRT", "DSRT", "MTS"})
# Words that are not a place by themselves when they are part of a longer name.
GENERIC_WORDS = frozenset(
    {"city", "county", "state", "street", "road", "university", "college", "center", "centre", "hall",
     "north", "south", "east", "west", "central", "new", "old", "great", "upper", "lower", "saint",
     "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
     "southwestern",
     "district", "province", "region", "valley", "park", "square", "airport", "station", "cape", "point",
     "lake", "river", "mount", "hill", "bay", "gulf", "island", "islands", "union", "republic", "federal",
     "national", "royal", "international", "united",
     # the kind of a facility, body or gathering a name denotes ("Camp Ashraf", "the Lisbon Summit")
     "camp", "base", "summit", "conference", "forum", "council", "committee", "ministry", "embassy",
     "hospital", "school", "mosque", "church", "cathedral", "prison", "market", "bridge", "dam", "port",
     "border", "crossing", "checkpoint", "front", "army", "force", "forces", "brigade", "battalion",
     "mission", "operation", "talks", "treaty", "accord", "agreement", "games", "cup", "festival",
     "liberty", "freedom", "victory", "unity", "peace", "hope", "justice", "independence", "progress"}
)  # fmt: skip
# Words naming the kind of place after its name, and the GeoNames class of such a place (None: any).
KIND_WORDS: dict[str, str | None] = {
    "city": "P", "town": "P", "village": "P", "district": None, "township": None, "municipality": None,
}  # fmt: skip
# What a town and the area named right after it ("X (Y)", "X, Y") gain when the one can hold the other:
# enough for "Saint Petersburg (Florida)" to beat the larger city of that name abroad.
NEST_BONUS = 2.0
NEST_SURE = 0.5  # a town whose recorded state or province bears the area's name, over one merely near it
NEST_TIE = 0.25
# What a district or province gains, over a town of its name, as the holder of a name in an address: the
# names after the first are areas ("Mediouna (Settat, …)": Settat province).
NEST_AREA = 1.0
# A word naming the kind of area right after an area's name ("Pyay township"): the area may be named for the town.
_KIND_AFTER = re.compile(
    r"\s+(?:township|district|sub-district|subdistrict|tehsil|municipality|county|commune)\b"
)
# A town this large named after "in", "near", "at" … is a place even with no other place of the document near.
LOCATIVE_TOWN_POPULATION = 2_000


def precision_of(place: Place) -> int:
    """Return 1 for a town or point, 2 for a district or natural feature, 3 for a region or country."""
    code = place.feature_code or ""
    if code in AREA_CODES or code.startswith("PCL"):
        return 3
    if place.feature_class == "P" or place.feature_class == "S":
        return 1
    return 2


def _prior(candidate: Candidate) -> float:
    place = candidate.place
    name = (2.0, 0.9, 0.6, 0.5)[min(candidate.match, 3)]
    code = place.feature_code or ""
    if code.startswith("PCL"):
        kind = 3.6
    elif code == "CONT":
        kind = 3.2
    elif code in {"ADM1", "RGN", "OCN", "SEA"}:
        kind = 3.0
    elif place.id.startswith("fp:"):
        kind = 2.6  # our own table of well-known features: the referent news usually means
    elif place.feature_class == "P":
        kind = POPULATION_WEIGHT * math.log10(place.population + 10)
        if place.population >= BIG_CITY:
            kind = max(kind, 3.1)  # "Washington", "New York": the great city, not its same-named state
    elif place.feature_class == "A" and place.population:
        # A county or district, as large as the towns it holds ("Kent", "Fife", "Suffolk County").
        kind = min(DIVISION_MAX_KIND, max(1.4, POPULATION_WEIGHT * math.log10(place.population + 10)))
    else:
        kind = 1.4
    return name + kind


@dataclass(slots=True)
class _Choice:
    span: Span
    candidates: list[Candidate]
    scores: list[float]
    nearest_km: float = math.inf
    nested: bool = False  # a candidate lies in an area named right after it, or holds the name before it


class Resolver:
    """Picks one place per span (or none) with a score in [0, 1] and an honest precision."""

    def __init__(self, gazetteer: Gazetteer, demonyms: dict[str, Place]) -> None:
        self.gazetteer = gazetteer
        self.demonyms = demonyms

    def resolve(self, spans: Sequence[Span], *, text: str | None = None) -> list[PlaceMention]:
        """Return one PlaceMention per accepted span, in the order given.

        With the document's `text`, a name followed by the areas that hold it ("X (Y, Z)") is read with them.
        """
        choices = [_Choice(s, self._candidates(s), []) for s in spans]
        for c in choices:
            c.scores = [_prior(k) for k in c.candidates]
        votes = self._votes(choices)
        self._add_variants(choices, DocumentContext.of(votes, ()))
        self._add_parts(choices)
        context = DocumentContext.of(votes, self._anchors(choices), self._areas(choices))
        for c in choices:
            c.scores = [self._score(c, k, context) for k in c.candidates]
        if text is not None:
            _nest(choices, holders(text, spans), text)
        for c in choices:
            if c.candidates:
                best = c.candidates[max(range(len(c.candidates)), key=c.scores.__getitem__)]
                c.nearest_km = context.nearest_km(best.place, excluding=c.span.surface)
        # A name spaCy recognised once is a toponym at each of its mentions (one sense per document).
        named = frozenset(c.span.surface for c in choices if c.span.source in {"ner", "oracle"})
        kept = [(m, c) for c in choices if (m := self._mention(c, context, named)) is not None]
        partial = [bool(c.candidates) and min(k.match for k in c.candidates) == 3 for _, c in kept]
        return with_focus([m for m, _ in kept], partial=partial)

    def _candidates(self, span: Span) -> list[Candidate]:
        if span.source == "demonym" or span.surface in self.demonyms:
            place = self.demonyms.get(span.surface)
            return [Candidate(place, 0, -1)] if place else []
        found = self.gazetteer.candidates(span.surface)
        if not found and span.source != "variant":
            found = self.gazetteer.candidates(span.surface.removeprefix("the ").removeprefix("The "))
        name, _, kind = span.surface.rpartition(" ")
        if name and kind in KIND_WORDS:
            # "Sanandaj city", "Andarab district": a place of that kind. The whole name may be a place's own
            # ("Mexico City", "Quezon City") and keeps its better match; the others ("Karak city") compete.
            found = found + [
                Candidate(k.place, max(k.match, 1) if found else k.match, k.index)
                for k in self.gazetteer.candidates(name)
                if KIND_WORDS[kind] is None or k.place.feature_class == KIND_WORDS[kind]
            ]
        if not found and span.source in {"ner", "oracle"}:
            # An adjective our demonym table lacks: "Central American", "Sicilian", "Siberian".
            for name in adjective_bases(span.surface):
                found = [k for k in self.gazetteer.candidates(name) if precision_of(k.place) > 1]
                if found:
                    break
        return _dedupe(found)

    def _votes(self, choices: Sequence[_Choice]) -> list[tuple[str, dict[str, float]]]:
        # Each name found by spaCy (or given) votes for the country of its likeliest candidate by prior.
        # A nationality word votes less: "Russian forces shelled X" says who, not where.
        votes: list[tuple[str, dict[str, float]]] = []
        for c in choices:
            if c.candidates and c.span.source in {"ner", "demonym", "oracle"}:
                country = c.candidates[max(range(len(c.candidates)), key=c.scores.__getitem__)].place.country
                weight = DEMONYM_VOTE if c.span.surface in self.demonyms else 1.0
                votes.append((c.span.surface, {country: weight} if country else {}))
        return votes

    def _add_variants(self, choices: Sequence[_Choice], context: DocumentContext) -> None:
        top = context.main_countries(minimum_share=VARIANT_COUNTRY_SHARE)
        if not top:
            return
        for c in choices:
            if c.candidates or c.span.source == "demonym" or is_code(c.span.surface):
                continue
            found: list[Candidate] = []
            for variant in (c.span.surface, *ocr_variants(c.span.surface)):
                found = [k for k in self.gazetteer.candidates(variant) if k.place.country in top]
                found = [Candidate(k.place, 2, k.index) for k in found]
                found = found or self.gazetteer.variant_candidates(variant, top)
                if found:
                    break
            if not found and c.span.source in {"ner", "oracle"}:
                found = self._fuzzy(c.span.surface, top)
            c.candidates = _dedupe(found)
            c.scores = [_prior(k) for k in c.candidates]

    def _add_parts(self, choices: Sequence[_Choice]) -> None:
        # "Manila Cathedral", "Dubai World Cup": a name that holds a place name is in or near that place.
        for c in choices:
            if c.candidates or c.span.source not in {"ner", "oracle"}:
                continue
            words = c.span.surface.split()
            for width in range(len(words) - 1, 0, -1):
                for first in range(len(words) - width + 1):
                    part = " ".join(words[first : first + width])
                    if len(part) < 4 or not part[:1].isupper() or part.lower() in GENERIC_WORDS:
                        continue
                    found = [
                        Candidate(k.place, 3, k.index)
                        for k in self.gazetteer.candidates(part)
                        if precision_of(k.place) > 1 or k.place.population >= PART_MIN_POPULATION
                    ]
                    if not found and width == 1 and part in self.demonyms:
                        # "Mexican Senate", "US Federal Reserve": the institution of that country.
                        found = [Candidate(self.demonyms[part], 3, -1)]
                    if found:
                        c.candidates = _dedupe(found)
                        c.scores = [_prior(k) for k in c.candidates]
                        break
                if c.candidates:
                    break

    def _fuzzy(self, surface: str, countries: Sequence[str]) -> list[Candidate]:
        out: list[Candidate] = []
        query = name_key(surface)
        for country in countries:
            keys, owners = self.gazetteer.country_names(country, query[:1])
            hit = process.extractOne(
                query, keys, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
            )
            if hit is not None:
                index = owners[hit[2]]
                out.append(Candidate(self.gazetteer.places[index], 2, index))
        return out

    @staticmethod
    def _anchors(choices: Sequence[_Choice]) -> list[tuple[str, Place]]:
        anchors: list[tuple[str, Place]] = []
        for c in choices:
            if not c.candidates or c.span.source not in {"ner", "oracle", "variant"}:
                continue
            best = c.candidates[max(range(len(c.candidates)), key=c.scores.__getitem__)]
            unambiguous = (best.place.feature_class == "P" and len(c.candidates) == 1) or best.match == 0
            # A river's or a sea's point says little about where the rest of the story is.
            if unambiguous and precision_of(best.place) < 3 and best.place.feature_class != "H":
                anchors.append((c.span.surface, best.place))
        return anchors

    @staticmethod
    def _areas(choices: Sequence[_Choice]) -> list[tuple[str, Place]]:
        areas: list[tuple[str, Place]] = []
        for c in choices:
            if c.candidates and c.span.source in AREA_SOURCES:
                best = c.candidates[max(range(len(c.candidates)), key=c.scores.__getitem__)]
                if precision_of(best.place) == 3 and (best.place.feature_code or "") != "CONT":
                    if c.span.source == "gazetteer" and (best.match or best.place.feature_code != "ADM1"):
                        continue  # the word matcher names a state or province by its own name only
                    areas.append((c.span.surface, best.place))
        return areas

    @staticmethod
    def _score(choice: _Choice, candidate: Candidate, context: DocumentContext) -> float:
        surface = choice.span.surface
        place = candidate.place
        if place.country is None and (place.feature_code or "") in GLOBAL_CODES:
            # An ocean or a world region fits any document as well as its main country does.
            share = max((context.share(c, excluding=surface) for c in context.main_countries(
                minimum_share=0.0, limit=1)), default=0.0)  # fmt: skip
        else:
            share = context.share(place.country, excluding=surface)
        score = _prior(candidate) + SHARE_WEIGHT * share
        if (place.feature_code or "") == "ADM1" and any(
            (k.place.feature_code or "").startswith("PCL")
            and k.place.country == place.country
            and k.match == 0
            for k in choice.candidates
        ):
            score -= 1.0  # "Mexico": the country, not the state inside it that bears its name
        if (place.feature_code or "") == "ADM1" and _smaller_than_a_city_abroad(place, choice.candidates):
            # judged by its people like a town, not with the standing of a well-known region
            score -= 3.0 - POPULATION_WEIGHT * math.log10(place.population + 10)
        nearest = context.nearest_km(candidate.place, excluding=surface)
        if nearest < math.inf and not (candidate.place.feature_code or "").startswith(("PCL", "CONT")):
            # Areas are large: their centroid is judged against other places on a wider scale.
            scale = 600.0 if precision_of(candidate.place) == 3 else 250.0
            score += 1.0 * math.exp(-nearest / scale)
        if (
            place.feature_class == "P"
            and all(k.place.feature_class == "P" for k in choice.candidates)
            and context.in_named_division(place, excluding=surface)
        ):
            score += DIVISION_BONUS  # "Alvaro Obregon, Oaxaca": of the towns so named, the one in Oaxaca
        return score

    def _mention(
        self, choice: _Choice, context: DocumentContext, named: frozenset[str] = frozenset()
    ) -> PlaceMention | None:
        span = choice.span
        trust = SOURCE_TRUST.get(span.source, 0.7)
        if not choice.candidates:
            if span.source in {"ner", "oracle"}:
                return PlaceMention(span.start, span.end, span.surface, None, None, 0.0, span.sentence)
            return None
        order = sorted(range(len(choice.candidates)), key=choice.scores.__getitem__, reverse=True)
        best = choice.candidates[order[0]]
        if (
            span.source == "gazetteer"
            and not choice.nested
            and not (span.locative and best.match == 0 and best.place.population >= LOCATIVE_TOWN_POPULATION)
            and not _plausible(best, choice.nearest_km)
        ):
            return None
        exps = [math.exp(choice.scores[i] - choice.scores[order[0]]) for i in order]
        confidence = 1.0 / sum(exps)
        precision = precision_of(best.place)
        if (
            not choice.nested
            and not (span.locative and best.match == 0 and best.place.population >= LOCATIVE_TOWN_POPULATION)
            and _out_of_context(best.place, context.fit(best.place, excluding=span.surface))
        ):
            # The document is about somewhere else, far from this town and outside its country.
            if best.place.population < PROMINENT_POPULATION:
                # A name spaCy recognised elsewhere in the document gets the same "no match" here.
                if span.source in {"ner", "oracle"} or span.surface in named:
                    return PlaceMention(span.start, span.end, span.surface, None, None, 0.0, span.sentence)
                return None
            confidence *= OUT_OF_CONTEXT_FACTOR
        if best.match == 2:
            confidence *= 0.8
        elif best.match == 3:  # only part of the name is a place: somewhere in or near it
            confidence *= 0.6
            precision = max(precision, 2)
        return PlaceMention(
            start=span.start,
            end=span.end,
            surface=span.surface,
            place=best.place,
            precision=precision,
            score=round(CALIBRATION[0] + CALIBRATION[1] * trust * confidence, 3),
            sentence=span.sentence,
            demonym=span.surface in self.demonyms,
        )


def _nest(choices: Sequence[_Choice], nesting: dict[int, list[int]], text: str) -> None:
    """Raise the reading of a name and of the areas named after it that fits best together.

    The whole address is read jointly: each reading of the name takes, in each area named after it, the
    best reading that holds it, and is judged by the sum of their scores and how surely they hold it, so
    the reading that the most areas agree on wins ("Karak city (Karak, KPK)": the town and district in
    Pakistan, not the Jordanian governorate of that name). The best readings are raised. When no reading of
    the name lies in the areas the text puts it in, the name is one the index lacks there ("Mambasa
    (Ituri)" is not Mombasa).
    """
    raised: set[tuple[int, int]] = set()  # a name in the middle of an address is raised once, not twice
    read: set[int] = set()  # the areas of the addresses read so far
    for i, chain in sorted(nesting.items()):
        head = choices[i]
        if not head.candidates or i in read:
            continue  # an area inside another name's address is read with that name's whole address
        likeliest = head.candidates[max(range(len(head.candidates)), key=head.scores.__getitem__)].place
        if precision_of(likeliest) == 3 and "(" not in text[head.span.end : choices[chain[0]].span.start]:
            continue  # a state or a country first in a list ("Alaska, Alabama, …"), not a town in an area
        # (joint score, head candidate, [(area, area candidate) for each area holding it])
        readings: list[tuple[float, int, list[tuple[_Choice, int]]]] = []
        for h, inner in enumerate(head.candidates):
            joint, held = head.scores[h], []
            for j in chain:
                area = choices[j]
                # a town and the township or district named after it ("X town (X township)") agree
                named_for = _KIND_AFTER.match(text, area.span.end) is not None
                options = [
                    (area.scores[a] + NEST_SURE * (sure - 1) + NEST_AREA * (k.place.feature_class == "A"), a)
                    for a, k in enumerate(area.candidates)
                    if (
                        sure := int(named_for)
                        if k.place is inner.place
                        else holds(k.place, area.span.surface, inner.place)
                    )
                ]
                if options:
                    gain, a = max(options)
                    joint += gain
                    held.append((area, a))
            if held:
                readings.append((joint, h, held))
        if not readings:
            if _elsewhere(head, [choices[j] for j in chain]):
                head.candidates, head.scores = [], []
            continue
        best = max(r[0] for r in readings)
        read.update(chain)
        for joint, h, held in readings:
            if joint < best - NEST_TIE:
                continue
            for key, choice, index in ((id(head), head, h), *((id(area), area, a) for area, a in held)):
                if (key, index) not in raised:
                    raised.add((key, index))
                    choice.scores[index] += NEST_BONUS
                    choice.nested = True
        # the readings of the name that lie outside the areas the text puts it in fall back as far
        lifted = {h for joint, h, _ in readings if joint >= best - NEST_TIE}
        head.scores = [s if h in lifted else s - NEST_BONUS for h, s in enumerate(head.scores)]


def _elsewhere(head: _Choice, areas: Sequence[_Choice]) -> bool:
    # The areas' likeliest readings agree on a country, and no reading of the name lies there.
    countries = {
        c.candidates[max(range(len(c.candidates)), key=c.scores.__getitem__)].place.country
        for c in areas
        if c.candidates
    } - {None}  # a region named across borders ("Kurdistan") says no country
    # Only a name read as another place's alternate name or spelling ("Mambasa" as Mombasa), or a small
    # town's, is dropped so: a city that is that name's own may sit in an area the text named only in part.
    # A reading by spelling alone ("Al Mudafin" read as another village's name) is dropped so too, in any
    # country: none of the areas the text names holds it.
    return len(countries) == 1 and all(
        k.match >= 2
        or ((k.match >= 1 or k.place.population < PROMINENT_POPULATION) and k.place.country not in countries)
        for k in head.candidates
    )


def _smaller_than_a_city_abroad(region: Place, candidates: Sequence[Candidate]) -> bool:
    """Return True when a same-named city in another country, with at least `TOWN_OVER_REGION` people, is
    more populous than the first-level division `region` (whose population is known)."""
    return region.population > 0 and any(
        k.match == 0
        and k.place.feature_class == "P"
        and k.place.country != region.country
        and k.place.population >= max(TOWN_OVER_REGION, region.population)
        for k in candidates
    )


def _out_of_context(place: Place, fit: float) -> bool:
    # Countries, divisions, regions and our own well-known features are named from anywhere.
    return fit < OUT_OF_CONTEXT_FIT and precision_of(place) < 3 and not place.id.startswith("fp:")


def _plausible(best: Candidate, nearest_km: float) -> bool:
    # A capitalised word that is only a small town's name needs another place of the document nearby.
    place = best.place
    if precision_of(place) == 3 or place.feature_class in {"H", "L", "T"}:
        return True
    if place.population >= MIN_TOWN_POPULATION * (2 if best.match else 1):
        return True
    return nearest_km < NEARBY_KM and (best.match == 0 or place.population >= 5000)


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    # A place imported from a GeoNames dump may repeat one of our own rows: keep the better-named one.
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda k: (k.match, -k.place.population)):
        if any(
            k.place.feature_class == candidate.place.feature_class
            and abs(k.place.lat - candidate.place.lat) < 0.1
            and abs(k.place.lon - candidate.place.lon) < 0.1
            for k in kept
        ):
            continue
        kept.append(candidate)
    return kept
