"""Claims: who asserts an event, through which channel, with what stance, and the quoted span.

The package's modules: `reader` (the ClaimReader, which turns a trigger's attribution into a Claim),
`claimant` (sources and their names), `channel` (outlets, platforms, media), `stance` (how firmly),
`related` (accused, denied, refused, cancelled and claimed acts) and `quotes`. Names with a leading
underscore are shared inside the package only.
"""

from flashpoint.events.claims.channel import is_outlet, medium_content
from flashpoint.events.claims.quotes import quote_spans
from flashpoint.events.claims.reader import ClaimReader
from flashpoint.events.claims.related import (
    accused_party,
    blamed_party,
    charge_denier,
    denial_accusers,
    denied_charge,
    denies_a_claim,
    related_stance,
    responsibility_claimer,
    responsibility_denier,
)
from flashpoint.events.claims.stance import overall_stance

__all__ = [
    "ClaimReader",
    "accused_party",
    "blamed_party",
    "charge_denier",
    "denial_accusers",
    "denied_charge",
    "denies_a_claim",
    "is_outlet",
    "medium_content",
    "overall_stance",
    "quote_spans",
    "related_stance",
    "responsibility_claimer",
    "responsibility_denier",
]
