"""Resolution of an actor mention ("Russia's ambassador to Poland") to a coded Actor (RUS GOV)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rapidfuzz.distance import OSA, Levenshtein

from flashpoint.actors.dictionary import ActorDictionary, Key, load_dictionary
from flashpoint.actors.entries import STRONG_KINDS, Entry
from flashpoint.actors.text import Token, tokenize
from flashpoint.records import Actor
from flashpoint.time.expressions import CALENDAR_NAMES

__all__ = ["ActorResolver", "Hit"]

ActorKind = Literal["state", "person", "group", "organisation", "people"]

# Words that open a complement: the head before them names the actor.
_PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "to",
        "from",
        "at",
        "for",
        "across",
        "against",
        "with",
        "on",
        "near",
        "inside",
        "over",
        "by",
        "into",
        "within",
        "throughout",
        "between",
        "among",
        "toward",
        "towards",
        "under",
    ]
)
# Complements that may lend the head their country ("residents of Aleppo", "targets in Syria").
_COUNTRY_PREPOSITIONS = frozenset(["of", "in", "from", "at", "across", "inside", "within", "throughout"])
# "Turkish-backed rebels": the demonym names a sponsor, not the actor's country.
SPONSORS = frozenset(
    [
        "backed",
        "supported",
        "sponsored",
        "funded",
        "financed",
        "trained",
        "armed",
        "allied",
        "aligned",
        "affiliated",
        "linked",
        "based",
        "proxy",
        "proxies",
    ]
)
# Sectors that "former"/"retired" turns into elites (ELI).
_OFFICES = frozenset({"GOV", "LEG", "SPY", "JUD", "MIL", "COP", "OPP", "PTY", "ELI"})
_CONTEXT_WORDS = 6
_TYPO_LENGTH = 7
# Place names long enough that two swapped letters cannot make another word into them, and their kinds.
_SWAP_LENGTH = 5
_SWAP_KINDS = frozenset({"country", "capital", "city", "demonym"})
# Sector nouns long enough that one wrong letter cannot make another word into them.
_NOUN_TYPO_LENGTH = 10
# Words that open the rest of a longer name after a first name: "Ahmed Ben Bella", "Ursula von der Leyen".
_PARTICLES = frozenset(
    {"ben", "bin", "bint", "ibn", "abu", "al", "el", "van", "von", "de", "da", "di", "del", "dos", "le", "la"}
)
# Capitalised at the start of a sentence, but no one's first name.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "but", "or", "as", "if", "when", "while", "after"})
# The dictionary says which family an intergovernmental body belongs to (UNO: the United Nations system,
# EUR: the European Union); the country slot of a coded actor writes IGO for all of them, as PLOVER's
# event data does, and `Actor.name` keeps the body ("United Nations", "European Commission").
_IGO_FAMILIES = {"UNO": "IGO", "EUR": "IGO"}
# Peoples without a state of their own: no country, and their fighters are non-state (REB), coded by the
# country they fight in ("Syrian Kurdish forces" → SYR REB). Plural and adjective forms are listed.
# Peoples without a state of their own: no nationality word of another makes them that nation's.
STATELESS = frozenset(
    {
        "kurd",
        "kurds",
        "kurdish",
        "druze",
        "baloch",
        "baluch",
        "tuareg",
        "tuaregs",
        "uyghur",
        "uyghurs",
        "rohingya",
        "yazidi",
        "yazidis",
        "berber",
        "berbers",
    }
)
# Sectors of armed or unplaced people that a sponsor or a stateless people turns into REB.
_IRREGULAR = frozenset({None, "MIL", "CVL"})
# "pro-Iranian militias", "anti-Turkish protesters": the demonym is a stance, not the actor's country.
_STANCES = frozenset({"pro", "anti"})
# Sectors that "opposition" before them turns into OPP (armed ones stay: "opposition fighters" are REB).
_UNARMED = frozenset({"LEG", "PTY", "CVL", "JRN", "EDU", "LAB", "GOV", "BUS", "SOC", "MED", "REL"})
# Words that count people: "thousands of Palestinians", "some Brazilians", "two Kenyans".
_QUANTITIES = frozenset(
    [
        "some",
        "several",
        "many",
        "few",
        "dozens",
        "hundreds",
        "thousands",
        "tens",
        "scores",
        "millions",
        "more",
        "most",
        "numerous",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozen",
        "hundred",
        "thousand",
    ]
)
_PROPER = frozenset({"city", "region", "capital", "country", "demonym", "person", "organisation"})
# Words of a force drawn from several states ("a regional peacekeeping force", "multinational troops"):
# with no state named, the force is an intergovernmental one (IGO), as PLOVER codes peacekeepers.
_MULTINATIONAL = frozenset(
    {
        "peacekeeping",
        "peacekeeper",
        "peacekeepers",
        "multinational",
        "coalition",
        "regional",
        "international",
        "stabilisation",
        "stabilization",
    }
)
# Services whose ranks and units are theirs, not the army's ("rebel troops", "police commander").
_SERVICES = frozenset({"REB", "PRM", "COP", "SPY", "CRM"})
# Sectors of armed groups outside a state: their own fighters ("Hamas's fighters") keep the group's sector.
_NON_STATE = frozenset({"REB", "CRM", "PRM"})
_PLACES = frozenset({"city", "region", "capital", "country"})
# Words for the staff of a body: they take the body's sector ("party officials" → PTY).
_OFFICIALS = frozenset({"official", "officials"})
# Towns and regions whose names are also surnames: after an unknown capitalised word they end a person's name.
_TOWNS = frozenset({"city", "region"})
# Capitalised words that qualify a place rather than open a person's name ("Northern Mbeya", "Greater Kano").
_QUALIFIERS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "new",
        "old",
        "inner",
        "outer",
        "downtown",
        "rural",
        "urban",
        "mount",
        "lake",
        "port",
        "fort",
        "saint",
        "st",
        "san",
        "santa",
        "al",
        "el",
    }
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary phrase found in a token list: tokens [first, last) and the entry it names."""

    first: int
    last: int
    entry: Entry
    start: int
    end: int


