"""Contacts: participants from the syntax, type, status, date, attribution and merging.

Every sentence here was written for this project. Each row states what a careful reader gets from the
sentence: the participants (surnames), the type, the status and the date value, given the publication
date of the row's group.
"""
from __future__ import annotations

import pytest

import diplograph

PUB = "2025-03-19"  # a Wednesday


def contacts(text, published=PUB):
    return diplograph.extract(text, published=published).contacts


def summary(c):
    names = frozenset(p.name.split()[-1] if p.kind == "person" else p.country for p in c.participants)
    return names, c.type, c.status, c.date.value if c.date else None


# (sentence, participants, type, status, date)
CASES = [
    # participants through the syntax
    ("French President Emmanuel Macron, German Chancellor Friedrich Merz and Polish Prime Minister Donald Tusk "
     "met in Berlin on Friday.", {"Macron", "Merz", "Tusk"}, "meeting", "occurred", "2025-03-14"),
    ("Kenyan President William Ruto held talks with Chinese President Xi Jinping in Beijing on Tuesday.",
     {"Ruto", "Jinping"}, "meeting", "occurred", "2025-03-18"),  # talks somewhere are in person
    ("The meeting between Indian Prime Minister Narendra Modi and U.S. President Donald Trump lasted an hour.",
     {"Modi", "Trump"}, "meeting", "occurred", None),
    ("Trump and Zelensky's meeting in the Oval Office ended in a shouting match.",
     {"Trump", "Zelenskyy"}, "meeting", "occurred", None),
    ("Ukrainian President Volodymyr Zelensky spoke by phone with his French counterpart, Emmanuel Macron.",
     {"Zelenskyy", "Macron"}, "phone_call", "occurred", None),
    ("Erdogan was received by Putin in Sochi on Monday.", {"Erdoğan", "Putin"}, "meeting", "occurred",
     "2025-03-17"),
    ("The Erdogan-Putin talks in Sochi lasted four hours.", {"Erdoğan", "Putin"}, "talks", "occurred", None),
    ("Saudi Crown Prince Mohammed bin Salman received Turkish President Recep Tayyip Erdogan in Jeddah.",
     {"Salman", "Erdoğan"}, "meeting", "occurred", None),
    ("Erdogan telephoned Iranian President Masoud Pezeshkian on Saturday.", {"Erdoğan", "Pezeshkian"},
     "phone_call", "occurred", "2025-03-15"),
    ("Macron called Putin on Tuesday to discuss the war.", {"Macron", "Putin"}, "phone_call", "occurred",
     "2025-03-18"),
    ("Sisi received a phone call from Trump on Saturday.", {"el-Sisi", "Trump"}, "phone_call", "occurred",
     "2025-03-15"),
    ("Modi and Putin held a video conference on Thursday.", {"Modi", "Putin"}, "video_call", "occurred",
     "2025-03-13"),
    ("Erdogan told Putin during their meeting in Sochi that Turkey wanted peace.", {"Erdoğan", "Putin"},
     "meeting", "occurred", None),
    ("Trump and Xi last spoke in January.", {"Trump", "Jinping"}, "talks", "occurred", "2025-01"),
    ("Macron will travel to China next month to meet Xi Jinping.", {"Macron", "Jinping"}, "visit", "planned",
     "2025-04"),
    ("Netanyahu is expected to visit Washington later this month to meet Trump.", {"Netanyahu", "Trump"},
     "visit", "planned", "2025-03"),
    # status
    ("Xi Jinping is due to meet Donald Trump in San Francisco next week.", {"Jinping", "Trump"}, "meeting",
     "planned", "2025-W13"),
    ("Netanyahu and Trump are scheduled to meet on Monday.", {"Netanyahu", "Trump"}, "meeting", "planned",
     "2025-03-24"),
    ("Sources said Erdogan could meet Trump on the sidelines of the NATO summit next month.",
     {"Erdoğan", "Trump"}, "meeting", "possible", "2025-04"),
    ("A meeting between Putin and Zelensky is possible, Turkish Foreign Minister Hakan Fidan said.",
     {"Putin", "Zelenskyy"}, "meeting", "possible", None),
    ("Zelensky said he was ready to meet Putin.", {"Zelenskyy", "Putin"}, "meeting", "possible", None),
    ("Putin did not rule out a meeting with Zelensky.", {"Putin", "Zelenskyy"}, "meeting", "possible", None),
    ("No date has been set for a meeting between Trump and Putin.", {"Trump", "Putin"}, "meeting", "possible",
     None),
    ("Biden has not spoken with Xi since November, the White House said.", {"Biden", "Jinping"}, "talks",
     "denied", None),  # "since November" bounds the silence, it is no contact's date
    ("Putin will not meet Zelensky, Peskov said.", {"Putin", "Zelenskyy"}, "meeting", "denied", None),
    ("Scholz ruled out a meeting with Putin.", {"Scholz", "Putin"}, "meeting", "denied", None),
    ("Putin has no plans to meet Zelensky, Kremlin spokesman Dmitry Peskov told reporters.",
     {"Putin", "Zelenskyy"}, "meeting", "denied", None),
    ("A planned meeting between Trump and Putin in Budapest was called off.", {"Trump", "Putin"}, "meeting",
     "denied", None),
    ("The Kremlin denied reports that Putin had met Trump's envoy Steve Witkoff.", {"Putin", "Witkoff"},
     "meeting", "denied", None),
    ("Indian Prime Minister Narendra Modi, who spoke with Donald Trump in February, will travel to Washington "
     "next month.", {"Modi", "Trump"}, "phone_call", "occurred", "2025-02"),
    # a misattached phrase: "during a call" hangs from the gerund, the call is the warning's
    ("Chinese President Xi Jinping warned US President Joe Biden against meddling in Hong Kong during a "
     "phone call on Monday.", {"Jinping", "Biden"}, "phone_call", "occurred", "2025-03-17"),
    # a trilateral meeting with two guests stays one meeting of three
    ("Japanese Prime Minister Shigeru Ishiba held a trilateral meeting with South Korean President Lee "
     "Jae-myung and US President Donald Trump on Monday.", {"Ishiba", "Jae-myung", "Trump"}, "meeting",
     "occurred", "2025-03-17"),
    # the one who chairs the meeting that brought people together is at it
    ("Kenyan President William Ruto chaired the summit, which brought together Tanzanian President Samia "
     "Suluhu Hassan and Ugandan President Yoweri Museveni on Tuesday.", {"Ruto", "Suluhu", "Museveni"},
     "meeting", "occurred", "2025-03-18"),
    # the traveller is at the meeting the trip is for; a joint meeting stays whole
    ("Sanchez will travel to Lisbon for a joint meeting with Portuguese Prime Minister Luis Montenegro and "
     "French President Emmanuel Macron.", {"Sánchez", "Montenegro", "Macron"}, "meeting", "planned", None),
    # "the two" are the two people of the clause the newcomer joins
    ("Turkish President Recep Tayyip Erdogan pressed Iraqi Prime Minister Mohammed Shia al-Sudani on Monday, "
     "as Qatar's Emir Tamim bin Hamad Al Thani joined the two for three-way talks in Ankara.",
     {"Erdoğan", "al-Sudani", "Thani"}, "meeting", "occurred", "2025-03-17"),
    # a courtesy call is a meeting; a clause of its own is not the visit's purpose
    ("Indian External Affairs Minister S. Jaishankar called on Kenyan President William Ruto on Monday.",
     {"Jaishankar", "Ruto"}, "meeting", "occurred", "2025-03-17"),
    ("Canadian Prime Minister Mark Carney visited Kyiv on Monday, meeting Zelensky, while British Prime "
     "Minister Keir Starmer met Polish President Andrzej Duda in Warsaw in February.", {"Starmer", "Duda"},
     "meeting", "occurred", "2025-02"),
    # a coordinated name hanging inside a misparsed first name ("Barack" read as a preposition)
    ("Barack Obama and Vladimir Putin will meet in Zurich to discuss their music tastes", {"Obama", "Putin"},
     "meeting", "planned", None),
    # a light verb with a contact noun
    ("French President Emmanuel Macron gave a warm welcome on Monday to Kenyan President William Ruto.",
     {"Macron", "Ruto"}, "meeting", "occurred", "2025-03-17"),
    # an apposition to the object misparsed as an adverbial still names the guests
    ("Prime Minister Narendra Modi hosted the President of the European Council, Mr. António Costa, and the "
     "President of the European Commission, Ms. Ursula von der Leyen, for a summit in New Delhi on Monday.",
     {"Modi", "Costa", "Leyen"}, "meeting", "occurred", "2025-03-17"),
    # "earlier this week ... on Monday": the day, the more precise
    ("Earlier this week, Rubio met Saudi Crown Prince Mohammed bin Salman in Riyadh on Monday.",
     {"Rubio", "Salman"}, "meeting", "occurred", "2025-03-17"),
]


