"""Sentences that tell no happening: questions, definitions, wishes, aims, abilities, mishaps, tolls, states."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.docindex import children
from flashpoint.events.lexicon import TriggerEntry

__all__ = [
    "ability",
    "aid_as_subject",
    "aimed_at",
    "as_a_rule",
    "asks",
    "defines",
    "forecasts",
    "habitual",
    "in_a_text",
    "in_general",
    "in_the_terms",
    "instructs",
    "mishap",
    "no_comment",
    "obliged",
    "obliges",
    "permitted",
    "recognises_no_party",
    "running_toll",
    "stays",
    "tells_of_attack",
    "verbal_attack",
    "wishes",
]

# Verbs whose to-infinitive is what a party wants, not what it asks of anyone: "seeks to take the city".
_WISH_VERBS = frozenset({"seek", "want", "wish", "hope", "strive", "aspire", "yearn"})
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
# Words of speech that make an "attack" one made in words ("his attacks on the judge in his testimony").
_SPEECH_WORDS = frozenset(
    {
        "rhetoric",
        "barb",
        "remark",
        "insult",
        "tirade",
        "rant",
        "speech",
        "tweet",
        "comment",
        "criticism",
        "testimony",
        "interview",
        "verbal",
        "verbally",
        "rhetorical",
        "op-ed",
        "editorial",
        "jab",
    }
)
# Ideas, plans and works: what is "attacked" in words ("attacked the budget", "attacked the film").
_IDEAS = frozenset(
    {
        "policy",
        "plan",
        "bill",
        "decision",
        "idea",
        "proposal",
        "remark",
        "comment",
        "speech",
        "report",
        "law",
        "budget",
        "ruling",
        "article",
        "claim",
        "statement",
        "film",
        "movie",
        "book",
        "show",
        "album",
        "record",
        "reform",
        "strategy",
        "approach",
        "decree",
        "verdict",
        "handling",
        "response",
        "stance",
        "view",
        "rhetoric",
        "agenda",
        "program",
        "programme",
        "legislation",
        "measure",
    }
)
# Words of force: with any of these in the sentence an "attack" may well be a physical one.
_FORCE_WORDS = frozenset(
    {
        "kill",
        "wound",
        "injure",
        "dead",
        "die",
        "death",
        "casualty",
        "weapon",
        "gun",
        "gunman",
        "bomb",
        "missile",
        "rocket",
        "drone",
        "shell",
        "fire",
        "explosive",
        "troop",
        "soldier",
        "force",
        "fighter",
        "militant",
        "army",
        "police",
        "civilian",
        "village",
        "base",
        "convoy",
        "knife",
        "stab",
    }
)


def asks(token: Token) -> bool:
    """Return True for a trigger in a yes/no question with do-support or a perfect ("Does X count as Y?",
    "Has the council ever banned a march?")."""
    sentence = token.sent
    # the last word (a "?" counts, other punctuation does not), then the first, read from each end
    last = next(
        (t for t in reversed(sentence) if not t.is_space and not (t.is_punct and t.text != "?")), None
    )
    if last is None or last.text != "?":
        return False
    first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
    return (
        first is not None and first.lemma_.lower() in {"do", "have"} and first.tag_ in {"VBZ", "VBP", "VBD"}
    )


def _generic(noun: Token) -> bool:
    # "Barrel bombs", "A barrel bomb": a kind of thing, not a thing in the news
    determiners = [c for c in noun.children if c.dep_ in {"det", "poss", "nummod"}]
    if not determiners:
        return noun.tag_ in {"NNS", "NN"} and noun.pos_ == "NOUN"
    return len(determiners) == 1 and determiners[0].lower_ in {"a", "an"}


def defines(token: Token) -> bool:
    """Return True for a trigger inside what a definition says a kind of thing is.

    "Cluster munitions are bombs that scatter bomblets…", "A truce is an agreement to stop fighting": the
    predicate noun of a copular sentence whose subject is a kind (a bare plural or "a"/"an" noun), and
    what it holds, tell what such things are or do in general.
    """
    root = token.sent.root
    if root.lemma_.lower() != "be":
        return False
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    predicates = [c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    if len(subjects) != 1 or len(predicates) != 1 or not _generic(subjects[0]):
        return False
    predicate = predicates[0]
    if not _generic(predicate):
        return False
    return predicate.left_edge.i <= token.i <= predicate.right_edge.i


def wishes(token: Token, entry: TriggerEntry) -> bool:
    """Return True for a request word that only says what its subject wants ("seeks to take the city")."""
    return (
        entry.type == "REQUEST"
        and token.pos_ in {"VERB", "AUX"}
        and token.lemma_.lower() in _WISH_VERBS
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in token.children
        )
    )


def tells_of_attack(token: Token, entry: TriggerEntry, triggers: Mapping[int, TriggerEntry]) -> bool:
    """Return True for a verb whose subject is a relative pronoun standing for an attack noun.

    "the raid, which officials say killed nine": what the raid did, not another attack.
    """
    if entry.type != "ASSAULT" or token.pos_ not in {"VERB", "AUX"}:
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_PRONOUNS for c in token.children):
        return False
    node = token
    for _ in range(3):
        if node.dep_ == "relcl":
            noun = node.head
            found = triggers.get(noun.i)
            return found is not None and found.type == "ASSAULT" and noun.pos_ in {"NOUN", "PROPN"}
        if node.dep_ != "ccomp" or node.head == node:
            return False
        node = node.head
    return False


def verbal_attack(token: Token) -> bool:
    """Return True for an "attack" made in words: speech words around it and no words of force."""
    if token.lemma_.lower() != "attack":
        return False
    objects = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
    if objects and all(o in _IDEAS for o in objects):
        return True  # "critics attacked the plan": an idea or a work is attacked in words
    lemmas = {t.lemma_.lower() for t in token.sent}
    return bool(lemmas & _SPEECH_WORDS) and not lemmas & _FORCE_WORDS


# What backs a side in deeds, not words: "supported the rebels with arms", "backed by air strikes".
_MATERIAL_BACKING = frozenset(
    {
        "arm",
        "weapon",
        "weaponry",
        "money",
        "fund",
        "funding",
        "cash",
        "ammunition",
        "munition",
        "equipment",
        "strike",
        "airstrike",
        "fighter",
        "troop",
        "soldier",
        "jet",
        "warplane",
        "aircraft",
        "artillery",
        "missile",
        "tank",
        "supply",
        "advisor",
        "adviser",
        "training",
        "intelligence",
    }
)


def material_backing(token: Token) -> bool:
    """Return True for support given in deeds ("supported the militias with arms and money", "backed by
    air strikes from X", "support including airstrikes"): PLOVER AID, not the verbal SUPPORT."""
    if token.lemma_.lower() not in {"support", "back"}:
        return False
    # "backed the offensive with tanks": the parser may hang the means on the object
    holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
    for prep in (p for holder in holders for p in holder.children):
        if prep.dep_ not in {"prep", "agent"} or prep.lower_ not in {"with", "by", "including"}:
            continue
        if any(c.dep_ == "pobj" and c.lemma_.lower() in _MATERIAL_BACKING for c in prep.children):
            return True
    return False


def obliges(clause: Token) -> bool:
    """Return True for a clause of obligation ("… must allow access"); "must have done" is a conclusion."""
    auxes = [c for c in clause.children if c.dep_ == "aux"]
    return any(a.lower_ == "must" for a in auxes) and not any(a.lemma_.lower() == "have" for a in auxes)


def obliged(token: Token) -> bool:
    """Return True for a sentence's main clause of obligation ("the regime must allow access"): a demand."""
    return token.dep_ == "ROOT" and token.pos_ in {"VERB", "AUX"} and obliges(token)


# Verbs of effort whose to-infinitive is the aim worked for: "came together to work to end the war".
_EFFORT_VERBS = frozenset({"work", "strive", "endeavour", "endeavor", "labour", "labor"})
# Verbs of making something for a purpose: "a fund designed to help families", "founded to fight X".
_PURPOSE_VERBS = frozenset({"design", "aim", "found", "establish", "create", "form"})
# Nouns of aims and remits: "the agency's mandate is to investigate …" tells a remit, not an act.
_AIM_NOUNS = frozenset(
    {
        "mandate",
        "aim",
        "goal",
        "task",
        "mission",
        "role",
        "job",
        "purpose",
        "objective",
        "priority",
        "intention",
        "duty",
        "responsibility",
        "ambition",
        "hope",
        "wish",
        "dream",
        "remit",
    }
)
# Adjectives of need: "it is vital that access is granted" demands it in no one's words.
_NEEDED = frozenset(
    {"vital", "essential", "important", "crucial", "imperative", "necessary", "critical", "urgent", "key"}
)
# Verbs of permitting: "would allow inspectors to visit the sites" — the visit is allowed, not made.
_PERMIT_VERBS = frozenset({"allow", "permit", "let", "enable", "authorize", "authorise"})
# What a state can be recognised as or recognise: parties, their standing and their votes.
_RECOGNISED = frozenset(
    {
        "government",
        "state",
        "independence",
        "sovereignty",
        "authority",
        "council",
        "coalition",
        "election",
        "result",
        "opposition",
        "annexation",
        "regime",
        "republic",
        "representative",
        "leader",
        "president",
    }
)
_AID_NOUNS = frozenset(
    {"grant", "funding", "fund", "contribution", "money", "assistance", "aid", "donation", "loan"}
)


def _to_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def aimed_at(token: Token) -> bool:
    """Return True for an aim: the to-infinitive of a verb of effort or purpose ("work to end the war",
    "a fund designed to help"), of an aim noun's copula ("its mandate is to investigate"), or a clause a
    need adjective governs ("it is vital that access is granted")."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ not in {"xcomp", "advcl", "ccomp"}:
        return False
    head = token.head
    if _to_infinitive(token) and token.dep_ != "ccomp":
        if head.pos_ == "VERB" and (head.lemma_.lower() in _EFFORT_VERBS | _PURPOSE_VERBS):
            return True
        if head.lemma_.lower() == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in head.children):
            return True  # "a fund set up to help families"
        if head.lemma_.lower() == "be" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _AIM_NOUNS for c in head.children
        ):
            return True
    # "it is vital that …", "it is essential to …": a need stated, no act told
    needed = head.lemma_.lower() in _NEEDED or (
        head.lemma_.lower() == "be"
        and any(c.dep_ == "acomp" and c.lemma_.lower() in _NEEDED for c in head.children)
    )
    return needed and any(
        c.dep_ == "expl" or c.lower_ == "it" for c in head.children if c.dep_ in {"nsubj", "expl"}
    )


def permitted(token: Token) -> bool:
    """Return True for an act a verb of permitting lets happen ("allow inspectors to visit").

    A refused permission is not one: "did not allow the troops to withdraw" codes the refused act, negated.
    """
    return (
        token.pos_ in {"VERB", "AUX"}
        and token.dep_ in {"xcomp", "ccomp"}
        and token.head.lemma_.lower() in _PERMIT_VERBS
        and not any(c.dep_ == "neg" for c in children(token.head))
    )


def recognises_no_party(token: Token, entry: TriggerEntry) -> bool:
    """Return True for "recognise" whose object is no party or standing ("recognised the hard work")."""
    if entry.type != "SUPPORT" or token.lemma_.lower() not in {"recognize", "recognise"}:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and not any(
        o.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"} or o.lemma_.lower() in _RECOGNISED for o in objects
    )


def aid_as_subject(token: Token, entry: TriggerEntry, triggers: Mapping[int, TriggerEntry]) -> bool:
    """Return True for a verb of helping whose subject is the aid itself ("the grant will support …")."""
    if entry.type not in {"SUPPORT", "AID", "COOPERATE"} or token.pos_ not in {"VERB", "AUX"}:
        return False
    return any(
        c.dep_ == "nsubj"
        and (c.lemma_.lower() in _AID_NOUNS or (c.i in triggers and triggers[c.i].type == "AID"))
        and c.pos_ == "NOUN"
        for c in token.children
    )


# Things that kill or drive people out with no one acting: hazards, and vehicles in accidents.
_HAZARDS = frozenset(
    {
        "earthquake",
        "quake",
        "tremor",
        "flood",
        "flooding",
        "storm",
        "landslide",
        "mudslide",
        "avalanche",
        "cyclone",
        "hurricane",
        "typhoon",
        "tsunami",
        "tornado",
        "drought",
        "heatwave",
        "lightning",
        "wildfire",
        "outbreak",
        "epidemic",
        "disease",
        "accident",
        "crash",
        "rain",
        "rainfall",
        "snow",
        "snowfall",
        "wind",
        "gale",
        "frost",
        "cold",
        "heat",
    }
)
_VEHICLES = frozenset(
    {"bus", "minibus", "car", "truck", "lorry", "train", "ferry", "boat", "plane", "helicopter"}
)
_MISHAPS = frozenset({"overturn", "crash", "collide", "derail", "capsize", "sink", "plunge", "skid", "veer"})
# Vehicles on road, rail or water: one that "struck" or "hit" something ran into it ("the train hit a truck").
_GROUND_VEHICLES = frozenset(
    {"bus", "minibus", "car", "truck", "lorry", "train", "ferry", "tram", "van", "taxi"}
)
# What a spokesman declines to do without refusing anyone anything: "declined to comment".
_NO_COMMENT = frozenset(
    {
        "comment",
        "confirm",
        "elaborate",
        "specify",
        "disclose",
        "identify",
        "say",
        "speak",
        "respond",
        "answer",
    }
)
# Wars and conflicts as the subject of killing give a running toll, not an attack: "the war has killed …".
_TOLL_SUBJECTS = frozenset({"war", "conflict", "insurgency", "crisis", "violence"})
# Wars a toll is counted over: "killed in the war", "killed since the start of the conflict".
_WARS = frozenset({"war", "conflict", "insurgency", "uprising", "revolution", "civil"})


def _clause_subject(token: Token) -> tuple[Token, Token] | None:
    """Return (subject, its verb) for a verb, or for the clause a subjectless participle hangs from."""
    node = token
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject, node
        if node.dep_ == "acl" and node.head.pos_ == "NOUN":
            return node.head, node  # "a bus overturned …" parsed as a noun with a participle
        if node.dep_ not in {"advcl", "xcomp", "conj"} or node.head == node:
            return None
        node = node.head
    return None


def mishap(token: Token) -> bool:
    """Return True for harm a hazard or an accident did ("a bus overturned, killing twelve"): no one acted."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    found = _clause_subject(token)
    if found is None:
        return False
    subject, verb = found
    lemma = subject.lemma_.lower()
    if subject.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lemma_.lower() in _HAZARDS for c in subject.children
    ):
        return True  # "Storm Dara killed three people": a named storm
    struck = lemma in _GROUND_VEHICLES and verb.lemma_.lower() in {"strike", "hit"}
    return lemma in _HAZARDS or struck or (lemma in _VEHICLES and verb.lemma_.lower() in _MISHAPS)


