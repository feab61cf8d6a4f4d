"""Claims on our own sentences, at least fifteen for each stance, in constructions the other claims tests
do not cover: hedges ("reportedly", "is said to have", "appear to have", "purportedly"), conditionals and
counterfactuals, planned and scheduled acts, the scope of a negation ("no one was hurt when …" leaves the
attack asserted), denials and claims of responsibility phrased many ways, accusations and blame, unnamed
sources against named ones, channels as written, and the author's own voice.

All sentences are invented (Ruritania, Borduria, Syldavia, Klow, Tarn, the Klow Courier).
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


OWN_WORDS_CASES = [
    # asserted
    ('Bordurian troops shelled the border village of Tarn on Tuesday.', 'ASSAULT', 'asserted', None, None),
    ('No one was hurt when militants attacked the checkpoint.', 'ASSAULT', 'asserted', None, None),
    ('Police arrested the opposition leader at his home in Klow.', 'COERCE', 'asserted', None, None),
    ('Ruritanian jets struck a fuel depot outside the city, setting it ablaze.', 'ASSAULT', 'asserted', None, None),
    ('The two foreign ministers met in Geneva to discuss the border dispute.', 'CONSULT', 'asserted', None, None),
    ('Borduria expelled two Ruritanian diplomats on Thursday.', 'SANCTION', 'asserted', None, None),
    ('The militia withdrew from the hills after a week of fighting.', 'RETREAT', 'asserted', None, None),
    ("Thousands of students marched through the capital demanding the minister's resignation.", 'PROTEST', 'asserted', None, None),
    ('Syldavia sent two hundred tonnes of food aid to the flooded province.', 'AID', 'asserted', None, None),
    ('Ruritania deployed an armoured brigade to the northern frontier.', 'MOBILIZE', 'asserted', None, None),
    ('Gunmen kidnapped an aid worker on the road to the airport.', 'ASSAULT', 'asserted', None, None),
    ('Rebels fired mortars at the base, but no soldiers were wounded.', 'ASSAULT', 'asserted', None, None),
    ('The president condemned the bombing of the railway station.', 'ACCUSE', 'asserted', None, None),
    ('Soldiers raided a refugee camp without warning, detaining dozens of men.', 'COERCE', 'asserted', None, None),
    ('Gunmen opened fire on a bus near the border, killing three passengers.', 'ASSAULT', 'asserted', None, None),
    ('The army never lost control of the airport even as rebels shelled its runway.', 'ASSAULT', 'asserted', None, None),
    ('Militants ambushed a patrol outside Tarn, though none of the soldiers was killed.', 'ASSAULT', 'asserted', None, None),
    ('Bordurian warplanes bombed a bridge over the river without causing casualties.', 'ASSAULT', 'asserted', None, None),
    ('Riot police detained dozens of students outside the university.', 'COERCE', 'asserted', None, None),
    # reported
    ('The Ruritanian defence ministry said troops had withdrawn from two villages near the border.', 'RETREAT', 'reported', 'The Ruritanian defence ministry', None),
    ('Foreign Minister Anna Kovac said she had met her Bordurian counterpart in Vienna.', 'CONSULT', 'reported', 'Foreign Minister Anna Kovac', None),
    ('According to the interior ministry, police detained twelve suspects overnight.', 'COERCE', 'reported', 'the interior ministry', None),
    ('The health ministry said in a statement that it had sent medical teams to the region.', 'AID', 'reported', 'The health ministry', 'a statement'),
    ('The Syldavian foreign ministry announced that it had expelled the Bordurian ambassador.', 'SANCTION', 'reported', 'The Syldavian foreign ministry', None),
    ('The Klow Courier reported that thousands of people had protested outside parliament.', 'PROTEST', 'reported', 'The Klow Courier', 'The Klow Courier'),
    ('General Marko Petrov told state television that the army had pulled its troops back from the ridge.', 'RETREAT', 'reported', 'General Marko Petrov', 'state television'),
    ('In an interview with the Klow Courier, the president said the two sides had agreed to a truce.', 'AGREE', 'reported', 'the president', 'the Klow Courier'),
    ('The United Nations said it had delivered food to the besieged town.', 'AID', 'reported', 'The United Nations', None),
    ('Mayor Ivo Brandt said hundreds of residents had marched to the town hall.', 'PROTEST', 'reported', 'Mayor Ivo Brandt', None),
    ('The presidency said the leaders of Ruritania and Borduria held talks by telephone.', 'CONSULT', 'reported', 'The presidency', None),
    ('The army said in a post on Telegram that it had deployed extra troops to the capital.', 'MOBILIZE', 'reported', 'The army', 'Telegram'),
    ('The Red Cross said two of its staff had been abducted by gunmen.', 'ASSAULT', 'reported', 'The Red Cross', None),
    ('The defence minister confirmed that troops had withdrawn from the ridge.', 'RETREAT', 'reported', 'The defence minister', None),
    ('The ministry acknowledged that police had detained two journalists.', 'COERCE', 'reported', 'The ministry', None),
    ('The governor insisted that the army had pulled out of the town.', 'RETREAT', 'reported', 'The governor', None),
    ('The spokesman added that troops had been deployed to the border.', 'MOBILIZE', 'reported', 'The spokesman', None),
    ('The president wrote on Facebook that he had met the Bordurian envoy.', 'CONSULT', 'reported', 'The president', 'Facebook'),
    ('The Ruritanian News Agency reported that the army had deployed tanks to the border.', 'MOBILIZE', 'reported', 'The Ruritanian News Agency', 'The Ruritanian News Agency'),
    ('In remarks carried by the Klow Courier, the minister said police had arrested the suspects.', 'COERCE', 'reported', 'the minister', 'the Klow Courier'),
    ('The defence minister told the Klow Courier in an interview that the army had withdrawn from the hills.', 'RETREAT', 'reported', 'The defence minister', 'the Klow Courier'),
    ('A report by Amnesty said soldiers had tortured detainees.', 'ASSAULT', 'reported', 'Amnesty', 'A report'),
    ('Rebels killed twelve soldiers in clashes near the airport the army said on Sunday marking a sharp escalation.', 'ASSAULT', 'reported', 'the army', None),
    ('Twelve soldiers were killed in clashes near the airport the army said in its daily briefing on the offensive.', 'ASSAULT', 'reported', 'the army', 'its daily briefing'),
    ('The ministry confirmed the arrests and said police had raided three houses.', 'COERCE', 'reported', 'The ministry', None),
    ('The monitor said airstrikes killed nine people in the town.', 'ASSAULT', 'reported', 'The monitor', None),
    # an unpunctuated closing source the parser hangs on the noun before as a relative clause
    ('Another nine fighters were killed in air strikes by coalition jets in the same area the army said in its daily update on the offensive.', 'ASSAULT', 'reported', 'the army', 'its daily update'),
    ('Nine fighters were killed in air strikes by coalition jets in the same area the army said in its daily update.', 'ASSAULT', 'reported', 'the army', 'its daily update'),
    # an "as" clause of saying names the source; one with something said in it does not
    ('Police detained five men, as reported by the Klow Courier.', 'COERCE', 'reported', 'the Klow Courier', 'the Klow Courier'),
    ('Police detained five men, as the Klow Courier reported on Monday.', 'COERCE', 'reported', 'the Klow Courier', 'the Klow Courier'),
    ('As the ministry said on Monday, police detained five men.', 'COERCE', 'reported', 'the ministry', None),
    ('Rebels shelled the town, as residents said they would.', 'ASSAULT', 'asserted', None, None),
    ('Police detained five men, as expected.', 'COERCE', 'asserted', None, None),
    # pictures, images and footage speak as media: the medium is the channel, whoever released it the claimant
    ('Pictures posted on state media showed soldiers beating prisoners.', 'ASSAULT', 'alleged', None, 'Pictures'),
    ('Images released by the army showed soldiers beating prisoners.', 'ASSAULT', 'alleged', 'the army', 'Images'),
    # alleged
    ('Officials said militants had set fire to two schools.', 'ASSAULT', 'alleged', 'Officials', None),
    ('Activists reported that government troops had arrested dozens of young men.', 'COERCE', 'alleged', 'Activists', None),
    ('Local media reported that Bordurian drones had struck a fuel convoy.', 'ASSAULT', 'alleged', 'Local media', 'Local media'),
    ('Bordurian forces reportedly shelled the village overnight.', 'ASSAULT', 'alleged', None, None),
    ('Rebel fighters allegedly executed three prisoners.', 'ASSAULT', 'alleged', None, None),
    ('The militia is said to have abducted several aid workers.', 'ASSAULT', 'alleged', None, None),
    ('Government jets appear to have bombed a hospital in the north.', 'ASSAULT', 'alleged', None, None),
    ('The army purportedly used chemical weapons against the town.', 'ASSAULT', 'alleged', None, None),
    ('Ruritania accused Borduria of shelling a border crossing.', 'ASSAULT', 'alleged', 'Ruritania', None),
    ('The government blamed the rebels for the bombing of the bridge.', 'ASSAULT', 'alleged', 'The government', None),
    ('Witnesses said soldiers beat demonstrators with batons.', 'ASSAULT', 'alleged', 'Witnesses', None),
    ('Security sources said the army had sent reinforcements to the border.', 'MOBILIZE', 'alleged', 'Security sources', None),
    ('Sources said the two envoys had met secretly in Klow.', 'CONSULT', 'alleged', 'Sources', None),
    ('The rebels claimed that Ruritanian jets had bombed a refugee camp.', 'ASSAULT', 'alleged', 'The rebels', None),
    ('Bordurian troops are believed to have killed several villagers.', 'ASSAULT', 'alleged', None, None),
    ('Government forces are suspected of bombing the market.', 'ASSAULT', 'alleged', None, None),
    ('Apparently the militia shelled the bridge before retreating.', 'ASSAULT', 'alleged', None, None),
    ('According to residents, the militia looted dozens of homes.', 'ASSAULT', 'alleged', 'residents', None),
    ('According to local media, soldiers arrested two activists.', 'COERCE', 'alleged', 'local media', 'local media'),
    ('A military source told reporters that the army had sent reinforcements.', 'MOBILIZE', 'alleged', 'A military source', None),
    ('Diplomats said the two ministers had met privately.', 'CONSULT', 'alleged', 'Diplomats', None),
    ('Opposition activists said security forces had shot dead four protesters.', 'ASSAULT', 'alleged', 'Opposition activists', None),
    ('A medical source said the strikes had killed eleven people.', 'ASSAULT', 'alleged', 'A medical source', None),
    ('A Bordurian official said Ruritanian jets had bombed the airport.', 'ASSAULT', 'alleged', 'A Bordurian official', None),
    ('Unnamed officials told the Klow Courier that the army had withdrawn.', 'RETREAT', 'alleged', 'Unnamed officials', 'the Klow Courier'),
    ('A source at the Dorn Police Command told the Klow Courier that gunmen had fired rockets at the market.', 'ASSAULT', 'alleged', 'A source at the Dorn Police Command', 'the Klow Courier'),
    ('Sources in the Ruritanian Defence Ministry said troops had been deployed to the border.', 'MOBILIZE', 'alleged', 'Sources in the Ruritanian Defence Ministry', None),
    ('A Foreign Ministry source said the two envoys had met in Klow.', 'CONSULT', 'alleged', 'A Foreign Ministry source', None),
    # a press outlet named only by its kind is generic, like "state media"
    ('The state-run newspaper reported that troops had shelled rebel positions.', 'ASSAULT', 'alleged', 'The state-run newspaper', 'The state-run newspaper'),
    ('A pro-government daily reported that police had arrested the protest leaders.', 'COERCE', 'alleged', 'A pro-government daily', 'A pro-government daily'),
    # a finding ("this shows …") speaks for no one: the source after it does
    ('This shows that poison gas was used in the attack, a local journalist reported.', 'ASSAULT', 'alleged', 'a local journalist', None),
    ('That suggests the militia shelled the bridge before it retreated, a villager told the Klow Courier.', 'ASSAULT', 'alleged', 'a villager', 'the Klow Courier'),
    # claimed_responsibility
    ('The Black Banner group claimed responsibility for the car bombing in Klow.', 'ASSAULT', 'claimed_responsibility', 'The Black Banner group', None),
    ('The rebels said they had shot down a government helicopter.', 'ASSAULT', 'claimed_responsibility', 'The rebels', None),
    ('A militant group said in a statement that its fighters had ambushed an army convoy.', 'ASSAULT', 'claimed_responsibility', 'A militant group', 'a statement'),
    ('The Red Hand took credit for the attack on the police station.', 'ASSAULT', 'claimed_responsibility', 'The Red Hand', None),
    ('In a video posted online, the group said it carried out the bombing.', 'ASSAULT', 'claimed_responsibility', 'the group', 'a video'),
    ('The insurgents said on their Telegram channel that they had attacked the airbase.', 'ASSAULT', 'claimed_responsibility', 'The insurgents', 'their Telegram channel'),
    ('The Ruritanian army said its artillery had destroyed rebel positions near the river.', 'ASSAULT', 'claimed_responsibility', 'The Ruritanian army', None),
    ('The militia admitted that its fighters had fired on the convoy.', 'ASSAULT', 'claimed_responsibility', 'The militia', None),
    ('The Black Banner group said it was behind the bombing of the embassy.', 'ASSAULT', 'claimed_responsibility', 'The Black Banner group', None),
    ('The group said it was responsible for the kidnapping of two engineers.', 'ASSAULT', 'claimed_responsibility', 'The group', None),
    ('The coalition said its aircraft had carried out twelve strikes on militant targets.', 'ASSAULT', 'claimed_responsibility', 'The coalition', None),
    ('A spokesman for the rebels said their fighters had captured the hilltop.', 'ASSAULT', 'claimed_responsibility', 'A spokesman for the rebels', None),
    ('The group claimed the attack in a message on its website.', 'ASSAULT', 'claimed_responsibility', 'The group', 'its website'),
    ('The rebel commander boasted that his men had killed twenty soldiers.', 'ASSAULT', 'claimed_responsibility', 'The rebel commander', None),
    ('The army said it had killed 40 militants in an overnight raid.', 'ASSAULT', 'claimed_responsibility', 'The army', None),
    ('The army said in a statement on its website that it had killed five militants.', 'ASSAULT', 'claimed_responsibility', 'The army', 'its website'),
    ('The group said on Telegram that it had fired rockets at the airport.', 'ASSAULT', 'claimed_responsibility', 'The group', 'Telegram'),
    ("The militia's spokesman said at a press conference that its fighters had repelled an attack.", 'ASSAULT', 'claimed_responsibility', "The militia's spokesman", 'a press conference'),
    ('The Ruritanian army stated that it had shelled rebel positions overnight.', 'ASSAULT', 'claimed_responsibility', 'The Ruritanian army', None),
    ('The rebels confirmed that they had kidnapped the engineer.', 'ASSAULT', 'claimed_responsibility', 'The rebels', None),
    ('The group acknowledged that it had planted the bomb.', 'ASSAULT', 'claimed_responsibility', 'The group', None),
    ('The group said its suicide bomber had attacked the police station.', 'ASSAULT', 'claimed_responsibility', 'The group', None),
    ('The army said its drones had struck a weapons depot.', 'ASSAULT', 'claimed_responsibility', 'The army', None),
    ("The Red Hand said it had abducted the minister's son.", 'ASSAULT', 'claimed_responsibility', 'The Red Hand', None),
    # denied
    ('The army denied that its jets had bombed the market.', 'ASSAULT', 'denied', 'The army', None),
    ('Borduria denied sending troops across the border.', 'MOBILIZE', 'denied', 'Borduria', None),
    ('The rebels rejected reports that they had executed prisoners.', 'ASSAULT', 'denied', 'The rebels', None),
    ('The ministry dismissed claims that police had tortured detainees.', 'ASSAULT', 'denied', 'The ministry', None),
    ('The government said it was not responsible for the attack on the convoy.', 'ASSAULT', 'denied', 'The government', None),
    ('A spokesman for the army denied that soldiers had opened fire on the crowd.', 'ASSAULT', 'denied', 'A spokesman for the army', None),
    ('The rebel group denied any role in the kidnapping.', 'ASSAULT', 'denied', 'The rebel group', None),
    ('The police denied arresting the journalist.', 'COERCE', 'denied', 'The police', None),
    ('Borduria has denied that its forces shelled the town.', 'ASSAULT', 'denied', 'Borduria', None),
    ('The army said it had not carried out any strikes in the area.', 'ASSAULT', 'denied', 'The army', None),
    ('The government rejected accusations that its troops had looted homes.', 'ASSAULT', 'denied', 'The government', None),
    ("The militia's leader denied that his fighters had kidnapped the journalists.", 'ASSAULT', 'denied', "The militia's leader", None),
    ('The ministry denied reports that troops had been deployed to the capital.', 'MOBILIZE', 'denied', 'The ministry', None),
    ('The ministry said no strikes had been carried out in the area.', 'ASSAULT', 'denied', 'The ministry', None),
    ('The rebels refuted allegations that they had shelled the hospital.', 'ASSAULT', 'denied', 'The rebels', None),
    ('Ruritania said it was not behind the attack on the embassy.', 'ASSAULT', 'denied', 'Ruritania', None),
    ('Borduria insisted that its forces had not crossed into Ruritania.', 'MOBILIZE', 'denied', 'Borduria', None),
    ('Police said they had not arrested anyone.', 'COERCE', 'denied', 'Police', None),
    ('The ministry said it had not expelled any diplomats.', 'SANCTION', 'denied', 'The ministry', None),
    # an unnamed side's word that its own fighters did not act; "not involved in"; "neither … nor" claims nothing
    ('The rebels said their fighters had not executed any prisoners.', 'ASSAULT', 'denied', 'The rebels', None),
    ('A spokesman for the militia said it was not involved in the kidnapping.', 'ASSAULT', 'denied', 'A spokesman for the militia', None),
    ('Neither Ruritania nor Borduria has claimed the strike.', 'ASSAULT', 'asserted', None, None),
    ('The army denied any involvement in the killing of the journalist.', 'ASSAULT', 'denied', 'The army', None),
    ('The rebels denied responsibility for the bombing.', 'ASSAULT', 'denied', 'The rebels', None),
    ('The government has repeatedly denied using barrel bombs.', 'ASSAULT', 'denied', 'The government', None),
    ('The army denied shelling the market and blamed the rebels.', 'ASSAULT', 'denied', 'The army', None),
    # threatened
    ('The rebels threatened to storm the capital.', 'THREATEN', 'threatened', None, None),
    ('Borduria warned that it would retaliate against any attack.', 'THREATEN', 'threatened', None, None),
    ('The militia vowed to attack government positions if the siege is not lifted.', 'THREATEN', 'threatened', None, None),
    ('The president threatened Syldavia with sanctions.', 'THREATEN', 'threatened', None, None),
    ('The group issued an ultimatum to the government to release its members within 48 hours.', 'THREATEN', 'threatened', None, None),
    ('The army warned residents that it would bomb any building used by militants.', 'THREATEN', 'threatened', None, None),
    ('Ruritania threatened to expel Bordurian diplomats.', 'THREATEN', 'threatened', None, None),
    ('The rebel commander threatened to kill the hostages.', 'THREATEN', 'threatened', None, None),
    ('The government threatened to cut off electricity to the rebel-held districts.', 'THREATEN', 'threatened', None, None),
    ('Borduria threatened military action against Ruritania.', 'THREATEN', 'threatened', None, None),
    ('The militant group threatened more attacks on the capital.', 'THREATEN', 'threatened', None, None),
    ('The union threatened a general strike.', 'THREATEN', 'threatened', None, None),
    ('Syldavia warned Borduria of serious consequences if its troops crossed the border.', 'THREATEN', 'threatened', None, None),
    ('The kidnappers threatened to execute the engineers unless a ransom was paid.', 'THREATEN', 'threatened', None, None),
    ('The army issued a warning to the rebels to leave the town or face attack.', 'THREATEN', 'threatened', None, None),
    # negated
    ('Troops did not fire on the protesters.', 'ASSAULT', 'negated', None, None),
    ('The talks planned for Monday were cancelled.', 'CONSULT', 'negated', None, None),
    ('Rebels failed to capture the airport.', 'ASSAULT', 'negated', None, None),
    ('Police never arrested the suspects.', 'COERCE', 'negated', None, None),
    ('The militia has not withdrawn from the town.', 'RETREAT', 'negated', None, None),
    ('The minister called off his visit to Borduria.', 'CONSULT', 'negated', None, None),
    ('The two sides did not meet as planned.', 'CONSULT', 'negated', None, None),
    ('No troops were deployed to the border.', 'MOBILIZE', 'negated', None, None),
    ('Syldavia has never sent weapons to the rebels.', 'AID', 'negated', None, None),
    ('The rebels refused to negotiate with the government.', 'CONSULT', 'negated', None, None),
    ('The planned protest was called off after police banned it.', 'PROTEST', 'negated', None, None),
    ('Police did not detain anyone after the march.', 'COERCE', 'negated', None, None),
    ('Borduria did not expel the ambassador, despite the threats.', 'SANCTION', 'negated', None, None),
    ('The army withdrew from the town without firing a shot.', 'ASSAULT', 'negated', None, None),
    ('Government forces never retook the town.', 'ASSAULT', 'negated', None, None),
    # a foiled, thwarted or averted act did not happen
    ('Security forces thwarted an attack on the airport.', 'ASSAULT', 'negated', None, None),
    ('Police foiled an attack on the parliament.', 'ASSAULT', 'negated', None, None),
    ('Quick action by the guards averted a massacre at the school.', 'ASSAULT', 'negated', None, None),
    ('The army said it had foiled an attack on the base.', 'ASSAULT', 'negated', 'The army', None),
    # hypothetical
    ('Borduria could attack the border towns within days.', 'ASSAULT', 'hypothetical', None, None),
    ('If the talks fail, the rebels may resume attacks on the capital.', 'ASSAULT', 'hypothetical', None, None),
    ('The army might deploy more troops to the north.', 'MOBILIZE', 'hypothetical', None, None),
    ('It is unclear whether the two leaders will meet next week.', 'CONSULT', 'hypothetical', None, None),
    ('Unless the siege is lifted, the rebels could attack the city.', 'ASSAULT', 'hypothetical', None, None),
    ('Syldavia may send troops to the border.', 'MOBILIZE', 'hypothetical', None, None),
    ('The ministry said the army could launch strikes on rebel positions.', 'ASSAULT', 'hypothetical', 'The ministry', None),
    ('If Borduria attacks, Ruritania will respond with force.', 'ASSAULT', 'hypothetical', None, None),
    ('Should the talks collapse, the army could resume its offensive.', 'ASSAULT', 'hypothetical', None, None),
    ('The opposition may hold protests in the capital this weekend.', 'PROTEST', 'hypothetical', None, None),
    ('Had the police not intervened, the crowd would have stormed the parliament.', 'ASSAULT', 'hypothetical', None, None),
    ('The ministry said the army could strike again if attacked.', 'ASSAULT', 'hypothetical', 'The ministry', None),
    ('Rebels might attack the airport before the winter.', 'ASSAULT', 'hypothetical', None, None),
    ('Borduria may deploy warships to the strait.', 'MOBILIZE', 'hypothetical', None, None),
    ('Troops may have shelled the village by mistake.', 'ASSAULT', 'hypothetical', None, None),
    ('Were the rebels to cross the river, the army would bomb the bridges.', 'ASSAULT', 'hypothetical', None, None),
    ('If the ceasefire collapses, government jets could strike the town again.', 'ASSAULT', 'hypothetical', None, None),
    # future
    ('The two presidents will meet in Klow next month.', 'CONSULT', 'future', None, None),
    ('Ruritania is due to withdraw its troops from the border by Friday.', 'RETREAT', 'future', None, None),
    ('The army is set to deploy two more brigades to the north.', 'MOBILIZE', 'future', None, None),
    ('The foreign minister is to visit Syldavia next week.', 'CONSULT', 'future', None, None),
    ('Ruritania intends to expel the Bordurian military attache.', 'SANCTION', 'future', None, None),
    ('The UN will deliver food to the besieged districts next week.', 'AID', 'future', None, None),
    ('The opposition will hold a rally in the capital on Saturday.', 'PROTEST', 'future', None, None),
    ('The army reportedly plans to deploy more troops to the north.', 'MOBILIZE', 'future', None, None),
    ('The minister is due to visit Borduria on Tuesday.', 'CONSULT', 'future', None, None),
    ('The army will deploy more troops to the border next week.', 'MOBILIZE', 'future', None, None),
    ('The foreign ministers will hold talks in Klow on Monday.', 'CONSULT', 'future', None, None),
    ('The president is set to meet his Bordurian counterpart next week.', 'CONSULT', 'future', None, None),
    ('Syldavia plans to expel the Bordurian ambassador.', 'SANCTION', 'future', None, None),
    ('The army is due to pull its troops out of the valley by June.', 'RETREAT', 'future', None, None),
    ('Protesters will march on parliament on Friday.', 'PROTEST', 'future', None, None),
    ('The rebels will withdraw from the town under the new deal.', 'RETREAT', 'future', None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plover", "stance", "claimant", "channel"), OWN_WORDS_CASES)
def test_claims_own_words_stance_claimant_channel(
    code_events: Code, text: str, plover: str, stance: str, claimant: str | None, channel: str | None
) -> None:
    claim = _claim(code_events(text), plover)
    assert (claim.stance, claim.claimant, claim.channel) == (stance, claimant, channel)
