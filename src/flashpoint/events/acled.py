"""ACLED event and sub-event types for a sentence: transparent word rules plus the PLOVER type and mode.

`classify` looks for families of cue words (weapons, crowd actions, police responses, victims…) in the
text, then decides in a fixed order from the most specific evidence to the least:

1. a leading label in ACLED's own note style ("Looting: …", "Interception: …");
2. crowds (protest, rally, strike, rioters…): riot, excessive force, intervention or peaceful protest;
3. mob violence (a mob or villagers beating or killing someone);
4. remote violence by weapon: suicide bomb, chemical weapon, grenade, air/drone strike, IED, shelling;
5. sexual violence and abduction;
6. fighting between armed sides, territory taken;
7. strategic developments (looting, arrests, disrupted weapons, agreements, changes to groups…);
8. killings and attacks: on civilians → violence against civilians, on armed actors → armed clash;
9. the PLOVER type and mode (`ontology.acled_crosswalk`), when the words said nothing decisive.

It returns (None, None) when nothing in the sentence points at an ACLED category.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from flashpoint.errors import OntologyError
from flashpoint.events import ontology
from flashpoint.events.arguments import PRONOUNS
from flashpoint.records import Actor, Claim, Event, PlaceMention, Sentence

__all__ = ["NOTE_SENTENCES", "classify", "elsewhere", "label_note", "note_length", "read_sentence"]

Coding = tuple[str | None, str | None]

BATTLE = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# Leading labels of ACLED's note style for strategic developments (lower-cased) → sub-event type.
_LABELS: dict[str, str] = {
    "property destruction": "Looting/property destruction",
    "looting": "Looting/property destruction",
    "land seizure": "Looting/property destruction",
    "movement of forces": "Change to group/activity",
    "security measures": "Change to group/activity",
    "change to armed group": "Change to group/activity",
    "recruitment": "Change to group/activity",
    "interception": "Disrupted weapons use",
    "defusal": "Disrupted weapons use",
    "weapons seizure": "Disrupted weapons use",
    "detonation": "Disrupted weapons use",
    "arrests": "Arrests",
    "agreement": "Agreement",
    "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "displacement": "Other",
    "non-violent activity": "Other",
    "other": "Other",
    "training": "Other",
    "elections/referendum": "Other",
    "explosive remnants of war": "Other",
    "mass grave": "Other",
    "strikes": "Other",
}

# Cue families: each a regex over the lower-cased text. Word stems keep them independent of inflection.
_CUES: dict[str, str] = {
    "demo": r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies|ying)|march(?:ed|es|ing)\b|(?<!\d )(?<!\bin )(?<!\bon )(?<!\bof )(?<!\bby )(?<!since )(?<!until )(?<!\blast )(?<!\bearly )(?<!\blate )(?<!\bmid-)\bmarch(?! \d)|sit-?ins?|(?:an?|the|held|staged|organi[sz]ed|began|started) sit ins?|picket\w*"
    r"|boycott\w*|(?:went|go|going|were|are|is) on (?:a )?(?:hunger )?strike|(?:hunger|general|labou?r) strikes?"
    r"|(?:staged|held|called|began|started|declared) (?:a |an )?(?:[\w-]+ )?(?:strike|walkout)s?|walk-?outs?|work stoppages?|strikers"
    r"|strik(?:e|es|ed|ing) (?:workers|teachers|drivers|doctors|nurses)|gathered|vigil|petition\w*"
    r"|chant\w*|placards?|banners?|blocked (?:\w+ )?(?:roads?|highways?|streets?|avenues?|access|entrances?|traffic))\b",
    "size": r"\[size=|\b(?:gathered|gathering|assembled|motorcade|caravan|crowds?)\b",
    "demand": r"\b(?:demand\w*|agitat\w*|denounc\w*|complain\w*|in response to|grievances?|in protest|call(?:ed|ing)? for)\b",
    "crowd_word": r"\b(?:protesters?|protestors?|demonstrators?|rioters?|crowds?|supporters|activists)\b",
    "riot": r"\b(?:rioters?|rioted|rioting|(?:turned|became|grew) violent|violently|vandali[sz]\w*|threw (?:stones|rocks|bottles|petrol|molotov|objects|eggs|firecrackers)"
    r"|throwing (?:stones|rocks|bottles|petrol|molotov|objects)|hurl\w* (?:stones|rocks|bottles|objects|molotov)"
    r"|burn(?:ed|t|ing|s)? (?:\w+ ){0,2}(?:tires|tyres|obstacles|debris|tree trunks|barricades?|buses|bus|vehicles?|cars?|homes|houses"
    r"|gates?|objects|machines?|machinery|equipment|property|offices?|shops?|stores?)"
    r"|scuffl\w*|disrupt\w*|(?:attacked|damaged|smashed|stoned) (?:\w+ ){0,2}(?:vehicles?|cars?|buses|trucks|property|windows?"
    r"|windshields?|offices?|buildings?|shops?|stores?|police|officers|journalists?)"
    r"|(?:demonstrators|protesters|protestors|rioters|crowd) (?:\w+ ){0,2}(?:beat|assaulted|attacked|injured|hurled|threw)"
    r"|(?:erected|set up|installed|built) (?:\w+ )?barricades?|burning (?:tires|tyres|debris|barricades?)|tied up|held (?:\w+ )?hostage"
    r"|stone[- ]?pelt\w*|pelt\w*|molotov|pyrotechnics|set (?:\w+ )?(?:on )?fire|torch(?:ed|ing)|ransack\w*"
    r"|clash\w* with (?:the )?(?:police|security|riot|military|soldiers|forces|officers)|attacked (?:the )?police|smash\w*|broke (?:into|windows)|stormed|burn(?:ed|t|ing) (?:a |the |several )?(?:vehicles?|cars?|buses|police|buildings?|offices?|shops?|houses?))\b",
    "mob": r"\b(?:mobs?|lynch\w*|vigilante\w*|angry (?:residents|villagers|crowd)|mob justice|(?:residents|villagers|locals|community members|crowd) (?:beat|attacked|assaulted|killed|set|burn\w*))\b",
    "intervene": r"\b(?:dispers\w*|tear ?gas|teargas|water cannons?|rubber bullets|pellets?|batons?|lathi|baton-charg\w*"
    r"|kettl\w*|stun grenades?|pepper spray|fired (?:\w+ )?(?:shots )?in(?:to)? the air)\b"
    r"|\b(?:police|policemen|security|officers|forces|authorities|soldiers|troops|gendarmes?|military|guards)\b[^.;]{0,50}"
    r"\b(?:dispers\w*|intervened|arrested|detained|prevented|stopped|blocked|removed|evicted|beat|charged|cleared|forced)\b"
    r"|\b(?:protesters?|demonstrators?|participants|marchers|strikers|they|group|activists|people)\b[^.;]{0,40}"
    r"\b(?:were|was|being|got) (?:\w+ )?(?:dispersed|arrested|detained|removed|evicted|beaten|blocked|stopped|prevented)\b",
    "casualty": r"\b(?:killed|killing|wounded|injured|injuring|dead|died|fatalit(?:y|ies))\b",
    "suicide": r"\bsuicide (?:bomb\w*|attack\w*|vest|car|truck|vehicle)|\bself-detonat\w*",
    "chemical": r"\b(?:chemical (?:weapons?|attack|agents?)|chlorine|sarin|nerve agent)\b",
    "grenade": r"\bgrenades?\b(?! launcher)",
    "air": r"\b(?:air ?strikes?|air[- ]raids?|airstrik\w*|drones?|uavs?|warplanes?|fighter jets?|jets?|aircraft"
    r"|helicopters?|gunships?|aerial|bombers?|air force|air-?dropped|sorties?"
    r"|(?:carried out|conducted|launched) (?:[\w-]+ ){0,2}strikes|strikes? (?:destroyed|engaged|struck|hit|targeted))\b",
    "ied": r"\b(?:ieds?|vbieds?|improvised explosive|land ?mines?|mines?|roadside bombs?|car bombs?|explosive devices?"
    r"|booby[- ]trap\w*|bomb (?:exploded|went off|blast|detonated)|(?:planted|detonated) (?:a |an )?(?:bomb|explosive)"
    r"|explosives?|magnetic bomb|sticky bomb|unexploded|uxo|bomb blast|bomb explosions?)\b",
    "shell": r"\b(?:shell(?:ed|s|ing)?|artillery|mortars?|rockets?|missiles?|mlrs|grad|howitzers?|katyusha|tank fire"
    r"|tanks? fired|explosions?|grenade launchers?|heavy machine ?guns?|(?:1[2-9]|[2-9]\d|\d{3})(?:\.\d+)? ?mm|heavy (?:and medium )?weapons?|projectiles?|bombard\w*|cannons?|struck by"
    r"|strikes? (?:against|hit)|strikes? on (?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \w+ of)\b))\b",
    "sexual": r"\b(?:rap(?:e|ed|es|ing|ist)|gang-?rap\w*|sexual\w*|sexually)\b",
    "abduct": r"\b(?:abduct\w*|kidnap\w*|hostages?|forcibly disappeared|disappeared|taken captive|held captive|ransom)\b",
    "clash": r"\b(?:clash\w*|fight\w*|fought|exchange[sd]? (?:of )?(?:fire|gunfire)|gun ?fights?|firefights?|battles?|battled"
    r"|encounters?|engag(?:ed|ement)|skirmish\w*|confront\w*|offensive|attacked (?:a |an |the )?(?:\w+ )?(?:positions?|posts?|bases?"
    r"|checkpoints?|camps?|outposts?|convoys?|patrols?|barracks)|armed (?:clash|confrontation)|gunbattle|gun battle|shoot-?outs?|cross-?fire)\b",
    "gunfire": r"\b(?:gunfire|small arms|bursts? of fire|exchanged (?:(?!artillery|mortar|rocket|missile)\w+ )?fire|repell?ed|repulsed"
    r"|thwarted|infiltrat\w*|(?<!heavy )machine ?guns?)\b",
    "aimed": r"\b(?:fired\b[^.;]{0,40}?\b(?:in the direction of|towards|at|on) (?:the )?(?:[\w-]+ ){0,3}?(?:positions?|forces|troops|soldiers|military|militants|fighters)"
    r"|(?:violence|fighting) (?:erupted|errupted|broke out)|inter-?(?:clan|communal|tribal|ethnic) (?:violence|fighting)"
    r"|(?:military|army|counter-?terror\w*|clearance|joint) operations?)\b",
    "regain": r"\b(?:regain\w*|recaptur\w*|retook|retaken|liberat\w*|took back|back under (?:the )?control)\b",
    "overtake": r"\b(?:overran|overrun|seized control|took control|captured (?:the )?(?:town|village|city|area|base|district)"
    r"|taken over|took over)\b",
    "loot": r"\b(?:loot\w*|plunder\w*|pillag\w*|rob(?:bed|bery|beries|bing)|stole|stolen|ransack\w*|extort\w*"
    r"|burn(?:ed|t|ing)? (?:down )?(?:\w+ )?(?:houses?|homes?|huts?|shops?|property|properties|vehicles?|crops|villages?)"
    r"|set (?:\w+ )?(?:houses?|homes?|shops?|vehicles?|property|ablaze|on fire)|set fire to|arson\w*|demolish\w*|destroy\w*|damag\w*"
    r"|bulldoz\w*|seized? (?:land|property|properties|cattle|livestock|goods|houses?))\b",
    "arrest": r"\b(?:arrest\w*|detain\w*|apprehend\w*|custody|rounded up|captured|nabbed|held by police|in detention)\b",
    "weapons": r"\b(?:defus\w*|dismantl\w*|intercept\w*|shot down|seiz\w* (?:\w+ ){0,5}(?:weapons|arms|ammunition|explosives|rifles|guns|grenades|ieds?)"
    r"|recover\w* (?:\w+ ){0,5}(?:weapons|arms|ammunition|explosives|rifles|guns|grenades|ieds?)|weapons? caches?|arms caches?"
    r"|destroy\w* (?:an? |the |\w+ )?(?:ieds?|improvised explosive devices?|explosive devices?|(?:land)?mines)"
    r"|controlled (?:explosion|detonation)|neutrali[sz]ed (?:a |an |the )?(?:\w+ )?(?:bomb|explosive|ied|mine|device)"
    r"|air defen[cs]e)\b",
    "agree": r"\b(?:agreements?|agreed|ceasefire|cease-fire|truce|peace (?:deal|accord|talks)|signed|prisoner (?:swap|exchange)"
    r"|exchange of (?:prisoners|bodies)|accord)\b",
    "change": r"\b(?:joined|defect\w*|merg\w*|split|recruit\w*|disband\w*|dissol\w*|form(?:ed|ation) (?:a |of )|launched (?:a |an )?"
    r"(?:new )?(?:group|wing|militia|operation|campaign)|patrol\w*|deploy\w*|reinforcement\w*|curfew|checkpoints?|surrender\w*"
    r"|lockdown|announced|declared|convoy|deliver\w*|distribut\w*|exercises?|drills?|bann?(?:ed|ing)?|instituted|imposed"
    r"|check ?points?|measures|decided)\b",
    "transfer": r"\b(?:withdr[ae]w\w*|handed over|hand over|handover|pulled out|vacated|retreated)\b",
    "hq": r"\b(?:established (?:a |an |its |their )?(?:new )?(?:base|headquarters|camp|post|office)|set up (?:a |an )?(?:new )?(?:base|headquarters|camp))\b",
    "other": r"\b(?:displac\w*|evacuat\w*|fled|refugees|mass grave|training|trained|elections?|referendum)\b",
    "harm": r"\b(?:kill\w*|shot|shoot\w*|gun(?:ned)? down|stabb\w*|murder\w*|behead\w*|decapitat\w*|hack\w*|beat(?:en|ing)?"
    r"|tortur\w*|assault\w*|attack\w*|ambush\w*|injur\w*|wound\w*|assassinat\w*|execut\w*|dead bod(?:y|ies)|bodies|massacr\w*"
    r"|slaughter\w*|machete|lynch\w*|burn\w* alive|opened fire|fired (?:at|on|upon)|gunmen|hit"
    r"|found dead|bod(?:y|ies) (?:was |were )?found|human (?:head|remains)|mutilat\w*|dismember\w*|petrol bombs?)\b",
    "civilian": r"\b(?:civilians?|man|men|woman|women|child(?:ren)?|boys?|girls?|farmers?|villagers?|residents?|herders?"
    r"|journalists?|teachers?|students?|persons?|people|famil(?:y|ies)|workers?|traders?|businessm[ae]n|shopkeepers?"
    r"|vendors?|drivers?|passengers?|priests?|pastors?|imams?|activists?|lawyers?|doctors?|nurses?|elders?|chiefs?"
    r"|councillors?|councilors?|mayors?|candidates?|politicians?|leaders?|members? of (?:the )?(?:community|public)"
    r"|individuals?|youths?|couple|wife|husband|son|daughter|brother|sister|father|mother|victims?|bodies|body|locals?"
    r"|communit(?:y|ies)|refugees?|migrants?|pedestrians?|motorists?|miners?|fishermen|officials?|employees?)\b",
    "armed": r"\b(?:soldiers?|troops?|militants?|fighters?|army|militar(?:y|ies)|militia\w*|rebels?|insurgents?|jihadists?"
    r"|guerrillas?|forces|positions?|battalions?|brigades?|units?|servicem[ae]n|personnel|police(?:man|men)?|officers?"
    r"|gendarmes?|cops?|combatants?|terrorists?|gangs?|gangsters?|cartel|armed (?:group|men|individuals)|security)\b",
}


_HARM_VERB = (
    r"(?:killed|killing|shot|shooting|gunned down|stabbed|attacked|attacking|ambushed|raided|executed|assassinated|injured"
    r"|wounded|beheaded|beat|beaten|assaulted|tortured|hacked|fired (?:at|on|upon)|opened fire (?:at|on|upon)"
    r"|targeted|murdered)"
)
_ARMED_NOUN = (
    r"(?:soldiers?|troops?|policem[ae]n|police(?: officers?| personnel| agents?| station| post| patrol| vehicle)?"
    r"|officers?|militants?|fighters?|commanders?|guards?|rangers?|militiam[ae]n|militias?"
    r"|(?:gang|division|brigade|battalion|unit|regiment|force|army|group|militia|cartel) members?|members? of (?:the )?"
    r"(?:\w+ ){0,3}(?:gangs?|groups?|cartels?|militias?|factions?|forces|army|police)|drug (?:dealers?|traffickers?|lords?)"
    r"|traffickers?|rebels?|insurgents?|combatants?|personnel|gendarmes?|servicem[ae]n|security (?:men|forces|personnel|agents)"
    r"|checkpoints?|bases?|positions?|outposts?|patrols?|convoys?|barracks|military|army|taliban|jihadists?|cartel"
    r"|criminals?|gangsters?|hitm[ae]n|bandits?)"
)
_CIVILIAN_NOUN = (
    r"(?:civilians?|man|men|woman|women|child(?:ren)?|boys?|girls?|farmers?|villagers?|residents?|herders?|journalists?"
    r"|teachers?|students?|persons?|people|famil(?:y|ies)|workers?|traders?|businessm[ae]n|shopkeepers?|vendors?"
    r"|drivers?|passengers?|priests?|pastors?|imams?|activists?|lawyers?|doctors?|nurses?|elders?|chiefs?|councill?ors?"
    r"|mayors?|candidates?|politicians?|leaders?|individuals?|youths?|couple|wife|husband|son|daughter|brother|sister"
    r"|father|mother|locals?|refugees?|migrants?|pedestrians?|motorists?|miners?|fishermen|officials?|employees?"
    r"|worshippers?|pilgrims?|infants?|minors?|teenagers?|elderly|pastoralists?|shepherds?|detainees?|prisoners?"
    r"|directors?|sheikhs?|informants?|lands|houses?|homes?|villages?|settlements?|huts?|labou?rers?|spy|spies"
    r"|(?:drug )?suspects?)"
)


def _victim(noun: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b{_HARM_VERB}\b(?:\s+(?!by\b)[\w,'-]+){{0,4}}?\s+{noun}\b"
        rf"|\b{noun}\b(?:\s+[\w,'-]+){{0,5}}?\s+(?:was|were|had been|have been|got|being)\s+(?:\w+\s+)?{_HARM_VERB}\b"
    )


@dataclass(frozen=True, slots=True)
class _Rules:
    label: re.Pattern[str]
    cues: dict[str, re.Pattern[str]]
    airstrike_word: re.Pattern[str]
    police_killing: re.Pattern[str]
    armed_victim: re.Pattern[str]
    civilian_victim: re.Pattern[str]
    off_duty: re.Pattern[str]
    # Rule (cue family or field name) → literals one of which every match of it contains (None: not known).
    needed: dict[str, tuple[str, ...] | None] = field(default_factory=dict)

    def search(self, name: str, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        """Return `pattern.search(text)`; a text without any literal the rule `name` needs is not searched."""
        needed = self.needed.get(name)
        if needed is not None and not any(map(text.__contains__, needed)):  # no generator frame per word
            return None
        return pattern.search(text)


@functools.cache
def _rules() -> _Rules:
    rules = _Rules(
        label=re.compile(r"^\s*([A-Za-z][A-Za-z /-]{2,45}):\s"),
        cues={name: re.compile(pattern) for name, pattern in _CUES.items()},
        # "strike" of the military kind is not a labour strike.
        airstrike_word=re.compile(
            r"\b(?:air|drone|missile|rocket|artillery|aerial|military|precision)[- ]?strikes?\b"
        ),
        police_killing=re.compile(
            r"\b(?:police|security forces|soldiers|troops|military|army|officers|gendarmes?)\b[^.;]{0,80}"
            r"\b(?:killed|shot dead|shot and killed|opened fire|live (?:ammunition|bullets|rounds))"
            r"|\b(?:protesters?|demonstrators?)\b[^.;]{0,60}\b(?:were|was) (?:killed|shot dead)"
        ),
        armed_victim=_victim(_ARMED_NOUN),
        civilian_victim=_victim(_CIVILIAN_NOUN),
        # Off-duty and former members of armed forces count as civilians (ACLED's convention).
        off_duty=re.compile(
            r"\b(?:off-duty|former|retired|ex-)\s*(?:[\w-]+\s+){0,3}?"
            r"(?:officers?|policem[ae]n|police|soldiers?|members?|commanders?|guards?|militiam[ae]n)\b"
        ),
    )
    named = {
        "airstrike_word": rules.airstrike_word,
        "police_killing": rules.police_killing,
        "armed_victim": rules.armed_victim,
        "civilian_victim": rules.civilian_victim,
        "off_duty": rules.off_duty,
    }
    rules.needed.update((name, _literals(p.pattern)) for name, p in {**rules.cues, **named}.items())
    return rules


_MAX_LITERALS = 25


def _literals(pattern: str) -> tuple[str, ...] | None:
    """Return strings one of which every match of `pattern` contains, or None when none is known.

    A quick `in` test on them spares most searches: most sentences hold no word of most cue families,
    and scanning a sentence with a long alternation costs far more than a few substring tests. With more
    than `_MAX_LITERALS` of them (families of common words: victims, armed actors) the tests cost about
    what the search does, so None. The pattern is read with the parser of the `re` module (private, so
    anything unexpected means None as well: the pattern is then always searched).
    """
    try:
        parser: Any = importlib.import_module("re._parser")
        constants: Any = importlib.import_module("re._constants")
        tree = parser.parse(pattern)
        if tree.state.flags & constants.SRE_FLAG_IGNORECASE:
            return None
        found = _factors(tree, constants)
    except Exception:  # an optimisation only: without it every text is searched
        return None
    if not found:
        return None
    # A literal that holds another is found only where that one is: the shorter one is enough.
    needed = sorted(word for word in found if not any(other in word for other in found if other != word))
    return tuple(needed) if len(needed) <= _MAX_LITERALS else None


def _factors(items: Iterable[tuple[Any, Any]], c: Any) -> frozenset[str] | None:
    """Return literals one of which every match of a parsed sequence contains (None: none known).

    A run of literal characters is in every match; a group passes on its content's literals, an
    alternation the union of its branches' (when each branch has some), a repeat its item's when the
    item must occur. Of the sequence's items, the one with the longest shortest literal is kept.
    """
    best: frozenset[str] | None = None
    run: list[str] = []

    def keep(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _strength(found) > _strength(best)):
            best = found

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            keep(frozenset({"".join(run)}))
            run = []
        if op is c.SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            keep(_factors(av[3], c))
        elif op is c.BRANCH:
            branches = [_factors(branch, c) for branch in av[1]]
            if all(branches):
                keep(frozenset().union(*(b for b in branches if b)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            keep(_factors(av[2], c))
    if run:
        keep(frozenset({"".join(run)}))
    return best


def _strength(literals: frozenset[str]) -> tuple[int, int]:
    return min(len(word) for word in literals), -len(literals)


_CIVILIAN_SECTORS = frozenset(
    {"CVL", "REF", "EDU", "MED", "HLH", "JRN", "LAB", "AGR", "BUS", "REL", "NGO", "HRI"}
)
_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "INS", "UAF", "PTY_MIL", "SEP", "TER"})


def _state_force(actor: Actor | None) -> bool:
    return actor is not None and (actor.sector or "")[:3].upper() in {"MIL", "COP", "SPY"}


def _recipient_side(recipient: Actor | None) -> str | None:
    if recipient is None:
        return None
    sector = (recipient.sector or "")[:3].upper()
    if sector in _ARMED_SECTORS:
        return "armed"
    if sector in _CIVILIAN_SECTORS or recipient.kind == "people":
        return "civilian"
    return None


class _Found:
    """The cue families a lower-cased sentence holds, each searched for the first time it is asked about.

    Most sentences are decided by a few families (a weapon, a crowd), so searching all of them up front
    was most of the classifier's cost. The matches live in the sentence's memo (`_read`), shared by the
    events of one sentence; families a rule adds (`add`) stay with this one reading.
    """

    __slots__ = ("_added", "_matches", "_rules", "text")

    def __init__(self, text: str, matches: dict[str, re.Match[str] | None], rules: _Rules):
        self.text = text
        self._matches = matches
        self._rules = rules
        self._added: set[str] = set()

    def match(self, name: str) -> re.Match[str] | None:
        """Return the first match of a cue family in the text (None: the family is absent)."""
        try:
            return self._matches[name]
        except KeyError:
            found = self._matches[name] = self._rules.search(name, self._rules.cues[name], self.text)
            return found

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self._added or self.match(name) is not None)

    def add(self, name: str) -> None:
        self._added.add(name)


@functools.lru_cache(maxsize=256)
def _read(text: str) -> tuple[str, dict[str, re.Match[str] | None]]:
    """Return a sentence lower-cased with its military strikes and off-duty forces rewritten, and an empty
    memo of its cue matches (the events of one sentence share both)."""
    rules = _rules()
    lowered = text.lower()
    if rules.search("airstrike_word", rules.airstrike_word, lowered):
        lowered = rules.airstrike_word.sub(" airstrike ", lowered)
    if rules.search("off_duty", rules.off_duty, lowered):
        lowered = rules.off_duty.sub("civilian", lowered)
    return lowered, {}


def _crowd(found: _Found, text: str, rules: _Rules, plover: str | None, mode: str | None) -> Coding:
    if "demo" not in found and plover != "PROTEST":
        # A crowd event without protest words: a mob acting on someone, or a bare gathering.
        if "riot" in found and "demand" in found and "mob" not in found:
            # Violence with a stated demand is a demonstration that turned violent.
            return RIOTS, "Violent demonstration"
        if any(cue in found for cue in ("mob", "harm", "riot", "clash")):
            return RIOTS, "Mob violence"
        return PROTESTS, "Peaceful protest"
    if "mob" in found:
        return RIOTS, "Mob violence"
    if rules.search("police_killing", rules.police_killing, text):
        return PROTESTS, "Excessive force against protesters"
    if "riot" in found or (plover == "PROTEST" and mode in {"riot", "vandalize"}):
        return RIOTS, "Violent demonstration"
    if "intervene" in found or (plover == "ASSAULT" and mode == "crowd-control"):
        return PROTESTS, "Protest with intervention"
    return PROTESTS, "Peaceful protest"


_STRATEGIC_CUES: dict[str, str] = {
    "weapons": "Disrupted weapons use",
    "loot": "Looting/property destruction",
    "arrest": "Arrests",
    "agree": "Agreement",
    "hq": "Headquarters or base established",
    "transfer": "Non-violent transfer of territory",
    "change": "Change to group/activity",
}


def _strategic(found: _Found) -> Coding:
    # Notes state their main event first: of several strategic cues, the earliest mention wins.
    positions = {cue: match.start() for cue in _STRATEGIC_CUES if (match := found.match(cue)) is not None}
    if positions:
        return STRATEGIC, _STRATEGIC_CUES[min(positions, key=lambda cue: positions[cue])]
    if "other" in found:
        return STRATEGIC, "Other"
    return None, None


def classify(
    text: str,
    *,
    plover: str | None = None,
    mode: str | None = None,
    actor: Actor | None = None,
    recipient: Actor | None = None,
    negated: bool = False,
) -> Coding:
    """Return (ACLED event type, sub-event type) for an event told in a sentence, or (None, None).

    `plover` and `mode` are the event's PLOVER coding when there is one; `recipient` tells civilians from
    armed actors. A negated event ("did not attack") is not an ACLED event. The sentence's cue words
    decide when they fit the event's PLOVER type (`ontology.acled_fits`): in "the US refused, risking a
    confrontation" the refusal is no armed clash. When they do not, the PLOVER type and mode decide.
    """
    coding = read_sentence(text, plover=plover, mode=mode, actor=actor, recipient=recipient, negated=negated)
    if plover is None or coding[0] is None or ontology.acled_fits(plover, coding[0], coding[1]):
        return coding
    walked = _by_type(plover.upper(), mode, _recipient_side(recipient))
    if walked is not None and ontology.acled_fits(plover, walked[0], walked[1]):
        return walked
    return None, None


def _by_type(plover: str, mode: str | None, side: str | None) -> tuple[str, str] | None:
    """Return the coding the PLOVER type and mode alone imply (an attack: on armed men a clash, else an
    attack on civilians), or None."""
    try:
        pair = ontology.acled_crosswalk(plover, mode)
    except OntologyError:
        pair = None
    if pair is None and plover == "ASSAULT":
        return (BATTLE, "Armed clash") if side == "armed" else (CIVILIANS, "Attack")
    return pair


def read_sentence(
    text: str,
    *,
    plover: str | None = None,
    mode: str | None = None,
    actor: Actor | None = None,
    recipient: Actor | None = None,
    negated: bool = False,
) -> Coding:
    """Return the (ACLED event type, sub-event type) a sentence's or report's words tell, or (None, None).

    The words decide before the PLOVER type and mode, which only break a tie of no evidence: this is the
    label of the happening the text tells, whichever of its events carries it.
    """
    if negated:
        return None, None
    rules = _rules()
    label = rules.label.match(text)
    if label and label.group(1).strip().lower() in _LABELS:
        return STRATEGIC, _LABELS[label.group(1).strip().lower()]
    lowered, matches = _read(text)
    found = _Found(lowered, matches, rules)
    plover = plover.upper() if plover else None
    side = _recipient_side(recipient)
    if plover == "AGREE" and "agree" in found:
        # "signed a deal to halt offensive operations": the fighting named is what the deal is about
        return STRATEGIC, "Agreement"

    weapon = next((c for c in ("suicide", "chemical", "grenade", "air", "ied", "shell") if c in found), None)
    crowd = "demo" in found or "size" in found or plover == "PROTEST"
    # "soldiers opened fire on a crowd": a crowd that state forces attack, and that did nothing itself, is no mob
    targeted = (
        plover == "ASSAULT"
        and _state_force(actor)
        and side == "civilian"
        and not any(cue in found for cue in ("demo", "riot", "mob", "clash"))
    )
    if crowd and not targeted and not (weapon in {"air", "shell", "suicide"} and "crowd_word" not in found):
        return _crowd(found, lowered, rules, plover, mode)
    if "mob" in found:
        return RIOTS, "Mob violence"
    if "weapons" in found and "casualty" not in found:
        # Weapons defused, intercepted or seized: no one was hurt, so nothing exploded on anyone.
        return STRATEGIC, "Disrupted weapons use"
    if ("gunfire" in found and weapon in {None, "shell"}) or ("aimed" in found and weapon is None):
        # Direct fire, alone or mixed with heavy weapons, is fighting rather than remote violence.
        found.add("clash")
    clash_first = False
    if weapon in {"air", "ied"} and "clash" in found:
        # Fighting named before the air strike or mine: the strike supported the fighting.
        clash_at = found.match("clash")
        weapon_at = found.match(weapon)
        clash_first = bool(clash_at and weapon_at and clash_at.start() < weapon_at.start())
    if weapon is not None and not clash_first and not ("clash" in found and weapon in {"shell", "grenade"}):
        return REMOTE, {
            "suicide": "Suicide bomb",
            "chemical": "Chemical weapon",
            "grenade": "Grenade",
            "air": "Air/drone strike",
            "ied": "Remote explosive/landmine/IED",
            "shell": "Shelling/artillery/missile attack",
        }[weapon]
    if "sexual" in found:
        return CIVILIANS, "Sexual violence"
    if "abduct" in found and "casualty" not in found:
        return CIVILIANS, "Abduction/forced disappearance"
    regained = found.match("regain")
    regained = (
        None if regained is not None and regained.group(0).startswith("liberation") else regained
    )  # "… Liberation Army"
    if "clash" in found:
        if regained is not None:
            return BATTLE, "Government regains territory"
        if "overtake" in found:
            return BATTLE, "Non-state actor overtakes territory"
        return BATTLE, "Armed clash"
    if plover == "ASSAULT" and "transfer" not in found:
        # "rebels captured the town of X", "troops retook the village": taking ground by force is a battle
        if regained is not None:
            return BATTLE, "Government regains territory"
        if "overtake" in found:
            return BATTLE, "Non-state actor overtakes territory"
    if "harm" in found:
        if side is None:
            # The victim named first is the one the note is about.
            armed = rules.search("armed_victim", rules.armed_victim, lowered)
            civilian = rules.search("civilian_victim", rules.civilian_victim, lowered)
            if armed or civilian:
                first_armed = armed is not None and (civilian is None or armed.start() < civilian.start())
                side = "armed" if first_armed else "civilian"
            elif "armed" in found and "civilian" not in found:
                side = "armed"
        return (BATTLE, "Armed clash") if side == "armed" else (CIVILIANS, "Attack")
    coding = _strategic(found)
    if coding != (None, None):
        return coding
    if plover:
        pair = _by_type(plover, mode, side)
        if pair is not None:
            return pair
    return None, None


# A report this short tells one happening (ACLED's notes run one to four sentences): its events are parts of
# that happening, and the happening gets one ACLED label read from the whole report.
NOTE_SENTENCES = 4

# Bracketed tags close ACLED-style notes ("[size=dozens]", "[women targeted: girls]"): they are not sentences.
_TAG = re.compile(r"\[[^\]]*\]")
_LETTER = re.compile(r"[^\W\d_]")


def note_length(sentences: Sequence[Sentence]) -> int:
    """Return how many of the sentences say something: a sentence of bracketed tags only does not count."""
    return sum(1 for sentence in sentences if _LETTER.search(_TAG.sub(" ", sentence.text)))


# The PLOVER types whose event carries each ACLED event type, to find the act a short report is about.
_CARRIERS: dict[str, frozenset[str]] = {
    PROTESTS: frozenset({"PROTEST"}),
    RIOTS: frozenset({"PROTEST", "ASSAULT"}),
    BATTLE: frozenset({"ASSAULT"}),
    REMOTE: frozenset({"ASSAULT"}),
    CIVILIANS: frozenset({"ASSAULT", "COERCE"}),
}
_STRATEGIC_CARRIERS: dict[str, frozenset[str]] = {
    "Arrests": frozenset({"COERCE"}),
    "Agreement": frozenset({"AGREE"}),
    "Change to group/activity": frozenset({"MOBILIZE", "COERCE"}),
    "Non-violent transfer of territory": frozenset({"RETREAT"}),
    "Looting/property destruction": frozenset({"ASSAULT", "COERCE"}),
    "Disrupted weapons use": frozenset({"COERCE", "ASSAULT"}),
}
# Acts rather than words: a second act of this kind at another town is another happening.
_MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID", "RETREAT"})
# Statements: what a crowd says at its protest is the protest ("marched …, demanding …").
_SAYING = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "CONSULT", "AGREE"})
_UNNAMED = PRONOUNS | {"this", "these", "those"}  # an actor named only by a pronoun or demonstrative
_CROWD_WORDS = re.compile(
    r"\b(?:protesters?|protestors?|demonstrators?|marchers|strikers|participants|picketers|crowds?|rioters?"
    r"|residents|villagers|people|supporters|activists|members|workers|students|group|groups|citizens|locals"
    r"|relatives|families|parents|youths?|farmers|traders|vendors|drivers|teachers|nurses|employees)\b",
    re.IGNORECASE,
)
# Who answers a protest or an attack: its arrests, tear gas and beatings are part of that happening.
_SECURITY_WORDS = re.compile(
    r"\b(?:police\w*|security|officers?|soldiers?|troops?|army|military|gendarmes?|forces|guards?|authorities)\b",
    re.IGNORECASE,
)
# Acts that join a happening rather than start one ("attended the rally", "joined the march").
_JOINING = re.compile(r"^(?:attend\w*|join\w*|participat\w*|took part|take part|taking part)", re.IGNORECASE)


def _strongest(events: Sequence[Event]) -> int | None:
    """Return the index of the event the report is about: the hardest act that happened, ties to the first."""
    ranked = [
        (0 if event.happened else 1, event.goldstein if event.goldstein is not None else 0.0, i)
        for i, event in enumerate(events)
    ]
    return min(ranked)[2] if ranked else None


def _carrier(events: Sequence[Event], event_type: str, sub_type: str, default: int) -> int:
    """Return the index of the event that carries the report's label: the first act of a fitting type."""
    fitting = _CARRIERS.get(event_type) or _STRATEGIC_CARRIERS.get(sub_type, frozenset())
    for i, event in enumerate(events):
        if event.happened and event.type in fitting:
            return i
    return default