class ActorResolver:
    """Codes mention strings with the actor dictionary; results are cached per process."""

    def __init__(self, dictionary: ActorDictionary | None = None, *, cache_size: int = 65536) -> None:
        self.dictionary = dictionary if dictionary is not None else load_dictionary()
        self._cached = functools.lru_cache(maxsize=cache_size)(self._resolve)
        # One-word country names long enough that one typo cannot turn another word into them.
        self._countries = {
            key[0]: entry
            for key, entry in self.dictionary.phrases.items()
            if entry.kind == "country" and len(key) == 1 and len(key[0]) >= _TYPO_LENGTH
        }
        # One-word place names by their letters: two swapped neighbours ("Dehli") keep the letters.
        self._swaps: dict[str, list[tuple[str, Entry]]] = {}
        # Long one-word sector nouns ("supremacists"), for one wrong letter in a word that long.
        self._nouns: dict[str, Entry] = {}
        for key, entry in self.dictionary.phrases.items():
            if len(key) != 1:
                continue
            if entry.kind in _SWAP_KINDS and len(key[0]) >= _SWAP_LENGTH:
                self._swaps.setdefault("".join(sorted(key[0])), []).append((key[0], entry))
            elif entry.kind == "sector" and entry.sector and len(key[0]) >= _NOUN_TYPO_LENGTH:
                self._nouns[key[0]] = entry
        # The same names by length: one edit changes a word's length by one at most, so only three
        # lengths are compared (in the tables' order, so the first near name is the same).
        self._countries_by_length = _by_length(self._countries)
        self._nouns_by_length = _by_length(self._nouns)
        self._near_cache: dict[tuple[int, int], list[tuple[str, Entry]]] = {}
        # a word's typo reading depends on the word alone: read once per word, not once per phrase
        self._typos = functools.lru_cache(maxsize=cache_size)(self._typo)

    @classmethod
    def from_files(cls, paths: Sequence[Path] = ()) -> ActorResolver:
        """Return a resolver over our dictionary merged with the user files in `paths`."""
        return cls(load_dictionary(tuple(paths)))

    def resolve(
        self,
        text: str,
        *,
        date: dt.date | None = None,
        context: str | None = None,
        known_country: str | None = None,
        cased: bool | None = None,
    ) -> Actor | None:
        """Return the coded actor a mention names, or None when the dictionary knows nothing of it.

        The head noun gives the sector and the possessor or adjective the country; a complement
        ("of Estonia", "in Syria") fills what the head leaves open. People are coded by the office
        they held on `date` (today when None). `context` ("Mexican") and `known_country` fill a
        missing country. Names must be capitalised (`cased`) unless the whole text is lower case.
        """
        if cased is None:
            cased = any(ch.isupper() for ch in text)
        return self._cached(text, date or dt.date.today(), context, known_country, cased)

    def _resolve(
        self, text: str, date: dt.date, context: str | None, known_country: str | None, cased: bool
    ) -> Actor | None:
        tokens = tokenize(text)
        hits = self.scan(tokens, require_title=cased)
        hits = self._misspelt(tokens, hits)
        actor = self._code(tokens, hits, date)
        if context and (actor is None or actor.country is None) and len(context.split()) <= _CONTEXT_WORDS:
            # A short hint ("Mexican", "Colombian defense") lends its country; a whole sentence would
            # lend the country of whoever else it mentions, so longer contexts are not used.
            hint = self._cached(context, date, None, None, any(ch.isupper() for ch in context))
            if hint is not None and hint.country is not None and (actor is not None or hits):
                base = actor or Actor(country=None)
                actor = Actor(hint.country, base.sector, base.name, base.kind, base.role)
        if known_country and (actor is None or actor.country is None) and (actor or hits):
            base = actor or Actor(country=None)
            actor = Actor(known_country, base.sector, base.name, base.kind, base.role)
        return actor

    def scan(self, tokens: Sequence[Token], *, require_title: bool = True) -> list[Hit]:
        """Return the dictionary phrases in `tokens`, longest match first, left to right."""
        phrases = self.dictionary.phrases
        starts = self.dictionary.starts
        prefixes = self.dictionary.prefixes
        keys = [t.key for t in tokens]
        hits: list[Hit] = []
        i = 0
        while i < len(tokens):
            if keys[i] not in starts:  # most words open no phrase: no candidate to gather
                i += 1
                continue
            found = None
            # The phrases starting here, grown word by word while the words are a phrase's prefix.
            candidates: list[tuple[int, Entry]] = []
            for n in range(1, min(starts.get(keys[i], 0), len(tokens) - i) + 1):
                key = tuple(keys[i : i + n])
                entry = phrases.get(key)
                if entry is not None:
                    candidates.append((n, entry))
                if key not in prefixes:
                    break
            for n, entry in reversed(candidates):
                span = tokens[i : i + n]
                if entry.case_sensitive and not all(t.upper for t in span):
                    continue
                if require_title and entry.kind in _PROPER and not any(t.title for t in span):
                    continue
                if entry.partial and (
                    not span[0].title
                    or (i > 0 and _unknown_name(tokens[i - 1], phrases))
                    or (i + n < len(tokens) and tokens[i + n].title and tokens[i + n].key in _PARTICLES)
                    or (
                        i + n < len(tokens)
                        and _unknown_name(tokens[i + n], phrases)
                        # "Karzai Monday said": a weekday or month does not lengthen the name
                        and tokens[i + n].key not in CALENDAR_NAMES
                    )
                ):
                    # part of a longer name: "Adam Brown", "Ahmed Ben Bella", and a surname where a first
                    # name stands ("Ahmed Yusuf" is not Abiy Ahmed)
                    continue
                if entry.partial and _linked(tokens, i + n):
                    continue  # "Khan al-Shih" is a village, not Imran Khan: the first word of a longer name
                if (
                    entry.kind in _TOWNS
                    and i > 0
                    and _unknown_name(tokens[i - 1], phrases)
                    and tokens[i - 1].key not in _QUALIFIERS
                    and (i < 2 or not tokens[i - 2].title or tokens[i - 2].key in _FUNCTION_WORDS)
                ):
                    continue  # a surname that is also a town's: "Okello Mbeya", "Amina Kano"
                if (entry.kind in _TOWNS or entry.partial) and _linked_after_name(tokens, i, phrases):
                    continue  # "Ahmed bin Salem", "Mohammed bin Rashid": the end of a longer name
                if entry.kind in _PLACE_NAMES and _after_place_link(tokens, i, phrases):
                    continue  # "Mocimboa da Praia" is a Mozambican town, not Cape Verde's capital
                found = Hit(i, i + n, entry, span[0].start, span[-1].end)
                break
            if found is None:
                i += 1
                continue
            hits.append(found)
            i = found.last
        return hits

    def _misspelt(self, tokens: Sequence[Token], hits: list[Hit]) -> list[Hit]:
        """Return the hits plus words a typo away from exactly one name: a capitalised word one letter
        away from one country ("Ethopia", "Afganistan") or two swapped letters away from one place of one
        country ("Dehli"), and a long word one letter away from one sector noun ("supremicists"); a word
        the dictionary knows is never read as a typo."""
        covered = {i for hit in hits for i in range(hit.first, hit.last)}
        phrases = self.dictionary.phrases
        added: list[Hit] = []
        for i, token in enumerate(tokens):
            if i in covered or (token.key,) in phrases:
                continue
            entry = self._typos(token.key, token.title)
            if entry is not None:
                added.append(Hit(i, i + 1, entry, token.start, token.end))
        return sorted([*hits, *added], key=lambda h: h.first) if added else hits

    def _typo(self, key: str, title: bool) -> Entry | None:
        """Return the one name the word `key` is a typo of (see `_misspelt`), else None."""
        entry = None
        if title and len(key) >= _TYPO_LENGTH:
            near = [
                entry
                for name, entry in self._near(self._countries_by_length, len(key))
                if Levenshtein.distance(name, key, score_cutoff=1) <= 1
            ]
            entry = near[0] if len({e.country for e in near}) == 1 else None
        if entry is None and title and len(key) >= _SWAP_LENGTH:
            swapped = [
                e
                for name, e in self._swaps.get("".join(sorted(key)), ())
                if OSA.distance(name, key, score_cutoff=1) <= 1
            ]
            entry = swapped[0] if len({e.country for e in swapped}) == 1 else None
        if entry is None and len(key) >= _NOUN_TYPO_LENGTH:
            nouns = [
                e
                for name, e in self._near(self._nouns_by_length, len(key))
                if Levenshtein.distance(name, key, score_cutoff=1) <= 1
            ]
            entry = nouns[0] if len({e.sector for e in nouns}) == 1 else None
        return entry

    def _near(self, groups: dict[int, list[tuple[int, str, Entry]]], length: int) -> list[tuple[str, Entry]]:
        """Return `_near_lengths(groups, length)`, sorted once per table and length."""
        found = self._near_cache.get((id(groups), length))
        if found is None:
            found = self._near_cache[(id(groups), length)] = _near_lengths(groups, length)
        return found

    def _code(self, tokens: Sequence[Token], hits: list[Hit], date: dt.date) -> Actor | None:
        if not hits:
            stateless_head = any(t.key in STATELESS for t in tokens)
            return Actor(country=None, sector="CVL", kind="people") if stateless_head else None
        covered = {i for hit in hits for i in range(hit.first, hit.last)}
        cut = next(
            (
                i
                for i, t in enumerate(tokens)
                if i not in covered
                and t.key in _PREPOSITIONS
                # "up to 100 protesters", "some 2,000 of …": a count, not a complement
                and not (i + 1 < len(tokens) and tokens[i + 1].key[:1].isdigit())
                # "thousands of Brazilians", "dozens of farmers": the count's "of" opens the head
                and not (t.key == "of" and i > 0 and _counted(tokens, i) and _only_counts(tokens[:i]))
            ),
            len(tokens),
        )
        head = [h for h in hits if h.last <= cut]
        rest = [h for h in hits if h.first > cut]
        if (
            len(head) > 1
            and head[-1].entry.kind == "country"
            and head[-1].last == cut
            and any(h.entry.kind in STRONG_KINDS for h in head[:-1])
            and not any(t.key in ("and", "or", "&") for t in tokens[head[-2].last : head[-1].first])
        ):
            # "NATO-member Norway", "EU ally Cyprus": a name before a country's name describes the country
            head = head[-1:]
        lends_country = cut < len(tokens) and tokens[cut].key in _COUNTRY_PREPOSITIONS

        country = self._country(tokens, head, date)
        sector, rank, named, role = self._sector(head, date)
        if rank == 0 and named is None and _part_of_a_place(tokens, head, cut):
            # "a Damascus suburb", "the Kabul district of X": a part of the town, not its government
            sector = None
        ethnic = any(t.key == "ethnic" for t in tokens[:cut])
        if ethnic and named is None and all(h.entry.kind in ("demonym", "sector") for h in head):
            # "ethnic Albanians", "ethnic Serb fighters": people of a descent, coded (CAMEO) by the country
            # they live in, which a complement or the sentence names; their descent is not their country.
            country, sector = None, sector or "CVL"
        elif named is None and _armed_people(tokens, head, cut):
            # "rebel Serbs", "separatist Armenians": a people up in arms where they live, not their
            # kin state's forces (but "Serb rebels" and "Albanian guerrillas" keep the demonym's country).
            country = None
        if lends_country and (country is None or ethnic):
            # "ethnic Albanians in southern Serbia": an ethnic group takes the country it lives in.
            country = self._country(tokens, rest, date) or country
        stateless = any(t.key in STATELESS for t in tokens[:cut])
        sponsored = any(
            h.entry.kind in ("country", "demonym", "capital")
            and h.last < cut
            and tokens[h.last].key in SPONSORS
            for h in head
        )
        people = named is None and sector is None and _plural_people(tokens, head, cut)
        if named is None and (stateless or sponsored) and sector in _IRREGULAR:
            # "US-backed Kurds", "Kurdish forces": a sponsored or stateless people's force is an armed
            # group, not a state's army; "Kurdish villagers" and "Iraqi Kurds" stay civilians.
            civilians = sector in ("CVL", None) or (people and not sponsored)
            sector = "CVL" if stateless and civilians and not sponsored else "REB"
        elif people and _counted(tokens, cut):
            # Counted people of a nation ("168 Liberians", "thousands of Brazilians") are civilians; the
            # bare plural ("the Palestinians") is the nation itself: its country, no sector (as CAMEO).
            sector = "CVL"
        if rank < 2 and rest:
            rest_sector, rest_rank, rest_named, rest_role = self._sector(rest, date)
            if rest_rank >= 2:
                # A title defers to the body it speaks for ("a spokesman for the Nigerian army").
                sector, named, role = rest_sector, rest_named, rest_role
                if named is not None and lends_country:
                    country = named.on(date)[0] or country
                elif country is None:
                    country = self._country(tokens, rest, date)
        if named is not None and named.kind == "person" and sector not in _NON_STATE:
            # "Putin's forces", "Erdogan's government": a possessor lends its country, the head noun
            # after it says who acts (a non-state owner's "fighters" stay the group's: "Hamas's fighters").
            owned = _possessed_noun(tokens, head, named)
            if owned is not None:
                sector, named, role = owned, None, None
        if named is not None and named.kind == "organisation" and sector in ("PTY", "OPP"):
            # "the ANC's armed wing", "Fatah militants": a party's fighters are an armed group
            armed = [h for h in head if h.entry.kind == "sector" and h.entry.sector == "REB"]
            if armed:
                sector = "REB"
        if named is None and sector == "GOV":
            # "party officials", "union officials", "church officials": an official belongs to the body
            # named before the word, as Phoenix codes "military official" MIL and "court official" JUD.
            sector = _body_of_officials(tokens, head) or sector
        if named is None and sector == "MIL":
            # "rebel troops", "police commander", "militia forces": a rank or force noun belongs to the
            # service named before it; the army is only the default of a bare "troops".
            service = _service(tokens, head)
            sector = service or sector
        if named is None and country is None and sector == "MIL":
            words = {t.key for t in tokens[:cut]}
            if words & _MULTINATIONAL or ("led" in words and "coalition" in words):
                country = "IGO"  # "a regional peacekeeping force", "coalition warplanes"
        if named is None and sector is None and country is not None and _led_coalition(tokens, cut):
            sector = "MIL"  # "the Saudi-led coalition": the forces its leader heads
        if (
            named is None
            and sector in _UNARMED
            and any(h.entry.sector == "OPP" and h.entry.kind == "sector" for h in head)
        ):
            # "opposition lawmakers", "opposition journalists": the opposition they belong to is the sector.
            sector = "OPP"
        if any(h.entry.kind == "modifier" for h in head) and sector in _OFFICES:
            sector = "ELI"
        if country is None and sector is None:
            return None if not stateless else Actor(country=None, sector="CVL", kind="people")
        return Actor(
            country=_IGO_FAMILIES.get(country, country) if country else None,
            sector=sector,
            name=named.name if named is not None else None,
            kind=_kind(named, head),
            role=role,
        )

    @staticmethod
    def _country(tokens: Sequence[Token], hits: Sequence[Hit], date: dt.date) -> str | None:
        """Return the country of a segment: a country or demonym written before a named entity
        ("Chile's Defense Department") beats the entity's own, which beats places."""
        ranked: list[tuple[int, int, str]] = []
        first_named = next((i for i, h in enumerate(hits) if h.entry.kind in STRONG_KINDS), len(hits))
        for order, hit in enumerate(hits):
            country = hit.entry.on(date)[0] if hit.entry.kind in STRONG_KINDS else hit.entry.country
            if country is None:
                continue
            follower = tokens[hit.last].key if hit.last < len(tokens) else ""
            leader = tokens[hit.first - 1].key if hit.first > 0 else ""
            if hit.entry.kind in ("demonym", "country", "capital") and (
                follower in SPONSORS or leader in _STANCES
            ):
                continue
            if hit.entry.kind in ("country", "demonym") and order < first_named:
                rank = 0
            elif hit.entry.kind in _PLACES and _names_the_next(hit, hits, order):
                rank = 0  # "the Kurdistan Democratic Party": the region says whose party of that name
            elif hit.entry.kind in STRONG_KINDS:
                rank = 1
            elif hit.entry.kind in ("country", "demonym", "capital"):
                rank = 2
            else:
                rank = 3
            ranked.append((rank, order, country))
        return min(ranked)[2] if ranked else None

    @staticmethod
    def _sector(hits: Sequence[Hit], date: dt.date) -> tuple[str | None, int, Entry | None, str | None]:
        """Return (sector, strength, named entry, role title): named 3 > noun 2 > title 1 > place 0."""
        best: tuple[str | None, int, Entry | None, str | None] = (None, -1, None, None)
        # Office words, and organisations named by an office ("US Secretary of State"), that the text gives.
        offices = [
            h
            for h in hits
            if h.entry.kind in ("sector", "title", "organisation") and h.entry.sector in _OFFICES
        ]
        named = next((h.entry for h in reversed(hits) if h.entry.kind in STRONG_KINDS), None)
        for hit in hits:
            entry = hit.entry
            if entry.kind in STRONG_KINDS:
                _, sector, title = entry.on(date)
                # Out of office on `date` but given an office in the text ("Foreign Minister X"): the text
                # was written while they held it, so the office word below decides.
                rank = 3 if sector is not None and (entry.in_office(date) or not offices) else -1
                titled = any(h.entry.kind == "title" and h.last <= hit.first for h in hits)
                if titled and not offices and entry.roles and not entry.in_office(date):
                    # "Libyan leader X": a title without a sector of its own, written while X held an
                    # office; the latest office X held is the one it names.
                    sector, rank = max(entry.roles, key=lambda r: r.start or dt.date.min).sector, 3
            elif entry.kind == "sector":
                sector, title, rank = entry.sector, None, 2
            elif entry.kind == "title":
                sector, title, rank = entry.sector, None, 1
            elif entry.kind in _PLACES and len(hits) == 1:
                sector, title, rank = entry.sector, None, 0
            else:
                continue
            if sector is not None and rank >= best[1]:
                best = (sector, rank, entry if entry.kind in STRONG_KINDS else named, title)
        if best[2] is None and named is not None:
            best = (best[0], best[1], named, best[3])
        return best