def ability(token: Token) -> bool:
    """Return True for what a party can do ("the army can strike deep inside X"): an ability, not an act.

    "cannot" is left alone: what a party says it cannot do is a refusal or a denial.
    """
    return (
        token.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "aux" and c.lower_ == "can" for c in token.children)
        and not any(c.dep_ == "neg" for c in token.children)
    )


# What a spokesman may decline to give: "declined to give details", "refused to provide figures".
_PARTICULARS = frozenset(
    {"detail", "information", "comment", "figure", "number", "name", "explanation", "specific", "reason"}
)


def no_comment(token: Token, entry: TriggerEntry) -> bool:
    """Return True for "declined to comment" or "to give details": saying nothing refuses no one anything."""
    if entry.type != "REJECT":
        return False
    for clause in (c for c in token.children if c.dep_ == "xcomp"):
        if clause.lemma_.lower() in _NO_COMMENT:
            return True
        objects = [o.lemma_.lower() for o in clause.children if o.dep_ == "dobj"]
        if clause.lemma_.lower() in {"give", "provide", "offer"} and objects and set(objects) <= _PARTICULARS:
            return True
    return False


def running_toll(token: Token, entry: TriggerEntry) -> bool:
    """Return True for a war or conflict said to have killed people or driven them out: a toll, not an act."""
    if entry.type not in {"ASSAULT", "COERCE"} or token.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _TOLL_SUBJECTS for c in token.children):
        return True  # "the war has killed …", "the violence has forced millions to flee"
    if entry.type != "ASSAULT":
        return False
    # "more than 300,000 people have been killed in the war (since 2011)": the war's toll, no one attack
    if token.tag_ != "VBN" or token.lemma_.lower() not in {"kill", "die", "wound", "injure", "maim"}:
        return False
    if any(c.dep_ == "agent" for c in token.children):
        return False
    spans = [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ in {"in", "during", "since", "throughout"}
        for o in p.children
        if o.dep_ == "pobj"
    ]
    # "… have been killed since the conflict began": the clause dates the count from the war's start
    if any(
        clause.dep_ == "advcl"
        and any(m.lower_ == "since" for m in clause.children if m.dep_ == "mark")
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in _WARS | _TOLL_SUBJECTS for c in clause.children)
        for clause in token.children
    ):
        return True
    return any(
        o.lemma_.lower() in _WARS
        or (
            o.lemma_.lower() in {"start", "beginning", "outbreak", "onset", "course"}
            and any(
                c.dep_ == "prep" and any(w.lemma_.lower() in _WARS for w in c.subtree) for c in o.children
            )
        )
        for o in spans
    )


