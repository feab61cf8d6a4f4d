"""Claims in wire and press styles: who says so, through what, how firmly.

Our own invented sentences (Ruritania, Borduria, Syldavia and made-up outlets), one attribution pattern each:
statements and their channels, "according to", interviews, platforms, quoting relays, unnamed and generic
sources, datelines, and sources that close an unpunctuated sentence.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.events.claims.stance import _same_side
from flashpoint.records import Actor, Claim, Event

Code = Callable[..., tuple[Event, ...]]


def _claim(events: tuple[Event, ...], plover: str) -> Claim:
    found = [e.claims[0] for e in events if e.type == plover]
    assert found, f"no {plover} event in {[e.type for e in events]}"
    return found[0]


WIRE_CASES = [
    ('"Our forces destroyed three enemy tanks near the river," said Colonel Ivan Petrov, a spokesman for the army.', 'ASSAULT', 'claimed_responsibility', 'Colonel Ivan Petrov', None),
    ('A police source said officers raided three houses in the suburb.', 'COERCE', 'alleged', 'A police source', None),
    ('A senior official, who spoke on condition of anonymity, said the army had deployed tanks to the border.', 'MOBILIZE', 'alleged', 'A senior official', None),
    ('A spokesman for the interior ministry said police had detained three suspects.', 'COERCE', 'reported', 'A spokesman for the interior ministry', None),
    ('Activists said government helicopters dropped barrel bombs on the town.', 'ASSAULT', 'alleged', 'Activists', None),
    ('DORN, Ruritania (Reuters) - Bordurian artillery shelled the outskirts of Dorn on Monday.', 'ASSAULT', 'asserted', None, None),
    ('Government forces allegedly shelled a school in the north.', 'ASSAULT', 'alleged', None, None),
    ('In a video posted on YouTube, the militant group said it had carried out the bombing.', 'ASSAULT', 'claimed_responsibility', 'the militant group', 'YouTube'),
    ('KLOW (AP) - Police raided the offices of an opposition newspaper on Friday.', 'COERCE', 'asserted', None, None),
    ('Local media reported that the militia had kidnapped a journalist.', 'ASSAULT', 'alleged', 'Local media', 'Local media'),
    ('Militants attacked a police station in the town, killing four officers, a local official told the news agency.', 'ASSAULT', 'alleged', 'a local official', 'the news agency'),
    ('Militants fired rockets at the town, a military spokesman told AFP.', 'ASSAULT', 'alleged', 'a military spokesman', 'AFP'),
    ('Police arrested forty protesters in the square, according to a rights group.', 'COERCE', 'alleged', 'a rights group', None),
    ('Protesters blocked the main road, a witness told Radio Nord.', 'PROTEST', 'alleged', 'a witness', 'Radio Nord'),
    ('Rebels attacked a police post on the highway killing four officers the interior ministry reported.', 'ASSAULT', 'reported', 'the interior ministry', None),
    ('Ruritania accused Borduria of shelling border villages.', 'ACCUSE', 'asserted', None, None),
    ('Sources close to the presidency said the two leaders met secretly in Geneva.', 'CONSULT', 'alleged', 'Sources close to the presidency', None),
    ('Speaking on Radio Nord, the mayor said rebels had shelled the hospital.', 'ASSAULT', 'alleged', 'the mayor', 'Radio Nord'),
    ('Speaking on state television, the interior minister said police had arrested the gunmen.', 'COERCE', 'reported', 'the interior minister', 'state television'),
    ('State media reported that the army had arrested dozens of militants in the north.', 'COERCE', 'alleged', 'State media', 'State media'),
    ('The Observatory, a war monitor, said airstrikes killed 14 people in the province.', 'ASSAULT', 'reported', 'The Observatory', None),
    ('The Red Hand claimed responsibility for the bombing in a statement on its website.', 'ASSAULT', 'claimed_responsibility', 'The Red Hand', 'its website'),
    ('The Ruritanian News Agency quoted the defence minister as saying that troops had been deployed to the border.', 'MOBILIZE', 'reported', 'the defence minister', 'The Ruritanian News Agency'),
    ('The Syldavian defence ministry said on its Telegram channel that its air defences had shot down two drones.', 'ASSAULT', 'claimed_responsibility', 'The Syldavian defence ministry', 'its Telegram channel'),
    ('The agency, citing a military source, said troops had repelled an attack on the airbase.', 'ASSAULT', 'alleged', 'a military source', 'The agency'),
    ('The army denied that its aircraft had struck the refugee camp.', 'ASSAULT', 'denied', 'The army', None),
    ('The army said in a communique that it had killed 30 militants.', 'ASSAULT', 'claimed_responsibility', 'The army', 'a communique'),
    ('The army said it had not shelled the village.', 'ASSAULT', 'denied', 'The army', None),
    ('The army shelled a crowded market in the north of the city killing 11 people the Borduria-based monitor reported.', 'ASSAULT', 'reported', 'the Borduria-based monitor', None),
    ('The army withdrew from the hill town on Sunday, the defence ministry said in a statement.', 'RETREAT', 'reported', 'the defence ministry', 'a statement'),
    ('The foreign minister said at a press conference that the two countries had agreed a ceasefire.', 'AGREE', 'reported', 'The foreign minister', 'a press conference'),
    ('The group said in a post on Telegram that its fighters had attacked an army checkpoint.', 'ASSAULT', 'claimed_responsibility', 'The group', 'Telegram'),
    ('The interior ministry said police had arrested five men suspected of planning an attack.', 'COERCE', 'reported', 'The interior ministry', None),
    ('The militia has reportedly abducted dozens of villagers.', 'ASSAULT', 'alleged', None, None),
    ('The militia rejected the proposal, saying it would keep fighting.', 'REJECT', 'asserted', None, None),
    ('The minister told Reuters that troops had withdrawn from the border.', 'RETREAT', 'reported', 'The minister', 'Reuters'),
    ('The ministry said in a tweet that it had expelled the Bordurian ambassador.', 'SANCTION', 'reported', 'The ministry', 'a tweet'),
    ('The ministry said the strikes hit weapons depots, a claim that could not be independently verified.', 'ASSAULT', 'alleged', 'The ministry', None),
    ('The opposition alleged that security forces had tortured detainees.', 'ASSAULT', 'alleged', 'The opposition', None),
    ('The president condemned the attack on the embassy.', 'ACCUSE', 'asserted', None, None),
    ('The rebels claimed that government aircraft had bombed a hospital.', 'ASSAULT', 'alleged', 'The rebels', None),
    ('The rebels denied carrying out the attack.', 'ASSAULT', 'denied', 'The rebels', None),
    ('The rebels said they would not attend the talks in Geneva.', 'CONSULT', 'negated', 'The rebels', None),
    ('The rebels threatened to attack the capital.', 'THREATEN', 'threatened', None, None),
    ('The two leaders met in Klow on Monday, the presidency said in a statement posted on its website.', 'CONSULT', 'reported', 'the presidency', 'its website'),
    ('Troops have withdrawn from the border, the minister told Reuters.', 'RETREAT', 'reported', 'the minister', 'Reuters'),
    ('Witnesses said soldiers opened fire on the crowd.', 'ASSAULT', 'alleged', 'Witnesses', None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), WIRE_CASES)
def test_claims_wire_sources(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    claim = _claim(code_events(text), plover)
    assert (claim.stance, claim.claimant, claim.channel) == (stance, claimant, channel)


# Without commas a source's left edge is open ("… two ferries residents said"): the source must end its
# claimant, whatever the parser glued before it.
LOST_SOURCE_CASES = [
    # a finite verb of saying hung on the event clause lost its subject: the phrase before it speaks, with
    # where it is, not the event's actor claiming its own act
    ("Government jets bombed a clinic in the town on Monday killing nine nurses activists in the town "
     "reported.", "ASSAULT", "alleged", "activists", None),
    ("Bordurian gunboats shelled the harbour at dawn sinking two ferries residents in the port said.",
     "ASSAULT", "alleged", "residents", None),
    # an acronym read as the auxiliary "is" is the subject; "one of its fighters" is the group's own act
    ("IS said in a statement that one of its fighters had attacked a checkpoint near the city.", "ASSAULT",
     "claimed_responsibility", "IS", "a statement"),
    # a day after the verb is when, not who
    ("Protesters marched on the parliament building in the capital the envoy said Wednesday.", "PROTEST",
     "reported", "the envoy", None),
    # "according to" a plan or an agreement names no source
    ("Under the plan, rebels will withdraw from the town, according to the agreement.", "RETREAT", "future",
     None, None),
    # a broadcaster named by its kind is generic, like "state media"
    ("State television said government forces had recaptured the town.", "ASSAULT", "alleged",
     "State television", "State television"),
    # "believed to be …" hedges who the actor is: no one believes, the act is alleged, and the source
    # after the clause still speaks
    ("Jets believed to be Bordurian killed twelve villagers fleeing across the river activists and a monitor "
     "said.", "ASSAULT", "alleged", "a monitor", None),
    ("Jets believed to be Bordurian bombed the bridge.", "ASSAULT", "alleged", None, None),
    # a relative clause inside what is said is said too
    ("The monitor also said a government raid on the northern village where rebel fighters are fighting the "
     "militia killed three shepherds.", "ASSAULT", "reported", "The monitor", None),
    # a passive verb of saying: its agent speaks, not what was confirmed
    ("On Tuesday the findings were confirmed by Bordurian health officials who said tests showed that nerve "
     "gas had been used.", "ASSAULT", "alleged", "Bordurian health officials", None),
    # a participle that ends the clause before is not part of the source's name
    ("A child was killed after rebels shelled the market while four others were injured local media "
     "reported.", "ASSAULT", "alleged", "local media", "local media"),
    # a source before its verb speaks; what follows the verb is a gloss, not an inverted source
    ("Ruritanian soldiers clashed with militants near the airport on Friday a monitoring group said part of "
     "a sharp escalation of fighting in the region.", "ASSAULT", "alleged", "a monitoring group", None),
    # a source's name stops at the quotation before it
    ('"Troops shelled the villages all night" activists told the Daily Courier.', "ASSAULT", "alleged",
     "activists", "the Daily Courier"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), LOST_SOURCE_CASES)
def test_claims_wire_lost_sources(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    claim = _claim(code_events(text), plover)
    assert (claim.stance, claim.channel) == (stance, channel)
    if claimant is None:
        assert claim.claimant is None
    else:
        assert claim.claimant is not None and claim.claimant.endswith(claimant), claim.claimant


def test_claims_wire_place_before_source(code_events: Code) -> None:
    # a place that ends the clause before a name, with no comma, is not part of the source's name
    text = (
        "A government helicopter bombed a funeral twice in the old quarter of Dorn Karim Haddad told the "
        "Klow Courier."
    )
    claim = _claim(code_events(text, places={"Dorn": "RUR"}), "ASSAULT")
    assert (claim.claimant, claim.channel) == ("Karim Haddad", "the Klow Courier")


def test_claims_wire_place_in_a_body_name(code_events: Code) -> None:
    # a place that is part of a body's name stays in it
    text = "Rebels shelled the market the Dorn Health Directorate said."
    claim = _claim(code_events(text, places={"Dorn": "RUR"}), "ASSAULT")
    assert claim.claimant == "the Dorn Health Directorate"


@pytest.mark.parametrize(
    ("sector", "claimant_sector", "same"),
    [
        ("REB", None, False),  # a country's word ("the Dorn health office") does not own the rebels' act
        ("REB", "REB", True),
        ("MIL", None, True),  # "Ruritania said its jets …": a state's word owns its forces' act
    ],
)
def test_claims_wire_same_side_by_country(sector: str, claimant_sector: str | None, same: bool) -> None:
    actor = Actor(country="RUR", sector=sector)
    claimant_actor = Actor(country="RUR", sector=claimant_sector)
    assert _same_side("the fighters", actor, "the Dorn office", claimant_actor) is same