@pytest.mark.parametrize("text,people,ctype,status,date", CASES, ids=[c[0][:40] for c in CASES])
def test_contact(nlp, text, people, ctype, status, date):
    found = [summary(c) for c in contacts(text)]
    assert (frozenset(people), ctype, status, date) in found, found


@pytest.mark.parametrize("text", [
    "Erdogan called on Putin to end the war.",
    "Putin criticised Macron's remarks on Ukraine.",
    "Trump praised Erdogan as a tough leader.",
    "Macron called for a ceasefire in Gaza.",
    "Erdogan urged Putin to end the war, in a speech in Ankara.",
    "Zelensky thanked Biden for the aid package, which Congress approved on Tuesday.",
    "The two leaders discussed trade, according to a statement.",
    "Xi Jinping arrived in Moscow, his first trip abroad this year.",
])
def test_no_contact_between_people(nlp, text):
    pairs = [c for c in contacts(text) if sum(p.kind == "person" for p in c.participants) >= 2]
    assert pairs == []


def test_visit_without_a_host_has_the_country():
    (visit,) = contacts("Erdogan might visit the US in April, Turkish media reported.")
    assert visit.type == "visit" and visit.status == "possible" and visit.date.value == "2025-04"
    assert [(p.kind, p.country) for p in visit.participants] == [("person", "TUR"), ("country", "USA")]
    assert visit.initiator == visit.participants[0].id and visit.host == "country:USA"
    assert visit.attribution == "Turkish media"


