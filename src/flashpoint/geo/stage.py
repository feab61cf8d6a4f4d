"""The geo stages: toponyms into `doc.places`, then each event's place into `event.place`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.link import dateline, focus_place, party_spans, place_event
from flashpoint.geo.nesting import seat_of
from flashpoint.geo.recognise import Recogniser, Span
from flashpoint.geo.resolve import Resolver
from flashpoint.geo.tables import read_table
from flashpoint.records import Document, Mention, Place, PlaceMention
from flashpoint.settings import Settings

__all__ = ["GeoStage", "PlaceLinkStage", "load_demonyms"]


def load_demonyms(gazetteer: Gazetteer) -> dict[str, Place]:
    """Return adjectival forms ("Syrian") mapped to the place they name (Syria), from our table."""
    by_id = {p.id: p for p in gazetteer.places if p.id.startswith("fp:")}
    out: dict[str, Place] = {}
    for adjective, target, *_ in read_table("demonyms.tsv"):
        place = by_id.get(f"fp:country:{target}") if len(target) == 2 and target.isupper() else None
        if place is None:
            found = gazetteer.lookup(target, limit=1)
            place = found[0] if found else None
        if place is not None:
            out[adjective] = place
    return out


class GeoStage:
    """Document → Document with `places`: every toponym, resolved or not, sorted by start."""

    name = "geo"
    requires = frozenset({"sentences", "parsed"})
    provides = frozenset({"places"})

    def __init__(self, settings: Settings, *, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.open(settings.gazetteer_path)
        demonyms = load_demonyms(self.gazetteer)
        self.recogniser = Recogniser(self.gazetteer, dict(demonyms))
        self.resolver = Resolver(self.gazetteer, demonyms)

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        parsed = doc.parsed
        # The nlp stage parses doc.text itself; check the ends agree before reusing it.
        same = len(parsed) and parsed[-1].idx + len(parsed[-1].text_with_ws) == len(doc.text)
        text = doc.text if same else None
        spans = self.recogniser.spans(parsed, text=text)
        if doc.mentions:
            spans = self._without_groups(spans, doc.mentions)
        mentions = self.resolver.resolve(spans, text=text if text is not None else parsed.text)
        return replace(doc, places=tuple(sorted(mentions, key=lambda m: m.start)))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in docs)

    def _without_groups(self, spans: list[Span], mentions: Sequence[Mention]) -> list[Span]:
        """Drop a name the actor stage read as an armed group or an organisation ("Hamas") when it is only
        some place's alternate name (a German town's, there): it says who acted, not where."""
        # the group's own name, not a place inside it ("the Kachin Independence Army" is named for a state)
        # an armed group's name as the text writes it counts too ("Daesh"); not an organisation's, which
        # may be a town's own government ("Seoul City")
        groups = [
            (m.start, m.end, {m.actor.name, m.text} if m.actor.kind == "group" else {m.actor.name})
            for m in mentions
            if m.actor is not None and m.actor.kind in {"group", "organisation"} and m.actor.name
        ]
        if not groups:
            return spans
        return [
            s
            for s in spans
            if not any(
                start <= s.start and s.end <= end and s.surface in names for start, end, names in groups
            )
            or any(c.match == 0 for c in self.gazetteer.candidates(s.surface))
        ]


class PlaceLinkStage:
    """Document → Document whose events carry the place where each happened (never a demonym)."""

    name = "geo-link"
    requires = frozenset({"events", "places"})
    provides = frozenset({"events.place"})

    def __init__(self, settings: Settings, *, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        # With a gazetteer, an event placed in a region named for its seat is put at that town.
        self.gazetteer = gazetteer

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        filed = dateline(doc)
        parties = party_spans(doc)  # once per document: every event's placing asks
        if filed is not None:
            parties = parties - {(filed.start, filed.end)}  # "KABUL —" is where, never who
        focus = focus_place(doc, parties)
        # the parsed text, once per document: the nlp stage parses doc.text itself (checked as GeoStage does)
        parsed = doc.parsed
        text = None
        if parsed is not None:
            same = len(parsed) and parsed[-1].idx + len(parsed[-1].text_with_ws) == len(doc.text)
            text = doc.text if same else str(parsed.text)
        events = tuple(
            replace(e, place=self._at_seat(place_event(doc, e, focus, parties, filed=filed, text=text)))
            for e in doc.events
        )
        return replace(doc, events=events)

    def _at_seat(self, mention: PlaceMention | None) -> PlaceMention | None:
        if mention is None or mention.place is None or self.gazetteer is None:
            return mention
        seat = seat_of(mention.place, self.gazetteer)
        return (
            mention
            if seat is None
            else replace(mention, place=seat, precision=max(mention.precision or 3, 2))
        )

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in docs)
