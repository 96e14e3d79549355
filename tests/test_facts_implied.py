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