def test_visit_to_a_seat_of_government_meets_its_leader():
    text = ("President Donald Trump spoke with King Abdullah II on Friday. "
            "King Abdullah of Jordan's visit to the White House followed on Tuesday.")
    visits = [c for c in contacts(text) if c.type == "visit"]
    assert visits and {p.name for p in visits[0].participants} == {"Donald Trump", "Abdullah II"}


@pytest.mark.parametrize("text,source", [
    ("Putin and Erdogan held a phone conversation on Wednesday, the Kremlin said.", "Kremlin"),
    ("Erdogan may hold talks with Putin later this week, according to a report by the newspaper Hürriyet.",
     "Hürriyet"),
    ("Starmer and Macron talked by phone on Saturday, Downing Street said.", "Downing Street"),
    ("Kremlin spokesman Dmitry Peskov said Putin had no plans to meet Zelensky.", "Dmitry Peskov"),
    ("Biden and Xi spoke for two hours on Tuesday, according to Chinese state media.", "Chinese state media"),
    ("Erdogan spoke with Putin on Monday.", None),
])
def test_attribution(nlp, text, source):
    (c,) = [c for c in contacts(text) if len(c.participants) == 2]
    assert c.attribution == source


def test_repeated_reports_merge_and_a_denial_stays_apart(nlp):
    text = ("Erdogan spoke with Trump on March 16. The Erdogan-Trump talks covered Ukraine. "
            "Erdogan held a phone conversation with Trump on March 16, his office said. "
            "Erdogan may call Putin later this week, Turkish media reported. "
            "The Kremlin said no call between Putin and Erdogan had been scheduled this week.")
    found = contacts(text)
    trump = [c for c in found if {p.name for p in c.participants} == {"Recep Tayyip Erdoğan", "Donald Trump"}]
    assert len(trump) == 1
    assert (trump[0].type, trump[0].status, trump[0].date.value) == ("phone_call", "occurred", "2025-03-16")
    assert len(trump[0].evidence) == 3
    putin = sorted((c.status, c.date.value) for c in found if "Vladimir Putin" in {p.name for p in c.participants})
    assert putin == [("denied", "2025-W12"), ("possible", "2025-W12")]


def test_bilateral_meetings_with_a_coordinated_object(nlp):
    found = [summary(c) for c in contacts("On Saturday Lula met with Macron and Scholz in Hiroshima.",
                                          published="2023-05-21")]
    assert sorted(found) == sorted([
        (frozenset({"Silva", "Macron"}), "meeting", "occurred", "2023-05-20"),
        (frozenset({"Silva", "Scholz"}), "meeting", "occurred", "2023-05-20"),
    ])


def test_the_two_leaders_refers_back(nlp):
    found = contacts("Putin met Modi in Moscow on Monday. The two leaders discussed oil and defence.",
                     published="2024-07-10")
    assert [summary(c) for c in found] == [(frozenset({"Putin", "Modi"}), "meeting", "occurred", "2024-07-08")]
    assert len(found[0].evidence) == 2


def test_trigger_spans_and_offsets(nlp):
    text = "Putin spoke with Erdogan by phone on Monday, the Kremlin said."
    doc = diplograph.parse(text, published=PUB)
    triggers = [(s.text, s.label_) for s in doc.spans["diplograph_triggers"]]
    assert triggers == [("spoke", "phone_call")]
    (c,) = doc._.contacts
    assert [text[e.start:e.end] for e in c.evidence] == [text]
    assert [text[t.start:t.end] for t in c.triggers] == ["spoke"]


def test_no_crash_on_odd_input(nlp):
    for text in ["", " ", "\n\n", "Hello.", "😀 " * 50, "\x00\x01 control", "a" * 5000, "Met met met. Talks."]:
        ex = diplograph.extract(text, published=PUB)
        assert isinstance(ex.contacts, list)