def stays(token: Token, entry: TriggerEntry) -> bool:
    """Return True for forces that stay where they are ("troops remain in X"): a state, not a movement."""
    return entry.type == "MOBILIZE" and not entry.rest and token.lemma_.lower() in {"remain", "stay"}


# Words that may open an instruction before its verb: "Please visit …", "Then allow it to cool".
_INSTRUCTION_OPENERS = frozenset(
    {"please", "just", "always", "never", "then", "first", "now", "also", "simply", "so"}
)


def instructs(token: Token) -> bool:
    """Return True for an imperative that opens its sentence ("Visit our forum.", "Allow to cool."): advice
    to the reader, no act of any party. An imperative question or exclamation in a quote is left alone."""
    if token.pos_ not in {"VERB", "AUX"} or token.tag_ != "VB" or token.dep_ != "ROOT":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl"} for c in token.children):
        return False
    sentence = token.sent
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    if not words or words[-1].i < token.i or sentence[-1].text in {"?", "!"}:
        return False
    if any(t.text in {'"', "“", "”", "‘", "’"} and t.i < token.i for t in sentence):
        return False  # inside a quote: a demand someone made
    before = [t for t in words if t.i < token.i]
    return all(t.lower_ in _INSTRUCTION_OPENERS for t in before)


# Verbs of warning: with a clause that tells no act ("warned that the toll would rise") they forecast.
_WARNING_VERBS = frozenset({"warn", "caution"})


