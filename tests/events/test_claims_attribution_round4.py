"""Claims, round 4: who speaks (pronouns across sentences, titles, appositions, nested sources), what it
reaches us through (each channel form) and how firmly (every stance).

Our own invented sentences in several styles (wire copy, press release, local news, social post); the
places and people are made up. Each case is (text, PLOVER type, stance, claimant, channel).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Claim, Event

Code = Callable[..., tuple[Event, ...]]


def _claim(events: tuple[Event, ...], plover: str) -> Claim:
    found = [e.claims[0] for e in events if e.type == plover]
    assert found, f"no {plover} event in {[e.type for e in events]}"
    return found[0]


def _check(code_events: Code, text: str, plover: str, want: tuple[str, str | None, str | None]) -> None:
    claim = _claim(code_events(text), plover)
    assert (claim.stance, claim.claimant, claim.channel) == want


# "he", "she", "it", "they" as speakers: the party named before speaks.
PRONOUN_CASES = [
    ("The mayor of Varno held a briefing on Sunday. She said militants attacked the town hall overnight.",
     "ASSAULT", "reported", "The mayor of Varno", None),
    ("The regional governor toured the damaged district. He said rebels shelled the hospital twice.",
     "ASSAULT", "alleged", "The regional governor", None),
    # an unnamed spokesman is still an unnamed source: alleged
    ("A police spokesman spoke outside the station. He said officers arrested four suspects.",
     "COERCE", "alleged", "A police spokesman", None),
    ("The harbour chief gave an update at noon. He said the coast guard seized two fishing boats.",
     "COERCE", "reported", "The harbour chief", None),
    ("Colonel Ivo Marsk briefed journalists in Tarsk. He said the militia had shelled the airport.",
     "ASSAULT", "reported", "Colonel Ivo Marsk", None),
    ("Interior Minister Dana Holt visited the border post on Friday. She said smugglers had attacked the "
     "guards twice this month.", "ASSAULT", "reported", "Interior Minister Dana Holt", None),
    ("The Ruritanian foreign ministry summoned the envoy on Monday. It said border guards had detained two "
     "of its citizens.", "COERCE", "reported", "The Ruritanian foreign ministry", None),
    ("The Tarsk police command issued an update. It said officers had arrested the driver.",
     "COERCE", "reported", "The Tarsk police command", None),
    # near neighbours: a pronoun with no person before it stays what it is
    ("Heavy rain fell on the city. He said rebels shelled the hospital twice.",
     "ASSAULT", "alleged", "He", None),
    ("The ministry issued a statement. He said rebels shelled the hospital twice.",
     "ASSAULT", "alleged", "He", None),
    ("The floods closed the road. She said police arrested four suspects.",
     "COERCE", "reported", "She", None),
    # a title before a name the tagger took for a body: still a person
    ('Police commander Ivo Brand spoke at the scene. "Officers arrested six men at dawn," he said.',
     "COERCE", "reported", "Police commander Ivo Brand", None),
    ("Army colonel Mira Dask met the press in Tarsk. She said the militia had shelled the dam.",
     "ASSAULT", "reported", "Army colonel Mira Dask", None),
    # near neighbour: a company's name with no title is no "he"
    ("The Dorn Trading Company opened a depot. He said police arrested six men at dawn.",
     "COERCE", "reported", "He", None),
    # the speaker of the sentence before wins over a later name
    ("The Velka Courier interviewed the mayor, Ana Sorel. She said gunmen burned three shops.",
     "ASSAULT", "reported", "Ana Sorel", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), PRONOUN_CASES)
def test_claims_round4_pronoun_speakers(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    _check(code_events, text, plover, (stance, claimant, channel))


# A person with a title, a role, an organisation, or a name in apposition: all of it is the claimant.
TITLE_CASES = [
    ("A spokesman for the Ruritanian interior ministry said police arrested twelve smugglers near Dorn.",
     "COERCE", "reported", "A spokesman for the Ruritanian interior ministry", None),
    ("Colonel Marek Dral, a spokesman for the army, said troops shelled rebel positions overnight.",
     "ASSAULT", "reported", "Colonel Marek Dral", None),
    ("Marta Kessel, the governor of Lirra province, said police detained two engineers.",
     "COERCE", "reported", "Marta Kessel", None),
    ("Interior Ministry spokesman Colonel Ahmed Varo said police detained six smugglers.",
     "COERCE", "reported", "Interior Ministry spokesman Colonel Ahmed Varo", None),
    ("Soldiers freed twelve hostages, said Colonel Ivo Pek, a spokesman for the army.",
     "CONCEDE", "reported", "Colonel Ivo Pek", None),
    ("The head of the Dorn council, Lena Sorr, said the army deployed tanks around the town.",
     "MOBILIZE", "reported", "The head of the Dorn council", None),
    ("Deputy health minister Olek Brandt said airstrikes killed nine people in the market.",
     "ASSAULT", "reported", "Deputy health minister Olek Brandt", None),
    ("Police arrested three protest leaders, the city's police chief, Jan Ruel, said.",
     "COERCE", "reported", "the city's police chief, Jan Ruel", None),
    ("The commander of the northern front said his troops had captured two hills.",
     "ASSAULT", "claimed_responsibility", "The commander of the northern front", None),
    ("A senior official at the Bordurian defence ministry said the navy seized a tanker.",
     "COERCE", "reported", "A senior official at the Bordurian defence ministry", None),
    ("Army chief of staff General Pavel Rusk said rebels ambushed a supply convoy.",
     "ASSAULT", "reported", "Army chief of staff General Pavel Rusk", None),
    ("Ruritania's ambassador to the UN, Mira Vance, said Bordurian jets bombed a bridge.",
     "ASSAULT", "reported", "Ruritania's ambassador to the UN", None),
    # a name set off by commas before its verb, with the office before it or without one
    ("Police arrested three union leaders, Jan Ruel, a lawyer for the union, said.",
     "COERCE", "reported", "Jan Ruel", None),
    ("Troops shelled the ridge near the lake, the army's spokesman, Ivo Pek, said.",
     "ASSAULT", "reported", "the army's spokesman", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), TITLE_CASES)
def test_claims_round4_titles_and_appositions(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    _check(code_events, text, plover, (stance, claimant, channel))


# Nested attribution: the innermost source speaks, the outer one relays.
NESTED_CASES = [
    ("Radio Nord quoted the mayor as saying that militiamen burned three houses.",
     "ASSAULT", "reported", "the mayor", "Radio Nord"),
    ("The governor said the mayor told him that police had detained the driver.",
     "COERCE", "reported", "the mayor", None),
    ("The Kestrel Times reported, citing two security sources, that gunmen ambushed a patrol.",
     "ASSAULT", "alleged", "two security sources", "The Kestrel Times"),
    ("Rutag quoted a police source as saying that officers raided the offices.",
     "COERCE", "alleged", "a police source", "Rutag"),
    ("The governor, quoted by the Velka Courier, said rebels burned two villages.",
     "ASSAULT", "reported", "The governor", "the Velka Courier"),
    ("Police said they arrested two suspects, according to the Velka Courier.",
     "COERCE", "reported", "Police", "the Velka Courier"),
    ("Dorn News reported that the army shelled the village, citing residents.",
     "ASSAULT", "alleged", "residents", "Dorn News"),
    ("Police arrested the activist at her home, her lawyer told the Tarsk Herald.",
     "COERCE", "reported", "her lawyer", "the Tarsk Herald"),
    ("A witness told Radio Vesna that soldiers detained the imam after prayers.",
     "COERCE", "alleged", "A witness", "Radio Vesna"),
    # a speaker goes on with "adding that": the speaker, not the subject of what it said before
    ("The monitor said ten people were wounded, adding that government forces had also shelled the area.",
     "ASSAULT", "reported", "The monitor", None),
    ("The mayor said ten homes were damaged, adding that police had detained two suspects.",
     "COERCE", "reported", "The mayor", None),
    ("The governor said that roads were closed, adding that the army had deployed tanks on the bridge.",
     "MOBILIZE", "reported", "The governor", None),
    ("The mayor said rebels burned the market, adding that the army had deployed tanks in the square.",
     "MOBILIZE", "reported", "The mayor", None),
    ("The governor said gunmen attacked a bus, adding that troops were sent to the pass.",
     "MOBILIZE", "reported", "The governor", None),
    ("Residents said militiamen looted the pharmacy, adding that soldiers had arrested the owner.",
     "ASSAULT", "alleged", "Residents", None),
    # near neighbour: a participle of an act, not of saying, belongs to the act's own subject
    ("The army said troops arrested ten fighters near the dam.",
     "COERCE", "reported", "The army", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), NESTED_CASES)
def test_claims_round4_nested_sources(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    _check(code_events, text, plover, (stance, claimant, channel))


# Channels as written: outlets, agencies, broadcasters, platforms, media nouns.
CHANNEL_CASES = [
    ("The mayor said in a statement on Telegram that police detained five men.",
     "COERCE", "reported", "The mayor", "Telegram"),
    ("Defence Minister Tomas Ruel told Reuters that the navy seized a tanker off the coast.",
     "COERCE", "reported", "Defence Minister Tomas Ruel", "Reuters"),
    ("State television reported that troops arrested forty smugglers in the capital.",
     "COERCE", "alleged", "State television", "State television"),
    ("Police arrested three men, the local news site Zarya reported.",
     "COERCE", "reported", "the local news site Zarya", "the local news site Zarya"),
    ("Speaking on state radio, the prime minister said the army had retaken the town.",
     "ASSAULT", "reported", "the prime minister", "state radio"),
    ("Writing on X, the opposition leader said police arrested three students in the square.",
     "COERCE", "reported", "the opposition leader", "X"),
    ("The defence ministry said on its Telegram channel that air defences shot down six drones.",
     "ASSAULT", "reported", "The defence ministry", "its Telegram channel"),
    ("In a televised address, President Olga Brandt said the army would retaliate against any attack.",
     "THREATEN", "threatened", "President Olga Brandt", "a televised address"),
    ("The health ministry said in a statement that airstrikes killed nine people.",
     "ASSAULT", "reported", "The health ministry", "a statement"),
    ("Brigadier Lena Sorr told a news conference that troops had arrested the suspects.",
     "COERCE", "reported", "Brigadier Lena Sorr", "a news conference"),
    ("In a tweet, the interior minister said police arrested the gang's leader.",
     "COERCE", "reported", "the interior minister", "a tweet"),
    ("The interior minister said on Twitter that police arrested the gang's leader.",
     "COERCE", "reported", "The interior minister", "Twitter"),
    ("Speaking to Radio Vesna, the governor said militants shelled the power plant.",
     "ASSAULT", "reported", "the governor", "Radio Vesna"),
    ("The army wrote on Telegram that its units repelled an attack near Dorn.",
     "ASSAULT", "claimed_responsibility", "The army", "Telegram"),
    ("Gunmen killed three guards at the mine, the company said in a statement.",
     "ASSAULT", "reported", "the company", "a statement"),
    ("Militants shelled the airport, the ministry said in a statement on its website.",
     "ASSAULT", "reported", "the ministry", "its website"),
    ("Jets bombed the depot, an activist wrote on Facebook.",
     "ASSAULT", "alleged", "an activist", "Facebook"),
    ("Soldiers freed twelve hostages, the statement said.",
     "CONCEDE", "reported", None, "the statement"),
    ("A statement from the ministry said soldiers had freed twelve hostages.",
     "CONCEDE", "reported", "the ministry", "A statement"),
    ("The ministry's statement said soldiers had freed twelve hostages.",
     "CONCEDE", "reported", "The ministry", "The ministry's statement"),
    ("Soldiers freed twelve hostages, army spokesman Ivo Pek told the Tarsk Herald.",
     "CONCEDE", "reported", "army spokesman Ivo Pek", "the Tarsk Herald"),
    ("The group said on its website that its fighters killed five soldiers.",
     "ASSAULT", "claimed_responsibility", "The group", "its website"),
    ("In a video posted online, the militia's leader said his men had captured the town.",
     "ASSAULT", "claimed_responsibility", "the militia's leader", "a video"),
    # a medium an outlet put out is relayed by that outlet; its author is not named
    ("The statement, carried by the state news agency Rutag, said troops arrested ten smugglers.",
     "COERCE", "reported", None, "the state news agency Rutag"),
    ("A statement published by the Velka Courier said soldiers arrested the editor.",
     "COERCE", "reported", None, "the Velka Courier"),
    ("Militants shelled the airport, the ministry said in a statement carried by the Rutag news agency.",
     "ASSAULT", "reported", "the ministry", "the Rutag news agency"),
    # near neighbour: one who releases a medium is its author, and the medium is the channel
    ("A video released by the army said soldiers arrested the editor.",
     "COERCE", "reported", "the army", "A video"),
    # a medium the speaker put out before saying: the medium, or the platform it went out on
    ("The militia issued a statement, saying it attacked the convoy.",
     "ASSAULT", "claimed_responsibility", "The militia", "a statement"),
    ("The Dorn Brigade posted a video on Telegram, saying its fighters had captured two soldiers.",
     "COERCE", "reported", "The Dorn Brigade", "Telegram"),
    ("The ministry published a report saying troops had arrested forty smugglers.",
     "COERCE", "reported", "The ministry", "a report"),
    ("The army issued a communique saying its jets had destroyed a rebel convoy.",
     "ASSAULT", "claimed_responsibility", "The army", "a communique"),
    # near neighbours: a speaker who issues nothing has no medium; a medium found, not put out, speaks alone
    ("The army said troops shelled the ridge, saying the rebels had fired first.",
     "ASSAULT", "reported", "The army", None),
    ("A statement saying troops had arrested forty smugglers was read out on the radio.",
     "COERCE", "alleged", None, "A statement"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), CHANNEL_CASES)
def test_claims_round4_channels(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    _check(code_events, text, plover, (stance, claimant, channel))


# Every stance: the author's voice, named and unnamed sources, charges, denials, threats, negations,
# conditions, plans, and claims of responsibility.
STANCE_CASES = [
    # asserted: the author's own voice, no claimant
    ("Troops shelled the ridge on Monday.", "ASSAULT", "asserted", None, None),
    ("Police arrested eleven people at the border crossing on Friday night.", "COERCE", "asserted", None, None),
    ("Ruritanian jets bombed a bridge over the Velka river.", "ASSAULT", "asserted", None, None),
    ("Hundreds of dock workers protested outside the port authority on Tuesday.",
     "PROTEST", "asserted", None, None),
    # reported: a named source with a neutral verb
    ("The port authority said coast guards detained two ships.", "COERCE", "reported", "The port authority", None),
    ("The Ruritanian army said it deployed two battalions to the border.",
     "MOBILIZE", "reported", "The Ruritanian army", None),
    # alleged: an unnamed or generic source
    ("Residents said soldiers looted shops in the market.", "ASSAULT", "alleged", "Residents", None),
    ("Witnesses said police fired on the crowd.", "ASSAULT", "alleged", "Witnesses", None),
    ("Local media reported that rebels seized the bridge.", "COERCE", "alleged", "Local media", "Local media"),
    ("A security source said the army arrested the cell's leader.",
     "COERCE", "alleged", "A security source", None),
    ("Two officials, speaking on condition of anonymity, said gunmen abducted a priest.",
     "ASSAULT", "alleged", "Two officials", None),
    # alleged: a hedge in the author's voice
    ("Militants reportedly attacked a checkpoint near Dorn.", "ASSAULT", "alleged", None, None),
    ("Government forces are said to have shelled the village.", "ASSAULT", "alleged", None, None),
    ("Rebels allegedly kidnapped two aid workers on the road to Tarsk.", "ASSAULT", "alleged", None, None),
    # alleged: a party's charge, and the charged act of an accusation
    ("The rebels claimed that army jets bombed a hospital.", "ASSAULT", "alleged", "The rebels", None),
    ("The opposition accused the army of shelling a market.", "ASSAULT", "alleged", "The opposition", None),
    ("The opposition accused the army of shelling a market.", "ACCUSE", "asserted", None, None),
    # denied
    ("The army denied that its drones struck the convoy.", "ASSAULT", "denied", "The army", None),
    ("The militia denied kidnapping the two engineers.", "ASSAULT", "denied", "The militia", None),
    # threatened
    ("The rebels vowed to storm the city if talks fail.", "THREATEN", "threatened", None, None),
    ("The militia threatened to attack the convoy.", "THREATEN", "threatened", None, None),
    # negated
    ("The talks planned for Friday were cancelled.", "CONSULT", "negated", None, None),
    ("Police did not arrest anyone at the rally.", "COERCE", "negated", None, None),
    # hypothetical
    ("Troops could shell the town if the rebels refuse to leave.", "ASSAULT", "hypothetical", None, None),
    ("The army may deploy more troops to the border.", "MOBILIZE", "hypothetical", None, None),
    # future
    ("The government will deploy troops to the border next week.", "MOBILIZE", "future", None, None),
    ("The two foreign ministers will meet in Tarsk on Monday.", "CONSULT", "future", None, None),
    # claimed responsibility
    ("The Sunrise Brigade said it planted the bomb, in a statement posted on Telegram.",
     "ASSAULT", "claimed_responsibility", "The Sunrise Brigade", "Telegram"),
    ("The Red Hand group claimed responsibility for the attack on the depot.",
     "ASSAULT", "claimed_responsibility", "The Red Hand group", None),
    # a condemnation's "it" is what is condemned, not the condemner: no claim of responsibility
    ("The ministry condemned the shelling of the market, saying it killed eleven people.",
     "ASSAULT", "asserted", None, None),
    ("The council condemned the raid on the clinic, saying it was unlawful.",
     "COERCE", "asserted", None, None),
    # near neighbours: the speaker's own "it" after its own medium or verb still owns the act
    ("The army said it shelled rebel positions near the dam.",
     "ASSAULT", "claimed_responsibility", "The army", None),
    ("The Dorn Brigade released a statement, saying it had ambushed an army patrol.",
     "ASSAULT", "claimed_responsibility", "The Dorn Brigade", "a statement"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), STANCE_CASES)
def test_claims_round4_stances(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    _check(code_events, text, plover, (stance, claimant, channel))


# More styles: wire copy with closing sources, local news, press releases, posts quoted in articles.
STYLE_CASES = [
    # wire copy: the source closes the sentence
    ("Militants shelled a school in eastern Tarsk on Tuesday, the Dorn Observatory said.",
     "ASSAULT", "reported", "the Dorn Observatory", None),
    ("Troops arrested 14 suspected smugglers near the border, the Ruritanian army said on Wednesday.",
     "COERCE", "reported", "the Ruritanian army", None),
    ("Police fired tear gas at students in Varno, a rights group said.",
     "COERCE", "alleged", "a rights group", None),
    ("Gunmen kidnapped a bus driver on the Tarsk road, local officials said.",
     "ASSAULT", "alleged", "local officials", None),
    ("Rebels shelled the airport, state media reported.",
     "ASSAULT", "alleged", "state media", "state media"),
    ("Rebels shelled the airport, the state-run Velka News Agency reported.",
     "ASSAULT", "reported", "the state-run Velka News Agency", "the state-run Velka News Agency"),
    ("Police detained two reporters, Reuters reported.",
     "COERCE", "reported", "Reuters", "Reuters"),
    ("Police detained two reporters, the Velka Courier reported, quoting a police officer.",
     "COERCE", "alleged", "a police officer", "the Velka Courier"),
    # "according to", before and after, with a medium and with a relay
    ("According to the Red Crescent, shelling killed four children in the camp.",
     "ASSAULT", "reported", "the Red Crescent", None),
    ("Militants shelled the market on Friday, according to a hospital official.",
     "ASSAULT", "alleged", "a hospital official", None),
    ("Soldiers beat the detainees, according to witnesses quoted by Radio Nord.",
     "ASSAULT", "alleged", "witnesses", "Radio Nord"),
    ("Police arrested two bloggers, according to a statement by the interior ministry.",
     "COERCE", "reported", "the interior ministry", "a statement"),
    ("According to a statement posted on Telegram, police arrested two bloggers.",
     "COERCE", "reported", None, "Telegram"),
    ("Militants shelled the airport, according to a statement posted on the ministry's Facebook page.",
     "ASSAULT", "reported", None, "the ministry's Facebook page"),
    # near neighbour: a day after a statement is no platform
    ("According to a statement on Monday, police arrested two bloggers.",
     "COERCE", "reported", None, "a statement"),
    # local news: the source opens the sentence
    ("Varno fire chief Tomas Lind said arsonists set fire to two warehouses overnight.",
     "ASSAULT", "reported", "Varno fire chief Tomas Lind", None),
    ("A teacher at the village school told the Dorn Gazette that soldiers had detained her husband.",
     "COERCE", "alleged", "A teacher at the village school", "the Dorn Gazette"),
    ("Farmers near the dam told Radio Vesna that soldiers had burned their fields.",
     "ASSAULT", "alleged", "Farmers near the dam", "Radio Vesna"),
    ("The victim's relatives said police beat him in custody.",
     "ASSAULT", "alleged", "The victim's relatives", None),
    # near neighbour: a named farmer is a named source
    ("Farmer Jonas Brel told Radio Vesna that soldiers had burned his fields.",
     "ASSAULT", "reported", "Farmer Jonas Brel", "Radio Vesna"),
    ("Shop owners in the old town said masked men beat two guards on Saturday.",
     "ASSAULT", "alleged", "Shop owners in the old town", None),
    # press releases: the issuing body as the subject of its own statement
    ("The Ruritanian navy announced that it had intercepted a boat carrying weapons.",
     "COERCE", "reported", "The Ruritanian navy", None),
    ("The ministry confirmed that border guards had detained three foreign nationals.",
     "COERCE", "reported", "The ministry", None),
    # accusations and charges by a party against another
    ("Ruritania accused Borduria of shelling a border village.",
     "ASSAULT", "alleged", "Ruritania", None),
    ("The rights group accused the police of torturing detainees.",
     "ASSAULT", "alleged", "The rights group", None),
    ("The governor blamed the militia for the bombing of the bridge.",
     "ASSAULT", "alleged", "The governor", None),
    # denials
    ("The militia denied that its fighters had kidnapped the aid workers.",
     "ASSAULT", "denied", "The militia", None),
    ("Police denied detaining the journalist.", "COERCE", "denied", "Police", None),
    # stance words in the author's voice
    ("Unidentified gunmen apparently ambushed the convoy at dawn.", "ASSAULT", "alleged", None, None),
    ("Soldiers are believed to have detained the village elders.", "COERCE", "alleged", None, None),
    ("Police never arrested the suspects.", "COERCE", "negated", None, None),
    ("The rebels failed to capture the airport.", "ASSAULT", "negated", None, None),
    ("Police might arrest the organisers.", "COERCE", "hypothetical", None, None),
    ("If the strike goes ahead, police would arrest the organisers.", "COERCE", "hypothetical", None, None),
    ("The army plans to deploy two more brigades in the north.", "MOBILIZE", "future", None, None),
    ("The foreign minister is expected to visit Varno on Thursday.", "CONSULT", "future", None, None),
    ("The rebels threatened to shell the town.", "THREATEN", "threatened", None, None),
    ("The Black Wolves claimed responsibility for the bombing of the pipeline.",
     "ASSAULT", "claimed_responsibility", "The Black Wolves", None),
    # social posts quoted in an article: the poster and the platform
    ("BREAKING: police have arrested the mayor of Varno, local journalist Ana Brel wrote on X.",
     "COERCE", "reported", "local journalist Ana Brel", "X"),
    ("In a post on Facebook, the Dorn council said militiamen burned three pharmacies.",
     "ASSAULT", "reported", "the Dorn council", "Facebook"),
    ("The army's press office said in an email that soldiers had detained two smugglers.",
     "COERCE", "reported", "The army's press office", "an email"),
    ("The prime minister said in remarks carried by state television that the army had recaptured the bridge.",
     "ASSAULT", "reported", "The prime minister", "state television"),
    ("The Velkan government's spokesman said soldiers freed two hostages.",
     "CONCEDE", "reported", "The Velkan government's spokesman", None),
    # a statement an outlet carried, as the closing source
    ("Troops arrested ten smugglers, said a statement carried by the Rutag news agency.",
     "COERCE", "reported", None, "the Rutag news agency"),
    # a monitor that puts out a report: the monitor speaks through it
    ("The Dorn Observatory published a report saying militiamen had burned two villages.",
     "ASSAULT", "reported", "The Dorn Observatory", "a report"),
    # a condemnation's "they" is what is condemned
    ("The UN condemned the airstrikes on the camp, saying they killed at least twenty people.",
     "ASSAULT", "asserted", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), STYLE_CASES)
def test_claims_round4_styles(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    _check(code_events, text, plover, (stance, claimant, channel))