@pytest.mark.parametrize("text,published,people,ctype,status,date", [
    ("Putin and Erdogan agreed on Friday to expand cooperation after talks in Sochi.", "2022-08-05",
     {"Putin", "Erdoğan"}, "meeting", "occurred", "2022-08-05"),
    ("Erdogan told Putin in a phone call on Sunday that Turkey was ready to help.", "2025-05-11",
     {"Erdoğan", "Putin"}, "phone_call", "occurred", "2025-05-11"),
    ("Putin agreed to halt attacks on energy sites during a phone call with Trump, the Kremlin said.",
     "2025-03-19", {"Putin", "Trump"}, "phone_call", "occurred", None),
    ("Trump said he would meet Putin in Budapest, after a long phone call with the Russian president on "
     "Thursday.", "2025-10-17", {"Trump", "Putin"}, "phone_call", "occurred", "2025-10-16"),
    ("Tuesday's conversation between Trump and Putin produced no agreement on a ceasefire.", "2025-03-19",
     {"Trump", "Putin"}, "talks", "occurred", "2025-03-18"),
    ("The talks between the Russian and Turkish presidents in Sochi lasted six hours.", "2019-10-22",
     {"Putin", "Erdoğan"}, "talks", "occurred", None),
    ("The presidents of Venezuela and Colombia will have lunch in Caracas on Saturday.", "2023-01-05",
     {"Maduro", "Petro"}, "meeting", "planned", "2023-01-07"),
])
def test_contacts_in_adjuncts_and_titles(nlp, text, published, people, ctype, status, date):
    found = [summary(c) for c in contacts(text, published=published)]
    assert (frozenset(people), ctype, status, date) in found, found


def test_invitation_to_visit_is_hosted_by_the_inviter(nlp):
    (accepted,) = contacts("Al-Sudani accepted an invitation from Erdogan to visit Turkey.", published="2023-08-23")
    assert accepted.status == "planned"
    (visit,) = contacts("Putin invited Trump to visit Moscow.", published="2018-07-17")
    assert visit.type == "visit" and visit.status == "possible"  # invited, not (yet) accepted
    assert visit.host == "wikidata:Q7747" and visit.initiator == "wikidata:Q22686"


def test_president_elect_is_not_the_sitting_president(nlp):
    ex = diplograph.extract("US President-elect Donald Trump spoke with Putin on Thursday.", published="2024-11-11")
    assert {p.name for p in ex.people} == {"Donald Trump", "Vladimir Putin"}


def test_dates_relative_to_another_contact_and_modes_in_phrases(nlp):
    text = ("Modi spoke with Albanese on Tuesday. Modi's call with Albanese came two days after he spoke to "
            "Luxon and Carney in separate phone calls.")
    found = sorted(summary(c) for c in contacts(text, published="2025-06-12"))
    assert found == sorted([
        (frozenset({"Modi", "Albanese"}), "phone_call", "occurred", "2025-06-10"),
        (frozenset({"Modi", "Luxon"}), "phone_call", "occurred", "2025-06-08"),
        (frozenset({"Modi", "Carney"}), "phone_call", "occurred", "2025-06-08"),
    ])


@pytest.mark.parametrize("text,initiator,host", [
    ("Erdogan hosted Hungarian Prime Minister Viktor Orban in Ankara on Thursday.", "Viktor Orbán",
     "Recep Tayyip Erdoğan"),
    ("Foreign Minister Wang Yi will visit Russia in April at the invitation of Foreign Minister Sergei Lavrov.",
     "Wang Yi", "Sergey Lavrov"),
])
def test_visit_direction(nlp, text, initiator, host):
    ex = diplograph.extract(text, published="2025-06-12")
    (visit,) = [c for c in ex.contacts if c.type == "visit"]
    names = {p.id: p.name for p in visit.participants}
    assert (names[visit.initiator], names[visit.host]) == (initiator, host)


@pytest.mark.parametrize("text,published,people,ctype,date", [
    ("Orban had visited Kyiv on Tuesday, where he met Ukrainian President Volodymyr Zelensky.", "2024-07-05",
     {"Orbán", "Zelenskyy"}, "visit", "2024-07-02"),
    ("The last such encounter was in 2000, when Bill Clinton met Hafez al-Assad in Geneva.", "2025-05-14",
     {"Clinton", "al-Assad"}, "meeting", "2000"),
    ("Prime Minister Anthony Albanese has held talks with Chinese President Xi Jinping in Beijing.", "2023-11-06",
     {"Albanese", "Jinping"}, "meeting", "2023-11-06"),
])
def test_occasion_dates_and_folded_visits(nlp, text, published, people, ctype, date):
    found = [summary(c) for c in contacts(text, published=published)]
    assert (frozenset(people), ctype, "occurred", date) in found, found