def _by_length(names: Mapping[str, Entry]) -> dict[int, list[tuple[int, str, Entry]]]:
    """Return the names grouped by length, each with its place in `names`."""
    groups: dict[int, list[tuple[int, str, Entry]]] = {}
    for order, (name, entry) in enumerate(names.items()):
        groups.setdefault(len(name), []).append((order, name, entry))
    return groups


def _near_lengths(groups: Mapping[int, list[tuple[int, str, Entry]]], length: int) -> list[tuple[str, Entry]]:
    """Return the names one letter shorter, as long and one longer than `length`, in their table order."""
    found = [item for n in (length - 1, length, length + 1) for item in groups.get(n, ())]
    return [(name, entry) for _, name, entry in sorted(found, key=lambda item: item[0])]


# Nouns naming a part of a town or land: a place name before one says where, not who.
_PLACE_PARTS = frozenset(
    {"suburb", "suburbs", "district", "districts", "neighbourhood", "neighborhood", "neighbourhoods",
     "neighborhoods", "quarter", "outskirts", "street", "streets", "countryside", "province", "area",
     "areas", "town", "village", "villages", "port", "airport", "market", "square", "region"}
)  # fmt: skip


def _part_of_a_place(tokens: Sequence[Token], head: Sequence[Hit], cut: int) -> bool:
    """Return True when the head's last name is followed by a noun naming a part of a place."""
    if not head or head[-1].entry.kind not in _PLACES:
        return False
    return any(t.key in _PLACE_PARTS for t in tokens[head[-1].last : cut])


