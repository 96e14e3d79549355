"""Participations a text implies without a verb: a joint body's name gives its partner, and on a page about one
country the programmes it names are that country's unless the text gives them to someone else."""

from __future__ import annotations

from veille.model import Document
from veille.pipeline import analyze


def facts_of(text: str, lang: str):
    a = analyze(Document(name="t.txt", text=text, lang=lang, published=None))
    return a.facts


def test_joint_council_has_its_partner_as_member_dated_by_its_creation():
    text = ("La Russie et l'OTAN ont longtemps coopéré. Le Conseil OTAN-Russie, créé en mai 2002 à Rome, "
            "ne s'est plus réuni depuis 2022.")
    facts = facts_of(text, "fr")
    got = [f for f in facts if (f.subject, f.relation, f.object) == ("Q159", "member_of", "nato-nrc")]
    assert got and got[0].start == "2002-05" and "Conseil OTAN-Russie" in got[0].quote


def test_programmes_named_on_a_country_page_are_the_countrys():
    text = ("Moldova has been a NATO partner since 1994. The country values its cooperation with Allies. "
            "Moldova also hosts regular visits. "
            "Through the Defence Education Enhancement Programme, experts help its military academy in Chisinau.")
    facts = facts_of(text, "en")
    got = [f for f in facts if (f.subject, f.object) == ("Q217", "nato-deep")]
    assert got and got[0].relation == "participates_in" and "Defence Education Enhancement Programme" in got[0].quote


def test_a_programme_the_text_gives_to_another_country_is_not_the_page_actors():
    text = ("Moldova has been a NATO partner since 1994. The country values its cooperation with Allies. "
            "Moldova also hosts regular visits. Georgia joined the Science for Peace and Security Programme in 2001.")
    facts = facts_of(text, "en")
    assert any((f.subject, f.object) == ("Q230", "nato-sps") for f in facts)
    assert not any((f.subject, f.object) == ("Q217", "nato-sps") for f in facts)


def test_a_pair_named_again_with_its_own_date_is_stated_again():
    text = ("Armenia signed a Partnership and Cooperation Agreement with the European Union in 1996. "
            "Armenia and the European Union later concluded a visa facilitation deal, in force since January 2014.")
    facts = facts_of(text, "en")
    pair = [f for f in facts if {f.subject, f.object} == {"Q399", "Q458"}]
    assert {"1996", "2014-01"} <= {f.start for f in pair}
    later = next(f for f in pair if f.start == "2014-01")
    assert later.quote.startswith("Armenia and the European Union") and "2014" in later.quote


def test_participle_after_a_body_and_its_place_dates_the_location():
    facts = facts_of("La Mission des Nations unies au Mali (MINUSMA), déployée de 2013 à 2023, a quitté le pays.", "fr")
    got = [f for f in facts if (f.subject, f.relation, f.object) == ("minusma", "located_in", "Q912")]
    assert got and (got[0].start, got[0].end) == ("2013", "2023")


def test_long_name_defined_by_an_acronym_takes_over_the_body_it_names():
    text = "Le Centre d'information et de documentation de l'OTAN (CIDO), ouvert en 1997, a déménagé. Le CIDO publie."
    a = analyze(Document(name="t.txt", text=text, lang="fr", published=None))
    long = next(m for m in a.mentions if m.text.startswith("Centre d'information"))
    assert any(m.text == "CIDO" and m.entity == long.entity for m in a.mentions)
    assert any(f.subject == long.entity and f.relation == "part_of" and f.object == "Q7184" and f.start == "1997"
               for f in a.facts)


def test_a_region_the_kb_places_in_a_named_country_is_part_of_it():
    text = ("La Gagaouzie a organisé un scrutin contesté. Chisinau a dénoncé le vote, "
            "mais la Moldavie reste divisée sur la question.")
    facts = facts_of(text, "fr")
    assert any((f.subject, f.relation, f.object) == ("gagauzia", "part_of", "Q217") for f in facts)


