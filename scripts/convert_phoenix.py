"""Convert the Phoenix (PETRARCH2) actor and agent dictionaries into flashpoint's compact actor tables.

    python scripts/convert_phoenix.py [--source ../shared/data/dictionaries/petrarch2]
                                      [--out src/flashpoint/actors/data/phoenix]

Reads Phoenix.agents.txt, Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
Phoenix.MilNonState.actors.txt (Open Event Data Alliance, MIT; format in their dictionaries.rst) and writes:

- agents.tsv   one generic agent phrase per line, every plural form spelled out: `phrase<TAB>SECTOR`
- actors.tsv   one named actor per line: `kind<TAB>country<TAB>sector<TAB>after<TAB>roles<TAB>names`
               kind: person | organisation | place; roles `SECTOR/COUNTRY/from/to` joined by `;` (ISO dates,
               empty = open, `to` exclusive); names joined by `|`
- NOTICE       the MIT notice and the attribution

CAMEO codes are read as flashpoint's (PLOVER) codes: the first three letters are the country (or IGO, NGO,
IMG …) and the next known sector segment is the sector; CAMEO's MED (media) is our JRN, HLH (health) our MED,
MUS our MOS, NGO/HRI agents our SOC. The tables are committed; the build never needs ../shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "dictionaries" / "petrarch2"
OUT = ROOT / "src" / "flashpoint" / "actors" / "data" / "phoenix"
UPSTREAM = "openeventdata/petrarch2 @ 676801c, petrarch2/data/dictionaries/"

# CAMEO sector segments → ours (PLOVER names). Segments not listed are not sectors (regions, religions
# inside a longer code, sub-roles).
SECTORS: dict[str, str] = {
    **{
        code: code
        for code in [
            "GOV",
            "MIL",
            "REB",
            "OPP",
            "PTY",
            "COP",
            "JUD",
            "LEG",
            "CVL",
            "BUS",
            "EDU",
            "REF",
            "LAB",
            "SPY",
            "ELI",
            "CRM",
            "AGR",
        ]
    },
    **{code: code for code in ["PRM", "REL"]},
    "UAF": "REB",  # unaffiliated armed forces: we code every non-state armed group REB
    "ENV": "SOC",  # environmental groups are civil society
    "MED": "JRN",
    "HLH": "MED",
}
# Agent codes that are sectors only as the agent's whole code ("~MUS": Muslims).
AGENT_ONLY = {
    "MUS": "MOS",
    "CHR": "CHR",
    "JEW": "JEW",
    "HIN": "HIN",
    "BUD": "BUD",
    "NGO": "SOC",
    "HRI": "SOC",
}
# Former states and Phoenix's own codes → the ISO code flashpoint writes (our countries.yaml gives a former
# state's names to the state that continues it: Yugoslavia → Serbia, the Soviet Union → Russia).
SUCCESSORS = {
    "SUN": "RUS",
    "DDR": "DEU",
    "CSK": "CZE",
    "YUG": "SRB",
    "SCG": "SRB",
    "ZAR": "COD",
    "TMP": "TLS",
    "KSV": "XKX",
}
# Codes in the country slot that are not countries.
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "INT", "UNO"}
# A sector inside an IGO/NGO code is taken only when it is one of these (IGOUNOREFHCR is not a refugee).
FAMILY_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY", "REB"})
_BRACKET = re.compile(r"\[([^\]}]*)[\]}]")
_AGENT = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]")
_ACRONYMS = frozenset({"US", "UN", "EU", "UK", "UAE", "USA", "AU", "OAS", "IDF", "PLO", "ANC"})
_DATE = re.compile(r"^\d{6}$|^\d{8}$")
# Shorter intergovernmental offices are rotating chairs (a national minister's six months at the EU Council).
OFFICE_DAYS = 300


@dataclass
class Record:
    """One actor record of a Phoenix actors file: its names and its coded restrictions."""

    names: list[str]
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, restriction text)
    source: str = ""


def words(phrase: str) -> str:
    """Return a Phoenix phrase as lower-case words ("FOREIGN_MINISTER_" → "foreign minister")."""
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    return " ".join(phrase.replace("_", " ").lower().split())


def regular_plural(word: str) -> str:
    """Return the plural PETRARCH forms by rule: +S, Y → IES, SS → SSES."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def agent_sector(code: str) -> str | None:
    """Return our sector for an agent code ("~GOVMED" → GOV, "NGO~" → SOC), or None."""
    code = code.replace("~", "").strip().upper()
    first = code[:3]
    if first in SECTORS:
        return SECTORS[first]
    if (first in AGENT_ONLY and len(code) == 3) or first in ("NGO", "HRI"):
        return AGENT_ONLY[first]
    return None


