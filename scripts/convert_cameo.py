"""Convert the PETRARCH2 CAMEO verb dictionary into flashpoint's compact verb-pattern table.

    python scripts/convert_cameo.py [--data ../shared/data] [--out src/flashpoint/events/data]

Reads `dictionaries/petrarch2/CAMEO.2.0.txt` (Open Event Data Alliance, MIT licence) and
`ontology/CAMEO2PLOVER-2021.txt` (the PLOVER manual's crosswalk) and writes `cameo_verbs.tsv`: one row per
verb lemma and pattern, with the CAMEO code, the PLOVER type and the PLOVER mode the code maps to. Patterns
whose code has no PLOVER type ("[---]", statements, appeals) are left out. Synonym sets (`&MILITARY`) are
written once as `@set` rows and referred to by name. The table is committed with its NOTICE; the package
reads the table only, so neither this script nor ../shared is needed at run time.

Row kinds (tab-separated, `#` starts a comment line, "-" is an empty field):

    @set    NAME    word|word two|...                         a synonym set (words lower-case)
    @verb   LEMMA   PARTICLES   FAMILY   CAMEO   PLOVER   MODE   a verb of a family, with its own code
    FAMILY  BEFORE  AFTER   CAMEO   PLOVER   MODE               a pattern shared by the family's verbs

PARTICLES holds the words of a phrasal verb ("out" for "pull out"). BEFORE and AFTER are the words on each
side of the verb, space-separated, with `&NAME` for a synonym set. PETRARCH2 applies a family's patterns to
all of its verbs (the synonyms); so does flashpoint.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
DEFAULT_OUT = HERE.parent / "src" / "flashpoint" / "events" / "data"

# The crosswalk's mode names that flashpoint spells differently, and codes whose crosswalk mode is coarser
# than the CAMEO description ("Employ aerial weapons" is aerial, not heavy weapons).
_MODE_NAMES = {"assassinate": "targeted", "massacre": "targeted", "cleansing": "targeted", "ban": "restrict"}
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
    family_code: str | None = None
    name = ""
    started = False
    for line in lines:
        head = re.match(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---", line)
        if head:
            if started:
                yield Family(name, tuple(verbs), tuple(patterns), family_code)
            verbs, patterns, family_code, started = [], [], _code(head.group(2)), True
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
    if started:
        yield Family(name, tuple(verbs), tuple(patterns), family_code)


def rows(dictionary: Path, crosswalk_path: Path) -> Iterator[str]:
    """Yield the lines of the compact table: synonym sets, verbs, then each family's patterns."""
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
        for pattern in family.patterns:
            walked = coded(pattern.code)
            named = [w[1:] for w in pattern.before + pattern.after if w.startswith("&")]
            if walked is None or any(name not in synsets for name in named):
                continue  # no PLOVER type, or a synonym set the dictionary never defines
            row = "\t".join(
                (str(number), " ".join(pattern.before) or "-", " ".join(pattern.after) or "-", *walked)
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
    yield "# @set NAME words | @verb LEMMA PARTICLES FAMILY CAMEO PLOVER MODE | FAMILY BEFORE AFTER CAMEO PLOVER MODE"
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