def test_a_city_is_not_read_as_a_region():
    facts = facts_of("Des drones ont frappé Odessa. L'Ukraine a demandé des défenses aériennes.", "fr")
    assert not any(f.relation == "part_of" and f.subject == "odesa" for f in facts)


def test_a_war_sentence_gives_its_onset_and_its_end_and_the_two_countries_are_the_pair_named_as_one():
    text = ("Armenia and Azerbaijan asked for talks last month. Set up in 1992 and co-chaired by France, Russia and "
            "the United States, the group failed. The war between the two countries, which broke out in September "
            "2020, ended on Nov. 10 that year with a ceasefire brokered by Moscow.")
    a = analyze(Document(name="t.txt", text=text, lang="en", published="2025-09-30"))
    war = [f for f in a.facts if f.relation == "attacks" and {f.subject, f.object} == {"Q399", "Q227"}]
    assert war and (war[0].start, war[0].end) == ("2020-09", "2020-11-10")
    assert {("Q159", "Q399"), ("Q159", "Q227")} <= {(f.subject, f.object) for f in a.facts if f.relation == "mediates"}
    assert not any(f.relation == "attacks" and "asked" in f.quote for f in a.facts)


def test_a_framework_agreed_by_two_envoys_pairs_them_not_the_city():
    text = ("Foreign Minister Abbas Araghchi spoke. A framework agreed by Araghchi and IAEA Director General Rafael "
            "Grossi in Cairo on Sept. 9 is now in doubt.")
    facts = facts_of(text, "en")
    assert any({f.subject, f.object} == {"abbas-araghchi", "rafael-grossi"} for f in facts)
    assert not any(f.object == "city:cairo" or f.subject == "city:cairo" for f in facts if f.relation != "located_in")


def test_envoys_agreeing_under_mediation_stand_for_their_state_and_body():
    text = ("Iran and the IAEA disagree. Foreign Minister Abbas Araghchi spoke. A framework agreed by Araghchi and "
            "IAEA Director General Rafael Grossi in Cairo on Sept. 9 with Egyptian mediation is now in doubt.")
    a = analyze(Document(name="t.txt", text=text, lang="en", published="2025-09-30"))
    got = {(f.subject, f.relation, f.object, f.start) for f in a.facts}
    assert ("Q794", "agreement_with", "Q826700", "2025-09-09") in got
    assert {("Q79", "mediates", "Q794", "2025-09-09"), ("Q79", "mediates", "Q826700", "2025-09-09")} <= got


def test_the_group_stands_for_the_body_named_before():
    text = ("The OSCE set up the Minsk Group in 1992. "
            "The group was co-chaired by France, Russia and the United States.")
    facts = facts_of(text, "en")
    chairs = {f.subject for f in facts if f.relation == "leader_of" and f.object == "osce-minsk-group"}
    assert {"Q142", "Q159", "Q30"} <= chairs


def test_a_body_founded_by_a_body_is_part_of_it_states_founding_one_are_members():
    facts = facts_of("The OSCE set up the Minsk Group in 1992. Kazakhstan and Russia founded the CSTO in 2002.", "en")
    got = {(f.subject, f.relation, f.object) for f in facts}
    assert ("osce-minsk-group", "part_of", "Q81299") in got
    assert {("Q232", "member_of", "csto"), ("Q159", "member_of", "csto")} <= got


def test_who_followed_did_what_was_just_told_at_its_own_date():
    facts = facts_of("Finland joined NATO in April 2023. Sweden followed in March 2024.", "en")
    assert any((f.subject, f.relation, f.object, f.start) == ("Q34", "member_of", "Q7184", "2024-03") for f in facts)
    fr = facts_of("La Finlande a adhéré à l'OTAN en avril 2023. La Suède a suivi en mars 2024.", "fr")
    assert any((f.subject, f.relation, f.object, f.start) == ("Q34", "member_of", "Q7184", "2024-03") for f in fr)