@pytest.mark.parametrize("text,published,expected", [
    # a remote participant joins the meeting just reported
    ("Trump met Syria's interim President Ahmed al-Sharaa in Riyadh on Wednesday. Saudi Crown Prince Mohammed "
     "bin Salman attended the meeting, while Turkish President Recep Tayyip Erdogan took part by phone.",
     "2025-05-14", {("meeting", frozenset({"Trump", "al-Sharaa", "Salman", "Erdoğan"}))}),
    # one host, guests together
    ("Biden hosted Ruto and Tinubu at the White House on Monday.", "2024-05-21",
     {("meeting", frozenset({"Biden", "Ruto", "Tinubu"}))}),
    # gapped prepositional phrases stay bilateral
    ("Lee held phone talks with Donald Trump on Friday and with Shigeru Ishiba on Monday.", "2025-06-10",
     {("phone_call", frozenset({"Jae-myung", "Trump"})), ("phone_call", frozenset({"Jae-myung", "Ishiba"}))}),
    # relative pronoun objects
    ("Israeli opposition leader Yair Lapid, whom Blinken also met, urged Netanyahu to accept the plan.",
     "2024-06-12", {("meeting", frozenset({"Lapid", "Blinken"}))}),
    # delegations stand for their heads
    ("Ukraine's delegation, headed by Defense Minister Rustem Umerov, met a Russian team led by presidential "
     "aide Vladimir Medinsky in Istanbul on Friday.", "2025-05-16",
     {("meeting", frozenset({"Umerov", "Medinsky"}))}),
    # an agenda without the meeting
    ("A meeting with Niger's military ruler, General Abdourahamane Tiani, is not on Faye's agenda.", "2024-05-31",
     {("meeting", frozenset({"Tiani", "Faye"}))}),
    # a named event is not the meeting reported before
    ("Albanese met Xi in Beijing. Turnbull attended the G20 summit in Hangzhou in 2016.", "2023-11-06",
     {("meeting", frozenset({"Albanese", "Jinping"}))}),
])
def test_group_and_relative_constructions(nlp, text, published, expected):
    found = {(c.type, frozenset(p.name.split()[-1] for p in c.participants)) for c in contacts(text, published)}
    assert expected <= found and not [f for f in found if f not in expected], found


def test_an_undated_lede_reports_the_news_of_the_day(nlp):
    text = ("Putin and Biden hold talks in Geneva\n"
            "Vladimir Putin and Joe Biden held talks in Geneva, the Kremlin said.\n"
            "The two leaders discussed arms control and cyber attacks.\n"
            "Putin and Biden last met in person in March 2011, when Biden visited Moscow.")
    found = {summary(c) for c in contacts(text, published="2021-06-16")}
    assert (frozenset({"Putin", "Biden"}), "meeting", "occurred", "2021-06-16") in found
    assert any(date == "2011-03" for _, _, _, date in found)


@pytest.mark.parametrize("text, pair, date", [
    # an anaphoric day counts from the last day-precise date before it
    ("Finland's president arrives in Tokyo\n"
     "Finnish President Alexander Stubb arrived in Tokyo on Monday for a three-day visit.\n"
     "Later in the day, Stubb held talks with Japanese Prime Minister Shigeru Ishiba.\n"
     "Stubb will travel to Osaka on Wednesday.", {"Stubb", "Ishiba"}, "2025-03-17"),
    ("Mediators visit Khartoum\n"
     "Kenyan envoy Raila Odinga met Sudanese army chief Abdel Fattah al-Burhan on March 3.\n"
     "Three days later, Odinga met Mohamed Hamdan Dagalo in Nairobi.\n"
     "No ceasefire was agreed.", {"Odinga", "Dagalo"}, "2025-03-06"),
    # a definite event takes the date of its earlier mention
    ("Leaders sign pact\n"
     "The leaders of Chile and Peru signed a trade pact at a ceremony in Lima on Saturday.\n"
     "Ahead of the ceremony, Chilean President Gabriel Boric received Peruvian President Dina Boluarte "
     "at his hotel.\n"
     "The pact takes effect next year.", {"Boric", "Boluarte"}, "2025-03-15"),
    # a narrative continuation in the past tense takes the last date
    ("Calls on the crisis\n"
     "Spanish Prime Minister Pedro Sanchez phoned Moroccan King Mohammed VI on Sunday.\n"
     "The call lasted an hour, the palace said.\n"
     "Sanchez then called Algerian President Abdelmadjid Tebboune.\n"
     "Both calls were described as friendly.", {"Sánchez", "Tebboune"}, "2025-03-16"),
])
def test_the_discourse_dates_a_contact_without_a_date_of_its_own(text, pair, date):
    found = {(names, d) for names, _, _, d in map(summary, contacts(text))}
    assert (frozenset(pair), date) in found, found


