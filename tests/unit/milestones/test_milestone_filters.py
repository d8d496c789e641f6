"""Every shared filter and milestone-specific filter, each with a text it stops and one it lets through.

Each case is ``(filter, text, expected)`` where ``expected`` lists ``(milestone, place, status)``; the
"passes" case shows the same construction firing without the filtered words.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

Found = list[tuple[str, str, str]]
DATE = "2017-07-04T12:00:00"

CASES: list[tuple[str, str, Found]] = [
    # forecast: blocks completed milestones...
    # (a recapture expected within days is imminent-fall, not city-captured)
    ("forecast", "Iraqi forces are expected to recapture Tikrit within days.",
     [("imminent-fall", "Tikrit", "confirmed")]),
    ("forecast", "Iraqi forces are expected to recapture Tikrit.", []),
    ("forecast", "Iraqi forces recaptured Tikrit on Tuesday.", [("city-captured", "Tikrit", "confirmed")]),
    # ...and imminent-fall requires it
    ("forecast (required)", "Kandahar is expected to fall to the Taliban within days, officials said.",
     [("imminent-fall", "Kandahar", "confirmed")]),
    ("forecast (required)", "Kandahar fell to the Taliban on Friday, officials said.",
     [("city-captured", "Kandahar", "confirmed")]),
    # intent: vows, plans, and the infinitive of purpose
    ("intent", "The prime minister vowed to retake Mosul from the militants.", []),
    ("intent", "Government troops launched an offensive to retake Mosul from the militants.",
     [("offensive-launched", "Mosul", "confirmed")]),
    ("infinitive", "Government troops moved to retake Mosul from the militants on Sunday.", []),
    ("infinitive (unless)", "Shelling forced hundreds of residents of Mosul to flee on Sunday, officials said.",
     [("civilians-at-risk", "Mosul", "confirmed")]),
    ("infinitive", "Iraqi forces launched an offensive on Monday to retake Mosul.",
     [("offensive-launched", "Mosul", "confirmed")]),
    ("intent (unless)", "Government troops managed to retake Mosul from the militants on Sunday.",
     [("city-captured", "Mosul", "confirmed")]),
    # hypothetical: modals and conditionals, before the trigger or (for noun triggers) after it
    ("hypothetical", "Rebels could capture Idlib if supply lines hold, a commander said.", []),
    ("hypothetical", "The militia said any army push into the centre of Idlib would be crushed.", []),
    ("hypothetical (unless)", "Famine will spread across the whole region if the siege of Homs continues.",
     [("siege", "Homs", "confirmed")]),
    ("hypothetical", "Famine will spread across the whole region if rebels lay siege to Homs.", []),
    ("hypothetical", "The army pushed into the centre of Idlib on Monday, a commander said.",
     [("city-breach", "Idlib", "confirmed")]),
    ("hypothetical", "Rebels captured the city of Idlib on Saturday, a commander said.",
     [("city-captured", "Idlib", "claimed")]),
    ("hypothetical-after", "Saudi-led air strikes could resume in Sanaa if the Houthis break the truce.", []),
    ("hypothetical-after", "Saudi-led air strikes resumed in Sanaa after the Houthis broke the truce.",
     [("airstrike", "Sanaa", "confirmed")]),
    # negation
    ("negation", "Kirkuk has not fallen to the militants, the governor insisted.", []),
    ("negation", "Kirkuk has fallen to the militants, the governor said.", [("city-captured", "Kirkuk", "confirmed")]),
    # failure: tried and pushed back, anywhere in the sentence
    ("failure", "Islamic State fighters tried to break into the centre of Kobani but were repelled.", []),
    ("failure", "Islamic State fighters failed to breach the walls of Kobani.", []),
    ("failure", "Islamic State fighters breached the walls of Kobani on Monday.",
     [("city-breach", "Kobani", "confirmed")]),
    # history: background and anniversaries
    ("history", "Islamic State has held Raqqa since it captured the city in 2014.", []),
    ("history", "Residents marked the anniversary of the liberation of Mosul on Tuesday.", []),
    ("history", "Ten years after Islamic State fighters overran Mosul, the city is rebuilding.", []),
    ("history", "Islamic State fighters overran Mosul on Tuesday, officials said.",
     [("city-captured", "Mosul", "confirmed")]),
    ("history (since dawn)", "Syrian troops have besieged Douma since dawn, a monitor said.",
     [("siege", "Douma", "confirmed")]),
    ("history-sentence", "Twenty years ago, U.S. air strikes on Baghdad opened the invasion of Iraq.", []),
    # "earlier this month" dates the sentence, unless it dates the start of a state that goes on
    ("history-sentence", "Troops held Maiduguri. Earlier this month, the group overran the town of Monguno.", []),
    # a court's findings are about the past
    ("history-sentence", "The court found that the airliner was shot down by a missile fired from near the town of "
     "Snizhne, killing all 298 people on board.", []),
    ("history-sentence", "A missile fired from near the town of Snizhne struck a market on Sunday, killing 29 people "
     "on the spot.", [("civilians-at-risk", "Snizhne", "confirmed")]),
    ("history-sentence", "Troops held Maiduguri. On Sunday, the group overran the town of Monguno.",
     [("city-captured", "Monguno", "confirmed")]),
    ("history-sentence (unless)", "The town of Gao has been cut off from the rest of Mali since jihadists declared "
     "a blockade of the region earlier this month, residents said.", [("siege", "Gao", "confirmed")]),
    # a relative clause dates only itself, also after "where"
    ("history-sentence (unless)", "Iraqi forces stormed into Mosul's Old City on Sunday, in the city where the group's "
     "leader declared a \"caliphate\" three years ago.", [("city-breach", "Mosul", "confirmed")]),
    # dated: a date well before publication
    ("dated", "Aleppo fell to government forces in December 2016 after a long siege.", []),
    ("dated", "Aleppo fell to government forces in June 2017 after a long siege.",
     [("city-captured", "Aleppo", "confirmed")]),
    ("dated (month only)", "Rebels captured the town of Palmyra in January, a monitor said.", []),
    ("dated (month only)", "Rebels captured the town of Palmyra on June 30, a monitor said.",
     [("city-captured", "Palmyra", "confirmed")]),
    # metaphor and non-conflict uses
    ("metaphor", "Chicago sued the contractor in Chicago for breach of contract.", []),
    ("metaphor", "Critics accused the mayor of Paris of a siege mentality.", []),
    ("metaphor", "Shares in London fell sharply on Thursday.", []),
    ("non-conflict", "Democrats captured Pittsburgh in the mayoral election with 60 percent of the vote.", []),
    # denial: a claim, then a denial, is contested
    ("denial", "Rebels said they had captured the town of Palmyra. The army denied the claim.",
     [("city-captured", "Palmyra", "contested")]),
    ("denial", "Rebels captured the town of Palmyra. The army confirmed the withdrawal.",
     [("city-captured", "Palmyra", "confirmed")]),
    # claim: explicitly unverified
    ("claim", "Islamic State reportedly seized the town of Kobani, a claim that could not be verified.",
     [("city-captured", "Kobani", "claimed")]),
    # disaster: people trapped by an earthquake are not a conflict milestone
    ("disaster", "Thousands of civilians remain trapped in Antakya after the earthquake flattened buildings.", []),
    # ... nor an industrial accident
    ("disaster", "An explosion tore through a coal mine in the rebel-held city of Makiivka on Wednesday, killing at "
     "least 32 miners, officials said.", []),
    ("disaster", "Shelling tore through a market in the rebel-held city of Makiivka on Wednesday, killing at least "
     "32 traders, officials said.", [("civilians-at-risk", "Makiivka", "confirmed")]),
    ("disaster", "Thousands of civilians remain trapped in Aleppo as militants shell the city.",
     [("civilians-at-risk", "Aleppo", "confirmed")]),
    # conflict-context: deaths from disease, or a publicity campaign, are not milestones
    ("conflict-context", "Health officials said 45 people died in Nairobi after a cholera outbreak.", []),
    ("conflict-context", "The ministry launched a campaign to vaccinate children in Lahore.", []),
    ("conflict-context", "Suspected suicide bombers attacked a market in the town of Konduga on Saturday, killing at "
     "least 18 people, officials said.", [("civilians-at-risk", "Konduga", "confirmed")]),
    ("conflict-context", "A car bomb in Baghdad killed 30 people on Thursday, police said.",
     [("civilians-at-risk", "Baghdad", "confirmed")]),
    # protective: "avoid civilian casualties" is not a casualty report
    ("protective", "Commanders in Mosul said they took care to avoid civilian casualties.", []),
    # offensive: ongoing is not launched
    ("ongoing", "The ongoing offensive on Mosul continued on Monday, officers said.", []),
    # a wildcard trigger across a parenthetical: the segment of its end dates it too
    ("history", "Rebels shelled Sirte. The offensive on Sirte, Gaddafi's home town, began last month.", []),
    ("history", "Rebels shelled Sirte. The offensive on Sirte, Gaddafi's home town, began on Monday.",
     [("offensive-launched", "Sirte", "confirmed")]),
    ("ongoing", "Iraqi forces launched an offensive on Mosul on Monday, officers said.",
     [("offensive-launched", "Mosul", "confirmed")]),
    # civilians-at-risk: a struck shelter is where people sheltered ("where", "in its basement") ...
    ("shelter-struck", "Russian missiles struck a school in Sumy where hundreds of civilians were sheltering.",
     [("airstrike", "Sumy", "confirmed"), ("civilians-at-risk", "Sumy", "confirmed")]),
    ("shelter-struck", "Russian missiles struck Sumy, and hundreds of civilians were sheltering in churches.",
     [("airstrike", "Sumy", "confirmed")]),
    # ... and a remembrance of such a strike is none
    ("remembered", "Crowds marked two years since missiles struck a school in Sumy where hundreds of civilians "
     "were sheltering.", []),
    ("remembered", "Two years ago missiles struck a school in Sumy where hundreds of civilians were sheltering.", []),
    # siege: a lifted siege is not a siege
    ("siege-ended", "Syrian troops lifted the siege of Homs on Tuesday.", []),
    ("siege-over", "The siege of Homs, which lasted three years, was broken this month.", []),
    ("siege-ended", "Syrian troops laid siege to Homs on Tuesday, a monitor said.",
     [("siege", "Homs", "confirmed")]),
    # ceasefire: talks and calls are not a truce; one that took effect is
    ("not-in-force", "Egypt called for a ceasefire in Gaza as talks stalled.", []),
    ("in-force", "A ceasefire took effect in Gaza on Friday morning.", [("ceasefire", "Gaza", "confirmed")]),
    ("in-force", "A ceasefire in Gaza was discussed by ministers.", []),
    # offensive: launching air strikes is not a ground offensive; an assault backed by them is
    ("air-campaign", "The coalition launched air strikes on Raqqa on Monday.",
     [("airstrike", "Raqqa", "confirmed")]),
    ("air-campaign", "Iraqi troops backed by coalition air strikes launched an assault on Ramadi on Monday.",
     [("airstrike", "Ramadi", "confirmed"), ("offensive-launched", "Ramadi", "confirmed")]),
    # capture: control held since a dated past is not a new capture
    ("held-since", "Syrian government forces have been in full control of Homs since May 2014, when the last "
     "rebels left.", []),
    ("held-since", "Syrian government forces have been in full control of Homs since Tuesday, a monitor said.",
     [("city-captured", "Homs", "confirmed")]),
    # airstrike: halted strikes did not happen
    ("halted-strikes", "The president called off air strikes on Damascus at the last minute.", []),
    # capture: entering a town its defenders have left is a capture
    ("after-withdrawal", "Syrian troops entered Palmyra on Sunday after Islamic State fighters withdrew.",
     [("city-captured", "Palmyra", "confirmed")]),
    ("after-withdrawal", "Syrian troops entered Palmyra on Sunday as fighting raged.",
     [("city-breach", "Palmyra", "confirmed")]),
    # capture named by a noun: what is said of the noun afterwards may be a forecast
    ("nominal-forecast", "Officials said the fall of Palmyra to Islamic State appeared imminent.",
     [("imminent-fall", "Palmyra", "confirmed")]),
    ("nominal-forecast", "Officials confirmed the fall of Palmyra to Islamic State on Wednesday.",
     [("city-captured", "Palmyra", "confirmed")]),
    # ... and a fall described between commas, then made the subject of a conditional, has not happened
    ("nominal-conditional", "The fall of Palmyra, a desert city famed for its ruins, would give Islamic State a major "
     "prize.", []),
    ("nominal-conditional", "The fall of Palmyra, a desert city famed for its ruins, gave Islamic State a major "
     "prize.", [("city-captured", "Palmyra", "confirmed")]),
    # background: a trigger in a clause hanging off a dated main clause is history
    ("dated-background", "The militants were driven from Kobani in January 2015 after a siege that drew "
     "air strikes.", []),
    # a party's own report of a capture or siege is a claim; a witness in the sentence confirms it
    ("party-source", "The rebels captured Palmyra on Sunday, a rebel commander said.",
     [("city-captured", "Palmyra", "claimed")]),
    ("party-source", "The rebels captured Palmyra on Sunday, residents and a rebel commander said.",
     [("city-captured", "Palmyra", "confirmed")]),
    # a month date anywhere in the sentence, unless the sentence also dates the event to now
    ("dated-month", "Rebels captured Palmyra, the ancient desert city, in late May.", []),
    # a month that dates a participle phrase set off by commas ("the city, encircled since early March,") does
    # not date the clause around it; for the siege itself it is the start of a state that goes on
    ("dated-month (participle)", "Rebels shelled Kidal again. Officials said the city, encircled since early "
     "March, was on the verge of falling.", [("imminent-fall", "the city", "confirmed"),
                                            ("siege", "the city", "confirmed")]),
    ("dated-month", "Rebels shelled Kidal again. Officials said rebels encircled the city in early March.", []),
    # a state that goes on since a month ("has been encircled … since late August") is no past event; a toll
    # counted since then is
    ("dated-month (state)", "Fighting raged on. The town of Kidal has been encircled by rebel forces since late "
     "August, officials said.", [("siege", "Kidal", "confirmed")]),
    ("dated-month", "Fighting raged on. More than 500 people have been killed in Kidal since late August, "
     "officials said.", []),
    # a year inside an apposition describes the place; after it, it dates the event
    ("dated-sentence", "Rebels advanced. Rebels said they had taken control of Daraa, the cradle of the 2011 "
     "uprising, on Saturday.", [("city-captured", "Daraa", "claimed")]),
    ("dated-sentence", "Rebels advanced. Rebels seized Mosul, the second city, in June 2014.", []),
    # a clause right after a noun trigger dates the event itself
    ("dated-month", "Yemen's warring parties met. The truce, which took effect in April, was renewed twice in Taiz, "
     "the envoy said.", []),
    ("dated-month", "Yemen's warring parties met. The truce, which took effect on Sunday, held overnight in Taiz, "
     "the envoy said.", [("ceasefire", "Taiz", "confirmed")]),
    # a month without a day counts from its middle ("in June" on July 4 is background), "late June" from its end
    ("dated", "The SDF launched its assault on Raqqa in June after months of fighting.", []),
    ("dated", "The SDF launched its assault on Raqqa in late June after months of fighting.",
     [("offensive-launched", "Raqqa", "confirmed")]),
    ("dated-month", "Rebels captured Palmyra, the ancient desert city, on Sunday.",
     [("city-captured", "Palmyra", "confirmed")]),
    ("dated-background", "Air strikes hit Kobani, which the militants had taken in January 2015.",
     [("airstrike", "Kobani", "confirmed")]),
    # breach: entering after a withdrawal or under a deal is not a breach
    ("unopposed", "Syrian army troops entered Manbij on Monday under a deal with the Kurdish-led SDF.", []),
    ("unopposed", "Syrian army troops entered Manbij on Monday after heavy fighting with rebels.",
     [("city-breach", "Manbij", "confirmed")]),
    # a ring not yet closed is no siege
    ("not-yet-closed", "Its garrison almost encircled, Bakhmut was running out of shells, the army said.", []),
    ("not-yet-closed", "Ukrainian forces pulled back from Vuhledar to avoid being encircled by Russian troops, "
     "the army said.", []),
    ("not-yet-closed", "Russian troops encircled Bakhmut on Monday, the army said.",
     [("siege", "Bakhmut", "claimed")]),
    # armed men leaving a place are no civilian exodus
    ("combatants-leaving", "Hundreds of government soldiers were leaving Kunduz as the Taliban advanced.", []),
    ("exclude", "Troops took Gao. The mayor said the fleeing fighters had burnt thousands of manuscripts in Gao.",
     [("city-captured", "Gao", "confirmed")]),
    ("combatants-leaving", "Hundreds of families were leaving Kunduz as the Taliban advanced.",
     [("civilians-at-risk", "Kunduz", "confirmed")]),
    # dated-sentence: a date anywhere in the sentence, also a leading one, unless the sentence dates its
    # event to now or the date belongs to another clause
    ("dated-sentence", "In 2014, Islamic State fighters captured Mosul.", []),
    ("dated-sentence", "Between 1992 and 1996, Bosnian Serb forces encircled Sarajevo, cutting off food.", []),
    ("dated-sentence", "Iraqi forces recaptured Mosul, which Islamic State had seized in 2014.",
     [("city-captured", "Mosul", "confirmed")]),
    # non-conflict words do not make a sentence about armed actors peaceful
    ("non-conflict (unless)", "Taliban fighters captured Kunduz on Sunday, the biggest prize so far in their "
     "offensive.", [("city-captured", "Kunduz", "confirmed")]),
    ("non-conflict", "Celtic captured the title in Glasgow on Sunday, the biggest prize of the season.", []),
    # a besieged town's prices; a town that is a war's prize
    ("non-conflict (unless)", "Houthi fighters shelled Taiz again. Some 300,000 civilians are trapped in the city, "
     "where food prices have soared.", [("civilians-at-risk", "the city", "confirmed")]),
    # consequence-of: what another town's fall would lead to is no imminent fall
    ("consequence-of", "The loss of Hajin would put the rebels within striking distance of Ataq.", []),
    ("consequence-of", "Fresh gains put the rebels within striking distance of Ataq.",
     [("imminent-fall", "Ataq", "confirmed")]),
    ("non-conflict (unless)", "The defenders surrendered. The fall of Avdiivka is the biggest prize of the war in "
     "months.", [("city-captured", "Avdiivka", "confirmed")]),
    ("non-conflict", "Under siege all evening, the visitors from Mandalay, unbeaten in six matches, mounted what "
     "their coach called a heroic last stand.", []),
    ("non-conflict", "Libya's rival legislatures signed an agreement in Tripoli to appoint a new central bank "
     "governor, signalling a truce in a month-long battle for the country's oil wealth.", []),
    # running-toll: a war's toll counted since it began is no new mass-casualty event
    ("running-toll", "More than 34,000 Palestinians have been killed in Gaza since the war began, the health "
     "ministry said.", []),
    ("running-toll", "Israeli strikes killed 34 Palestinians in Gaza on Monday, the health ministry said.",
     [("airstrike", "Gaza", "confirmed"), ("civilians-at-risk", "Gaza", "confirmed")]),
    ("running-toll", "The insurgency in northeast Nigeria has killed more than 40,000 people in Borno state, "
     "officials said.", []),
    # mostly-combatants: the dead were mostly fighters
    ("mostly-combatants", "Fighting raged in Kidal for months. Officials have vowed to rebuild Kidal, where more "
     "than 1,000 people have been killed, most of them militants.", []),
    ("mostly-combatants", "Fighting raged in Kidal on Monday. Militants killed more than 100 people in Kidal, most "
     "of them women and children, officials said.", [("civilians-at-risk", "Kidal", "confirmed")]),
    # capture-weighed: a capture weighed is none made
    ("capture-weighed", "Rebels pressed on towards Kadugli. Their capture of Kadugli would give them control of "
     "the state, analysts said.", []),
    ("capture-weighed", "Rebels captured Kadugli on Monday, which gives them control of the state, analysts said.",
     [("city-captured", "Kadugli", "confirmed")]),
    ("running-toll", "Jihadists have killed more than 2,600 people in Cabo Delgado province since 2017.", []),
    ("running-toll", "Fighting flared in Kidal again. More than 600 people have been killed there since the latest "
     "fighting broke out on May 3, officials said.", []),
    ("running-toll", "Rebels shelled Kidal again. The war, which began in March, has killed thousands of people "
     "in the region, officials said.", []),
    ("running-toll (exodus)", "Thousands of people have fled the town of Tibu since fighting erupted between "
     "rebel groups, officials said.", [("civilians-at-risk", "Tibu", "confirmed")]),
    ("running-displacement", "The insurgency in northeast Nigeria has displaced some 2 million people in Borno "
     "state, officials said.", []),
    ("running-displacement", "Thousands of people fled Monguno in Borno state on Monday after jihadists attacked, "
     "officials said.", [("civilians-at-risk", "Monguno", "confirmed")]),
    ("running-toll", "Rebels shelled Kidal again. Thousands of people have been killed in the conflict.", []),
    # fewer than ten of the dead were civilians
    ("few-civilians", "Shelling hit Kidal. Officials said at least 32 people had been killed in Kidal, including seven "
     "civilians.", []),
    ("few-civilians", "Shelling hit Kidal. Officials said at least 32 people had been killed in Kidal, including 17 "
     "civilians.", [("civilians-at-risk", "Kidal", "confirmed")]),
    ("running-toll", "Rebels shelled Kidal again. More than 1,000 people have been killed in the fighting, "
     "according to the WHO.", []),
    # a goal "until they capture" is no capture; a denial that a fall is near is no imminent fall
    ("hypothetical", "Rebels vowed on Wednesday to press on until they capture Marib, the last stronghold.", []),
    ("hypothetical", "The rebels fought for weeks until they captured Marib on Sunday.",
     [("city-captured", "Marib", "confirmed")]),
    ("not-imminent", "\"Marib is not on the verge of falling,\" the military said as rebels attacked.", []),
    ("not-imminent", "\"Marib is on the verge of falling,\" a military official said as rebels attacked.",
     [("imminent-fall", "Marib", "confirmed")]),
    # a whole war's toll and exodus in one sentence; "in nearly two years of war"
    ("running-displacement", "Fighting raged in Nyala. The war, which began in April, has killed more than 10,000 "
     "people and forced nearly 6 million from their homes.", []),
    ("running-displacement", "Fighting raged in Nyala. More than 100,000 people have been forced from their homes "
     "this week, aid agencies said.", [("civilians-at-risk", "Nyala", "confirmed")]),
    ("running-toll", "Troops shelled Nyala. Tens of thousands of people have been killed in Nyala in nearly two years "
     "of war.", []),
    ("running-toll", "Troops shelled Nyala. At least 40 people have been killed in Nyala since Monday.",
     [("civilians-at-risk", "Nyala", "confirmed")]),
    ("war-tally", "Rebels shelled Taiz. The conflict, which began in 2014, has killed tens of thousands in Taiz and "
     "left millions on the brink of famine.", []),
    ("war-tally", "Rebels shelled Taiz. Tens of thousands of residents of Taiz are on the brink of famine, aid "
     "agencies said.", [("civilians-at-risk", "Taiz", "confirmed")]),
    ("running-toll", "Rebels shelled Kidal again. The separatist conflict, which began with a crackdown on protests "
     "by teachers in 2016, has killed at least 400 civilians in the region.", []),
    ("running-toll", "Rebels shelled Kidal again. The group's seven-year insurgency in the region has spilled over "
     "the border, killing some 15,000 people.", []),
    ("running-toll", "Rebels shelled Kidal again. More than 3,800 people have been killed in Kidal since October "
     "2023, officials said.", []),
    ("running-displacement", "Rebels shelled Kidal again. Since jihadists first crossed into the region in 2015, "
     "attacks have displaced nearly two million people.", []),
    ("running-displacement", "Jihadists attacked Monguno again. Tens of thousands of people have fled the town over "
     "the past months, officials said.", []),
    ("running-displacement", "Jihadists attacked Monguno on Monday. Tens of thousands of people have fled the town "
     "since then, officials said.", [("civilians-at-risk", "the town", "confirmed")]),
    # disaster-story: people trapped in a quake story, however far from the quake's name
    ("disaster-story", "A massive earthquake struck southern Turkey and Syria before dawn. Rescuers dug through "
     "rubble in freezing rain. Roads were blocked. In Syria's rebel-held northwest, hundreds of families were "
     "trapped in the town of Jandaris, the White Helmets said.", []),
    ("disaster-story", "Rebels shelled the town of Jandaris all night. Rescuers dug through rubble in freezing "
     "rain. Roads were blocked by the fighting. Hundreds of families were trapped in Jandaris by the siege, "
     "the White Helmets said.", [("civilians-at-risk", "Jandaris", "confirmed")]),
    # not-in-force: a proposed truce is none, unless it is agreed to
    ("not-in-force", "Rebels in Kidal studied a ceasefire proposed by Algerian mediators, officials said.", []),
    ("not-in-force", "Fighting raged in Moldova. The two presidents discussed a six-point plan for a ceasefire in "
     "Moldova.", []),
    ("not-in-force (unless)", "Fighting raged in Moldova. Later on Tuesday, the two presidents agreed on a "
     "six-point plan for a ceasefire in Moldova, which the government said it accepted.",
     [("ceasefire", "Moldova", "confirmed")]),
    ("not-in-force (unless)", "Rebels in Kidal agreed on Wednesday to a ceasefire proposed by Algerian mediators, "
     "officials said.", [("ceasefire", "Kidal", "confirmed")]),
    # fallen-already: a fall within hours that happened is no imminent fall
    ("fallen-already", "Kunduz, Sar-e Pul and Taloqan all fell to the Taliban within hours of each other, "
     "officials said.", [("city-captured", "Kunduz", "confirmed"), ("city-captured", "Sar-e Pul", "confirmed"),
                         ("city-captured", "Taloqan", "confirmed")]),
    ("fallen-already", "Kunduz could fall to the Taliban within hours, officials said.",
     [("imminent-fall", "Kunduz", "confirmed")]),
    # a history book's siege is history
    ("history", "In a gripping new history of the siege of Sarajevo, a historian draws on diaries of the "
     "shelling.", []),
    # denied-rumour: a rumour nobody claimed, denied, is no capture; a party's denied claim is contested
    ("denied-rumour", "Local officials dismissed reports circulating on social media that al-Shabaab had captured "
     "the town of Mahas, saying government forces remained in control.", []),
    ("denied-rumour", "Al-Shabaab said it had captured the town of Mahas on Tuesday, but the army denied it.",
     [("city-captured", "Mahas", "contested")]),
    # ... and so is one of a siege, under the default filter every milestone gets
    ("denied-rumour", "The governor rejected rumours on social media that jihadists had encircled the town of "
     "Gao, saying the roads were open.", []),
    ("denied-rumour", "Militants have encircled the town of Gao, residents said on Monday.",
     [("siege", "Gao", "confirmed")]),
    # ... and so are reports nobody is named as making, however the denial is worded
    ("denied-rumour", "The interior ministry denied reports that insurgents had captured the town of Dori, saying "
     "the army was in full control.", []),
    ("denied-rumour", "Officials dismissed as \"fake news\" reports circulating online that rebels had seized the "
     "town of Kombolcha.", []),
    ("denied-rumour", "The army denied Russian reports that its troops had withdrawn from Kupiansk.",
     [("city-captured", "Kupiansk", "contested")]),
    ("denied-rumour", "Rebels said they had captured the town of Dori, but the ministry denied the reports.",
     [("city-captured", "Dori", "contested")]),
    # intent: an order to begin an offensive is the launch; an order to prepare one is not
    ("intent", "The prime minister said he had ordered the army to launch the final assault on Kidal.",
     [("offensive-launched", "Kidal", "confirmed")]),
    ("intent", "The prime minister ordered the army to prepare an assault on Kidal.", []),
    # non-conflict: a truce between record labels is no ceasefire
    ("non-conflict", "Two of Seoul's biggest K-pop agencies announced a truce between their labels on Thursday, "
     "dropping lawsuits.", []),
    # welcomed-entry, going-home, truce-before: see test_agents_weapons_and_entries.py for more
    ("sport", "Troops held the garrison of Changchun. \"This is our last stand,\" said the pitcher before the "
     "final game.", []),
    ("sport", "Troops held the garrison of Changchun. The defenders were making a last stand around the Central Bank "
     "building.", [("imminent-fall", "Changchun", "confirmed")]),
    ("welcomed-entry", "Government troops rolled into the centre of Bunia to cheers from residents.", []),
    ("welcomed-entry", "Government troops fought their way into the centre of Bunia, residents said.",
     [("city-breach", "Bunia", "confirmed")]),
    ("going-home", "Thousands of displaced people began walking back to their homes in Beit Lahia.", []),
    ("going-home", "Thousands of people fled Beit Lahia as the army advanced, residents said.",
     [("civilians-at-risk", "Beit Lahia", "confirmed")]),
    ("truce-before", "It came two days after the ceasefire in Lebanon began.", []),
    ("truce-before", "A ceasefire took effect in Lebanon on Wednesday, two days after talks began.",
     [("ceasefire", "Lebanon", "confirmed")]),
    # conflict-context reaches three sentences back: a war story's later sentences are about the war
    ("conflict-context", "Rebels attacked the town of Bunia on Monday. Shops closed early. Schools shut their "
     "doors. Thousands of residents fled Bunia on Tuesday, officials said.",
     [("civilians-at-risk", "Bunia", "confirmed")]),
    ("conflict-context", "A cholera outbreak spread in Bunia on Monday. Shops closed early. Schools shut their "
     "doors. Thousands of residents fled Bunia on Tuesday, officials said.", []),
    # prison-violence: a prison riot is no war's mass casualty; an air strike on a prison is
    ("prison-violence", "At least 68 inmates were killed in clashes between rival gangs at the Litoral "
     "penitentiary in Guayaquil, officials said.", []),
    ("prison-violence", "A Russian air strike on a prison in Olenivka killed more than 50 prisoners, officials said.",
     [("airstrike", "Olenivka", "confirmed"), ("civilians-at-risk", "Olenivka", "confirmed")]),
    # hosts-displaced: people who fled before, hosted now, are no exodus now
    ("hosts-displaced", "Camps around Bunia already shelter hundreds of thousands of people who fled earlier "
     "fighting.", []),
    ("hosts-displaced", "Bunia has become a refuge for hundreds of thousands of people displaced by the fighting, "
     "officials said.", []),
    ("hosts-displaced", "Hundreds of thousands of people fled Bunia as rebels advanced, officials said.",
     [("civilians-at-risk", "Bunia", "confirmed")]),
    # counterfactual: "if … were to" is no description of defenders about to be beaten
    ("counterfactual", "If the army were to collapse, Bamako could fall within weeks, analysts said.", []),
    ("counterfactual", "With the army collapsing, Bamako could fall within days, officials said.",
     [("imminent-fall", "Bamako", "confirmed")]),
    # abbreviated months with a day are dates too
    ("dated", "Hamas' Oct. 7 attack on Kfar Aza, in which 60 civilians were killed, began the war.", []),
    # a warned-of consequence is not a harm that happened
        ("feared-consequence", "Heavy fighting raged around Taiz on Monday. The United Nations has warned that any "
     "assault on the city could put hundreds of thousands of displaced people at risk.", []),
    ("feared-consequence", "Aid agencies warned that a humanitarian catastrophe could unfold if fighting reaches the "
     "city of Hodeidah, where 400,000 displaced people shelter.", []),
("feared-consequence", "The U.N. said fighting in Rafah, where a million displaced people shelter, "
     "could be a catastrophe.", []),
    ("feared-consequence", "The U.N. said fighting in Rafah had displaced a million people.",
     [("civilians-at-risk", "Rafah", "confirmed")]),
    # a look-back story: sentences that do not date their event to now are background
    ("retrospective", "GOMA, Congo (Reuters) - A year after M23 rebels seized this lakeside city, shops have reopened. "
     "Rights groups say at least 3,000 people were killed during the battle for Goma, many of them civilians.",
     []),
    ("retrospective", "A Decade On, Mosul Counts the Cost\n\nMOSUL, Iraq (AFP) - Residents rebuilt homes. "
     "\"I lost two sons during the siege of the Old City,\" said Umm Ahmed.", []),
    ("retrospective", "GOMA, Congo (Reuters) - A year after M23 rebels seized this lakeside city, shops "
     "have reopened. On Monday, M23 rebels captured the town of Walikale, residents said.",
     [("city-captured", "Walikale", "confirmed")]),
    ("retrospective", "GOMA, Congo (Reuters) - M23 rebels seized Goma, a year after they took Bunagana. "
     "Rights groups say at least 300 people were killed in the battle for Goma, many of them civilians.",
     [("city-captured", "Goma", "confirmed"), ("civilians-at-risk", "Goma", "confirmed")]),
    # negation: "no sign of a mass exodus" is none; "no sign of fighting" does not negate a flight after it
    ("negation", "Some families in Kherson packed their bags, but there was no sign yet of a mass exodus from "
     "the city as shelling went on.", []),
    ("negation", "Shells hit Kherson overnight. There was no sign of fighting in the centre, but thousands fled "
     "the city.", [("civilians-at-risk", "the city", "confirmed")]),
    # negation: what forces pulled back to avoid did not happen
    ("negation", "The rebels pulled back from positions around Rutshuru to avoid air strikes, a spokesman said.", []),
    # history: a narrative's own past ("later that month")
    ("history", "Rebels took Kidal in April. Troops recaptured the town of Konna later that month, before losing "
     "it again in 2013.", []),
    # history-sentence: what today's news comes after, as its antecedent, a week or more back
    ("history-sentence", "The talks come two weeks after rebels seized Bunagana, a border town, residents said.", []),
    ("history-sentence", "Their push follows the capture of Rumangabo, a military base town, late last month.", []),
    ("history-sentence (not the subject)", "The fall of Rutshuru, 70 km north of Goma, came a week after the "
     "army said it had retaken the airport.", [("city-captured", "Rutshuru", "claimed")]),
    # running-toll: a war's toll since a month and year; "the insurgency, which …, has killed" at any length
    ("running-toll", "More than 2,000 people have been killed in Sudan since the paramilitary forces began "
     "attacking army bases in April 2023, officials said.", []),
    ("running-toll", "The insurgency, which erupted after soldiers disbanded a parliament in Niamey (the capital) "
     "that opposition parties had controlled since the vote, has killed an estimated 9,000 people in Niger.", []),
    # ... and a months-long battle's whole toll
    ("running-toll", "Residents of Sirte celebrated the end of a seven-month battle that killed hundreds of "
     "civilians.", []),
    # not-in-force: not the end of the holy month a truce lets people mark
    ("not-in-force", "Government troops observed a 12-hour truce in Jolo on Monday so that residents could mark "
     "the end of Ramadan.", [("ceasefire", "Jolo", "confirmed")]),
    # siege-ended: breaking through the defenders' lines is no lifting of the siege
    ("siege-ended", "Troops encircled Kupiansk on Monday and broke through its defences, the army said.",
     [("city-breach", "Kupiansk", "confirmed"), ("siege", "Kupiansk", "claimed")]),
    # unopposed: an entry followed by mopping up is the capture, not a breach
    ("unopposed", "The army said its units had entered Bor and \"cleansed\" it of the rebels.", []),
    ("unopposed", "Soldiers entered Bor on Tuesday after heavy fighting, residents said.",
     [("city-breach", "Bor", "confirmed")]),
    # retrospective: a story of people marking a year since the fall is a look-back
    ("retrospective", "KABUL (AP) - Thousands gathered in Kabul on Sunday to mark one year since the Taliban swept "
     "into the capital. Mullah Baradar, who led the offensive that took Kandahar and Herat in under two "
     "weeks, spoke at the rally.", []),
    # not-in-force: a deal that could be agreed, a truce made harder
    ("not-in-force", "Talks on Darfur ended in Jeddah with mediators hopeful a deal could be agreed when "
     "negotiators meet in Nairobi next week, but the army said new conditions made a truce harder.", []),
    # feared-consequence: what an attack could cost
    ("feared-consequence", "Troops massed near Hodeidah. Aid groups warned that an assault on Hodeidah could cost "
     "up to 100,000 lives and leave millions facing starvation.", []),
    # running-toll / running-displacement: "the biggest exodus since 2006" is no running count
    ("running-displacement", "Thousands of residents fled Sidon after Israeli strikes on Monday, in the biggest "
     "exodus since 2006.", [("airstrike", "Sidon", "confirmed"), ("civilians-at-risk", "Sidon", "confirmed")]),
    ("running-displacement", "More than 3,000 people have fled Sidon since 2006 amid the conflict.", []),
    # denied-rumour: "reports that … are fake"
    ("denied-rumour", "\"Reports that the city is encircled are fake,\" a spokesman said of Mekelle.", []),
    # disaster: families marooned by a swollen river
    ("disaster", "Rescuers evacuated hundreds of families marooned in villages near Sukkur as the swollen river "
     "threatened fresh inundation, officials said.", []),
    # object (airstrike): mortar bombs are no air strike
    ("object", "Government forces pounded residential districts of Misrata with shells and mortar bombs on Sunday.",
     []),
    # history-sentence: "for the first time since … years ago" dates the comparison, not the breach
    ("history-sentence (unless)", "Rebels broke into Homs on Friday for the first time since they were driven out "
     "six years ago, witnesses said.", [("city-breach", "Homs", "confirmed")]),
    # object (offensive): "launched what it called a … operation"
    ("object", "The army launched what it called a limited operation against militants in Tal Afar on Sunday.",
     [("offensive-launched", "Tal Afar", "confirmed")]),
    # hypothetical: "not stop until X is liberated" is a goal
    ("hypothetical", "The spokesman said the group's fighters would \"not stop until Hodeidah is liberated\".", []),
    # running-toll / running-displacement: a year's running count is no event now (round 20)
    ("running-toll", "More than 1,200 civilians were killed in Kunduz in the first six months of the year, the UN "
     "said.", []),
    ("running-toll", "Gunmen killed 14 civilians in Kunduz on Monday, officials said.",
     [("civilians-at-risk", "Kunduz", "confirmed")]),
    ("running-displacement", "About 300,000 people have been displaced in Ituri since the start of the year, the UN "
     "said.", []),
    # hosts-displaced: a town swollen with people displaced elsewhere is no exodus from it
    ("hosts-displaced", "Dohuk has swelled with 200,000 people displaced from elsewhere in the country.", []),
    # exclude (exodus): a jailbreak is no civilians' flight; inmates freed beside a fleeing town still are
    ("exclude", "Hundreds of prisoners escaped as fighting raged in Bunia on Monday.", []),
    ("exclude", "Gangs overran Hinche on Monday, freeing 300 inmates from its prison and sending thousands of "
     "residents fleeing.", [("city-captured", "Hinche", "confirmed"), ("civilians-at-risk", "Hinche", "confirmed")]),
    # exclude (siege): armed men around a building are no siege of the town
    ("exclude", "Gunmen surrounded the mosque in Kano and opened fire on Friday.", []),
    ("exclude", "Rebel fighters surrounded the town of Kalehe on Friday.", [("siege", "Kalehe", "confirmed")]),
    # siege-over: a siege that lasted years "before"/"until" something is over
    ("siege-over", "Government forces besieged Madaya for two years until a deal let residents leave.", []),
    # infinitive (unless): "with nowhere else to go" is no purpose
    ("infinitive (unless)", "Russian jets pounded Mariupol. Thousands of civilians, many of them elderly people "
     "with nowhere else to go, were trapped in cellars.",
     [("airstrike", "Mariupol", "confirmed"), ("civilians-at-risk", "Mariupol", "confirmed")]),
    # history: a campaign of a stated length is over; "during the offensive" alone is not dated
    ("history", "Nearly 800,000 people fled Kosovo during NATO's 78-day bombing campaign, officials said.", []),
    # not-in-force (unless): what a truce signed "on Friday to end two months of fighting" is for
    ("not-in-force (unless)", "Sudan's army and the RSF signed a ceasefire agreement on Friday to end two months "
     "of fighting in Khartoum.", [("ceasefire", "Khartoum", "confirmed")]),
    # not-in-force: "until an immediate ceasefire" is a condition
    ("not-in-force", "The mayor said there was no point in talks until an immediate ceasefire was declared in "
     "Mogadishu.", []),
    # running-toll (unless): "the deadliest attack of the 10-month siege" is this attack, not the siege's toll
    ("running-toll (unless)", "A shell hit a market in Kabul on Saturday, killing at least 40 people in the "
     "deadliest attack of the 10-month siege.", [("civilians-at-risk", "Kabul", "confirmed")]),
    # exclude (siege): a town cut off by floodwater is no siege; "now surround" is one
    ("exclude", "The town of Doboj was cut off by floodwater for a third day.", []),
    ("exclude", "Government forces now surround Deraa on all sides, the monitor said.",
     [("siege", "Deraa", "confirmed")]),
    # disbelieved (imminent-fall): a forecast nobody believes
    ("disbelieved", "Rebels advanced on Kabul. Western diplomats said they did not believe the capital was about to "
     "fall.", []),
    # going-home: displaced families driving back towards their homes end an exodus
    ("going-home", "A truce took effect in Lebanon on Wednesday, and thousands of displaced families began driving "
     "back towards their homes in the south.", [("ceasefire", "Lebanon", "confirmed")]),
    # history-sentence: killings "like those that followed" a capture compare with the past
    ("history-sentence", "The UN warned that an assault on Kadugli could trigger killings like those that followed "
     "the RSF's capture of Babanusa, a key town in West Kordofan, last year.", []),
    # history / history-possessive: "last month's ambush" dates the ambush, not strikes in the same clause;
    # a list of towns is one clause, so "last month" at its end dates the captures of all of them
    ("history-possessive", "Jets pounded Misrata, Sirte and Ajdabiya, in what the army said was revenge for last "
     "month's ambush.", [("airstrike", "Ajdabiya", "confirmed"), ("airstrike", "Misrata", "confirmed"),
                         ("airstrike", "Sirte", "confirmed")]),
    ("history-possessive", "Gunmen killed 14 civilians in Tal Afar. The army raided Mosul on Monday in revenge for "
     "last month's massacre of villagers.", [("civilians-at-risk", "Tal Afar", "confirmed")]),
    ("history", "Government forces seized the towns of Saraqeb, Khan Shaykhun and Maarat al-Numan last month.", []),
    ("history", "Government forces seized the towns of Saraqeb, Khan Shaykhun and Maarat al-Numan on Monday.",
     [("city-captured", "Khan Shaykhun", "confirmed"), ("city-captured", "Maarat al-Numan", "confirmed"),
      ("city-captured", "Saraqeb", "confirmed")]),
    # hypothetical-after (ceasefire): what an agreed truce "will allow" or "would allow" is its purpose (round 22: a
    # blind writer labels "agreed to a ceasefire in Aleppo that would allow civilians … to evacuate"); a truce that
    # only would do something stays open
    ("hypothetical-after", "Militiamen in southern Tripoli agreed on Sunday to a truce that will allow families to "
     "leave the area.", [("ceasefire", "Tripoli", "confirmed")]),
    ("hypothetical-after", "Militiamen in southern Tripoli agreed on Sunday to a truce that would allow families to "
     "leave the area.", [("ceasefire", "Tripoli", "confirmed")]),
    ("hypothetical-after", "Militiamen in southern Tripoli said a truce would allow families to leave the area.", []),
    # dated: a date after the trigger that a participle of something else takes ("soldiers abducted in March")
    ("dated", "Mali's army said on Tuesday it had agreed a ceasefire with Tuareg rebels, who promised to free 30 "
     "soldiers abducted in March.", [("ceasefire", "Mali", "confirmed")]),
    ("dated", "Mali's army said it had agreed a ceasefire with Tuareg rebels in March.", []),
    # history-sentence: "days later", wherever it stands, dates an event from another past one
    ("history-sentence", "The paramilitary seized the town of Bara in late May. It took full control of Nyala, in "
     "South Darfur, days later.", []),
    ("history-sentence", "The paramilitary took full control of Nyala, in South Darfur, on Monday.",
     [("city-captured", "Nyala", "confirmed")]),
    # running-toll: the toll of a whole war that a truce ends is no new mass-casualty event
    ("running-toll", "A ceasefire took effect in Yemen on Wednesday, halting more than 13 months of fighting that "
     "killed thousands of people and displaced more than a million.", [("ceasefire", "Yemen", "confirmed")]),
    ("running-toll", "Fighting killed thousands of people in Yemen on Wednesday.",
     [("civilians-at-risk", "Yemen", "confirmed")]),
    # exclude (civilians-at-risk, trapped): soldiers trapped in a town are no civilians at risk
    ("exclude", "Rebels said the town of Ilovaisk was fully surrounded, with thousands of Ukrainian troops trapped "
     "inside.", [("siege", "Ilovaisk", "claimed")]),
    ("exclude", "Rebels said the town of Ilovaisk was fully surrounded, with thousands of civilians trapped inside.",
     [("civilians-at-risk", "Ilovaisk", "confirmed"), ("siege", "Ilovaisk", "claimed")]),
    # truce-before (ceasefire): what happened "in the hours before the truce began" is no truce in that town
    ("truce-before", "In the final hours before the truce began, Israeli jets pounded Tyre, flattening buildings.",
     [("airstrike", "Tyre", "confirmed")]),
    ("truce-before", "Israeli jets pounded Tyre, flattening buildings, and then the truce began.",
     [("airstrike", "Tyre", "confirmed"), ("ceasefire", "Tyre", "confirmed")]),
    # non-conflict: a truce between fuel marketers
    ("non-conflict", "Tanker firms and fuel marketers agreed to a ceasefire in Karachi on Friday.", []),
    # war-dead (civilians-at-risk): a whole war's dead, in the trigger's own clause
    ("war-dead", "Rebels shelled Kidal again. Some 200,000 people are thought to have died in the civil war.", []),
    ("war-dead", "At least 40 civilians were killed in Kidal on Monday, and thousands have died in the war, the "
     "official said.", [("civilians-at-risk", "Kidal", "confirmed")]),
    # weather-cut-off (siege): a town a flood cuts off is not besieged
    ("weather-cut-off", "Troops and militants fought for the valley for months. The river burst its banks after days "
     "of monsoon rain on Monday, cutting off Chitral from the rest of the valley.", []),
    ("weather-cut-off", "Troops and militants fought for the valley for months. Fighters cut off Chitral from the "
     "rest of the valley on Monday.", [("siege", "Chitral", "confirmed")]),
    # exclude (siege): "Idlib city and surrounding towns" are struck, not surrounded
    ("exclude", "Jets struck Ariha and surrounding towns in the northwest, killing three people.",
     [("airstrike", "Ariha", "confirmed")]),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_filter(detect: Callable[..., Found], name: str, text: str, expected: Found) -> None:
    assert detect(text, published_at=DATE) == expected


@pytest.mark.parametrize(("published_at", "expected"), [
    ("2017-11-02T12:00:00", []),  # "early 2017" ends in April: more than 90 days before November
    ("2017-05-02T12:00:00", [("offensive-launched", "Tal Afar", "confirmed")]),
])
def test_dated_part_of_the_year(detect: Callable[..., Found], published_at: str, expected: Found) -> None:
    assert detect("The army launched its offensive on Tal Afar in early 2017.", published_at=published_at) == expected


def test_every_default_filter_is_exercised(detector: Detector) -> None:
    """The cases above name every filter of the default pack (so a new filter needs a new case)."""
    names = {c[0].split(" ")[0] for c in CASES}
    roles = {"object", "exclude", "mass", "combatants", "imminence", "not-imminent", "forecast-after"}
    configured = {c.name for p in detector.pack.patterns for c in p.checks} - roles
    assert configured <= names


def test_explain_names_the_filter_that_stopped_a_candidate(tagger: Tagger, detector: Detector) -> None:
    cands = detector.explain(tagger.tag("The prime minister vowed to retake Mosul from the militants."))
    blocked = [c for c in cands if c.milestone == "city-captured"]
    assert blocked and all(c.verdict == "blocked" for c in blocked)
    assert blocked[0].reason.startswith("intent:")
