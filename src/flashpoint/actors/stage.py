"""The actors stage: finds actor mentions in the parsed text and codes each one."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

from flashpoint.actors.entries import STRONG_KINDS
from flashpoint.actors.era import era
from flashpoint.actors.resolver import ActorResolver
from flashpoint.actors.text import tokenize
from flashpoint.records import Actor, Document, Mention
from flashpoint.settings import Settings

__all__ = ["ActorStage"]

_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A bare place after these words is where something happened, not who did it ("clashes in Idlib").
_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "into",
        "inside",
        "outside",
        "around",
        "across",
        "throughout",
        "within",
        "towards",
        "toward",
        "from",
        "outside",
    ]
)
# Words of a war report: a bare "the coalition" in it is the military coalition fighting it.
_MILITARY_CUES = re.compile(
    r"\b(?:air ?strikes?|air ?raids?|warplanes?|airstrikes?|Daesh|ISIS|ISIL|Islamic State"
    r"|(?:conducted|carried out|launched) (?:\w+ )?(?:air ?)?strikes)\b",
    re.IGNORECASE,
)
# A bare coalition: the document says which one it is, or it is no party at all.
_COALITIONS = frozenset({"coalition", "the coalition", "coalition's", "the coalition's"})
# Dictionary hits the phrase pass adds even where spaCy found no chunk or entity.
_PHRASE_KINDS = STRONG_KINDS | {"capital"}


class ActorStage:
    """Document → Document with `mentions`: noun chunks, named entities and dictionary phrases, coded."""

    name = "actors"
    requires = frozenset({"sentences", "parsed"})
    provides = frozenset({"mentions"})

    def __init__(self, settings: Settings, *, resolver: ActorResolver | None = None) -> None:
        self.resolver = resolver if resolver is not None else ActorResolver.from_files(settings.actors_files)

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        return replace(doc, mentions=tuple(self.mentions(doc)))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    def mentions(self, doc: Document) -> list[Mention]:
        """Return the coded actor mentions of a parsed document, in text order, without overlaps."""
        parsed: Doc = doc.parsed
        starts = [s.start for s in doc.sentences]
        taken = bytearray(len(doc.text) + 1)  # 1 where a mention already covers the character
        found: list[Mention] = []

        pending: list[Mention] = []  # phrases that name an actor only in the document's context
        # An undated text is read in the era its titled office holders imply ("PLO Chairman X").
        date = doc.published or era(doc.text, self.resolver)

        def add(start: int, end: int, text: str) -> None:
            if taken.find(1, start, end) != -1:
                return
            actor = self.resolver.resolve(text, date=date, cased=True)
            sentence = max(bisect.bisect_right(starts, start) - 1, 0) if starts else -1
            if actor is None:
                if text.lower() in _COALITIONS:
                    pending.append(Mention(start, end, text, None, sentence))
                return
            taken[start:end] = b"\x01" * (end - start)
            found.append(Mention(start, end, text, actor, sentence))

        for span in _spans(parsed):
            # a span's text is the document's text between its first and last character (no token join)
            add(span.start_char, span.end_char, doc.text[span.start_char : span.end_char])
        tokens = tokenize(doc.text)
        for hit in self.resolver.scan(tokens):
            before = tokens[hit.first - 1].key if hit.first else ""
            if hit.entry.kind in _PHRASE_KINDS and before not in _LOCATIVE:
                add(hit.start, hit.end, doc.text[hit.start : hit.end])
        found.sort(key=lambda m: m.start)
        return _in_context(doc.text, found, pending)


def _in_context(text: str, found: list[Mention], pending: list[Mention]) -> list[Mention]:
    """Return the mentions with what the document already said about them.

    A definite generic phrase takes the country of the one earlier phrase with its head noun that named
    one ("Iraq's defence ministry … the ministry" → IRQ; "the army" after "Sudanese army" → SDN, but not
    after both a Sudanese and a Chadian army). A bare "the coalition" is the military coalition the
    document names ("the Saudi-led coalition", "coalition warplanes"), and nothing when it names none
    (a governing coalition is no armed party).
    """
    seen: dict[str, str | None] = {}  # head noun → the one country named with it (None: several)
    coalition: Actor | None = None
    out: list[Mention] = []
    heads: dict[str, str] = {}  # a document names the same actors again and again
    for mention in found:
        actor = mention.actor
        head = heads.get(mention.text)
        if head is None:
            head = heads[mention.text] = _head(mention.text)
        if actor is not None and actor.country:
            if head:
                seen[head] = actor.country if seen.get(head, actor.country) == actor.country else None
            if coalition is None and actor.sector == "MIL" and "coalition" in mention.text.lower():
                coalition = Actor(actor.country, "MIL", actor.name, actor.kind)
        elif (
            actor is not None and actor.sector and head and seen.get(head) and _definite(text, mention.start)
        ):
            mention = replace(mention, actor=replace(actor, country=seen[head]))
        out.append(mention)
    if coalition is None and pending and _MILITARY_CUES.search(text):
        coalition = Actor("IGO", "MIL", kind="organisation")  # the coalition of a war report: multinational
    if coalition is not None and pending:
        out = sorted([*out, *(replace(m, actor=coalition) for m in pending)], key=lambda m: m.start)
    return out


def _head(phrase: str) -> str:
    tokens = tokenize(phrase)
    return tokens[-1].key if tokens and tokens[-1].key != "'s" else ""


def _definite(text: str, start: int) -> bool:
    """Return True when "the" (or "this", "that") opens the phrase at `start`."""
    before = text[max(0, start - 5) : start].lower().split()
    return bool(before) and before[-1] in ("the", "this", "that") and text[start - 1 : start].isspace()


def _spans(parsed: Doc) -> Iterator[Any]:
    """Yield candidate spans: noun chunks, then named entities, skipping bare places used as locations."""
    seen: set[tuple[int, int]] = set()
    chunks = list(parsed.noun_chunks) if parsed.has_annotation("DEP") else []
    leading = _leading(parsed)
    ents = [e for e in parsed.ents if e.label_ in _ENTITY_LABELS]
    names = [e for e in ents if e.label_ == "ORG"]
    # An organisation's name that runs on past a noun chunk ("the Egyptian Organization | for Human
    # Rights") is read whole first: its first words alone may name another body.
    longer = [n for c in chunks for n in names if n.start <= c.start and n.end > c.end]
    for span in [*longer, *chunks, *ents]:
        key = (span.start, span.end)
        if key in seen or _locative(span):
            continue
        seen.add(key)
        yield _trim(span, leading)


def _leading(parsed: Doc) -> list[bool]:
    """Return, per token, whether its part of speech is one `_trim` drops (read from the POS array once)."""
    from spacy.symbols import DET, NUM, PRON, PUNCT

    dropped = {DET, PRON, NUM, PUNCT}
    return [pos in dropped for pos in parsed.to_array("POS").tolist()]


def _locative(span: Span) -> bool:
    root = span.root
    if root.pos_ != "PROPN" or root.dep_ != "pobj":
        return False
    return root.head.lower_ in _LOCATIVE


def _trim(span: Span, leading: list[bool]) -> Any:
    # Leading determiners and numbers are not part of the name ("the Kremlin" → "Kremlin" keeps offsets honest).
    start = span.start
    while start < span.end - 1 and leading[start]:
        start += 1
    return span if start == span.start else span.doc[start : span.end]
