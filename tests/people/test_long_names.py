"""Long names with a dynasty's name, outlets' names inside names, headlines ending in an abbreviation
(sentences written for the project)."""
from __future__ import annotations

import diplograph
from diplograph.resources.gazetteer import Gazetteer

TEXT = ("Kuwait Amir Welcomes Visiting Swiss Pres.\n"
        "KUWAIT, Feb 2 -- His Highness the Amir, Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah, received on Monday "
        "at Bayan Palace the President of the Swiss Confederation, Guy Parmelin. The meeting was attended by "
        "Crown Prince Sheikh Sabah Khaled Al-Hamad Al-Sabah and Prime Minister Sheikh Ahmad Abdullah Al-Ahmad "
        "Al-Sabah. Daily Sabah reported the visit.")


def _people():
    return {p.name: p.role for p in diplograph.parse(TEXT, published="2026-02-03")._.people}


def test_a_spelling_of_the_emir_s_name_is_the_emir_not_his_brother():
    people = _people()
    assert people.get("Mishal Al-Ahmad Al-Jaber Al-Sabah") == "emir", people
    assert "Nawaf Al-Ahmad Al-Jaber Al-Sabah" not in people, people


def test_relatives_sharing_the_dynasty_name_stay_apart():
    people = _people()
    assert people.get("Sabah Khaled Al-Hamad Al-Sabah") == "crown prince", people
    assert people.get("Ahmad Abdullah Al-Ahmad Al-Sabah") == "prime minister", people
    assert "Jaber Al-Mubarak Al-Hamad Al-Sabah" not in people and "Hamad bin Isa Al Khalifa" not in people, people


def test_a_headline_ending_in_an_abbreviation_names_no_one():
    assert not any("Visiting" in name for name in _people())


def test_names_without_the_first_given_name_skip_a_dynasty_prefix():
    g = Gazetteer([{"id": "p:a", "name": "Nawaf Al-Ahmad Al-Jaber Al-Sabah", "country": "KWT", "terms": []},
                   {"id": "p:b", "name": "Ali Akbar Velayati", "country": "IRN", "terms": []}])
    assert g.by_name("Al-Ahmad Al-Jaber Al-Sabah") == []
    assert [p.id for p in g.by_name("Akbar Velayati")] == ["p:b"]


def test_a_title_word_inside_a_person_s_name_belongs_to_the_name():
    doc = diplograph.parse("On Sunday, Iranian Foreign Minister Hossein Amir Abdollahian received his Turkish "
                           "counterpart Hakan Fidan in Tehran.", published="2023-09-04")
    people = {p.name: p.country for p in doc._.people}
    assert people.get("Hossein Amir-Abdollahian") == "IRN" and "Hossein" not in people, people