def forecasts(token: Token, entry: TriggerEntry, triggers: Mapping[int, TriggerEntry]) -> bool:
    """Return True for a warning whose that-clause holds no act ("warned that prices would rise").

    A threat says what the speaker will do ("warned it would strike back"); a forecast of a toll, the
    weather or a shortage names no act of anyone, so no threat is coded.
    """
    if entry.type != "THREATEN" or token.lemma_.lower() not in _WARNING_VERBS or token.pos_ != "VERB":
        return False
    if any(c.dep_ in {"xcomp", "dobj"} and c.i in triggers for c in token.children):
        return False
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(_foretold(c, triggers) for c in clauses)


def _foretold(clause: Token, triggers: Mapping[int, TriggerEntry]) -> bool:
    # "the toll would rise", "prices will climb": a thing, not a party, is the subject, and no act is told
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or any(s.pos_ != "NOUN" or s.ent_type_ for s in subjects):
        return False
    return not any(_tells_act(t, clause, triggers) for t in clause.subtree)


def _tells_act(token: Token, clause: Token, triggers: Mapping[int, TriggerEntry]) -> bool:
    # a verb of an act, or an act noun a verb is about ("any attack would be met with force"); a word
    # inside a phrase that only qualifies ("given the dozens of wounded", "after the raid") tells none
    if token.i not in triggers:
        return False
    node = token
    while node != clause and node.head != node:
        if node.dep_ in {"prep", "pobj", "pcomp", "agent"}:
            return False
        node = node.head
    return token.pos_ in {"VERB", "AUX"} or token.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}


