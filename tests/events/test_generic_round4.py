"""Own-words sentences of the kinds a fourth audit of unlabelled text showed coding by mistake, and their near
neighbours.

The empty ones tell no happening by CLAIMS.md: a word of force or protest in another sense ("demonstrated its
reach", "seized on the remark", "fired a shot past the keeper"), a view held ("historians agree that …"), what
a law says, a court's procedure, a routine of an oversight body, harm a named storm did. The others use the
same words for acts that must still be coded.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]


@pytest.mark.parametrize(
    "text",
    [
        # "demonstrate" as show or prove
        "The launch demonstrated the rocket's range, the space agency said.",
        "Trials demonstrate that the vaccine protects older adults.",
        "The drill demonstrated the navy's growing reach in the strait.",
        "Her first budget demonstrated a firm grasp of the figures.",
        "The episode was a clear demonstration of the board's weakness.",
        "The new turbine is a demonstration of what local engineers can build.",
        "The findings demonstrate that the treatment works in children.",
        # embargoes on news, not trade
        "A news embargo on the fighting near Kessel remains in place.",
        "The press release is embargoed until 6 a.m. on Thursday.",
        "The report was embargoed until noon on Friday.",
        "A media embargo covers the operation in the hills, the spokesman said.",
        "Sin embargo, la ciudad sigue tranquila esta noche.",
        "There is a press embargo over the offensive in the hills.",
        # seizing on words
        "Opposition leaders quickly seized on the leaked memo.",
        "Bloggers seized upon the typo within minutes.",
        "Rival campaigns seized on his remarks about pensions.",
        "The tabloids seized on the story of the missing dog.",
        # backing off
        "Investors backed off as bond yields climbed.",
        "The lender backed away from its earlier forecast.",
        "Shoppers backed off after prices rose again.",
        # interrupting a speaker
        "The chairman cut her off after two minutes.",
        "The interviewer cut me off twice during the broadcast.",
        "The talk show host cut him off mid-sentence.",
        # a threat one is in, not one made
        "Small farmers face a growing threat as the rains fail.",
        "The rebels face an existential threat after losing the valley.",
        "The island species faces a real danger of extinction.",
        "Coastal villages face a serious risk as sea levels rise.",
        # sports and markets
        "The winger fired a shot into the top corner.",
        "The striker fired a shot past the keeper in the 80th minute.",
        "The midfielder struck the bar twice in the first half.",
        "Our goalkeeper hit the post with a long clearance.",
        "Fuel prices shot up in May.",
        "Traders bombed out of the bond market on Friday.",
        "The start-up attacked the market share of the big banks.",
        "The rival firm attacked the market share of the incumbents with cheaper phones.",
        "The two chains are battling each other for a share of the grocery market.",
        "The tech giant is battling rivals for control of the cloud market.",
        "Carmakers are fighting for dominance of the electric car market.",
        # votes and seats captured
        "The Greens captured 12 percent of the vote.",
        "The party captured 40 percent of the vote in the north.",
        "The alliance captured 40 seats in the assembly.",
        "The ruling party captured a majority in the lower house.",
        # views held, not deals made
        "Most historians agree that the treaty was a mistake.",
        "Economists broadly agree that tariffs raise prices.",
        "Scholars generally agree that the manuscript is a later copy.",
        "Most analysts agree that growth will slow next year.",
        "Observers widely agree that turnout was low.",
        "We have to accept that the recovery will be slow.",
        "The coach accepted that his side had played badly.",
        "Fans must accept that the club cannot afford new players.",
        # what a law says
        "The law allows police to hold suspects for four days without charge.",
        "The statute bars judges from joining political parties.",
        "The regulation prohibits the sale of fireworks to minors.",
        "The code permits officers to search vehicles at the border.",
        "The law requires landlords to register every tenancy.",
        "The amendment bans campaign ads in the final week before a vote.",
        # courts and trials
        "The court will hear the appeal in the spring term.",
        "Her lawyers lodged an appeal against the verdict.",
        "The appeal will be heard by three judges in June.",
        "He has filed an appeal against his conviction.",
        "The defendant pleaded not guilty to all counts.",
        "Both men pleaded guilty to fraud at the county court.",
        "She pleaded innocent to the theft charges.",
        # routines of oversight bodies
        "The ombudsman investigates complaints against the police.",
        "The commission investigates complaints against prison staff.",
        "The unit reviews cases of suspected benefit fraud.",
        "The inspectorate examines complaints about care homes.",
        # acts said of anyone
        "Any use of chemical weapons by anyone is a crime.",
        "Violence by anyone against election workers must stop.",
        "Any use of such weapons by anyone would be a grave crime.",
        "An attack by anyone on a hospital would be a war crime.",
        # named storms
        "Storm Dara killed three people and left thousands without power.",
        "Cyclone Mara killed 30 people in the delta.",
        "Hurricane Lopa destroyed hundreds of homes on the coast.",
        "Typhoon Rin injured dozens of people on the northern islands.",
        # information provided is no aid
        "The airline provided passenger data to the border agency.",
        "Tenants must provide proof of income before signing.",
        "Applicants provide a list of references with the form.",
        "Landlords will have to provide energy ratings for every flat they rent.",
        # "barring" as "except for", "confined to" as limited to, questions with a perfect
        "Barring bad weather, the launch will go ahead on Friday.",
        "Barring a late collapse, the home side should win the title.",
        "The damage was not confined to the old town.",
        "The outbreak is no longer confined to the southern provinces.",
        "Has the council ever banned a march in the old town?",
        "Have the rebels ever attacked a convoy on this road?",
        # kinds the earlier rounds' guards already keep empty, checked again on new wording
        "Born in Tarsk in 1961, Okafor served as defence minister under two presidents.",
        "Before entering politics she commanded a tank brigade in the north.",
        "Harlan, a former police chief, now heads the regional water board.",
        "The interior ministry oversees the police and the border guard.",
        "Photo: Smoke rises over the harbour in Port Elin.",
        "Subscribe to our newsletter for daily updates.",
        "This article has been corrected to fix a misspelled name.",
        "Gerrand shot a film about fishermen in the western isles.",
        "The strike price of the options was set at 40 dollars.",
        "The toll has risen to 212, the health ministry said.",
        "Prices for bread have doubled since January.",
        "The company launched a new phone in Seoul on Monday.",
        "He killed it on stage last night, fans said.",
        "The bill died in committee.",
        "Shares of Orvan plunged after the company slashed its forecast.",
        "The film explores the war through the eyes of a child.",
        "Our reporter could not independently verify the footage.",
        "Editor's note: names have been changed to protect the sources.",
        "The governor has fought cancer for three years.",
        "Investors took a beating as the currency slid.",
        "The museum's new wing hosts an exhibition of war posters.",
        "The band's second album was released in March.",
        "The storm knocked out power across the valley.",
        "Our team of analysts tracks prices in forty markets.",
        "The senator's memoir describes the siege of the capital in detail.",
        "Read more: how the peace talks fell apart.",
    ],
)
def test_generic_round4_sentence_codes_nothing(code_events: Code, text: str) -> None:
    assert [e.type for e in code_events(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # demonstrations that are protests
        ("Nurses demonstrated outside the health ministry on Wednesday.", "PROTEST"),
        ("About 500 farmers demonstrated in Lenz against the new tax.", "PROTEST"),
        ("A demonstration by taxi drivers blocked the ring road in Orvel.", "PROTEST"),
        ("Thousands of students demonstrated in the main square of Tarsk.", "PROTEST"),
        # embargoes on trade
        ("The European Union imposed an oil embargo on Ruritania last year.", "SANCTION"),
        ("The union imposed an arms embargo on Ruritania in March.", "SANCTION"),
        ("Washington lifted its arms embargo on Valdora.", "CONCEDE"),
        # seizing things and places
        ("Troops seized the airport in Dorn on Sunday.", "COERCE"),
        ("Customs officers seized a shipment of rifles at the port of Marlow.", "COERCE"),
        ("Police seized 40 kilos of cocaine at the port of Marlow.", "COERCE"),
        # backing parties
        ("The United States backed the ceasefire proposal on Monday.", "SUPPORT"),
        (
            "Several governments backed the rebels with money and weapons.",
            "AID",
        ),  # material support given is AID (gaps)
        ("The opposition backed down on Thursday and dropped its demand.", "CONCEDE"),
        # cutting off places and people by force
        ("Rebels cut off the main road to Tarsk on Tuesday.", "COERCE"),
        ("Government forces cut off water to the besieged district.", "COERCE"),
        ("Soldiers cut him off from his patrol and beat him.", "ASSAULT"),
        # threats made
        ("The militia threatened to storm the town of Olt.", "THREATEN"),
        ("The general warned he would strike the rebel camps.", "THREATEN"),
        ("The rebels issued a threat to attack the dam.", "THREATEN"),
        # shots and strikes of force
        ("A gunman fired shots into the crowd outside the stadium.", "ASSAULT"),
        ("Police fired tear gas at protesters in Harra.", "COERCE"),
        ("Gunmen shot a guard at the gate of the mine.", "ASSAULT"),
        ("A rocket struck the barracks in Olt overnight.", "ASSAULT"),
        ("Aircraft bombed the fuel depot outside Tesk.", "ASSAULT"),
        # markets as places
        ("Militias battled for control of the vegetable market in Brena.", "ASSAULT"),
        ("Gunmen attacked the central market in Tesk.", "ASSAULT"),
        ("Gunmen attacked the Bakara market in Tesk.", "ASSAULT"),
        ("Gunmen attacked the town market in Tesk.", "ASSAULT"),
        ("Rebels are fighting government troops for control of the city.", "ASSAULT"),
        # captures of people and places
        ("Rebels captured 40 soldiers near the dam.", "COERCE"),
        ("The army captured the hill town of Orla.", "ASSAULT"),
        # deals made
        ("The two sides agreed that the truce would begin at dawn.", "AGREE"),
        ("Rebels accepted the peace plan on Friday.", "AGREE"),
        ("The government agreed to release 50 prisoners.", "AGREE"),
        ("The factions agreed on Sunday to a ceasefire in Brena.", "AGREE"),
        # laws applied, and new laws
        ("The new rule bars companies from hiring workers under sixteen.", "COERCE"),
        ("Police used the emergency law to arrest forty activists.", "COERCE"),
        ("The junta's new decree bans rallies near the palace.", "COERCE"),
        # pleas to parties
        ("The governor appealed for calm after the riots in Harra.", "REQUEST"),
        ("The mayor appealed to residents to stay calm.", "REQUEST"),
        ("The family launched an appeal for information about the missing boy.", "REQUEST"),
        ("The mayor pleaded with the rebels to free the hostages.", "REQUEST"),
        ("The rebels filed an appeal to the United Nations for protection.", "REQUEST"),
        # investigations of one case
        ("The commission investigates the killing of two farmers in Olt.", "ACCUSE"),
        ("Prosecutors are investigating the governor over bribes.", "ACCUSE"),
        ("Rights group accuses army of torture in Kessel prison.", "ACCUSE"),
        # acts by someone
        ("Everyone condemned the bombing of the clinic in Harlow.", "ACCUSE"),
        ("Someone fired shots at the police station overnight.", "ASSAULT"),
        ("Gunmen attacked the convoy near Tesk on Monday.", "ASSAULT"),
        # killings with a killer
        ("Gunmen killed 30 people in the delta.", "ASSAULT"),
        ("Militants destroyed hundreds of homes on the coast.", "ASSAULT"),
        # aid that is goods
        ("The agency provided food and blankets to 3,000 families.", "AID"),
        ("Ruritania provided rifles to the militia.", "AID"),
        ("The charity provided tents to families displaced by the fighting.", "AID"),
        # demonstrating a grievance, a law in a complaint, people confined, a question answered
        ("Hundreds of villagers demonstrated their anger at the closure of the clinic.", "PROTEST"),
        ("Workers said the law restricts their trade and marched to the town hall.", "PROTEST"),
        ("Dozens of dissidents were confined to their homes during the visit.", "COERCE"),
        ("The army has banned all marches in the old town.", "COERCE"),
        # protests, raids and arrests next to the empty kinds above
        ("Dockers demonstrated outside the port authority over unpaid wages.", "PROTEST"),
        ("Police raided the offices of the newspaper in Marlow on Tuesday.", "COERCE"),
        ("Security forces arrested six reporters in Marlow.", "COERCE"),
        ("The interior ministry banned the opposition rally planned for Friday.", "COERCE"),
        ("Troops withdrew from the border town of Orla on Sunday.", "RETREAT"),
        ("The two presidents met in Tarsk to discuss the border.", "CONSULT"),
        ("Rebels released twelve hostages on Saturday.", "CONCEDE"),
        ("The army deployed tanks to the northern border.", "MOBILIZE"),
        ("The government expelled two diplomats from Valdora.", "SANCTION"),
        ("The minister praised the police for their restraint.", "SUPPORT"),
        ("The opposition rejected the government's offer of talks.", "REJECT"),
    ],
)
def test_generic_round4_neighbour_is_coded(code_events: Code, text: str, expected: str) -> None:
    assert expected in [e.type for e in code_events(text)]