def test_a_group_that_undergoes_the_contact_is_the_pair_just_named(nlp):
    text = ("Leaders meet in Geneva\n"
            "Egyptian President Abdel Fattah al-Sisi and Turkish President Recep Tayyip Erdogan held talks in "
            "Geneva on Monday.\n"
            "Before the talks, the two leaders were welcomed by Swiss President Karin Keller-Sutter.\n"
            "Erdogan is also set to hold talks with Qatari Emir Tamim bin Hamad Al Thani on Tuesday, the tenth "
            "meeting between the two leaders this year.")
    found = {summary(c)[0] for c in contacts(text)}
    assert frozenset({"el-Sisi", "Erdoğan", "Keller-Sutter"}) in found, found
    assert frozenset({"Erdoğan", "Thani"}) in found, found
    assert not any(len(names) == 3 and "Thani" in names for names in found), found


def test_a_speaker_who_rules_out_contacts_between_two_people_is_not_one_of_them(nlp):
    found = {summary(c)[0] for c in contacts(
        "Kremlin spokesman Dmitry Peskov ruled out any contacts between Putin and Zelensky for now.")}
    assert found == {frozenset({"Putin", "Zelenskyy"})}, found
    hosted = {summary(c)[0] for c in contacts("Turkish President Erdogan hosted talks between Putin and Zelensky.")}
    assert frozenset({"Erdoğan", "Putin", "Zelenskyy"}) in hosted, hosted


def test_people_also_at_the_table_join_the_meeting_just_reported(nlp):
    text = ("Talks in Riyadh\n"
            "Saudi Foreign Minister Faisal bin Farhan met Iranian Foreign Minister Abbas Araghchi in Riyadh on "
            "Monday.\n"
            "Iranian Vice President Mohammad Reza Aref and Saudi Defence Minister Khalid bin Salman were also at "
            "the table.\n"
            "Analysts said the risk of escalation was present in every session.")
    found = {summary(c) for c in contacts(text)}
    assert any({"Araghchi", "Aref", "Salman"} <= names for names, _, _, _ in found), found
    alone = {summary(c) for c in contacts(
        "Iranian Vice President Mohammad Reza Aref and Saudi Defence Minister Khalid bin Salman were also at the "
        "table.")}
    assert not alone, alone


def test_a_headline_semicolon_keeps_a_denial_to_its_own_story(nlp):
    text = ("Ruto meets Tinubu in Abuja; aides deny reports of meeting with Museveni\n"
            "Kenyan President William Ruto met Nigerian President Bola Tinubu in Abuja on Monday.\n"
            "Aides denied that Ruto had met Ugandan President Yoweri Museveni.\n"
            "The two leaders discussed trade.")
    found = {summary(c) for c in contacts(text)}
    assert (frozenset({"Ruto", "Tinubu"}), "meeting", "occurred", "2025-03-17") in found, found
    assert not any(names == frozenset({"Ruto", "Tinubu"}) and status == "denied" for names, _, status, _ in found)


def test_a_repeated_he_in_coordinated_clauses_is_the_same_person(nlp):
    text = ("Biden will hold a bilateral meeting with British Prime Minister Rishi Sunak on Thursday.\n"
            "He'll also see Italian Prime Minister Giorgia Meloni, and he looks forward to meeting Pope Francis.")
    pairs = {summary(c)[0] for c in contacts(text, published="2024-06-11")}
    assert frozenset({"Biden", "Francis"}) in pairs, pairs
    assert frozenset({"Meloni", "Francis"}) not in pairs, pairs


def test_claims_and_purported_contacts_are_possible(nlp):
    found = {summary(c)[1:3] for c in contacts(
        "Some accounts claimed that Sharif and Modi had held an informal meeting in Dubai.")}
    assert found == {("meeting", "possible")}, found
    found = {summary(c)[2] for c in contacts(
        "Video clips purportedly showed Sharif and Modi chatting in the leaders' lounge.")}
    assert found == {"possible"}, found


def test_the_possibility_of_a_summit_is_possible(nlp):
    found = {summary(c)[2] for c in contacts(
        "Regarding the possibility of President Xi Jinping holding a summit with President Joe Biden, the "
        "spokesman said there was nothing to announce.")}
    assert found == {"possible"}, found


def test_a_separate_meeting_or_one_elsewhere_is_not_folded_into_a_larger_one(nlp):
    text = ("Gulf leaders in Washington\n"
            "Trump, Qatari Emir Tamim bin Hamad Al Thani and Saudi Crown Prince Mohammed bin Salman met at the "
            "White House on Tuesday.\n"
            "Trump later held a separate meeting with Tamim bin Hamad Al Thani.\n"
            "Earlier on Tuesday, Trump met Mohammed bin Salman at Blair House.")
    found = {summary(c)[0] for c in contacts(text)}
    assert frozenset({"Trump", "Thani", "Salman"}) in found, found
    assert frozenset({"Trump", "Thani"}) in found, found
    assert frozenset({"Trump", "Salman"}) in found, found