# Kinds of events a standing service is told in: "the school offers classes", "the clinic provides care".
_SERVICE_TYPES = frozenset({"AGREE", "AID", "CONSULT", "SUPPORT", "COOPERATE", "CONCEDE"})
# What an oversight body does as its job: "the commission investigates complaints".
_ROUTINE_CHECKS = frozenset({"investigate", "examine", "review", "monitor", "handle", "probe", "audit"})


def habitual(token: Token, entry: TriggerEntry) -> bool:
    """Return True for what a kind of place or body does as a rule, told in the simple present with a
    common noun for its subject and no date ("the hospital provides free care", "the shop accepts cards").

    A named party's present-tense act is left alone: headlines tell news in the present ("Ruritania
    offers talks"), and so does any sentence that dates the act.
    """
    routine = entry.type == "ACCUSE" and token.lemma_.lower() in _ROUTINE_CHECKS
    if (
        not (entry.type in _SERVICE_TYPES or routine)
        or token.tag_ not in {"VBZ", "VBP"}
        or token.pos_ != "VERB"
    ):
        return False
    if any(c.dep_ in {"aux", "auxpass", "neg"} for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in subject.subtree):
        return False
    # a service is a thing offered ("offers classes"); "the group regularly meets" is a party's act
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects or any(o.pos_ in {"PROPN", "PRON"} or o.ent_type_ for o in objects):
        return False
    if routine and not all(
        o.tag_ == "NNS" and not any(c.dep_ in {"det", "poss"} for c in o.children) for o in objects
    ):
        return False  # "the commission investigates complaints"; "… investigates the killing" is news
    return not any(t.ent_type_ in {"DATE", "TIME"} for t in token.sent)


