"""Trigger words read in a sense that names no act: "came to power", "fired the manager", "sworn in".

Each guard looks at the trigger's own parse (its object, particle, preposition or voice) and says when the
word is used in an everyday sense outside the conflict lexicon: a dismissal, an opinion, an idiom, a month.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from flashpoint.events.lexicon import TriggerEntry

__all__ = ["MUNITIONS", "other_sense"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARTIES = _words("GPE ORG NORP PERSON LOC FAC")
_PRONOUNS = _words("him her them me us you he she they i we")
# People one hires and fires: "fired the coach" is a dismissal, not gunfire.
_STAFF = _words(
    "manager employee worker staff staffer coach director executive ceo chief aide adviser advisor "
    "editor host anchor presenter teacher founder chairman assistant player cast crew"
)
# Verbs of going that are a visit only with somewhere or someone to visit: "came to Tarnow".
# ("arrived on Saturday for talks" is a visit whose place the sentence may name elsewhere)
_MOTION_VERBS = _words("come go head rush travel")
# Nouns of places one visits: "came to the capital", "travelled into the province".
_PLACE_NOUNS = _words(
    "capital city town village province region country border area camp base port airport front "
    "district state island embassy headquarters ministry palace"
)
# Words that put a month name in a date: "in March", "since last March".
_DATE_WORDS = _words("in since until till by from to of last next early late mid this on")
# What is fired when a weapon is: "shots were fired", "two rockets were fired at the base".
MUNITIONS = _words(
    "shot round bullet rocket missile shell mortar grenade gas canister cannon weapon gun salvo "
    "volley projectile flare torpedo bomb artillery munition ammunition dart barrage fire cannonball "
    "warning"
)
# What one offers that is no deal, aid or concession: "offered his view".
_SAID_OFFERS = _words(
    "perspective opinion view insight advice thought prayer benediction blessing cent comment "
    "explanation recitation glimpse apology condolence congratulation praise word remark take "
    "assessment analysis answer suggestion tip reminder example clue hint number figure toll estimate"
)
# What one provides that is no aid: "provides a glimpse", "provided an update".
_SAID_PROVISIONS = _SAID_OFFERS | _words(
    "way case study update overview look reason context basis framework evidence detail information "
    "account description estimate figure number statistic memo report link opportunity chance "
    "platform backdrop reminder measure sense feeling data datum rating count password proof record list"
)
# What one delivers that is words, not goods: "delivered a lecture", "deliver their ruling".
_SPOKEN = _SAID_PROVISIONS | _words(
    "message speech lecture address news remark ruling verdict sermon talk keynote eulogy "
    "presentation performance briefing statement judgment judgement decision line punchline"
)
# What one gives that is words too: "gave an interview", "gave no date".
_GIVEN_WORDS = _SPOKEN | _words("interview indication breakdown timeline date name")
# People who are released: captives, and the words news uses for them.
_CAPTIVES = _words(
    "prisoner hostage detainee captive person people man woman child soldier journalist activist "
    "member fighter citizen national civilian worker student sailor crew opponent dissident leader "
    "suspect inmate militant rebel officer policeman abductee pow all some those others rest "
    "remainder body remains"
)
# Things released that are not people let go: a film, a report, a figure.
_PUBLISHED = _words(
    "ad advert advertisement video clip footage report statement memo album single song film movie trailer "
    "data figure document record study detail photo photograph image picture list name book version "
    "update result finding transcript recording tape audio budget schedule poll survey guidance "
    "guideline product game app software episode letter text email api feature tool library framework "
    "patch beta release edition model phone device article paper code"
)
# People pulled out of rubble or water are rescued, not withdrawn.
_RESCUED = _words("child person people survivor body victim man woman baby resident boy girl")
# Words for naming a group as banned: "(banned in Russia)" is a label the outlet adds, not a ban made now.
_BAN_LABELS = _words("ban outlaw prohibit proscribe designate blacklist")
_GROUPS = _words("group organization organisation movement network party militia faction")
# Things captured that are no place, party or person: a camera's, a market's or a filter's catch.
_CAPTURED_THINGS = _words(
    "oil gas carbon emission image photo picture footage moment mood attention imagination heart "
    "essence spirit data message light sound market share vote title trophy award camera video "
    "percent seat majority plurality"
)
# Measures and messages that "target" people without force.
_MEASURES = _words(
    "sanction measure policy law rule regulation campaign programme program ad advert advertising "
    "marketing tax bill legislation scheme initiative study research drug treatment vaccine therapy "
    "app product service"
)
_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")
# Words of games, races and votes: who "beat" whom in them won.
_CONTESTS = _words(
    "final semi-final semifinal quarter-final match game derby race election ballot poll tournament "
    "championship league cup contest"
)
# Adversities one fights that are no party: illnesses, fires, bids, charges.
_ADVERSITIES = _words(
    "cancer disease illness fire blaze wildfire bid takeover charge allegation lawsuit case claim "
    "ruling decision poverty inflation obesity addiction depression tear urge fatigue cold flu virus "
    "infection pandemic epidemic tax proposal plan bill ticket fine eviction deportation extradition "
    "conviction sentence odds nerve"
)
# Tasks one attacks or tackles: "attacked the problem".
_TASKS = _words("problem issue task question challenge puzzle backlog deficit debt")
# Markets and fields a firm "invades".
_MARKETS = _words("market industry sector field space business segment privacy scene")
# What is hosted that is no meeting of parties: a show, a game, a website.
_SHOWS = _words(
    "exhibition show party concert festival game match podcast programme program server website site "
    "tournament olympics cup championship competition fair gala quiz dinner webinar screening "
    "premiere contest file data content"
)
# People a club, label or studio signs: "signed a new striker".
_SIGNED_PEOPLE = _words(
    "player goalkeeper keeper striker defender midfielder forward winger coach manager actor actress "
    "artist band singer rapper quarterback pitcher signing youngster teenager"
)
# Objects that make "take" a light verb: "took place", "took a step back", "took office".
_LIGHT_TAKES = _words(
    "place step part look note care time shape turn breath stock notice pride office effect root seat precaution "
    "photo picture break course chance risk advantage toll issue heart question vote solace comfort"
)
# What is filmed, not shot at: "shot the scene".
_FILMED = _words("film scene video movie footage sketch episode photo picture commercial")
_QUANTITIES = _words(
    "number rate price share level figure sale revenue profit output production participation turnout "
    "attendance population value stock index demand supply percent percentage quality health "
    "popularity economy currency"
)


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _preposition_objects(token: Token, word: str) -> list[Token]:
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ == word for o in _children(p, "pobj")]


def _human(noun: Token) -> bool:
    return noun.ent_type_ == "PERSON" or noun.lower_ in _PRONOUNS or noun.lemma_.lower() in _STAFF


def _captive(noun: Token) -> bool:
    # people who can be set free: named, counted, or called by a word for people
    return (
        _human(noun)
        or noun.ent_type_ in {"NORP", "ORG", "GPE"}
        or any(c.like_num or c.dep_ == "nummod" for c in noun.children)
        or noun.lemma_.lower() in _CAPTIVES
    )


def _objects(token: Token) -> list[Token]:
    return _children(token, "dobj")


def _object_lemmas(token: Token) -> set[str]:
    return {o.lemma_.lower() for o in _patients(token)}


def _patients(token: Token) -> list[Token]:
    # what the verb acts on: its object, else a passive's subject ("the report was released")
    return _objects(token) or (_children(token, "nsubjpass") if token.tag_ == "VBN" else [])


def _month(token: Token) -> bool:
    # "in March 2001", "on 3 March": a month name, not a march; "the Women's March" stays
    if token.pos_ != "PROPN" or token.ent_type_ not in {"DATE", "TIME"}:
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (after is not None and after.like_num) or (
        before is not None and (before.like_num or before.lower_ in _DATE_WORDS)
    )


def _goes_nowhere(token: Token, entry: TriggerEntry) -> bool:
    # "came to power", "comes to nothing", "when it comes to elections": no place or party visited
    if entry.type != "CONSULT" or token.pos_ != "VERB" or token.lemma_.lower() not in _MOTION_VERBS:
        return False
    if any(c.lower_ == "together" for c in token.children):
        return False  # "came together to work for peace": a gathering of parties
    places = [o for word in ("to", "into", "for", "in", "at") for o in _preposition_objects(token, word)]
    return not any(
        o.lemma_.lower() in _PLACE_NOUNS
        or any(t.ent_type_ in _PARTIES or t.pos_ == "PROPN" for t in o.subtree)
        for o in places + _objects(token)
    )


def _met_with(token: Token, entry: TriggerEntry) -> bool:
    # "the plan was met with anger", "get your needs met": a reception, not a meeting; "was met by the
    # president" and "had met the envoy" stay
    if entry.type != "CONSULT" or token.lemma_.lower() != "meet" or token.tag_ != "VBN":
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)
    if perfect and not _children(token, "auxpass"):
        return False
    return not _children(token, "agent", "dobj")


def _dismissed(token: Token, entry: TriggerEntry) -> bool:
    # "fired the manager", "they had been fired": a dismissal; "fired on the crowd" stays
    if entry.type != "ASSAULT" or token.lemma_.lower() != "fire" or token.pos_ != "VERB":
        return False
    if any(_preposition_objects(token, word) for word in ("on", "at", "upon", "into")):
        return False
    objects, subjects = _objects(token), _children(token, "nsubjpass")
    if objects:
        return all(_human(o) for o in objects)
    # "they had been fired": whoever was fired is no shot, round or rocket
    return bool(subjects) and all(
        _human(s) or (s.pos_ == "NOUN" and s.lemma_.lower() not in MUNITIONS) for s in subjects
    )


def _asks_about(token: Token, entry: TriggerEntry) -> bool:
    # "she asked about him", "Kimmel asked.": a question; a request asks for something or someone to act
    if entry.type != "REQUEST" or token.lemma_.lower() != "ask" or token.pos_ != "VERB":
        return False
    if _children(token, "xcomp") or _preposition_objects(token, "for"):
        return False
    clauses = _children(token, "ccomp") + [
        c
        for c in _children(token, "advcl")
        if any(m.lower_ in {"whether", "if"} for m in _children(c, "mark"))
    ]
    # a wh-clause the parser hangs on the person asked: "asked the witness where she had been"
    clauses += [c for o in _objects(token) for c in _children(o, "relcl") if _indirect_question(c)]
    if clauses:
        return all(_indirect_question(c) for c in clauses)  # "asked him whether the troops would stay"
    objects = _objects(token)
    if objects and all(o.lemma_.lower() in _ASKED_THINGS for o in objects):
        return True  # "asked a question", "asked her age": something to be told, not done
    about = _preposition_objects(token, "about") + [
        a for o in objects for a in _preposition_objects(o, "about")
    ]
    return not objects or bool(about)


# What one asks to be told: "asked questions", "asked their age".
_ASKED_THINGS = _words("question age name opinion view whereabouts identity")


def _indirect_question(clause: Token) -> bool:
    # "whether/if …" or a wh-word opening the clause ("what he thought", "how many were sent")
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children):
        return True
    return clause.left_edge.tag_ in {"WRB", "WP", "WDT", "WP$"} and clause.left_edge.i < clause.i


def _light_object(token: Token, entry: TriggerEntry) -> bool:
    lemma = token.lemma_.lower()
    objects = _object_lemmas(token)
    if objects & set(entry.rest):
        return False  # the lexicon's own phrase ("take part in exercise") says its sense
    if lemma == "release" and token.pos_ == "NOUN":
        freed = _preposition_objects(token, "of")  # "the release of the data" frees no one
        if freed:
            return not any(_captive(o) for o in freed)
        return token.dep_ != "compound" and not _children(token, "poss", "prep")  # "the third release"
    if not objects:
        return False
    if lemma == "offer" and entry.type == "AGREE":
        return objects <= _SAID_OFFERS
    if lemma == "provide" and entry.type == "AID":
        return objects <= _SAID_PROVISIONS
    if lemma == "release" and entry.type in {"RETREAT", "CONCEDE"}:
        return objects <= _PUBLISHED
    if lemma == "give" and entry.type in {"AID", "COOPERATE", "CONCEDE", "AGREE"}:
        return objects <= _GIVEN_WORDS
    if lemma == "deliver" and entry.type == "AID":
        return objects <= _SPOKEN
    if lemma == "pull" and entry.type == "RETREAT":
        return objects <= _RESCUED  # "pulled two children out alive": a rescue, not a withdrawal
    if lemma == "take":
        # "a shoot-out took place": a happening named by a coined compound is left to the noun's reading
        coined = any(
            any(c.dep_ == "punct" and c.tag_ == "HYPH" for c in s.children) for s in _children(token, "nsubj")
        )
        return objects <= _LIGHT_TAKES and not coined
    if lemma == "shoot" and entry.type == "ASSAULT":
        return objects <= _FILMED
    if lemma == "bring":
        return objects <= _QUANTITIES | _words("toll total tally count")  # "bringing the toll to 40"
    return False


def _opinion(token: Token, entry: TriggerEntry) -> bool:
    # "agreed with his colleague", "does not agree with the policy": a shared view, no deal
    if entry.type != "AGREE" or token.pos_ != "VERB":
        return False
    if _thinks_so(token):
        return True
    if token.lemma_.lower() != "agree" or not _preposition_objects(token, "with"):
        return False
    if _children(token, "xcomp", "ccomp", "dobj") or _preposition_objects(token, "on"):
        return False
    return not _preposition_objects(token, "to")


# Those whose agreeing is a view they hold: "historians agree that …".
_VIEW_HOLDERS = _words(
    "historian scholar expert analyst economist observer critic commentator scientist researcher "
    "academic pundit most many few"
)
_WIDELY = _words("generally widely broadly largely mostly mainly")


def _thinks_so(token: Token) -> bool:
    # "we must accept that the recovery will be slow", "most historians agree that …": a view, no deal;
    # "the two sides agreed that the truce would begin at dawn" is an agreement and stays
    lemma = token.lemma_.lower()
    if not _children(token, "ccomp") or _children(token, "dobj", "xcomp"):
        return False
    if lemma == "accept":
        return True
    if lemma != "agree" or _preposition_objects(token, "on") or _preposition_objects(token, "to"):
        return False
    widely = any(c.dep_ == "advmod" and c.lower_ in _WIDELY for c in token.children)
    return widely or any(
        s.lemma_.lower() in _VIEW_HOLDERS and not s.ent_type_ for s in _children(token, "nsubj")
    )


def _helped_with_words(token: Token, entry: TriggerEntry) -> bool:
    # "X contributed to this report", "stress contributed to the birth": no aid given to anyone
    if entry.type != "AID" or token.lemma_.lower() != "contribute" or _objects(token):
        return False
    return not any(o.ent_type_ in _PARTIES for o in _preposition_objects(token, "to"))


def _summoned_to_protest(token: Token, entry: TriggerEntry) -> bool:
    # "summoned the envoy to protest the remarks": the summons is the protest (ACCUSE), no rally
    return (
        entry.type == "PROTEST" and token.dep_ in {"xcomp", "advcl"} and token.head.lemma_.lower() == "summon"
    )


# What an official inspects on a visit or a tour: a parade, the troops, the damage (no investigation).
_TOURED = _words(
    "troop soldier guard parade unit force formation cadet recruit honour honor damage destruction "
    "devastation ruin wreckage debris rubble aftermath progress work construction preparation "
    "exhibition stall relief"
)


def _inspection_tour(token: Token, entry: TriggerEntry) -> bool:
    # "the minister inspects troops", "inspected the flood damage": a visit, not an inquiry
    if entry.type != "ACCUSE" or token.lemma_.lower() != "inspect":
        return False
    return bool(_object_lemmas(token) & _TOURED)


def _decreased(token: Token, entry: TriggerEntry) -> bool:
    # "the number of marchers declined": a fall, not a refusal ("declined to attend", "declined the offer")
    if entry.type != "REJECT" or token.lemma_.lower() != "decline" or token.pos_ != "VERB":
        return False
    if _children(token, "xcomp", "ccomp", "dobj"):
        return False
    # "the economy continues to decline": the subject of the verb it goes on with
    subjects = _children(token, "nsubj") or (_children(token.head, "nsubj") if token.dep_ == "xcomp" else [])
    measured = any(s.lemma_.lower() in _QUANTITIES for s in subjects)
    return measured or any(p.dep_ == "prep" and p.lower_ in {"from", "by"} for p in token.children)


def _label(token: Token, entry: TriggerEntry) -> bool:
    # "Jabhat X (banned in Russia)": a participle naming what a group is, not a ban made in the story
    return (
        entry.type in {"COERCE", "SANCTION"}
        and token.lemma_.lower() in _BAN_LABELS
        and token.tag_ == "VBN"
        and (
            (token.i > 0 and token.doc[token.i - 1].text == "(")
            or (
                token.dep_ == "acl"
                and not _children(token, "agent")  # "the party, banned by the junta last week": a ban
                and (
                    token.head.pos_ == "PROPN"
                    or token.head.ent_type_ in {"ORG", "NORP"}
                    or token.head.lemma_.lower() in _GROUPS
                )
            )
        )
    )


def _leads_to(token: Token) -> bool:
    # "the shortages led to hard choices": a cause, not a party leading anyone
    if token.lemma_.lower() != "lead" or _objects(token):
        return False
    # "led to hard choices", "led to what would be unthinkable": a noun or a clause after "to"
    return any(
        p.dep_ == "prep" and p.lower_ == "to" and _children(p, "pobj", "pcomp") for p in token.children
    )


# Where the wounded are let go from: "treated and released", "released from hospital".
_CARE = _words("hospital clinic care treatment infirmary")


def _discharged(token: Token, entry: TriggerEntry) -> bool:
    # "was treated and released", "released from hospital": a patient sent home, not a captive freed
    if entry.type not in {"RETREAT", "CONCEDE"} or token.lemma_.lower() != "release" or token.pos_ != "VERB":
        return False
    if any(o.lemma_.lower() in _CARE for o in _preposition_objects(token, "from")):
        return True
    treated = [token.head] if token.dep_ == "conj" else []
    treated += _children(token, "conj")
    return any(t.lemma_.lower() == "treat" for t in treated)


def _the_hurt(token: Token, entry: TriggerEntry) -> bool:
    # "three of the injured", "the wounded were taken to hospital": people, not an attack
    if entry.type != "ASSAULT" or token.lower_ not in {"injured", "wounded", "dead", "killed"}:
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN"}:
        return False  # "the wounded soldiers": an adjective before its noun
    return token.i > 0 and doc[token.i - 1].lower_ == "the" and not _children(token, "agent", "dobj")


def _holds(token: Token) -> bool:
    # "rebels control the airport", "have controlled the old city for years": who holds a place is a
    # state; taking it ("took control of", "seized control") is the act
    return token.lemma_.lower() == "control" and token.pos_ == "VERB"


def _resigned_to(token: Token, entry: TriggerEntry) -> bool:
    # "residents seemed resigned to the bombing": an attitude, not a resignation from office
    if entry.type != "RETREAT" or token.lemma_.lower() != "resign":
        return False
    return token.dep_ in {"acomp", "oprd", "xcomp"} or bool(_preposition_objects(token, "to"))


def _the_accused(token: Token, entry: TriggerEntry) -> bool:
    # "the accused then threw a stone": the person charged in court, not an accusation
    if (
        entry.type != "ACCUSE"
        or token.lower_ != "accused"
        or token.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}
    ):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not _preposition_objects(
        token, "of"
    )


def _a_talk(token: Token, entry: TriggerEntry) -> bool:
    # "his talk on immigration": one talk is a speech; "talks" between parties are negotiations
    return entry.type == "CONSULT" and token.lower_ == "talk" and token.tag_ == "NN"


def _captured_thing(token: Token, entry: TriggerEntry) -> bool:
    # "the oil was captured at the wellhead", "captured the mood": no one seized or taken
    if entry.type != "ASSAULT" or token.lemma_.lower() != "capture" or token.pos_ != "VERB":
        return False
    things = _objects(token) + _children(token, "nsubjpass")
    # "most of the oil": the thing, not its share
    things = [(_preposition_objects(t, "of") or [t])[0] if t.pos_ != "NOUN" else t for t in things]
    return bool(things) and all(t.lemma_.lower() in _CAPTURED_THINGS for t in things)


def _contest(token: Token, entry: TriggerEntry) -> bool:
    # "beat the visitors 3-1 in the final": a game or a vote won, not a beating
    if entry.type != "ASSAULT" or token.lemma_.lower() not in {"beat", "defeat"}:
        return False
    words = {t.lemma_.lower() for t in token.sent}
    sentence = list(token.sent)
    scored = (
        any(_SCORE.match(t.text) for t in sentence)
        or any(
            a.like_num
            and dash.text in {"-", "–"}
            and b.like_num
            and len(a.text) <= 3
            and len(b.text) <= 3
            and "DATE" not in {a.ent_type_, b.ent_type_}  # "between 18 - 20 February" is a span of days
            for a, dash, b in zip(sentence, sentence[1:], sentence[2:], strict=False)
        )
    )
    return scored or bool(words & _CONTESTS)


def _struggle(token: Token, entry: TriggerEntry) -> bool:
    # "fighting cancer", "fought off a takeover bid", "attacked the problem", "killed it", "invaded the
    # market": a struggle with an illness, a bid or a task, not with a party
    lemma = token.lemma_.lower()
    if entry.type != "ASSAULT" or token.pos_ != "VERB":
        return False
    objects = _objects(token) + [o for word in ("against", "off") for o in _preposition_objects(token, word)]
    lemmas = {o.lemma_.lower() for o in objects}
    if lemma in {"fight", "battle", "combat"}:
        # "battling rivals for control of the cloud market": a fight for customers
        prize = [t for h in [token, *objects] for o in _preposition_objects(h, "for") for t in o.subtree]
        return (bool(lemmas) and lemmas <= _ADVERSITIES) or any(_a_market(t) for t in prize)
    if lemma in {"attack", "tackle"}:
        return bool(lemmas) and (lemmas <= _TASKS or all(_a_market(o) for o in objects))
    if lemma == "kill":
        return [o.lower_ for o in _objects(token)] == ["it"]
    if lemma == "invade":
        return bool(lemmas) and lemmas <= _MARKETS
    return False


def _a_market(noun: Token) -> bool:
    # "the cloud market", "market share", "the smartphone industry"; "the market", "the Bakara market",
    # "the town market" are places where people are hit
    lemma = noun.lemma_.lower()
    if lemma == "share":
        return any(c.lemma_.lower() == "market" for c in noun.children)
    if lemma != "market":
        return lemma in _MARKETS - {"field", "space", "scene"}
    return any(
        c.dep_ in {"compound", "amod"} and c.pos_ != "PROPN" and c.lemma_.lower() in _TRADES
        for c in noun.children
    )


# Markets that are a trade, not a place: "the bond market", "the electric car market".
_TRADES = _words(
    "stock bond share equity currency credit cloud smartphone phone car vehicle housing property "
    "labour labor job energy grocery retail software advertising ad insurance mortgage commodity "
    "global domestic export consumer"
)
# Players whose shots are at goal: "the striker fired a shot past the keeper".
_SHOOTERS = _words(
    "striker midfielder forward winger defender player goalkeeper keeper substitute batsman batter "
    "guard shooter"
)


def _sport(token: Token, entry: TriggerEntry) -> bool:
    # "the striker fired a shot past the keeper", "traders bombed out of the market", "prices shot up":
    # a game, a loss or a rise, not force
    if entry.type != "ASSAULT" or token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep"}}
    if lemma == "bomb" and "out" in particles:
        return True
    subjects = _children(token, "nsubj")
    if lemma in {"shoot", "soar", "rocket"} and "up" in particles:
        return any(s.lemma_.lower() in _QUANTITIES for s in subjects)
    return lemma in {"fire", "shoot", "strike", "hit", "blast", "smash"} and any(
        s.lemma_.lower() in _SHOOTERS - {"guard", "shooter"} for s in subjects
    )


# What a court hears an appeal against: the legal sense, not a plea to a party.
_RULINGS = _words("verdict ruling conviction sentence decision judgment judgement acquittal order")
_APPEAL_HEARINGS = _words("hear lodge file dismiss uphold win lose consider")


def _in_court(token: Token, entry: TriggerEntry) -> bool:
    # "the court will hear the appeal", "pleaded not guilty": a step in a trial, no request of a party
    if entry.type != "REQUEST":
        return False
    lemma = token.lemma_.lower()
    if lemma == "plead":
        return any(t.lower_ in {"guilty", "innocent"} for t in token.subtree)
    # the appeal itself, or the one a verb of the lexicon files ("filed an appeal against his conviction")
    appeal = token if token.pos_ == "NOUN" else next(iter(_objects(token)), None)
    if appeal is None or appeal.lemma_.lower() != "appeal" or appeal.pos_ != "NOUN":
        return False
    if _preposition_objects(appeal, "for") or _preposition_objects(appeal, "to"):
        return False  # "an appeal for calm", "an appeal to the UN"
    against = _preposition_objects(appeal, "against")
    if against:
        return all(o.lemma_.lower() in _RULINGS for o in against)
    return appeal.dep_ in {"dobj", "nsubjpass"} and appeal.head.lemma_.lower() in _APPEAL_HEARINGS


def _staged(token: Token, entry: TriggerEntry) -> bool:
    # "hosted an exhibition", "opened a new bridge", "signed a new striker": an event staged, a building
    # opened, a player hired; "hosted the envoy", "opened the border crossing", "signed the accord" stay
    lemma, objects = token.lemma_.lower(), _objects(token)
    if not objects:
        return False
    if entry.type == "CONSULT" and lemma == "host":
        return {o.lemma_.lower() for o in objects} <= _SHOWS
    if entry.type == "CONCEDE" and lemma == "open":
        return all(
            any(c.dep_ == "amod" and c.lower_ in {"new", "first"} for c in o.children) for o in objects
        )
    if entry.type == "SUPPORT" and lemma == "sign":
        return all(o.ent_type_ == "PERSON" or o.lemma_.lower() in _SIGNED_PEOPLE for o in objects)
    return False


def _checks_out(token: Token, entry: TriggerEntry) -> bool:
    # "check out our guide": a look, not an investigation
    return (
        entry.type == "ACCUSE"
        and token.lemma_.lower() == "check"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    )


def _to_the_reader(token: Token, entry: TriggerEntry) -> bool:
    # "we encourage you to upgrade", "the guide will help you": advice to the reader, no party acted on
    if entry.type not in {"REQUEST", "AID", "SUPPORT", "AGREE", "CONCEDE", "COOPERATE"}:
        return False
    # "help you plan": the reader as the subject of the clause the verb takes
    objects = _objects(token) + [s for c in _children(token, "ccomp", "xcomp") for s in _children(c, "nsubj")]
    return bool(objects) and all(o.lower_ in {"you", "yourself", "yourselves"} for o in objects)


def _in_a_name(token: Token) -> bool:
    # "Secretary-General Ban Ki-moon": a word of a person's name
    return token.pos_ == "PROPN" and token.ent_type_ == "PERSON"


def _pushed_on(token: Token, entry: TriggerEntry) -> bool:
    # "militants pushed deep into the city": an advance, not a push for anything
    return (
        entry.type == "REQUEST"
        and token.lemma_.lower() == "push"
        and token.pos_ == "VERB"
        and not _children(token, "xcomp", "ccomp", "dobj")
        and not _preposition_objects(token, "for")
    )


def _aimed_by_measure(token: Token, entry: TriggerEntry) -> bool:
    # "the sanctions regime targets officials", "the campaign targets young voters": a measure aimed at
    # people, not an attack on them
    if entry.type != "ASSAULT" or token.lemma_.lower() != "target" or token.pos_ != "VERB":
        return False
    subjects = _children(token, "nsubj")
    return bool(subjects) and all(
        any(t.lemma_.lower() in _MEASURES for t in s.subtree if t.dep_ in {"nsubj", "compound"})
        for s in subjects
    )


def _sworn_in(token: Token) -> bool:
    # "was sworn in as justice": an oath of office, not a vow of violence
    if token.lemma_.lower() != "swear":
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children) or (
        following is not None and following.lower_ == "in" and following.head == token
    )


def _called_back(token: Token, entry: TriggerEntry) -> bool:
    # "called the file up", "was called back for a second audition": no demand made
    return (
        entry.type == "REQUEST"
        and token.lemma_.lower() == "call"
        and any(c.dep_ == "prt" and c.lower_ in {"up", "back"} for c in token.children)
    )


def _names_as(token: Token, entry: TriggerEntry) -> bool:
    # "the government calls the process reconciliation": a name given, no call for anything
    return (
        entry.type == "REQUEST"
        and token.lemma_.lower() == "call"
        and bool(_objects(token))
        and bool(_children(token, "oprd"))
    )


# What a wire credit says was contributed to: "Agencies contributed to this report".
_WRITINGS = _words("report article story reporting coverage piece")


def _credit(token: Token) -> bool:
    # "Agencies contributed to this report": a credit line, no aid given
    return token.lemma_.lower() == "contribute" and any(
        o.lemma_.lower() in _WRITINGS for o in _preposition_objects(token, "to")
    )


# Verbs a speaking frame leads into: "Speaking to reporters, the envoy said …".
_SAYING = _words("say tell add note explain stress insist warn confirm state describe")


def _speaking_frame(token: Token, entry: TriggerEntry) -> bool:
    # "Speaking to a news site, the spokeswoman noted …": how a statement was made, not a meeting
    return (
        entry.type == "CONSULT"
        and token.lemma_.lower() in {"speak", "talk"}
        and token.tag_ == "VBG"
        and token.dep_ in {"advcl", "xcomp"}
        and token.head.lemma_.lower() in _SAYING
    )


def _thanks_you(token: Token, entry: TriggerEntry) -> bool:
    # "Thank you.", "thank God": a courtesy or a prayer, not praise of a party
    return (
        entry.type == "SUPPORT"
        and token.lemma_.lower() == "thank"
        and not _children(token, "nsubj")
        and len(_objects(token)) == 1
        and _objects(token)[0].lower_ in {"you", "god", "goodness", "heaven", "heavens", "allah"}
    )


# Material kinds: a label of one of these ("Looting: gunmen robbed …") names the act the sentence tells.
_MATERIAL = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "AID", "CONCEDE", "RETREAT", "MOBILIZE", "COOPERATE", "PROTEST"}
)


def _heading(token: Token, entry: TriggerEntry) -> bool:
    # "Warning: this report contains …": a notice opening the text after it, no one warned of anything
    if entry.type in _MATERIAL:
        return False
    doc = token.doc
    words = [t for t in token.sent if not (t.is_punct or t.is_space)]
    return (
        bool(words)
        and words[0] == token
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ":"
        and all(c.dep_ == "punct" for c in token.children)  # a bare word: "Attack on X: …" names one
    )


# What "riot" names when it only describes forces or kit: "riot police", "riot gear".
_RIOT_KIT = frozenset(
    {"police", "policeman", "officer", "squad", "unit", "gear", "shield", "control", "force", "troop", "van"}
)


def _riot_gear(token: Token, entry: TriggerEntry) -> bool:
    """Return True for "riot" naming a kind of police or kit ("riot police fired tear gas"): no riot."""
    return (
        entry.type == "PROTEST"
        and token.lemma_.lower() == "riot"
        and token.dep_ in {"compound", "amod", "nmod"}
        and token.head.lemma_.lower() in _RIOT_KIT
    )


# What marchers demonstrate when they march: "demonstrated their anger" is a protest.
_GRIEVANCES = _words(
    "anger discontent opposition support rejection solidarity dissatisfaction displeasure frustration "
    "outrage grievance demand objection disapproval fury rage resentment refusal protest condemnation"
)


def _shown(token: Token, entry: TriggerEntry) -> bool:
    # "the drills demonstrated its reach", "tests demonstrate that …": shown or proved, no one marched
    if entry.type != "PROTEST" or token.lemma_.lower() != "demonstrate" or token.pos_ != "VERB":
        return False
    objects = _objects(token)
    if any(o.lemma_.lower() in _GRIEVANCES for o in objects):
        return False
    return bool(objects or _children(token, "ccomp"))


def _barring(token: Token, entry: TriggerEntry) -> bool:
    # "barring bad weather, the launch goes ahead": "except for", no one barred
    return (
        entry.type == "COERCE"
        and token.lower_ == "barring"
        and not _children(token, "nsubj", "nsubjpass", "aux")
        and token.dep_ in {"prep", "advcl", "advmod", "ROOT"}
        and not any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children)
    )


def _confined_to(token: Token, entry: TriggerEntry) -> bool:
    # "the damage was not confined to the old town": limited in reach, no one held
    if entry.type != "COERCE" or token.lemma_.lower() != "confine" or token.tag_ != "VBN":
        return False
    held = _children(token, "nsubjpass")
    people = any(_captive(t) for h in held for t in h.subtree)  # "dozens of dissidents were confined"
    return bool(held) and not people and not _children(token, "agent")


# Embargoes on news, not on trade: "a media embargo on the battle", "embargoed until 09:00".
_NEWS = _words("media news press information publication reporting story release")


def _news_embargo(token: Token, entry: TriggerEntry) -> bool:
    if entry.type != "SANCTION" or token.lemma_.lower() not in {"embargo", "embargoed"}:
        return False
    if token.i > 0 and token.doc[token.i - 1].lower_ == "sin":
        return True  # Spanish "sin embargo", "however"
    if _preposition_objects(token, "until") or _preposition_objects(token, "till"):
        return True  # a press release held back until a time
    return any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _NEWS for c in token.children)


def _seized_on(token: Token, entry: TriggerEntry) -> bool:
    # "critics seized on the gaffe": made use of it, took nothing
    return (
        entry.type in {"COERCE", "ASSAULT"}
        and token.lemma_.lower() == "seize"
        and not _children(token, "dobj", "nsubjpass")
        and bool(_preposition_objects(token, "on") or _preposition_objects(token, "upon"))
    )


def _backed_off(token: Token, entry: TriggerEntry) -> bool:
    # "investors backed off", "backed away from the plan": a retreat from support, not support
    return (
        entry.type == "SUPPORT"
        and token.lemma_.lower() == "back"
        and any(
            c.dep_ in {"prt", "advmod"} and c.lower_ in {"off", "down", "away", "out"} for c in token.children
        )
    )


def _cut_off_speaker(token: Token, entry: TriggerEntry) -> bool:
    # "the host cut him off": an interruption; "cut off the town" is a siege and stays
    return (
        entry.type == "COERCE"
        and token.lemma_.lower() == "cut"
        and any(c.dep_ in {"prt", "prep"} and c.lower_ == "off" for c in token.children)
        and any(o.lower_ in {"him", "her", "me"} for o in _objects(token))
        and not _preposition_objects(token, "from")  # "cut him off from his unit": isolated by force
    )


# Verbs by which a party meets a threat rather than makes one: "faces an existential threat".
_MEETS_THREAT = _words("face confront pose represent constitute remain")


def _threat_faced(token: Token, entry: TriggerEntry) -> bool:
    # "the rebels face an existential threat": a danger they are in, no one threatened them
    if entry.type != "THREATEN" or token.lemma_.lower() not in _MEETS_THREAT or token.pos_ != "VERB":
        return False
    threats = [o for o in _objects(token) if o.lemma_.lower() in {"threat", "danger", "risk"}]
    return bool(threats) and not any(_preposition_objects(o, "from") or _children(o, "poss") for o in threats)


def other_sense(token: Token, entry: TriggerEntry) -> bool:
    """Return True when the trigger word is used in a sense that names no act of the entry's type."""
    return (
        _month(token)
        or _goes_nowhere(token, entry)
        or _met_with(token, entry)
        or _dismissed(token, entry)
        or _asks_about(token, entry)
        or _light_object(token, entry)
        or _opinion(token, entry)
        or _helped_with_words(token, entry)
        or _summoned_to_protest(token, entry)
        or _inspection_tour(token, entry)
        or _decreased(token, entry)
        or _sworn_in(token)
        or _label(token, entry)
        or _in_a_name(token)
        or _pushed_on(token, entry)
        or _aimed_by_measure(token, entry)
        or _checks_out(token, entry)
        or _to_the_reader(token, entry)
        or _contest(token, entry)
        or _struggle(token, entry)
        or _staged(token, entry)
        or _leads_to(token)
        or _a_talk(token, entry)
        or _captured_thing(token, entry)
        or _called_back(token, entry)
        or _thanks_you(token, entry)
        or _heading(token, entry)
        or _discharged(token, entry)
        or _the_accused(token, entry)
        or _the_hurt(token, entry)
        or _holds(token)
        or _resigned_to(token, entry)
        or _names_as(token, entry)
        or _credit(token)
        or _speaking_frame(token, entry)
        or _riot_gear(token, entry)
        or _shown(token, entry)
        or _news_embargo(token, entry)
        or _seized_on(token, entry)
        or _backed_off(token, entry)
        or _cut_off_speaker(token, entry)
        or _threat_faced(token, entry)
        or _sport(token, entry)
        or _in_court(token, entry)
        or _barring(token, entry)
        or _confined_to(token, entry)
    )