def _unnamed(event: Event) -> bool:
    return event.actor_text is None or event.actor_text.lower() in _UNNAMED


def _same_side(event: Event, main: Event) -> bool:
    """Return True when the event's actor is the main act's actor, unnamed, or a pronoun for it."""
    if _unnamed(event):
        return True
    text = (event.actor_text or "").lower()
    own = (main.actor_text or "").lower()
    return bool(own) and (text == own or text in own or own in text)


def _towns(places: Sequence[PlaceMention], sentence: int) -> frozenset[str]:
    """Return the towns and districts a sentence names (a name the gazetteer lacks counts by its words)."""
    return frozenset(
        (m.place.id if m.place is not None and not m.inferred else m.surface.lower())
        for m in places
        if m.sentence == sentence
        and not m.demonym
        and (m.place is None or m.inferred or (m.precision or 3) < 3)
    )


def _another_force(event: Event, main: Event) -> bool:
    """Return True for an act of the same kind done by another named party, not against the main act's
    actor: "Ruritanian jets bombed the town and Bordurian guns shelled it" are two acts; fire traded by the
    two sides is one fight.
    """
    one, other = event.actor, main.actor
    if one is None or other is None or _unnamed(event) or _unnamed(main):
        return False
    if one.country is None or other.country is None or one.country == other.country:
        return False
    return all(
        target is None or target.country not in {one.country, other.country}
        for target in (event.recipient, main.recipient)
    )