# Texts whose terms say what parties are to do: "the plan calls for elections".
_TERMS = frozenset(
    {
        "plan",
        "agreement",
        "deal",
        "accord",
        "treaty",
        "truce",
        "ceasefire",
        "roadmap",
        "framework",
        "proposal",
        "draft",
        "pact",
        "memorandum",
        "initiative",
        "charter",
        "constitution",
        "blueprint",
        "arrangement",
        "protocol",
    }
)
# Adverbs of what happens as a rule: with a kind for subject the sentence tells no one happening.
_HABITUAL_ADVERBS = frozenset(
    {"often", "usually", "generally", "typically", "routinely", "commonly", "frequently", "normally"}
)


# Laws and their parts: in the present with no date they say what the law is, not what anyone did.
_LAWS = frozenset(
    {
        "law",
        "statute",
        "legislation",
        "regulation",
        "ordinance",
        "rule",
        "amendment",
        "provision",
        "clause",
        "article",
        "section",
        "code",
    }
)
# Words that make a law news: "the new law bans …" tells a ban just made.
_NEWLY = frozenset({"new", "latest", "proposed", "draft", "emergency", "controversial"})


def in_the_terms(token: Token) -> bool:
    """Return True for an act a text's terms set out, the text being the subject: "the plan calls for
    elections", "the accord provides for a prisoner swap" (what was agreed is not coded), or what a law
    says in the present with no date ("the law allows police to hold suspects for four days").

    "Under the plan, X will withdraw" is left alone: a party announcing its own act is coded as such.
    """
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and not c.ent_type_]
    if any(c.lemma_.lower() in _TERMS for c in subjects):
        return True
    # only the author's own statement of the law: "they claimed the law restricts their work" is a grievance
    return (
        token.tag_ in {"VBZ", "VBP"}
        and token.dep_ == "ROOT"
        and any(
            c.lemma_.lower() in _LAWS and not any(m.lower_ in _NEWLY for m in c.children) for c in subjects
        )
        and not any(_dated(c) for c in token.children)
    )


def _dated(child: Token) -> bool:
    # "on Friday", "last week": a date on the verb itself; "to hold suspects for four days" is a term
    if child.ent_type_ in {"DATE", "TIME"}:
        return True
    return child.dep_ == "prep" and any(o.ent_type_ in {"DATE", "TIME"} for o in child.children)