def test_a_visit_hosted_by_someone_pairs_the_guest_with_the_host(nlp):
    found = {summary(c) for c in contacts("Ramaphosa's state visit, hosted by King Charles III, ended on Wednesday.",
                                          published="2022-11-24")}
    assert (frozenset({"Ramaphosa", "III"}), "visit", "occurred", "2022-11-23") in found, found
    text = ("PM meets President Ramaphosa\n"
            "Prime Minister Rishi Sunak welcomed South African President Cyril Ramaphosa to Downing Street today.\n"
            "The leaders reflected on yesterday's state visit hosted by King Charles III.\n"
            "They discussed trade.")
    pairs = {summary(c)[0] for c in contacts(text, published="2022-11-23") if c.type == "visit"}
    assert pairs == {frozenset({"Ramaphosa", "III"})}, pairs


def test_dated_instances_of_repeated_meetings_are_contacts_of_their_own(nlp):
    text = ("Lula and Petro have met five times since 2023, including a summit in Leticia in July 2023 and a "
            "second one in Bogota in April 2024.")
    found = {summary(c) for c in contacts(text)}
    assert (frozenset({"Silva", "Petro"}), "meeting", "occurred", "2023-07") in found, found
    assert (frozenset({"Silva", "Petro"}), "meeting", "occurred", "2024-04") in found, found


def test_a_briefing_answer_claims_the_contact_its_question_asked_about(nlp):
    text = ("Press Briefing by Press Secretary Karoline Leavitt\n"
            "MS. LEAVITT: The President departs for Canada tomorrow to attend the G7 summit.\n"
            "Q: Any chance the President meets Chinese President Xi Jinping at some point this month?\n"
            "MS. LEAVITT: No. There's no plan for that.\n"
            "Q: Will he call Brazilian President Lula da Silva before the summit?\n"
            "MS. LEAVITT: I wouldn't rule out a call, but there's nothing on the schedule.\n"
            "Q: Has the President spoken with Indian Prime Minister Narendra Modi this week?\n"
            "MS. LEAVITT: I have nothing to read out for you today.")
    found = {(names, ctype, status) for names, ctype, status, _ in map(summary, contacts(text, published="2025-06-13"))}
    assert (frozenset({"Trump", "Jinping"}), "meeting", "denied") in found, found
    assert (frozenset({"Trump", "Silva"}), "phone_call", "possible") in found, found
    assert not any("Modi" in names for names, _, _ in found), found
    assert not any("Leavitt" in names for names, _, _ in found), found
    sources = {c.attribution for c in contacts(text, published="2025-06-13")}
    assert sources == {"Karoline Leavitt"}, sources


def test_the_chair_and_attendees_of_an_event_are_at_it_together(nlp):
    text = ("Caribbean leaders meet in Bridgetown\n"
            "Caribbean leaders met behind closed doors on Monday in a retreat chaired by Barbados Prime Minister "
            "Mia Mottley and attended by Jamaica's Andrew Holness and Guyana's Irfaan Ali.\n"
            "They agreed on a joint position.")
    found = {summary(c) for c in contacts(text)}
    assert (frozenset({"Mottley", "Holness", "Ali"}), "meeting", "occurred", "2025-03-17") in found, found


def test_people_who_take_part_or_join_the_chair_are_added_to_a_virtual_summit(nlp):
    text = ("Virtual summit\n"
            "Leaders of the Commonwealth held a summit by videoconference on Monday, chaired by King Charles III.\n"
            "Prime Minister Keir Starmer joined the king in London, while Indian Prime Minister Narendra Modi and "
            "Kenyan President William Ruto were among those who took part from their capitals.\n"
            "The next summit will be held in Samoa.")
    found = {summary(c) for c in contacts(text)}
    assert (frozenset({"III", "Starmer", "Modi", "Ruto"}), "video_call", "occurred", "2025-03-17") in found, found


def test_those_who_accompanied_someone_join_the_contact_just_reported(nlp):
    text = ("Peace mission\n"
            "South African President Cyril Ramaphosa presented a peace plan to Russian President Vladimir Putin in "
            "Moscow on Monday.\n"
            "Senegal's Macky Sall and Zambia's Hakainde Hichilema accompanied Ramaphosa.\n"
            "Foreign Minister Abbas Araghchi, who is accompanying President Masoud Pezeshkian, met British Foreign "
            "Secretary David Lammy.")
    found = {summary(c)[0] for c in contacts(text)}
    assert frozenset({"Ramaphosa", "Putin", "Sall", "Hichilema"}) in found, found
    assert frozenset({"Araghchi", "Lammy"}) in found, found


