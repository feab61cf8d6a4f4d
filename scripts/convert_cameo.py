"""Convert the PETRARCH2 CAMEO verb dictionary into flashpoint's compact verb-pattern table.

    PYTHONPATH=src python scripts/convert_cameo.py [--data ../shared/data] [--out src/flashpoint/events/data]

Reads `dictionaries/petrarch2/CAMEO.2.0.txt` (Open Event Data Alliance, MIT licence) and
`ontology/CAMEO2PLOVER-2021.txt` (the PLOVER manual's crosswalk) and writes `cameo_verbs.tsv`: one row per
verb lemma and pattern, with the CAMEO code, the PLOVER type and the PLOVER mode the code maps to. Patterns
whose code has no PLOVER type ("[---]", statements, appeals) are left out. Synonym sets (`&MILITARY`) are
written once as `@set` rows and referred to by name. The table is committed with its NOTICE; the package
reads the table only, so neither this script nor ../shared is needed at run time.

Row kinds (tab-separated, `#` starts a comment line, "-" is an empty field):

    @set    NAME    word|word two|...                         a synonym set (words lower-case)
    @verb   LEMMA   PARTICLES   FAMILY   CAMEO   PLOVER   MODE   a verb of a family, with its own code
    FAMILY  BEFORE  AFTER   CAMEO   PLOVER   MODE   VERB        a pattern of the family's verbs

PARTICLES holds the words of a phrasal verb ("out" for "pull out"). BEFORE and AFTER are the words on each
side of the verb, space-separated, with `&NAME` for a synonym set. VERB is the lemma the pattern was written
for (the dictionary's comment after the pattern names it): the pattern holds for that verb only. "-" lends it
to every verb of the family, as PETRARCH2 does, when the comment names no verb of the family.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
DEFAULT_OUT = HERE.parent / "src" / "flashpoint" / "events" / "data"

# The crosswalk's mode names that flashpoint spells differently, and codes whose crosswalk mode is coarser
# than the CAMEO description ("Employ aerial weapons" is aerial, not heavy weapons).
_MODE_NAMES = {"assassinate": "targeted", "massacre": "targeted", "cleansing": "targeted", "ban": "restrict"}
# Codes whose crosswalk type is not the act flashpoint's coding rules give it (../shared/CLAIMS.md):
# occupying territory (192: "Occupy territory", crosswalked to COERCE) is seizing territory, an ASSAULT.
_CODE_TYPES: dict[str, tuple[str, str | None]] = {"192": ("ASSAULT", None)}
_CODE_MODES = {
    "195": "aerial",
    "1831": "suicide-attack",
    "1823": None,
    "143": "strike",
    "1431": "strike",
    "1432": "strike",
    "1433": "strike",
    "1434": "strike",
}
# Verbs whose own code is an event only with the right object ("want peace" is a wish, "died" names no
# attacker, "arrived" and "considered" are no meetings): for them only patterns with words count.
_BARE_NOT_EVENTS = frozenset(
    ["abandon", "abstain", "aim", "allocate", "appreciate", "arrive", "assemble", "bless", "boost", "cable", "call", "communicate", "comply", "consider", "decide", "despair", "determine", "die", "dismay", "disturb", "enact", "encourage", "endanger", "expect", "express", "extract", "fail", "favor", "finance", "greet", "hear", "impel", "import", "influence", "intend", "introduce", "is", "lament", "link", "merge", "monitor", "notify", "offend", "prepare", "provoke", "purchase", "regret", "rejoice", "respect", "revive", "search", "seek", "signal", "spy", "strive", "submit", "trade", "vote", "want"]
)
_KNOWN_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "cyber",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    },
}


@dataclass(frozen=True, slots=True)
class Pattern:
    """One verb pattern of the dictionary: the words around the verb and its CAMEO code."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str
    origin: str