def elsewhere(event: Event, main: Event, places: Sequence[PlaceMention]) -> bool:
    """Return True for an act of the main act's kind told in a sentence of its own about another town.

    "Near A, two strikes destroyed a bridge. Near B, a strike hit a depot.": two strikes, two events.
    """
    if event.sentence == main.sentence or event.type not in _MATERIAL or event.type != main.type:
        return False
    there, here = _towns(places, event.sentence), _towns(places, main.sentence)
    return bool(there) and bool(here) and not there & here


def _claimant(event: Event) -> str | None:
    return event.claims[0].claimant if event.claims else None


def _part_of(event: Event, main: Event, text: str, event_type: str, nominal: frozenset[int]) -> bool:
    """Return True when, in a short report about `main`, the event tells part of the same happening.

    The same act told again (its casualties, a second verb for the clash), what the protesting crowd
    says or who joins it, and the police's dispersal of a protest are one happening. Acts of other named
    parties (a minister's decision the crowd protests), what another source says, and what did not
    happen (a refused withdrawal, a denied attack) are events of their own.
    """
    if not event.happened or not (
        # the author tells the happening and a source its toll ("…, police said") : one happening
        _claimant(event) == _claimant(main) or _claimant(main) is None or _unnamed(event)
    ):
        return False
    if event.type == main.type and event.type in _MATERIAL:
        return not _another_force(event, main)
    if event_type in {PROTESTS, RIOTS}:
        trigger = text[event.trigger_start : event.trigger_end + 12]
        # what the crowd says: a crowd's words anywhere in the report, the protest's own actor's words after
        # it took to the streets ("marched …, demanding …"; "They denounced …")
        crowd = bool(_CROWD_WORDS.search(event.actor_text or ""))
        if _JOINING.match(trigger) or (
            event.type in _SAYING
            and (crowd or (event.trigger_start > main.trigger_start and _same_side(event, main)))
        ):
            return True
        security = bool(_SECURITY_WORDS.search(event.actor_text or ""))
        if event.type in {"COERCE", "AID", "MOBILIZE"}:
            # the police's answer: arrests, "intervened", deployments to the protest
            return security or (event.type == "COERCE" and _unnamed(event))
        if event.type == "ASSAULT" and (
            event.trigger_start in nominal or _CROWD_WORDS.search(event.actor_text or "")
        ):
            # what the crowd is against, named as a noun ("against the invasion"), or the crowd's own riot
            return True
        # tear gas and rubber bullets to disperse the crowd are the protest's intervention, not an assault
        after = text[event.trigger_start : event.trigger_end + 100].split(". ")[0]
        return event.type == "ASSAULT" and bool(_rules().cues["intervene"].search(after.lower()))
    if event_type in {BATTLE, REMOTE, CIVILIANS}:
        # the fighting told again from the other side, or the attackers' further violence; an arrest
        # or a raid is an act of its own ("shelled the town and arrested the mayor")
        return event.type == "ASSAULT"
    return event.type in _MATERIAL and _same_side(event, main)