def test_people_who_sit_in_join_the_meeting_a_delegation_does_not_and_the_two_presidents_are_presidents(nlp):
    text = ("Oval Office meeting\n"
            "Kenyan President William Ruto held an Oval Office meeting with US President Donald Trump on Monday.\n"
            "Vice President JD Vance and Secretary of State Marco Rubio sat in on the meeting, while Ruto was "
            "accompanied by Foreign Minister Musalia Mudavadi and Trade Minister Lee Kinyanjui.\n"
            "The visit had been arranged during a phone call between the two presidents earlier this month.")
    found = {summary(c) for c in contacts(text)}
    assert any(names >= {"Ruto", "Trump", "Vance", "Rubio"} and ctype == "meeting"
               for names, ctype, _, _ in found), found
    # (the ministers who accompany him are his delegation, not participants)
    assert not any(names & {"Mudavadi", "Kinyanjui"} for names, _, _, _ in found), found
    assert (frozenset({"Ruto", "Trump"}), "phone_call", "occurred", "2025-03") in found, found


def test_the_five_leaders_are_the_five_of_the_latest_contact_and_a_visit_in_passing_is_no_contact(nlp):
    text = ("Leaders in Kyiv\n"
            "German Chancellor Friedrich Merz, French President Emmanuel Macron, British Prime Minister Keir Starmer "
            "and Polish Prime Minister Donald Tusk held talks with Zelenskyy in Kyiv on Saturday.\n"
            "During the visit, the five leaders jointly phoned US President Donald Trump.\n"
            "The call lasted an hour.")
    found = {summary(c) for c in contacts(text)}
    assert any(names == {"Merz", "Macron", "Starmer", "Tusk", "Zelenskyy", "Trump"} and ctype == "phone_call"
               for names, ctype, _, _ in found), found
    assert not any(ctype == "visit" and "Trump" in names for names, ctype, _, _ in found), found


def test_a_call_with_hangs_on_the_means(nlp):
    found = {summary(c) for c in contacts(
        "The mission took shape after Ramaphosa spoke separately by phone with Putin and Zelensky in mid-May.",
        published="2023-06-18")}
    assert (frozenset({"Ramaphosa", "Putin"}), "phone_call", "occurred", "2023-05") in found, found
    assert (frozenset({"Ramaphosa", "Zelenskyy"}), "phone_call", "occurred", "2023-05") in found, found


def test_pronouns_follow_the_traveller_through_a_tour(nlp):
    text = ("Wang Yi on regional tour\n"
            "Chinese Foreign Minister Wang Yi arrived in Bangkok on Wednesday.\n"
            "Mr Wang arrived in Vientiane on Tuesday, and his Lao counterpart Saleumxay Kommasith hosted him for "
            "talks.\n"
            "Before that he was in Kuala Lumpur, where he met Malaysian Foreign Minister Hishammuddin Hussein, and "
            "in Phnom Penh, where Prime Minister Hun Sen received him.\n"
            "He will fly on to Singapore on Friday for talks with Foreign Minister Vivian Balakrishnan.")
    pairs = {summary(c)[0] for c in contacts(text, published="2020-10-15")}
    for other in ("Kommasith", "Hussein", "Sen", "Balakrishnan"):
        assert any(names == {"Yi", other} for names in pairs), (other, pairs)


def test_they_with_a_named_object_are_the_people_of_the_trip_and_the_visit_dates_its_calls(nlp):
    text = ("Leaders in Kyiv\n"
            "Chancellor Friedrich Merz, President Emmanuel Macron, Prime Minister Keir Starmer and Prime Minister "
            "Donald Tusk traveled together by train to Kyiv, where they met "
            "President Volodymyr Zelenskyy on Saturday.\n"
            "During the visit, the five leaders jointly phoned US President Donald Trump.\n"
            "Trump backed a ceasefire.")
    found = {summary(c) for c in contacts(text, published="2025-05-11")}
    assert any(len(names) == 6 and ctype == "phone_call" and date == "2025-05-10" for names, ctype, _, date in found), found
    assert any({"Merz", "Zelenskyy"} <= names and date == "2025-05-10" and ctype in ("meeting", "visit")
               for names, ctype, _, date in found), found


def test_the_discourse_does_not_date_plans_in_the_present_or_other_events(nlp):
    text = ("Premier visits Rome\n"
            "Irish Taoiseach Micheal Martin met Italian Prime Minister Giorgia Meloni in Rome on Monday.\n"
            "Martin then heads to Berlin, where he is expected to meet Chancellor Friedrich Merz.\n"
            "Martin and Meloni discussed the spirit of the talks between Prime Minister Keir Starmer and "
            "President Emmanuel Macron.")
    found = {summary(c) for c in contacts(text)}
    assert (frozenset({"Martin", "Meloni"}), "meeting", "occurred", "2025-03-17") in found
    merz = [f for f in found if f[0] == frozenset({"Martin", "Merz"})]
    assert merz and all(status != "occurred" and date != "2025-03-17" for _, _, status, date in merz), merz
    assert all(date != "2025-03-17" for names, _, _, date in found if names == frozenset({"Starmer", "Macron"}))