@dataclass(frozen=True, slots=True)
class Family:
    """A verb block: its head verb, its verbs (lemma, particles, own code) and its patterns."""

    name: str
    verbs: tuple[tuple[str, tuple[str, ...], str | None], ...]
    patterns: tuple[Pattern, ...]
    code: str | None
    # Every written form of the family's verbs ("fought", "fights") → its lemma, for reading an origin.
    forms: dict[str, str] = field(default_factory=dict)


def read_crosswalk(path: Path) -> dict[str, tuple[str, str | None]]:
    """Return CAMEO code → (PLOVER type, mode or None) from CAMEO2PLOVER-2021.txt."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d{3,4}):\s*(.*)$", body)
        if not match:
            continue
        fields = [f.strip() for f in match.group(2).split(",")]
        plover = fields[0].upper()
        if plover not in _KNOWN_MODES and plover not in {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}:
            continue
        code = match.group(1)
        mode: str | None = fields[1].lower() if len(fields) > 1 and fields[1] else None
        mode = _MODE_NAMES.get(mode, mode) if mode else None
        if code in _CODE_MODES:
            mode = _CODE_MODES[code]
        if mode is not None and mode not in _KNOWN_MODES.get(plover, set()):
            mode = None
        table.setdefault(code, (plover, mode))
    table.update(_CODE_TYPES)
    return table


def _word(raw: str) -> str:
    # PETRARCH marks exact forms with a trailing "_" and joins multi-word entries with "_".
    return " ".join(part for part in raw.strip("_").lower().split("_") if part)


def read_synsets(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """Return the synonym sets (name without "&" → lower-case words) of the dictionary's first section."""
    sets: dict[str, list[str]] = {}
    name: str | None = None
    for line in lines:
        body = line.split("#", 1)[0].strip()
        if body.startswith("&"):
            name = body[1:].strip().rstrip("_").upper()
            sets.setdefault(name, [])
        elif body.startswith("+") and name is not None:
            word = _word(body[1:].split("{", 1)[0].strip())
            if word:
                sets[name].append(word)
        elif not body:
            continue
    return {name: tuple(dict.fromkeys(words)) for name, words in sets.items() if words}


def _code(raw: str) -> str | None:
    # "[046:046]", "[:074]", "[042:043]": the code of the event is the first non-empty part.
    parts = [p.strip() for p in raw.strip("[] ").split(":")]
    for part in parts:
        if part and part != "---":
            return part
    return None


def _pattern_words(text: str) -> list[str]:
    words: list[str] = []
    for raw in re.findall(r"[&A-Za-z0-9'_-]+|\*", text):
        if raw == "*":
            words.append("*")
        elif raw.startswith("&"):
            words.append("&" + raw[1:].rstrip("_").upper())
        else:
            word = _word(raw)
            if word:
                words.extend(word.split())
    return words