def _names_the_next(hit: Hit, hits: Sequence[Hit], order: int) -> bool:
    """Return True when a place name is written right before an organisation's name, as part of it."""
    following = hits[order + 1] if order + 1 < len(hits) else None
    return following is not None and following.entry.kind == "organisation" and following.first == hit.last


def _plural_people(tokens: Sequence[Token], head: Sequence[Hit], cut: int) -> bool:
    """Return True when the head ends in a plural demonym or stateless people ("Palestinians", "Iraqi Kurds")."""
    last = next((i for i in range(cut - 1, -1, -1) if tokens[i].key not in _FUNCTION_WORDS), None)
    if last is None:
        return False
    key = tokens[last].key
    plural = (key.endswith("s") and not key.endswith("ss")) or key.endswith("men")
    ends_demonym = any(h.entry.kind == "demonym" and h.last == last + 1 for h in head)
    return plural and (ends_demonym or key in STATELESS)


def _armed_people(tokens: Sequence[Token], head: Sequence[Hit], cut: int) -> bool:
    """Return True when an armed group's word qualifies a plural people ("rebel Serbs", "militant Kurds")."""
    if not head or head[-1].entry.kind != "demonym" or not _plural_people(tokens, head, cut):
        return False
    before = head[:-1]
    return bool(before) and all(h.entry.kind == "sector" and h.entry.sector == "REB" for h in before)


