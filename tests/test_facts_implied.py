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
