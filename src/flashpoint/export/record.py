"""The JSON record of one document, as `flashpoint extract` prints it (no database involved).

Each event follows the gold events schema (plover, mode, acled types, case_label, actor, recipient,
location, date, fatalities) and adds what a reader needs to judge it: negated, happened, aux_modes, the
evidence sentence, quad_class, goldstein, cameo_root and the claims behind it.
"""

from __future__ import annotations

from typing import Any

from flashpoint.records import Actor, Claim, Document, Event, PlaceMention

__all__ = ["claim_record", "event_record", "extract_record", "place_record"]


def extract_record(doc: Document) -> dict[str, Any]:
    """Return the JSON-ready record of `doc`: its id, title, date, events and every toponym."""
    return {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "events": [event_record(doc, event) for event in doc.events],
        "places": [place_record(mention) for mention in doc.places],
    }


def event_record(doc: Document, event: Event) -> dict[str, Any]:
    """Return one event in the gold events schema, plus evidence, scores and claims."""
    return {
        "plover": event.type,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "case_label": None,
        "actor": _actor(event.actor, event.actor_text),
        "recipient": _actor(event.recipient, event.recipient_text),
        "location": _location(event.place),
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "fatalities": event.fatalities,
        "negated": event.negated,
        "happened": event.happened,
        "aux_modes": list(event.aux_modes),
        "sentence": _sentence_text(doc, event),
        "trigger": event.trigger,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "cameo_root": event.cameo_root,
        "claims": [claim_record(claim) for claim in event.claims],
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    """Return who claims an event, through which channel, with what stance and quote."""
    actor = claim.claimant_actor
    return {
        "claimant": claim.claimant,
        "claimant_actor": {"country": actor.country, "sector": actor.sector} if actor else None,
        "channel": claim.channel,
        "stance": claim.stance,
        "quote": claim.quote,
    }


def place_record(mention: PlaceMention) -> dict[str, Any]:
    """Return a toponym with its offsets into the document text and, when resolved, where it is."""
    place = mention.place
    return {
        "start": mention.start,
        "end": mention.end,
        "surface": mention.surface,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": mention.precision,
        "name": place.name if place else None,
        "country": place.country if place else None,
        "inferred": mention.inferred,
    }


def _actor(actor: Actor | None, text: str | None) -> dict[str, Any] | None:
    if actor is None and text is None:
        return None
    return {
        "text": text if text is not None else (actor.name if actor else None),
        "country": actor.country if actor else None,
        "sector": actor.sector if actor else None,
    }


def _location(mention: PlaceMention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    place = mention.place
    return {
        "name": place.name if place else mention.surface,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "precision": mention.precision,
    }


def _sentence_text(doc: Document, event: Event) -> str | None:
    sentence = next((s for s in doc.sentences if s.index == event.sentence), None)
    if sentence is None:
        sentence = doc.sentence_at(event.trigger_start)
    return sentence.text if sentence is not None else None