def _possessed_noun(tokens: Sequence[Token], head: Sequence[Hit], owner: Entry) -> str | None:
    """Return the sector of the noun a named owner possesses ("Putin's forces" → MIL), or None."""
    mark = next(
        (h.last for h in head if h.entry is owner and h.last < len(tokens) and tokens[h.last].key == "'s"),
        None,
    )
    if mark is None:
        return None
    nouns = [h for h in head if h.first > mark and h.entry.kind == "sector" and h.entry.sector]
    return nouns[-1].entry.sector if nouns else None


def _service(tokens: Sequence[Token], head: Sequence[Hit]) -> str | None:
    """Return the sector of a non-military service word before a final military noun ("rebel troops"
    → REB, "police commander" → COP), or None; not across "and" ("police and soldiers")."""
    nouns = [h for h in head if h.entry.kind == "sector" and h.entry.sector]
    if len(nouns) < 2 or nouns[-1].entry.sector != "MIL":
        return None
    before = nouns[-2]
    between = {t.key for t in tokens[before.last : nouns[-1].first]}
    if before.entry.sector in _SERVICES and not between & {"and", "or", "&"}:
        return before.entry.sector
    return None


def _body_of_officials(tokens: Sequence[Token], head: Sequence[Hit]) -> str | None:
    """Return the sector of the body a final "official(s)" belongs to ("party officials" → PTY), or None;
    not across "and" ("party and government officials")."""
    nouns = [h for h in head if h.entry.kind == "sector" and h.entry.sector]
    if len(nouns) < 2 or nouns[-1].last - nouns[-1].first != 1:
        return None
    if tokens[nouns[-1].first].key not in _OFFICIALS:
        return None
    before = nouns[-2]
    between = {t.key for t in tokens[before.last : nouns[-1].first]}
    if before.entry.sector not in ("GOV", "CVL", None) and not between & {"and", "or", "&", ","}:
        return before.entry.sector
    return None


