"""Fixed phrasings read by the facts stage, on new French and English sentences through the real pipeline: mediators
(« en présence de », "brokered by"), terrorist designations, goods of foreign origin, hosting an exercise, and a
demonym adjective carrying its noun's preposition (« en coopération avec les forces russes »)."""

from __future__ import annotations

from veille.model import Document
from veille.pipeline import analyze


def facts_of(text: str, lang: str):
    a = analyze(Document(name="t.txt", text=text, lang=lang, published="2025-10-15"))
    names: dict[str, str] = {}
    for m in a.mentions:
        names.setdefault(m.entity, m.text)
    return a.facts, names


def has(facts, names, rel: str, subj: str, obj: str) -> bool:
    return any(f.relation == rel and subj in names.get(f.subject, "") and obj in names.get(f.object or "", "")
               for f in facts)


def test_mediator_in_presence_of_the_signatories_fr():
    facts, names = facts_of("Le président arménien Nikol Pachinian et le président azerbaïdjanais Ilham Aliyev ont "
                            "signé lundi à Washington une déclaration, en présence de Donald Trump.", "fr")
    assert has(facts, names, "mediates", "Trump", "Pachinian")
    assert has(facts, names, "mediates", "Trump", "Aliyev")
    assert has(facts, names, "mediates", "Trump", "arménien")  # the state the signatory leads


def test_ceasefire_brokered_by_en():
    facts, names = facts_of("The ceasefire between Armenia and Azerbaijan was brokered by Russia in November 2020.",
                            "en")
    assert has(facts, names, "mediates", "Russia", "Armenia")
    assert has(facts, names, "mediates", "Russia", "Azerbaijan")


def test_terrorist_designation_is_opposition():
    facts, names = facts_of("Sweden hosts members of Hamas, which Israel, the European Union and the United States "
                            "regard as a terrorist organisation.", "en")
    assert has(facts, names, "opposes", "European Union", "Hamas")
    assert has(facts, names, "opposes", "United States", "Hamas")
    assert not has(facts, names, "opposes", "Sweden", "Hamas")


def test_goods_of_foreign_origin_are_supplied():
    facts, names = facts_of("La majorité des chars serbes sont d'origine russe.", "fr")
    assert has(facts, names, "supplies", "russe", "serbes")
    facts, names = facts_of("Most of Serbia's tanks are Russian-made.", "en")
    assert has(facts, names, "supplies", "Russian", "Serbia")
    facts, names = facts_of("Des citoyens serbes d'origine russe vivent à Belgrade.", "fr")
    assert not any(f.relation == "supplies" for f in facts)


def test_hosting_an_exercise_is_taking_part():
    facts, names = facts_of("La Géorgie a accueilli en 2016 l'exercice Noble Partner.", "fr")
    assert any(f.relation == "participates_in" and names.get(f.subject) == "Géorgie" for f in facts)
    facts, names = facts_of("Georgia hosted the Noble Partner exercise in 2016.", "en")
    assert any(f.relation == "participates_in" and names.get(f.subject) == "Georgia" for f in facts)
    facts, _ = facts_of("La Turquie accueille des réfugiés syriens depuis 2011.", "fr")
    assert not any(f.relation == "participates_in" for f in facts)


def test_demonym_adjective_takes_its_noun_preposition():
    facts, names = facts_of("La Serbie modernise son armée. Selon Belgrade, la réforme se déroule en étroite "
                            "coopération avec les forces armées russes.", "fr")
    assert has(facts, names, "cooperates_with", "Serbie", "russes") or \
        has(facts, names, "cooperates_with", "Belgrade", "russes")
    facts, names = facts_of("Serbia is modernising its army in close cooperation with Russian forces.", "en")
    assert has(facts, names, "cooperates_with", "Serbia", "Russian")