def read_agents(path: Path) -> dict[str, str]:
    """Return {phrase: sector} for every agent phrase and its plural forms."""
    substitutions: dict[str, list[str]] = {}
    table: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if re.match(r"^!\w+!\s*=", line):
            name, values = line.split("=", 1)
            substitutions[name.strip()] = [v.strip().lower() for v in values.split(",") if v.strip()]
            continue
        match = _AGENT.match(line)
        if match is None:
            continue
        sector = agent_sector(match.group("code"))
        if sector is None:
            continue
        phrase = match.group("phrase").strip().lower()
        marker = re.search(r"![a-z]+!", phrase)
        if marker:
            forms = [
                phrase.replace(marker.group(), value)
                for value in substitutions.get(marker.group().upper(), [])
            ]
        else:
            singular = words(phrase)
            plural = match.group("plural")
            if plural is None:
                last = singular.split()[-1] if singular else ""
                forms = [singular, " ".join([*singular.split()[:-1], regular_plural(last)])]
            else:
                forms = [singular] + ([words(plural)] if plural.strip() else [])
        for form in forms:
            form = words(form)
            if form and len(form) > 2:
                table.setdefault(form, sector)
    return table


def read_actor_records(path: Path) -> Iterator[Record]:
    """Yield the records of a Phoenix actors file (primary phrase, + synonyms, tab-indented restrictions)."""
    record: Record | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0]
        if not line.strip():
            continue
        indented = line[:1] in ("\t", " ")
        text = line.strip()
        if indented and text.startswith("["):
            if record is not None:
                record.codes += _codes(text)
            continue
        synonym = text.startswith("+")
        phrase, _, rest = text.lstrip("+").partition("[")
        if synonym and record is not None:
            record.names.append(phrase)
            record.codes += _codes("[" + rest) if rest else []
            continue
        if record is not None:
            yield record
        record = Record(names=[phrase], codes=_codes("[" + rest) if rest else [], source=path.name)
    if record is not None:
        yield record


def _codes(text: str) -> list[tuple[str, str]]:
    out = []
    for inner in _BRACKET.findall(text):
        parts = inner.split(None, 1)
        if parts and not parts[0].startswith("-"):
            out.append((parts[0].upper(), parts[1].strip() if len(parts) > 1 else ""))
    return out


def _date(text: str) -> dt.date | None:
    text = text.strip()
    if not _DATE.match(text):
        raise ValueError(text)
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def restriction(text: str) -> tuple[dt.date | None, dt.date | None] | None:
    """Return (from, to) for a restriction (`to` exclusive; None = open), or None when it cannot be read."""
    text = text.replace(" ", "")
    try:
        if not text:
            return (None, None)
        if text.startswith(">"):
            return (_date(text[1:]), None)
        if text.startswith("<"):
            end = _date(text[1:])
            return (None, end + dt.timedelta(days=1) if end else None)
        first, _, last = text.partition("-")
        end = _date(last)
        return (_date(first), end + dt.timedelta(days=1) if end else None)
    except ValueError:
        return None