def _led_coalition(tokens: Sequence[Token], cut: int) -> bool:
    """Return True for "X-led coalition" (the coalition ends the head)."""
    keys = [t.key for t in tokens[:cut]]
    return bool(keys) and keys[-1] in ("coalition", "alliance") and "led" in keys


def _counted(tokens: Sequence[Token], cut: int) -> bool:
    """Return True when a number or a quantity word opens the phrase ("168 …", "thousands of …", "some …")."""
    words = [t.key for t in tokens[:cut] if t.key not in ("the", "a", "an", "of")]
    return bool(words) and (words[0][:1].isdigit() or words[0] in _QUANTITIES)


def _only_counts(tokens: Sequence[Token]) -> bool:
    """Return True when every word is an article, a number or a quantity word."""
    return all(t.key in ("the", "a", "an") or t.key[:1].isdigit() or t.key in _QUANTITIES for t in tokens)


# Lower-case links inside Arabic names: "Khan al-Shih", "Ras el-Ain", "Ahmed bin Ali".
_LINKS = frozenset({"al", "el", "bin", "ibn", "abu", "bint"})


def _linked(tokens: Sequence[Token], i: int) -> bool:
    """Return True when tokens[i] is a lower-case name link and a capitalised word follows it."""
    return i + 1 < len(tokens) and tokens[i].key in _LINKS and not tokens[i].title and tokens[i + 1].title