def read_families(lines: list[str]) -> Iterator[Family]:
    """Yield the verb blocks of the dictionary's verb-pattern section."""
    verbs: list[tuple[str, tuple[str, ...], str | None]] = []
    patterns: list[Pattern] = []
    forms: dict[str, str] = {}
    family_code: str | None = None
    name = ""
    started = False
    for line in lines:
        head = re.match(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---", line)
        if head:
            if started:
                yield Family(name, tuple(verbs), tuple(patterns), family_code, forms)
            verbs, patterns, forms, family_code, started = [], [], {}, _code(head.group(2)), True
            name = _word(head.group(1).split()[0])
            continue
        if not started:
            continue
        body = line.split("#", 1)
        text = body[0].rstrip()
        if not text.strip():
            continue
        if text.startswith("-"):
            found = re.search(r"\[([^\]]*)\]", text)
            if not found or "*" not in text:
                continue
            code = _code(found.group(1))
            words = _pattern_words(text[1 : found.start()])
            star = words.index("*")
            origin = body[1].strip().split(",")[0].strip().lower() if len(body) > 1 else ""
            if code is not None:
                patterns.append(Pattern(tuple(words[:star]), tuple(words[star + 1 :]), code, origin))
            continue
        own = re.search(r"\[([^\]]*)\]", text)
        phrase = re.sub(r"\{.*?\}|\[.*?\]", " ", text).strip().lstrip("+")
        if not phrase:
            continue
        parts = _word(phrase.split()[0]).split()
        if parts:
            verbs.append((parts[0], tuple(parts[1:]), _code(own.group(1)) if own else None))
            forms.setdefault(parts[0], parts[0])
            for braced in re.findall(r"\{([^}]*)\}", text):
                for form in braced.split():
                    written = _word(form.lstrip("+")).split()
                    if written:
                        forms.setdefault(written[0], parts[0])
    if started:
        yield Family(name, tuple(verbs), tuple(patterns), family_code, forms)


# Words that name no object: a pattern made of these alone ("depart * for") gets its sense from its own verb.
_FUNCTION_WORDS = frozenset(
    {
        *("a", "an", "the", "about", "across", "after", "against", "ahead", "along", "among", "around", "as"),
        *("at", "away", "back", "before", "behind", "by", "down", "for", "from", "in", "into", "of", "off"),
        *("on", "onto", "out", "over", "through", "to", "toward", "towards", "under", "up", "upon", "with"),
        *("within", "without"),
    }
)


def lent(pattern: Pattern, family: Family, plover: str, block: str | None, acts: Mapping[str, str]) -> bool:
    """Return True when a pattern (of PLOVER type `plover`) holds for every verb of its family.

    The dictionary's comment after a pattern names the verb it was written for. PETRARCH2 lends every
    pattern to the whole block, and lent across kinds of act the patterns mislead: "attack * government"
    (a verbal attack) made "battled government forces" a criticism, "overcome * militant" (CAMEO 082, easing
    dissent) made "defeated militants" a concession. A pattern is lent when it codes the kind of act of the
    block's own code (`block`, its PLOVER type): an ASSAULT pattern among the verbs of attacking, even one of
    prepositions alone ("fire * at"). A visit is the exception: prepositions alone ("depart * for") lent to
    "leave" made leaving a country a visit, so a CONSULT pattern needs object words. With object words, a
    pattern is also lent in a block with no code, in its own CAMEO root ("surrender * weapons", a RETREAT,
    among the verbs of yielding), or when one of its words is a noun our lexicon codes as that very act
    (`acts`, noun → PLOVER type: "order * aid" lent to "conduct": conducting aid drops is aid).
    """
    if family.code is not None and plover == block and plover != "CONSULT":
        return True
    words = [w for w in pattern.before + pattern.after if w != "*"]
    if all(w in _FUNCTION_WORDS for w in words):
        return False
    if family.code is None or plover == block or pattern.code[:2] == family.code[:2]:
        return True
    return any(acts.get(form) == plover for w in words for form in (w, w.removesuffix("s")))


def act_nouns() -> dict[str, str]:
    """Return the one-word nouns of flashpoint's own lexicon (triggers.yaml) with the PLOVER type each codes."""
    from flashpoint.events.lexicon import load_lexicon

    nouns: dict[str, str] = {}
    for (pos, head), entries in load_lexicon().entries.items():
        plain = [entry for entry in entries if not entry.rest]
        if pos == "noun" and plain:
            nouns[head] = plain[0].type
    return nouns


def intended(pattern: Pattern, family: Family) -> bool:
    """Return True when a pattern of CAMEO's 03 root ("express intent to …") has a frame of intent.

    The intent is the verb's: a block of promising or offering (its code in 03), or of agreeing, approving
    and allowing (05, 08: "agreed to talks", "approved the plan"). Elsewhere the object words alone made
    "flew to Ankara", "carried out missions" and "managed to take the town" intents to meet or cooperate.
    """
    return not pattern.code.startswith("03") or (family.code or "")[:2] in {"03", "05", "08"}


def written_for(pattern: Pattern, family: Family) -> str | None:
    """Return the lemma of the family verb a pattern was written for (its origin comment), or None.

    PETRARCH2 lends a block's patterns to every verb of the block, but each was written for one verb:
    "attack * government" is a verbal attack, and lent to "battle" it made fighting government forces a
    criticism; "send * mission" lent to "carry" made carrying out missions an intent to meet.
    """
    words = _word(pattern.origin).split() if pattern.origin else []
    if not words:
        return None
    origin = words[0]
    if origin in family.forms:
        return family.forms[origin]
    # a regular inflection the block does not list ("pounded", "strikes")
    endings = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""))
    for suffix, ending in (*endings, ("s", ""), ("d", "")):
        if origin.endswith(suffix):
            stem = origin[: -len(suffix)] + ending
            if stem in family.forms:
                return family.forms[stem]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in family.forms:  # "pitted"
                return family.forms[stem[:-1]]
    return None