def split_code(code: str, countries: set[str]) -> tuple[str | None, str | None]:
    """Return (country, sector) of an actor code ("AFGGOVBUS" → AFG, GOV; "IGOUNO" → IGO, None)."""
    segments = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not segments:
        return None, None
    head = segments[0]
    if head in SECTORS:  # a bare sector ("[ELI]"): no country of its own
        return None, SECTORS[head]
    if head in NON_STATE:
        country = "IGO" if head in ("IGO", "UNO") else ("NGO" if head == "NGO" else None)
        sector = next((SECTORS[s] for s in segments[1:] if s in FAMILY_SECTORS), None)
        return country, sector or ("REB" if head == "IMG" else None)
    country = SUCCESSORS.get(head, head) if head in countries else None
    sector = next((SECTORS[s] for s in segments[1:] if s in SECTORS), None)
    return country, sector


def display(phrase: str) -> str:
    """Return a readable name: "YASSER_ARAFAT_" → "Yasser Arafat"; short acronyms stay in capitals."""
    name = " ".join(re.sub(r"\([^)]*\)", " ", phrase).replace("_", " ").split())
    out = []
    for word in name.split(" "):
        letters = word.replace(".", "")
        acronym = len(letters) <= 3 and (word.upper() in _ACRONYMS or not re.search("[AEIOU]", word.upper()))
        if (
            acronym
            or (len(letters) <= 4 and "." in word)
            or (len(name.split(" ")) == 1 and len(letters) <= 4)
        ):
            out.append(word.upper())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def convert_record(
    record: Record, countries: set[str], nouns: frozenset[str] = frozenset(), *, officials: bool = False
) -> tuple[str, str, str, str, str, list[str]] | None:
    """Return one actors.tsv row for a record, or None when it codes nothing usable.

    `nouns` are the one-word agent nouns: a person's name that contains one ("Prime Minister Ehud Barak",
    "Bush administration") is left out, so that the office in the text is read by the resolver's own rules.
    With `officials`, a dated intergovernmental code with no sector of its own ("SADAKO_OGATA_ [IGOUNO
    910101-001231]") is read as that body's office (GOV, as our YAML codes a UN Secretary-General) when it
    was held for a year or more: shorter ones are the six-month chairs a national minister holds in turn.
    """
    names = []
    for phrase in record.names:
        name = display(re.sub(r"^(?i:the)[_ ]+", "", phrase.strip()))
        if not re.search(r"[A-Za-z]{2}", name) or len(name) < 3:
            continue
        names.append(name)
    roles: list[str] = []
    default: tuple[str | None, str | None] | None = None
    found: Counter[str] = Counter()
    for code, text in record.codes:
        country, sector = split_code(code, countries)
        if country:
            found[country] += 1
        if not text:
            default = (country, sector) if default is None else default
            continue
        span = restriction(text)
        if officials and span is not None and sector is None and country == "IGO" and _lasting(span):
            sector = "GOV"
        if span is None or sector is None:
            continue
        start, end = span
        roles.append(f"{sector}/{country or ''}/{start or ''}/{end or ''}")
    coded = {split_code(code, countries) for code, _ in record.codes}
    if (
        record.source.startswith("Phoenix.Countries")
        and default is None
        and not roles
        and len(coded) == 1
        and next(iter(coded))[1] is None
    ):
        # a country coded only by dates ("IRAQ_ … [IRQ <20030320] [IRQ >20060520]") is still that country
        default = next(iter(coded))
    if not names or (default is None and not roles):
        return None
    country = (default[0] if default and default[0] else None) or (
        found.most_common(1)[0][0] if found else None
    )
    sector = default[1] if default else None
    roles = [r.replace(f"/{country}/", "//", 1) if country else r for r in roles]
    is_country_name = (
        record.source.startswith("Phoenix.Countries")
        and default is not None
        and default[0] is not None
        and (default[0] in countries or default[0] in SUCCESSORS.values())
        and not roles
        and sector is None
    )
    if is_country_name:
        kind = "place"
    elif (
        roles
        and record.source.startswith("Phoenix.Countries")
        and all(len(n.split()) >= 2 for n in names[:1])
    ):
        kind = "person"
    else:
        kind = "organisation"
    if kind == "person":
        # a single word is too often someone else; an office or institution word belongs to the text
        # and a name that ends with another of its names carries a title ("Secretary Of State Warren Christopher")
        lowered = [n.lower() for n in names]
        names = [
            n
            for n, low in zip(names, lowered, strict=True)
            if len(n.split()) >= 2
            and not set(low.split()) & nouns
            and not any(low != other and low.endswith(" " + other) for other in lowered)
        ]
    elif kind == "organisation":
        names = [n for n in names if len(n.split()) >= 2 or len(n) >= 4]
    if not names or (country is None and sector is None):
        return None
    after = "ELI" if kind == "person" and (default is None or default[1] is None) else (sector or "")
    return kind, country or "", sector or "", after, ";".join(roles), names