def _linked_after_name(tokens: Sequence[Token], i: int, phrases: Mapping[Key, Entry]) -> bool:
    """Return True when tokens[i] follows a name and a lower-case link ("Ahmed bin …"), not a title
    ("President al-Assad" is the president)."""
    if i < 2 or tokens[i - 1].key not in _LINKS or tokens[i - 1].title or not tokens[i - 2].title:
        return False
    before = phrases.get((tokens[i - 2].key,))
    return before is None or before.kind in ("person", "surname")


# Lower-case links inside Portuguese, Spanish and Italian place names, and the town kinds they hide.
_PLACE_LINKS = frozenset({"da", "de", "do", "dos", "das", "del", "di", "della"})
_PLACE_NAMES = frozenset({"city", "region", "capital"})


def _after_place_link(tokens: Sequence[Token], i: int, phrases: Mapping[Key, Entry]) -> bool:
    """Return True when tokens[i] ends a longer place name: a word the dictionary does not know and a
    lower-case link before it ("Vila do Conde", "Mocimboa da Praia")."""
    return (
        i >= 2
        and tokens[i - 1].key in _PLACE_LINKS
        and not tokens[i - 1].title
        and _unknown_name(tokens[i - 2], phrases)
    )


def _unknown_name(token: Token, phrases: Mapping[Key, Entry]) -> bool:
    """Return True for a capitalised word the dictionary does not know (another person's first name)."""
    return token.title and token.key not in _FUNCTION_WORDS and (token.key,) not in phrases


def _kind(named: Entry | None, head: Sequence[Hit]) -> ActorKind:
    if named is not None:
        if named.kind == "person":
            return "person"
        return "group" if named.sector in ("REB", "CRM") else "organisation"
    if head and all(h.entry.kind == "demonym" for h in head):
        return "people"
    return "state"