def rows(dictionary: Path, crosswalk_path: Path, acts: Mapping[str, str] | None = None) -> Iterator[str]:
    """Yield the lines of the compact table: synonym sets, verbs, then each family's patterns.

    `acts` maps the nouns that name an act to its PLOVER type (default: our lexicon's, `act_nouns`).
    """
    acts = act_nouns() if acts is None else acts
    lines = dictionary.read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    synsets = read_synsets(lines[:start])
    crosswalk = read_crosswalk(crosswalk_path)

    def coded(code: str | None) -> tuple[str, str, str] | None:
        if code is None:
            return None
        found = crosswalk.get(code) or crosswalk.get(code[:3])
        return None if found is None else (code, found[0], found[1] or "-")

    used: set[str] = set()
    verbs: list[str] = []
    patterns: list[str] = []
    for number, family in enumerate(read_families(lines[start:end]), start=1):
        kept: list[str] = []
        block = coded(family.code)
        for pattern in family.patterns:
            walked = coded(pattern.code)
            named = [w[1:] for w in pattern.before + pattern.after if w.startswith("&")]
            if walked is None or any(name not in synsets for name in named) or not intended(pattern, family):
                continue  # no PLOVER type, a synonym set the dictionary never defines, or no intent
            row = "\t".join(
                (
                    str(number),
                    " ".join(pattern.before) or "-",
                    " ".join(pattern.after) or "-",
                    *walked,
                    "-"
                    if lent(pattern, family, walked[1], block and block[1], acts)
                    else written_for(pattern, family) or "-",
                )
            )
            if row not in kept:
                kept.append(row)
                used.update(w[1:] for w in pattern.before + pattern.after if w.startswith("&"))
        for lemma, particles, own in family.verbs:
            # The block's code is its head verb's; the synonyms listed with it ("ease" under FACILITATE)
            # are too loose to take it without a pattern.
            walked = coded(own or (family.code if lemma == family.name and not particles else None))
            if lemma in _BARE_NOT_EVENTS:
                walked = None
            if walked is None and not kept:
                continue
            verbs.append(
                "\t".join(
                    ("@verb", lemma, " ".join(particles) or "-", str(number), *(walked or ("-", "-", "-")))
                )
            )
        patterns.extend(kept)
    yield "# flashpoint CAMEO verb patterns, generated by scripts/convert_cameo.py; see NOTICE (MIT)."
    yield "# @set NAME words | @verb LEMMA PARTICLES FAMILY CAMEO PLOVER MODE | FAMILY BEFORE AFTER CAMEO PLOVER MODE VERB"
    for name in sorted(used):
        if name in synsets:
            yield "\t".join(("@set", name, "|".join(synsets[name])))
    yield from dict.fromkeys(verbs)
    yield from patterns


def main(argv: list[str] | None = None) -> int:
    """Write the table; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    dictionary = args.data / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
    crosswalk = args.data / "ontology" / "CAMEO2PLOVER-2021.txt"
    for needed in (dictionary, crosswalk):
        if not needed.is_file():
            parser.error(f"{needed} not found: pass --data pointing at the shared data folder")
    lines = list(rows(dictionary, crosswalk))
    target = args.out / "cameo_verbs.tsv"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counted = sum(1 for line in lines if not line.startswith(("#", "@")))
    print(f"wrote {target}: {counted} patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