def _lasting(span: tuple[dt.date | None, dt.date | None]) -> bool:
    """Return True for an office held a year or more (or with an open end)."""
    start, end = span
    return start is None or end is None or (end - start).days >= OFFICE_DAYS


def country_codes(path: Path) -> set[str]:
    """Return the three-letter country codes of the countries file's records, dated or not (Iraq, Ukraine or
    Kuwait are coded only with dates: "[IRQ <20030320]", "[IRQ >20060520]")."""
    codes = set()
    for record in read_actor_records(path):
        for code, _ in record.codes:
            if len(code) == 3 and code not in SECTORS and code not in NON_STATE:
                codes.add(code)
    return codes


NOTICE = """\
The tables in this folder (agents.tsv, actors.tsv) are derived by scripts/convert_phoenix.py from the
Phoenix actor and agent dictionaries of the PETRARCH2 event coder:

    {upstream}
    Phoenix.agents.txt, Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
    Phoenix.MilNonState.actors.txt (Computational Event Data System Project / Open Event Data Alliance)

The codes were converted to flashpoint's country/sector codes; names, dates and codes are otherwise theirs.
They are distributed under the MIT License of the original:

{licence}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not (args.source / "Phoenix.agents.txt").exists():
        raise SystemExit(f"convert_phoenix: no Phoenix dictionaries in {args.source}")
    args.out.mkdir(parents=True, exist_ok=True)
    header = f"# generated by scripts/convert_phoenix.py from {UPSTREAM} (MIT; see NOTICE)\n"
    agents = read_agents(args.source / "Phoenix.agents.txt")
    with (args.out / "agents.tsv").open("w", encoding="utf-8") as out:
        out.write(header)
        for phrase in sorted(agents):
            out.write(f"{phrase}\t{agents[phrase]}\n")
    countries = country_codes(args.source / "Phoenix.Countries.actors.txt")
    nouns = frozenset(phrase for phrase in agents if " " not in phrase)
    rows = []
    officials = []
    for name in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        for record in read_actor_records(args.source / name):
            row = convert_record(record, countries, nouns)
            if row is not None:
                rows.append(row)
            elif name == "Phoenix.International.actors.txt":
                official = convert_record(record, countries, nouns, officials=True)
                officials += [official] if official is not None else []
    # International officials come last, under names no other record has taken ("Douglas Hurd" stays the
    # British minister the countries file makes him, not the EU Council's chair for six months).
    taken = {name.lower() for row in rows for name in row[5]}
    for kind, country, sector, after, roles, names in officials:
        free = [name for name in names if name.lower() not in taken]
        if free:
            rows.append((kind, country, sector, after, roles, free))
            taken.update(name.lower() for name in free)
    with (args.out / "actors.tsv").open("w", encoding="utf-8") as out:
        out.write(header)
        for kind, country, sector, after, roles, names in rows:
            out.write("\t".join([kind, country, sector, after, roles, "|".join(names)]) + "\n")
    # The upstream licence text, copied as the MIT License requires (read from the source, not kept here).
    licence = (args.source / "LICENSE").read_text(encoding="utf-8")
    (args.out / "NOTICE").write_text(NOTICE.format(upstream=UPSTREAM, licence=licence), encoding="utf-8")
    kinds = Counter(row[0] for row in rows)
    print(f"agents: {len(agents)} phrases; actors: {len(rows)} ({dict(kinds)}) → {args.out}")


if __name__ == "__main__":
    main()