def label_note(
    text: str,
    events: Sequence[Event],
    sentences: int,
    *,
    places: Sequence[PlaceMention] = (),
    nominal: frozenset[int] = frozenset(),
) -> tuple[Event, ...]:
    """Return a short report's events as one happening: one event, labelled from the whole report.

    In a report of more than `NOTE_SENTENCES` sentences each event keeps the label of its own sentence.
    In a shorter one the act the report is about (the first act that fits the label read from the whole
    text, else the hardest act that happened) gets that label, and the events that are parts of the
    same happening fold into it: ACLED counts one event. An act of the same kind told in a sentence of
    its own about another town (`places`, the document's toponyms) is a happening of its own and keeps
    its sentence's label; events of other parties stay, without a label. `nominal` holds the trigger
    offsets of acts named by a noun ("the invasion").
    """
    if sentences > NOTE_SENTENCES or not events:
        return tuple(events)
    strongest = _strongest(events)
    assert strongest is not None
    chosen = events[strongest]
    event_type, sub_type = read_sentence(
        text,
        plover=chosen.type,
        mode=chosen.mode,
        actor=chosen.actor,
        recipient=chosen.recipient,
        negated=chosen.negated,
    )
    if event_type is None or sub_type is None:
        return tuple(events)
    main_index = _carrier(events, event_type, sub_type, strongest)
    main = events[main_index]
    apart = {i for i, event in enumerate(events) if i != main_index and elsewhere(event, main, places)}
    folded = {
        i
        for i, event in enumerate(events)
        if i != main_index and i not in apart and _part_of(event, main, text, event_type, nominal)
    }
    kept: list[Event] = []
    for i, event in enumerate(events):
        if i == main_index:
            claims = _claims_of_happening(main, [events[k] for k in sorted(folded)])
            kept.append(
                replace(event, acled_event_type=event_type, acled_sub_event_type=sub_type, claims=claims)
            )
        elif i in apart:
            kept.append(event)
        elif i not in folded:
            kept.append(replace(event, acled_event_type=None, acled_sub_event_type=None))
    return tuple(kept)


def _claims_of_happening(main: Event, folded: Sequence[Event]) -> tuple[Claim, ...]:
    """Return the main act's claims, led by a claim of responsibility told in a report folded into it.

    "Car bombs, also claimed by the group, killed twelve": the claim of responsibility, told with the
    casualties, is the happening's stance (it comes first in ../shared/CLAIMS.md's precedence), not the
    author's bare telling. Other sources of a folded toll ("…, police said") do not change the stance.
    """
    if main.claims and main.claims[0].stance == "claimed_responsibility":
        return main.claims
    claimed = next((c for e in folded for c in e.claims if c.stance == "claimed_responsibility"), None)
    return main.claims if claimed is None else (claimed, *main.claims)
