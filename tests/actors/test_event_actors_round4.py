"""Actor and recipient countries on the events the whole pipeline emits (own sentences, round 4).

Each case is a sentence of our own, the PLOVER type of the event asserted, and the (country, sector) of
its actor and recipient; `ANY` leaves a side unchecked, `NOBODY` says the event has none. The groups
follow the rules they test: a place named only as where an act happens, the other side of an act aimed
"at" someone, a place or news agency that says where a source sits, an organisation's whole name, a
capital that backs a force; the near neighbours keep the readings they had.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flashpoint.actors import ActorStage
from flashpoint.events import EventStage
from flashpoint.geo import GeoStage, PlaceLinkStage, build_gazetteer
from flashpoint.nlp import NlpStage
from flashpoint.pipeline import Pipeline
from flashpoint.records import Actor, Document, Event
from flashpoint.settings import Settings
from flashpoint.time import TimeStage

Extract = Callable[[str], tuple[Event, ...]]
Side = Any  # (country, sector), ANY or NOBODY

ANY = "any"
NOBODY = "nobody"


@pytest.fixture(scope="module")
def extract(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Extract:
    """Return a function: text -> the events the standard pipeline emits for it."""
    path: Path = tmp_path_factory.mktemp("round4-gazetteer") / "gazetteer.sqlite"
    build_gazetteer(path, min_population=15000)
    settings = Settings(gazetteer=path)
    actors = ActorStage(settings)
    geo = GeoStage(settings)
    pipeline = Pipeline(
        [
            NlpStage(settings, nlp=nlp),
            actors,
            geo,
            EventStage(settings, resolver=actors.resolver),
            PlaceLinkStage(settings, gazetteer=geo.gazetteer),
            TimeStage(settings),
        ]
    )

    def run(text: str) -> tuple[Event, ...]:
        return pipeline(Document(id="round4", text=text)).events

    return run


def _check(found: Actor | None, expected: Side, role: str, text: str) -> None:
    if expected == ANY:
        return
    if expected == NOBODY:
        assert found is None or (found.country is None and found.sector is None), (role, text, found)
        return
    country, sector = expected
    assert found is not None, (role, text)
    assert found.country == country, (role, text, found)
    if sector != ANY:
        assert found.sector == sector, (role, text, found)


def _assert_parties(extract: Extract, text: str, plover: str, actor: Side, recipient: Side) -> None:
    events = [e for e in extract(text) if e.type == plover]
    assert events, (text, plover, extract(text))
    _check(events[0].actor, actor, "actor", text)
    _check(events[0].recipient, recipient, "recipient", text)


# A place named only as where the act happens.
WHERE: list[tuple[str, str, Side, Side]] = [
    (
        "Thousands of students marched in Dhaka on Friday to demand cheaper bus fares.",
        "PROTEST",
        ("BGD", "EDU"),
        ("BGD", None),
    ),
    (
        "Farmers blocked roads in Lima to protest against fuel prices.",
        "PROTEST",
        ("PER", "AGR"),
        ("PER", None),
    ),
    (
        "Nurses went on strike in Nairobi over months of unpaid salaries.",
        "PROTEST",
        ("KEN", "MED"),
        ("KEN", None),
    ),
    (
        "Taxi drivers rallied in Bogota against a new ride-hailing law.",
        "PROTEST",
        ("COL", "CVL"),
        ("COL", None),
    ),
    (
        "Hundreds of women demonstrated in Kabul for the right to work, witnesses said.",
        "PROTEST",
        ("AFG", "CVL"),
        ("AFG", None),
    ),
    ("Pensioners protested in Buenos Aires against cuts to their benefits.", "PROTEST", ANY, ("ARG", None)),
    ("Miners went on strike in Santiago after a deadly accident.", "PROTEST", ("CHL", "LAB"), ("CHL", None)),
    ("Residents demonstrated in Islamabad over power cuts.", "PROTEST", ("PAK", "CVL"), ("PAK", None)),
    ("Students protested in Jakarta against a new criminal code.", "PROTEST", ("IDN", "EDU"), ("IDN", None)),
    ("Doctors went on strike in Harare in 2019 over wages.", "PROTEST", ("ZWE", "MED"), ("ZWE", None)),
    ("Ministers from six Gulf states met in Riyadh on Monday.", "CONSULT", ANY, ("SAU", None)),
    (
        "The two foreign ministers held talks in Vienna on the nuclear programme.",
        "CONSULT",
        (None, "GOV"),
        ("AUT", None),
    ),
    (
        "Envoys from Sudan and South Sudan met in Addis Ababa on Thursday.",
        "CONSULT",
        ("SDN", "GOV"),
        ("ETH", None),
    ),
    (
        "Delegates from the warring parties met in Doha for a new round of talks.",
        "CONSULT",
        ANY,
        ("QAT", None),
    ),
    (
        "The rival Libyan factions held talks in Geneva under UN auspices.",
        "CONSULT",
        ("LBY", None),
        ("CHE", None),
    ),
    (
        "Negotiators from Armenia and Azerbaijan met in Washington last week.",
        "CONSULT",
        ("ARM", "GOV"),
        ("USA", None),
    ),
    (
        "The Colombian government and the rebels signed an accord in Havana in 2016.",
        "SUPPORT",
        ("COL", "GOV"),
        ("COL", "REB"),  # the co-signatory, of the first party's country, never the venue's
    ),
    ("Gunmen stormed a hotel in Mogadishu on Saturday.", "ASSAULT", ("SOM", "REB"), ("SOM", None)),
    (
        "A suicide bomber struck a market in Baghdad, killing eleven people.",
        "ASSAULT",
        ("IRQ", "REB"),
        ("IRQ", None),
    ),
    (
        "Protesters rallied in front of the Kenyan parliament in Nairobi.",
        "PROTEST",
        ("KEN", "CVL"),
        ("KEN", None),
    ),
    (
        "Australian police arrested two men in Sydney over a terror plot.",
        "COERCE",
        ("AUS", "COP"),
        ("AUS", None),
    ),
    ("Protesters rallied outside the Russian embassy in Tbilisi.", "PROTEST", ("GEO", "CVL"), ("GEO", None)),
    ("Farmers demonstrated near parliament in New Delhi.", "PROTEST", ("IND", "AGR"), ("IND", None)),
    ("The leaders of Kenya and Uganda met in Kampala.", "CONSULT", ("KEN", None), ("UGA", None)),
]

AT: list[tuple[str, str, Side, Side]] = [
    ("Iranian-backed militias fired rockets at a US base in Iraq.", "ASSAULT", ("IRQ", "REB"), ("USA", None)),
    (
        "Pro-Iranian gunmen fired rockets at an American base in Syria.",
        "ASSAULT",
        ("SYR", "REB"),
        ("USA", None),
    ),
    ("Armed men fired at a Turkish convoy in northern Iraq.", "ASSAULT", ("IRQ", "REB"), ("TUR", None)),
    (
        "Protesters hurled rocks at a Chinese-owned factory in Vietnam.",
        "ASSAULT",
        ("VNM", "CVL"),
        ("CHN", None),
    ),
    ("Militiamen shot at a French patrol in central Mali.", "ASSAULT", ("MLI", "REB"), ("FRA", "COP")),
    (
        "Gunmen opened fire at an Israeli checkpoint in the West Bank.",
        "ASSAULT",
        ("PSE", "REB"),
        ("ISR", None),
    ),
    (
        "Looters threw firebombs at a Nigerian-owned shop in Johannesburg.",
        "ASSAULT",
        ("ZAF", "CRM"),
        ("NGA", None),
    ),
    (
        "Villagers threw stones at a Russian military convoy in Syria.",
        "PROTEST",
        ("SYR", "CVL"),
        ("RUS", "MIL"),
    ),
    (
        "Gunmen fired at a Chinese-run mine in eastern Congo, killing two guards.",
        "ASSAULT",
        ANY,
        ("CHN", None),
    ),
    (
        "Insurgents fired mortars at the Turkish embassy in Mogadishu.",
        "ASSAULT",
        ("SOM", "REB"),
        ("TUR", "GOV"),
    ),
    ("Rioters threw stones at the French embassy in Niamey.", "PROTEST", ("NER", "CVL"), ("FRA", "GOV")),
    ("Armed men opened fire at a Russian convoy in Syria.", "ASSAULT", ("SYR", "REB"), ("RUS", None)),
    (
        "Militants fired rockets at a British patrol in Helmand province in 2009.",
        "ASSAULT",
        ("AFG", "REB"),
        ("GBR", "COP"),
    ),
    (
        "Demonstrators threw petrol bombs at the American consulate in Karachi.",
        "ASSAULT",
        ("PAK", "CVL"),
        ("USA", "GOV"),
    ),
    ("Gunmen fired at Kenyan police near the border.", "ASSAULT", ("KEN", "REB"), ("KEN", "COP")),
    ("Rebels fired at Congolese troops in North Kivu.", "ASSAULT", ("COD", "REB"), ("COD", "MIL")),
]

AFAR: list[tuple[str, str, Side, Side]] = [
    ("Air strike kills 12 civilians in Idlib town Monitor AFP Friday.", "ASSAULT", NOBODY, ("SYR", "CVL")),
    # near neighbours: the scene named in the sentence still places both sides
    (
        "Gunmen killed nine villagers in a market near Kano on Sunday, residents told the BBC.",
        "ASSAULT",
        ("NGA", "REB"),
        ("NGA", "CVL"),
    ),
    (
        "Soldiers shot dead three smugglers in the desert near Agadez, a local official told Reuters.",
        "ASSAULT",
        ("NER", "MIL"),
        ("NER", "CRM"),
    ),
    (
        "At least 30 people were wounded in the blast, the London-based monitor said.",
        "ASSAULT",
        NOBODY,
        (None, "CVL"),
    ),
    (
        "Twelve civilians were killed in the shelling, the Britain-based observatory reported.",
        "ASSAULT",
        NOBODY,
        (None, "CVL"),
    ),
    ("Six rebels died in the raid, a Paris-based rights group said.", "ASSAULT", NOBODY, (None, "REB")),
    (
        "Eight people were killed in an air strike on the market, a monitor told AFP.",
        "ASSAULT",
        NOBODY,
        (None, "CVL"),
    ),
    (
        "Rebels killed three soldiers near the dam, a local official told Reuters.",
        "ASSAULT",
        (None, "REB"),
        (None, "MIL"),
    ),
    (
        "Gunmen abducted two priests on the road, police told the Associated Press.",
        "ASSAULT",
        (None, "REB"),
        (None, "REL"),
    ),
    ("Troops detained 40 men in the village, residents told the BBC.", "COERCE", (None, "MIL"), NOBODY),
]

NAMES: list[tuple[str, str, Side, Side]] = [
    (
        "The Egyptian Organization for Human Rights accused police of torturing detainees.",
        "ACCUSE",
        ("NGO", None),
        (None, "COP"),
    ),
    ("The Arab Organization for Human Rights condemned the arrests.", "ACCUSE", ("NGO", None), NOBODY),
    (
        "The Bahrain Center for Human Rights accused security forces of beating protesters.",
        "ACCUSE",
        ("BHR", "SOC"),
        ("BHR", "COP"),
    ),
    (
        "The Syrian Observatory for Human Rights said rebels shelled a government checkpoint near Idlib.",
        "ASSAULT",
        ("SYR", "REB"),
        ("SYR", None),
    ),
    (
        "The Bank of Japan met with finance ministry officials on Tuesday.",
        "CONSULT",
        ("JPN", "BUS"),
        ("JPN", "GOV"),
    ),
    (
        "The Iraqi Red Crescent delivered food to displaced families in Mosul.",
        "AID",
        ("IRQ", None),
        ("IRQ", "REF"),
    ),
    ("The Kenya Red Cross sent aid to flood victims in Garissa.", "AID", ("KEN", None), ("KEN", "CVL")),
    (
        "The Philippine Commission on Human Rights criticised the police killings.",
        "ACCUSE",
        ("PHL", "GOV"),
        ("PHL", "COP"),
    ),
]

BACKERS: list[tuple[str, str, Side, Side]] = [
    ("Moscow-backed fighters shelled villages in Abkhazia.", "ASSAULT", ("GEO", "REB"), ("GEO", "CVL")),
    ("Tehran-backed militias attacked a convoy near Basra.", "ASSAULT", ("IRQ", "REB"), ("IRQ", None)),
    (
        "Kigali-backed rebels seized the town of Goma in eastern Congo.",
        "COERCE",
        ("COD", "REB"),
        ("COD", "CVL"),
    ),
    (
        "Ankara-backed fighters shelled a Kurdish village near Afrin.",
        "ASSAULT",
        ("SYR", "REB"),
        ("SYR", "CVL"),
    ),
    ("Russian-backed separatists shelled the city of Mariupol.", "ASSAULT", ("UKR", "REB"), ("UKR", None)),
    (
        "Rwandan-backed rebels attacked a Congolese army base in North Kivu.",
        "ASSAULT",
        ("COD", "REB"),
        ("COD", "MIL"),
    ),
    (
        "Turkish-backed fighters clashed with Kurdish forces near Manbij.",
        "ASSAULT",
        ("SYR", "REB"),
        ("SYR", "REB"),
    ),
    (
        "Iranian-backed Houthi rebels fired a missile at the Saudi city of Jizan.",
        "ASSAULT",
        ("YEM", "REB"),
        ("SAU", "CVL"),
    ),
]

NEIGHBOURS: list[tuple[str, str, Side, Side]] = [
    ("Shopkeepers rallied in Yerevan over a sudden tax rise.", "PROTEST", ("ARM", "BUS"), NOBODY),
    ("Crowds gathered in Minsk on Sunday to denounce the election result.", "ACCUSE", ("BLR", "CVL"), ANY),
    (
        "In 1989, students protested in Prague against the communist government.",
        "PROTEST",
        ("CZE", "EDU"),
        ("CZE", "GOV"),
    ),
    (
        "Kenyan and Somali officials met in Djibouti to discuss the border.",
        "CONSULT",
        ("KEN", "GOV"),
        ("DJI", None),
    ),
    (
        "Militants attacked a church in Ouagadougou during Sunday mass.",
        "ASSAULT",
        ("BFA", "REB"),
        ("BFA", "REL"),
    ),
    ("Unknown attackers set fire to a police station in Bamako.", "ASSAULT", ("MLI", None), ("MLI", "COP")),
    (
        "Police arrested twelve demonstrators in Tbilisi late on Saturday.",
        "COERCE",
        ("GEO", "COP"),
        ("GEO", "CVL"),
    ),
    ("Soldiers detained a journalist in Conakry on Tuesday.", "COERCE", ("GIN", "MIL"), ("GIN", "JRN")),
    ("Security forces fired tear gas at protesters in Khartoum.", "COERCE", ("SDN", "COP"), ("SDN", "CVL")),
    ("Moscow accused Kyiv of shelling a nuclear plant.", "ACCUSE", ("RUS", "GOV"), ("UKR", "GOV")),
    ("Beijing warned Washington against arms sales to Taiwan.", "THREATEN", ("CHN", "GOV"), ("USA", "GOV")),
    ("Tehran rejected the demands made by Washington.", "REJECT", ("IRN", "GOV"), ("USA", "GOV")),
    (
        "Nairobi protested to Kampala over the detention of two Kenyan activists.",
        "PROTEST",
        ("KEN", "GOV"),
        ("UGA", "GOV"),
    ),
    (
        "Kenyan opposition leader Wafula Odhiambo accused the police of killing three demonstrators.",
        "ACCUSE",
        ("KEN", "OPP"),
        ("KEN", "COP"),
    ),
    (
        "Zambian opposition leader Kelvin Mwanza accused the electoral commission of rigging the vote.",
        "ACCUSE",
        ("ZMB", "OPP"),
        ("ZMB", "GOV"),
    ),
    (
        "Moussa Keita, the Malian defence minister, met French envoys in Bamako.",
        "CONSULT",
        ("MLI", "GOV"),
        ("FRA", "GOV"),
    ),
    (
        "Ahmed Diallo, the Guinean defence minister, visited troops in the north.",
        "CONSULT",
        ("GIN", "GOV"),
        ("GIN", "MIL"),
    ),
    (
        "Peru's interior minister Rosa Quispe ordered police to clear the highway.",
        "MOBILIZE",
        ("PER", "GOV"),
        ("PER", "COP"),
    ),
    ("Iraq's prime minister Haidar Saleh condemned the rocket attack.", "ACCUSE", ("IRQ", "GOV"), NOBODY),
    (
        "Nepal's foreign secretary Ramesh Thapa held talks with Indian officials.",
        "CONSULT",
        ("NPL", "GOV"),
        ("IND", "GOV"),
    ),
    (
        "Somali President Abdi Warsame held talks with Ethiopian Prime Minister Dawit Bekele.",
        "CONSULT",
        ("SOM", "GOV"),
        ("ETH", "GOV"),
    ),
    (
        "Moldova's president Irina Covaci accused Russia of plotting a coup.",
        "ACCUSE",
        ("MDA", "GOV"),
        ("RUS", None),
    ),
    (
        "Leila Haddad, Lebanon's caretaker energy minister, signed a deal with Egypt.",
        "SUPPORT",
        ("LBN", "GOV"),
        ("EGY", None),
    ),
    ("Former Peruvian president Alberto Rojas was arrested in Lima.", "COERCE", NOBODY, ("PER", "ELI")),
    (
        "Zimbabwe's opposition leader Tendai Moyo was detained by police.",
        "COERCE",
        ("ZWE", "COP"),
        ("ZWE", "OPP"),
    ),
    (
        "Venezuelan opposition leader Maria Paredes called on the army to abandon the president.",
        "REQUEST",
        ("VEN", "OPP"),
        ("VEN", "MIL"),
    ),
    (
        "Burkina Faso's junta leader met Russian officials in Ouagadougou.",
        "CONSULT",
        ("BFA", "GOV"),
        ("RUS", "GOV"),
    ),
    (
        "The Chadian foreign minister, Hassan Abakar, summoned the French ambassador.",
        "ACCUSE",  # a foreign envoy summoned is a diplomatic protest
        ("TCD", "GOV"),
        ("FRA", "GOV"),
    ),
    (
        "Ghana's finance minister Kwame Asante met IMF officials in Accra.",
        "CONSULT",
        ("GHA", "GOV"),
        ("IGO", "GOV"),
    ),
    (
        "Thai army chief General Somchai Prasert threatened to crush the protests.",
        "THREATEN",
        ("THA", "MIL"),
        NOBODY,
    ),
    (
        "Georgian President Nino Beridze criticised the Russian troop build-up.",
        "ACCUSE",
        ("GEO", "GOV"),
        ("RUS", "MIL"),
    ),
    (
        "Sri Lankan Prime Minister Ravi Perera visited flood victims in Colombo.",
        "CONSULT",
        ("LKA", "GOV"),
        ("LKA", "CVL"),
    ),
    ("Tunisian labour leader Sami Trabelsi called a general strike.", "PROTEST", ("TUN", ANY), NOBODY),
    (
        "The Nigerian Union of Journalists condemned the arrest of a reporter in Lagos.",
        "ACCUSE",
        ("NGA", "LAB"),
        ("NGA", "JRN"),
    ),
    ("Turkey's army shelled Kurdish positions near Kobani.", "ASSAULT", ("TUR", "MIL"), ("SYR", "CVL")),
    ("Ukrainian drones struck an oil depot in Belgorod.", "ASSAULT", ("UKR", "MIL"), ("RUS", None)),
    ("Israeli jets struck targets in southern Lebanon overnight.", "ASSAULT", ("ISR", "MIL"), ("LBN", None)),
    (
        "Pakistan's army said it killed six militants in North Waziristan.",
        "ASSAULT",
        ("PAK", "MIL"),
        ("PAK", "REB"),
    ),
    (
        "Saudi-led coalition warplanes bombed the port city of Hodeidah.",
        "ASSAULT",
        ("SAU", "MIL"),
        ("YEM", None),
    ),
    (
        "Syrian Kurdish forces detained dozens of suspected Islamic State members.",
        "COERCE",
        ("SYR", "REB"),
        ("IMG", "REB"),
    ),
    (
        "Pro-Russian protesters stormed the regional administration building in Donetsk.",
        "ASSAULT",
        ("UKR", "CVL"),
        ("UKR", None),
    ),
    ("Pro-government militias attacked protesters in Khartoum.", "ASSAULT", ("SDN", "PRM"), ("SDN", "CVL")),
    (
        "Anti-government protesters clashed with riot police in Caracas.",
        "ASSAULT",
        ("VEN", "CVL"),
        ("VEN", "COP"),
    ),
    (
        "Gunmen killed four villagers in the Nigerian state of Zamfara on Sunday.",
        "ASSAULT",
        ("NGA", "REB"),
        ("NGA", "CVL"),
    ),
    (
        "Aid workers were abducted near the Somali border town of Beledweyne.",
        "ASSAULT",
        NOBODY,
        ("SOM", "SOC"),
    ),
    (
        "Opposition lawmakers walked out of the Ugandan parliament in protest.",
        "PROTEST",
        ("UGA", "OPP"),
        NOBODY,
    ),
    (
        "Armed men attacked a police station in the Malian town of Gao.",
        "ASSAULT",
        ("MLI", "REB"),
        ("MLI", "COP"),
    ),
    (
        "Unidentified gunmen shot dead a journalist in the Honduran capital.",
        "ASSAULT",
        ("HND", "REB"),
        ("HND", "JRN"),
    ),
    (
        "Police in Uganda arrested the opposition leader at his home.",
        "COERCE",
        ("UGA", "COP"),
        ("UGA", "OPP"),
    ),
    (
        "Mexican soldiers killed 12 cartel gunmen in a shootout in Sinaloa.",
        "ASSAULT",
        ("MEX", "MIL"),
        ("MEX", "REB"),
    ),
    (
        "Villagers in the Indian state of Assam blocked a highway to protest the killing.",
        "PROTEST",
        ("IND", "CVL"),
        NOBODY,
    ),
    (
        "Authorities in Tunisia detained a leading opposition figure.",
        "COERCE",
        ("TUN", "GOV"),
        ("TUN", "OPP"),
    ),
    (
        "Rebels in the Central African Republic attacked a UN convoy.",
        "ASSAULT",
        ("CAF", "REB"),
        ("IGO", None),
    ),
    (
        "Opposition supporters in Senegal clashed with riot police in Dakar.",
        "ASSAULT",
        ("SEN", "OPP"),
        ("SEN", "COP"),
    ),
    (
        "Border guards in Kyrgyzstan exchanged fire with Tajik troops.",
        "ASSAULT",
        ("KGZ", "MIL"),
        ("TJK", "MIL"),
    ),
    (
        "Hezbollah fighters fired anti-tank missiles at an Israeli army post.",
        "ASSAULT",
        ("LBN", "REB"),
        ("ISR", "MIL"),
    ),
    (
        "The Sri Lankan navy arrested 15 Indian fishermen off Jaffna.",
        "COERCE",
        ("LKA", "MIL"),
        ("IND", "AGR"),
    ),
    (
        "Bangladeshi border guards shot dead two Indian cattle smugglers.",
        "ASSAULT",
        ("BGD", "MIL"),
        ("IND", "CRM"),
    ),
    (
        "Thai troops exchanged fire with Cambodian soldiers near the disputed temple.",
        "ASSAULT",
        ("THA", "MIL"),
        ("KHM", "MIL"),
    ),
    (
        "The Sudanese army accused the Rapid Support Forces of shelling Omdurman.",
        "ACCUSE",
        ("SDN", "MIL"),
        ("SDN", "REB"),
    ),
    (
        "Islamic State militants attacked an Iraqi army checkpoint near Kirkuk.",
        "ASSAULT",
        ("IMG", "REB"),
        ("IRQ", "MIL"),
    ),
    (
        "Tamil Tiger rebels attacked a navy base in Trincomalee in 1996.",
        "ASSAULT",
        ("LKA", "REB"),
        ("LKA", "MIL"),
    ),
    (
        "Hutu militias killed thousands of Tutsi civilians in Kigali in 1994.",
        "ASSAULT",
        ("RWA", "REB"),
        ("RWA", "CVL"),
    ),
    (
        "Chinese coast guard vessels fired water cannon at Philippine boats.",
        "COERCE",
        ("CHN", "MIL"),
        ("PHL", None),
    ),
    ("Turkish drones struck Kurdish fighters in northern Syria.", "ASSAULT", ("TUR", "MIL"), ("SYR", "REB")),
    (
        "Ethiopian federal forces clashed with Tigrayan fighters near Mekelle.",
        "ASSAULT",
        ("ETH", "MIL"),
        ("ETH", "REB"),
    ),
    (
        "The Kenyan government accused Somali militants of the attack.",
        "ACCUSE",
        ("KEN", "GOV"),
        ("SOM", "REB"),
    ),
    (
        "Egyptian police detained a prominent blogger in Cairo on Monday.",
        "COERCE",
        ("EGY", "COP"),
        ("EGY", "JRN"),
    ),
    (
        "Venezuelan security forces fired tear gas at protesters in Caracas.",
        "COERCE",
        ("VEN", "COP"),
        ("VEN", "CVL"),
    ),
    (
        "The Colombian army bombed a camp of dissident guerrillas in Guaviare.",
        "ASSAULT",
        ("COL", "MIL"),
        ("COL", "REB"),
    ),
    ("Russian troops shelled the Ukrainian city of Kharkiv.", "ASSAULT", ("RUS", "MIL"), ("UKR", None)),
    ("Belarusian border guards pushed migrants back into Poland.", "ASSAULT", ("BLR", "MIL"), ("POL", "REF")),
    (
        "Somali troops backed by US drones killed 40 al-Shabaab fighters near Kismayo.",
        "ASSAULT",
        ("SOM", "MIL"),
        ("SOM", "REB"),
    ),
    (
        "Ukrainian forces struck a Russian ammunition depot in occupied Melitopol.",
        "ASSAULT",
        ("UKR", "MIL"),
        ("RUS", None),
    ),
    (
        "The Chinese foreign ministry accused the Philippine coast guard of ramming a supply boat.",
        "ACCUSE",
        ("CHN", "GOV"),
        ("PHL", "MIL"),
    ),
    ("A court in Istanbul jailed a Kurdish politician on Friday.", "COERCE", ("TUR", "JUD"), ("TUR", "PTY")),
    (
        "Armenian separatists in Nagorno-Karabakh shelled Azerbaijani positions.",
        "ASSAULT",
        ("ARM", "REB"),
        ("AZE", None),
    ),
    (
        "Malawi's opposition has rejected the election results. Its leader accused the electoral commission of fraud.",
        "REJECT",
        ("MWI", ANY),
        NOBODY,
    ),
    (
        "Kenyan police raided a mosque in Mombasa. Officers arrested 30 young men.",
        "COERCE",
        ("KEN", "COP"),
        ("KEN", "REL"),
    ),
    (
        "Bolivian police clashed with coca farmers in the Chapare region. The farmers blocked roads for a week.",
        "ASSAULT",
        ("BOL", "COP"),
        ("BOL", "AGR"),
    ),
    (
        "Boko Haram militants abducted 30 girls from a school in Borno. The group later released six of them.",
        "ASSAULT",
        ("NGA", "REB"),
        ("NGA", "CVL"),
    ),
    (
        "The Pakistani Taliban attacked a checkpoint in Khyber. The group said it killed ten soldiers.",
        "ASSAULT",
        ("PAK", "REB"),
        ("PAK", None),
    ),
    (
        "Two Georgian soldiers were wounded by sniper fire. The defence ministry in Tbilisi blamed separatist forces.",
        "ASSAULT",
        NOBODY,
        ("GEO", "MIL"),
    ),
    (
        "Fighting broke out in the Nigerian city of Jos on Sunday. Gunmen killed 15 people in a village nearby.",
        "ASSAULT",
        ("NGA", "REB"),
        ("NGA", "CVL"),
    ),
    (
        "Authorities in Tunisia detained a leading opposition figure. He was later charged with plotting against the state.",
        "COERCE",
        ("TUN", "GOV"),
        ("TUN", "OPP"),
    ),
    (
        "Violence flared again in eastern Chad. Gunmen torched a village and killed eight herders.",
        "ASSAULT",
        ("TCD", "REB"),
        ("TCD", "CVL"),
    ),
    (
        "Nepal's army has been deployed to the border. Soldiers arrested two smugglers on Tuesday.",
        "COERCE",
        ("NPL", "MIL"),
        ("NPL", "CRM"),
    ),
    (
        "Serbian police arrested three Kosovo Albanians near the border.",
        "COERCE",
        ("SRB", "COP"),
        ("XKX", "CVL"),
    ),
    (
        "The Indonesian military said soldiers killed two separatist rebels in Papua.",
        "ASSAULT",
        ("IDN", "MIL"),
        ("IDN", "REB"),
    ),
    (
        "Philippine troops clashed with Abu Sayyaf militants on Jolo island.",
        "ASSAULT",
        ("PHL", "MIL"),
        ("PHL", "REB"),
    ),
    (
        "Nigerian troops repelled an attack by jihadists in Borno state.",
        "ASSAULT",
        ("NGA", "MIL"),
        ("NGA", "REB"),
    ),
    (
        "Cameroonian soldiers killed six separatist fighters in the Anglophone region.",
        "ASSAULT",
        ("CMR", "MIL"),
        ("CMR", "REB"),
    ),
    ("Angolan police fired live rounds at protesters in Luanda.", "ASSAULT", ("AGO", "COP"), ("AGO", "CVL")),
    (
        "A Saudi-led air strike hit a wedding party in Yemen, killing 20 people.",
        "ASSAULT",
        NOBODY,
        ("YEM", "CVL"),
    ),
    ("Jordanian security forces arrested a cell planning attacks.", "COERCE", ("JOR", "COP"), ("JOR", "REB")),
    (
        "Algerian police detained dozens of protesters in Algiers on Friday.",
        "COERCE",
        ("DZA", "COP"),
        ("DZA", "CVL"),
    ),
    ("Moroccan authorities expelled two Spanish journalists.", "SANCTION", ("MAR", "GOV"), ("ESP", "JRN")),
    ("Israeli police arrested two Palestinians in East Jerusalem.", "COERCE", ("ISR", "COP"), ("PSE", "CVL")),
    (
        "Afghan forces killed 15 Taliban fighters in Helmand, the defence ministry said.",
        "ASSAULT",
        ("AFG", "MIL"),
        ANY,
    ),
    (
        "Uzbek border guards shot dead an Afghan man trying to cross the river.",
        "ASSAULT",
        ("UZB", "MIL"),
        ("AFG", ANY),
    ),
    (
        "The Brazilian army sent troops to Rio de Janeiro to fight gangs.",
        "MOBILIZE",
        ("BRA", "MIL"),
        ("BRA", "MIL"),
    ),
    (
        "Haitian police clashed with gang members in Port-au-Prince.",
        "ASSAULT",
        ("HTI", "COP"),
        ("HTI", "CRM"),
    ),
    ("Salvadoran soldiers arrested 200 suspected gang members.", "COERCE", ("SLV", "MIL"), ("SLV", "CRM")),
    (
        "Chilean riot police used water cannon against students in Santiago.",
        "COERCE",
        ("CHL", "COP"),
        ("CHL", "EDU"),
    ),
    (
        "Argentine authorities detained a British fishing vessel near the Falklands.",
        "COERCE",
        ("ARG", "GOV"),
        ("GBR", None),
    ),
    (
        "Cuban authorities arrested dozens of dissidents in Havana in 2003.",
        "COERCE",
        ("CUB", "GOV"),
        ("CUB", "OPP"),
    ),
    ("Greek coast guards rescued 50 migrants off Lesbos.", "AID", ("GRC", "MIL"), ("GRC", "REF")),
    (
        "Spanish police arrested five suspected ETA members in the Basque country in 1998.",
        "COERCE",
        ("ESP", "COP"),
        ("ESP", "REB"),
    ),
    (
        "British troops shot dead 13 civil rights marchers in Londonderry in 1972.",
        "ASSAULT",
        ("GBR", "MIL"),
        ("GBR", "CVL"),
    ),
    (
        "Indian police arrested Pakistani nationals in Mumbai after the attacks.",
        "COERCE",
        ("IND", "COP"),
        ("PAK", "CVL"),
    ),
    ("Chinese police detained Uyghur activists in Urumqi.", "COERCE", ("CHN", "COP"), ("CHN", "CVL")),
    (
        "Burmese soldiers burned Rohingya villages in Rakhine state.",
        "ASSAULT",
        ("MMR", "MIL"),
        ("MMR", "CVL"),
    ),
    (
        "North Korean troops fired artillery at a South Korean island in 2010.",
        "ASSAULT",
        ("PRK", "MIL"),
        ("KOR", ANY),
    ),
    (
        "Vietnamese fishermen were attacked by Chinese coast guard crews near the Paracels.",
        "ASSAULT",
        ("CHN", "MIL"),
        ("VNM", "AGR"),
    ),
    ("Fijian soldiers seized parliament in Suva in 2000.", "COERCE", ("FJI", "MIL"), ("FJI", "LEG")),
    ("Police fired tear gas at protesters in Nairobi.", "COERCE", ("KEN", "COP"), ("KEN", "CVL")),
    ("Thousands protested in Belgrade against the government.", "PROTEST", ("SRB", None), ("SRB", "GOV")),
    ("Rebels shelled Kinshasa's suburbs overnight.", "ASSAULT", ("COD", "REB"), ("COD", None)),
    ("Kabul accused Islamabad of sheltering militants.", "ACCUSE", ("AFG", "GOV"), ("PAK", "GOV")),
]


# A nationality or country that says which border names a line both sides share: it places no one.
BORDERS: list[tuple[str, str, Side, Side]] = [
    (
        "A car bomb at a border crossing with Turkey killed 14 Syrian rebels on Thursday.",
        "ASSAULT",
        NOBODY,
        ("SYR", "REB"),
    ),
    (
        "A roadside bomb near the border with Kenya killed six Somali soldiers.",
        "ASSAULT",
        NOBODY,
        ("SOM", "MIL"),
    ),
    (
        "Afghan border police clashed with smugglers at the border with Iran.",
        "ASSAULT",
        ("AFG", "COP"),
        ("AFG", "CRM"),
    ),
    (
        "Polish border guards detained 40 migrants near the Belarusian border.",
        "COERCE",
        ("POL", "MIL"),
        (None, "REF"),
    ),
    (
        "Hungarian police used tear gas on migrants at the Serbian border in 2015.",
        "COERCE",
        ("HUN", "COP"),
        ("HUN", "REF"),
    ),
    (
        "Kenyan police said gunmen killed three teachers near the Somali border.",
        "ASSAULT",
        ("KEN", "REB"),
        ("KEN", "EDU"),
    ),
    # near neighbours: a town on one side of the border, or the country named as where
    (
        "Aid workers were abducted near the Somali border town of Beledweyne.",
        "ASSAULT",
        NOBODY,
        ("SOM", "SOC"),
    ),
    ("Gunmen attacked a bus near the Nigerian border in northern Cameroon.", "ASSAULT", ("CMR", "REB"), ANY),
    (
        "Soldiers clashed with smugglers along the Thai border in Cambodia.",
        "ASSAULT",
        ("KHM", "MIL"),
        ("KHM", "CRM"),
    ),
]

# A counterpart holds the office of the one who meets them.
COUNTERPARTS: list[tuple[str, str, Side, Side]] = [
    (
        "Egyptian President Abdel Samir met his Sudanese counterpart in Cairo.",
        "CONSULT",
        ("EGY", "GOV"),
        ("SDN", "GOV"),
    ),
    (
        "The Kenyan army chief held talks with his Ugandan counterpart on Friday.",
        "CONSULT",
        ("KEN", "MIL"),
        ("UGA", "MIL"),
    ),
    (
        "Brazil's foreign minister met his Argentine counterpart in Montevideo.",
        "CONSULT",
        ("BRA", "GOV"),
        ("ARG", "GOV"),
    ),
    (
        "The Ghanaian interior minister hosted her Togolese counterpart in Accra.",
        "CONSULT",
        ("GHA", "GOV"),
        ("TGO", "GOV"),
    ),
    (
        "Thailand's police chief met his Malaysian counterpart to discuss smuggling.",
        "CONSULT",
        ("THA", "COP"),
        ("MYS", "COP"),
    ),
    # near neighbours: people of another body keep their own sector
    (
        "The Peruvian president met Chilean business leaders in Lima.",
        "CONSULT",
        ("PER", "GOV"),
        ("CHL", "BUS"),
    ),
    (
        "The Nigerian defence minister met Chadian army officers in Abuja.",
        "CONSULT",
        ("NGA", "GOV"),
        ("TCD", "MIL"),
    ),
]


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), WHERE)
def test_round4_place_named_as_where_is_its_country_alone(
    extract: Extract, text: str, plover: str, actor: Side, recipient: Side
) -> None:
    # "rallied in Nairobi", "met in Geneva": the venue's country, not its government nor its people
    _assert_parties(extract, text, plover, actor, recipient)


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), AT)
def test_round4_what_an_act_is_aimed_at_does_not_place_its_actor(
    extract: Extract, text: str, plover: str, actor: Side, recipient: Side
) -> None:
    # "fired rockets at a US base in Iraq": the base is the other side, Iraq is where the gunmen are
    _assert_parties(extract, text, plover, actor, recipient)


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), AFAR)
def test_round4_where_a_source_sits_does_not_place_the_event(
    extract: Extract, text: str, plover: str, actor: Side, recipient: Side
) -> None:
    # "the London-based monitor said", "a monitor told AFP": the source's seat, not the scene
    _assert_parties(extract, text, plover, actor, recipient)


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), NAMES)
def test_round4_organisation_is_read_by_its_whole_name(
    extract: Extract, text: str, plover: str, actor: Side, recipient: Side
) -> None:
    # "the Egyptian Organization for Human Rights" is a rights group, not an Egyptian armed group
    _assert_parties(extract, text, plover, actor, recipient)


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), BACKERS)
def test_round4_a_backer_lends_no_country(
    extract: Extract, text: str, plover: str, actor: Side, recipient: Side
) -> None:
    # "Moscow-backed fighters", "Russian-backed separatists": the backer's capital or nation is not theirs
    _assert_parties(extract, text, plover, actor, recipient)


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), NEIGHBOURS)
def test_round4_near_neighbours_keep_their_reading(
    extract: Extract, text: str, plover: str, actor: Side, recipient: Side
) -> None:
    _assert_parties(extract, text, plover, actor, recipient)


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), COUNTERPARTS)
def test_round4_counterpart_holds_the_actors_office(
    extract: Extract, text: str, plover: str, actor: Side, recipient: Side
) -> None:
    _assert_parties(extract, text, plover, actor, recipient)


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), BORDERS)
def test_round4_a_border_places_no_one(
    extract: Extract, text: str, plover: str, actor: Side, recipient: Side
) -> None:
    _assert_parties(extract, text, plover, actor, recipient)