def as_a_rule(token: Token) -> bool:
    """Return True for what is done as a rule: by or to a kind ("curfews are often imposed"), or, in the
    simple present, to every one of a kind ("it investigates every report"): no happening."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    simple_present = token.tag_ in {"VBZ", "VBP"} and not any(
        c.dep_ in {"aux", "auxpass", "neg"} for c in token.children
    )
    if simple_present and any(
        o.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ in {"every", "each"} for d in o.children)
        for o in token.children
    ):
        return True  # "it investigates every report"
    if not any(c.dep_ == "advmod" and c.lower_ in _HABITUAL_ADVERBS for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and all(
        _generic(s) and not any(t.ent_type_ or t.pos_ == "PROPN" for t in s.subtree) for s in subjects
    )


# Written works: what one "discusses" or "contains" is its subject matter, not a meeting or a threat.
_WRITTEN = frozenset(
    {
        "chapter",
        "book",
        "article",
        "paper",
        "essay",
        "section",
        "volume",
        "verse",
        "passage",
        "novel",
        "poem",
        "text",
        "manuscript",
        "film",
        "documentary",
        "episode",
        "column",
        "editorial",
        "memoir",
        "biography",
        "autobiography",
        "diary",
        "play",
        "opera",
        "song",
    }
)
_CONTENT_VERBS = frozenset(
    {"discuss", "contain", "include", "describe", "feature", "address", "explore", "cover"}
)


def in_a_text(token: Token) -> bool:
    """Return True for what a written work discusses or contains ("chapter two discusses the meeting of
    the elders", "the book contains a warning to rulers"): its subject matter, no act of any party."""
    node = token
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        node = token.head  # "contains a warning": the noun is what the work holds
    if node.pos_ not in {"VERB", "AUX"} or node.lemma_.lower() not in _CONTENT_VERBS:
        return False
    # "Chapter four": the parser may make the number the subject and the noun its compound
    return any(
        c.dep_ == "nsubj"
        and any(w.lemma_.lower() in _WRITTEN for w in [c, *(k for k in c.children if k.dep_ == "compound")])
        for c in node.children
    )


# Pronouns for no one in particular: what "anyone" does is said of everyone and no one.
_ANYONE = frozenset({"anyone", "anybody", "whoever", "whomever"})


def _by_anyone(token: Token) -> bool:
    doers = [c for c in token.children if c.dep_ == "nsubj"] + [
        o for p in token.children if p.dep_ in {"agent", "prep"} and p.lower_ == "by" for o in p.children
    ]
    return bool(doers) and all(d.lower_ in _ANYONE for d in doers)


# Adjectives of commitment: "remains committed to supporting X" states an attitude, not an act.
_COMMITTED = frozenset({"committed", "dedicated", "devoted", "determined", "resolved", "pledged"})
_DEICTIC = frozenset({"this", "that", "these", "those"})


def in_general(token: Token) -> bool:
    """Return True for an act named in general rather than told: a gerund as a clause's subject
    ("defeating the militants will take time"), what a party is committed to ("remains committed to
    supporting X"), or an act noun judged in the present with no date ("attacks on aid workers are never
    acceptable", "the use of such weapons is a breach of the law")."""
    if token.tag_ == "VBG" and token.dep_ in {"csubj", "csubjpass"} and token.head.lemma_.lower() != "be":
        return True  # "withdrawing is not something we consider" is a refusal's content: left alone
    if _by_anyone(token):
        return True  # "any use of such weapons by anyone is a crime": no one did it
    if (
        token.tag_ == "VBG"
        and token.dep_ == "pcomp"
        and token.head.lower_ == "to"
        and token.head.head.lower_ in _COMMITTED
    ):
        return True  # "committed to supporting …"
    if token.pos_ != "NOUN" or token.dep_ != "nsubj":
        return False
    verb = token.head
    if verb.lemma_.lower() != "be" or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    if not any(c.dep_ in {"acomp", "attr"} for c in verb.children):
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEICTIC) for c in token.children):
        return False
    # "the use of such weapons", "the targeting of hospitals": a practice; "the bombing" is one event
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    practice = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    if definite and not any(_generic(o) for o in practice):
        return False
    return not any(t.ent_type_ in {"DATE", "TIME"} for t in token.sent)
