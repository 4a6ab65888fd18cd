"""A bare title ("the Prime Minister") keeps standing for one person through a text, even after other
holders of that title are named in between. (Sentences written for the project.)"""
from __future__ import annotations

import diplograph

TEXT = ("British Prime Minister Keir Starmer spoke to reporters in London on Monday. "
        "The Prime Minister said he had received calls from Prime Minister Luxon of New Zealand and "
        "Prime Minister Albanese of Australia. "
        "The Prime Minister and Prime Minister Luxon discussed trade.")


def test_the_prime_minister_stays_the_same_after_foreign_prime_ministers_are_named():
    ex = diplograph.extract(TEXT, published="2025-02-10")
    starmer = next(p for p in ex.people if p.name == "Keir Starmer")
    bare = [m.start for m in starmer.mentions if m.text == "The Prime Minister"]
    assert len(bare) == 2 and bare[-1] == TEXT.rindex("The Prime Minister")


def test_calls_received_from_two_leaders_are_two_calls():
    ex = diplograph.extract(TEXT, published="2025-02-10")
    pairs = {frozenset(p.name.split()[-1] for p in c.participants): c.type for c in ex.contacts}
    assert pairs.get(frozenset({"Starmer", "Luxon"})) == "phone_call"
    assert pairs.get(frozenset({"Starmer", "Albanese"})) == "phone_call"
    assert not any(len(k) > 2 for k in pairs)


def test_president_trump_is_the_president_not_the_advisor_to_the_president():
    text = ("President Donald J. Trump spoke today with President Moon Jae-in. "
            "President Trump thanked President Moon for hosting the delegations led by Vice President Mike Pence "
            "and Advisor to the President Ivanka Trump. "
            "President Moon briefed President Trump on the talks.")
    ex = diplograph.extract(text, published="2018-03-01")
    ivanka = next(p for p in ex.people if p.name == "Ivanka Trump")
    assert ivanka.role != "president"
    assert all(m.text != "President Trump" for m in ivanka.mentions)
    assert not any("Ivanka Trump" in {p.name for p in c.participants} for c in ex.contacts)


def test_the_prime_minister_is_the_one_named_without_a_country():
    # "Prime Minister X" bare, the others with a country or as "counterpart": the bare title is X's,
    # not the nearest prime minister's
    text = ("Prime Minister Narendra Modi will hold bilateral meetings on Saturday.\n"
            "He will meet Bangladesh Prime Minister Sheikh Hasina and then his Italian counterpart Giorgia Meloni.\n"
            "Later, the Prime Minister will address the closing session.")
    ex = diplograph.extract(text, published="2023-09-07")
    modi = next(p for p in ex.people if p.name == "Narendra Modi")
    assert any(m.text == "the Prime Minister" for m in modi.mentions), [(p.name, [m.text for m in p.mentions])
                                                                          for p in ex.people]


def test_the_visiting_president_is_the_guest_not_the_host():
    ex = diplograph.extract("Portuguese President Marcelo Rebelo de Sousa arrived on Thursday. President Droupadi "
                            "Murmu will meet the visiting president on Friday evening.", published="2024-02-15")
    pairs = [sorted(p.name.split()[-1] for p in c.participants) for c in ex.contacts]
    assert ["Murmu", "Sousa"] in pairs, pairs
