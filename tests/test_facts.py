"""Facts extracted through the real pipeline (spaCy parse, linker, time expressions) from French and English
sentences, and on the seed documents when they are present."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.facts import main_actor
from veille.model import Document
from veille.pipeline import analyze

SEEDS = Path(__file__).resolve().parents[2] / "shared/eval/seeds"


def facts_of(text: str, lang: str, published: str | None = "2025-10-15"):
    a = analyze(Document(name="t.txt", text=text, lang=lang, published=published))
    return a, [(f.subject, f.relation, f.object, f.start, f.end) for f in a.facts], a.facts


def test_english_join_with_date():
    _, got, facts = facts_of("Azerbaijan joined NATO's Partnership for Peace in 1994.", "en")
    assert ("Q227", "member_of", "nato-pfp", "1994", None) in got
    f = facts[0]
    assert "joined" in f.quote and "Partnership for Peace" in f.quote and "1994" in f.quote
    assert f.plover == "COOPERATE" and f.trigger == "joined"


def test_english_interval_contribution():
    _, got, _ = facts_of("From 2002 to 2014, Azerbaijan contributed troops to ISAF.", "en")
    assert ("Q227", "contributes_to", "nato-isaf", "2002", "2014") in got


def test_english_threat_and_sanction():
    _, got, facts = facts_of("Russia threatened Armenia. The United States imposed sanctions on Iran in 2018.", "en")
    assert ("Q159", "threatens", "Q399", None, None) in got
    assert ("Q30", "sanctions", "Q794", "2018", None) in got
    assert {f.plover for f in facts} >= {"THREATEN", "SANCTION"}


def test_english_cessation_sets_end_and_commodity():
    _, got, facts = facts_of("Lukoil will stop supplying oil to Azerbaijan from 20 November.", "en")
    sup = [f for f in facts if f.relation == "supplies"]
    assert sup and sup[0].subject == "lukoil" and sup[0].object == "Q227"
    assert sup[0].what == "oil"
    assert sup[0].start is None  # a cessation never sets a start


def test_english_coordination_gives_one_fact_per_member():
    _, got, _ = facts_of("Kazakhstan, Kyrgyzstan and Uzbekistan are members of the Organization of Turkic States.",
                         "en")
    members = {s for s, r, o, *_ in got if r == "member_of" and o == "ots"}
    assert members == {"Q232", "Q813", "Q265"}


def test_french_join_threat_agreement():
    _, got, _ = facts_of("En 2004, la Roumanie a rejoint l'OTAN. La Russie menace l'Ukraine. "
                         "La France et l'Allemagne ont signé un accord de coopération en 2019.", "fr")
    assert ("Q218", "member_of", "Q7184", "2004", None) in got
    assert ("Q159", "threatens", "Q212", None, None) in got
    assert any(r == "agreement_with" and {s, o} == {"Q142", "Q183"} and st == "2019" for s, r, o, st, _ in got)


def test_french_nominalisation_and_le_pays():
    text = ("L'Azerbaïdjan coopère avec l'OTAN. L'adhésion de l'Azerbaïdjan au Partenariat pour la paix en 1994 "
            "a marqué le début de la coopération. Depuis 1995, le pays participe au programme pour la science au "
            "service de la paix et de la sécurité (SPS).")
    a, got, _ = facts_of(text, "fr")
    assert main_actor(a) == "Q227"
    assert ("Q227", "member_of", "nato-pfp", "1994", None) in got
    assert ("Q227", "participates_in", "nato-sps", "1995", None) in got


def test_french_supply_quantity_and_mediation():
    text = ("En août 2025, l'Azerbaïdjan et l'Arménie, avec la médiation des États-Unis, ont signé un accord. "
            "En novembre, la société Lukoil livrera environ 30.000 tonnes de pétrole à l'Arménie.")
    _, got, facts = facts_of(text, "fr")
    assert ("Q30", "mediates", "Q227", "2025-08", None) in got
    assert ("Q30", "mediates", "Q399", "2025-08", None) in got
    sup = [f for f in facts if f.relation == "supplies"]
    assert sup and sup[0].quantity == "30000 t" and sup[0].what == "oil" and sup[0].start == "2025-11"
    for f in facts:  # spans are citations: the quote is the text there and holds the trigger
        assert text[f.span_start:f.span_end] == f.quote and f.trigger in f.quote


@pytest.mark.skipif(not (SEEDS / "docs").is_dir(), reason="seed documents not found at ../shared/eval/seeds")
def test_seed_timeline_of_azerbaijan():
    from veille.ingest import read_paths

    facts = []
    for doc in read_paths([str(SEEDS / "docs")]):
        facts += analyze(doc).facts
    got = {(f.subject, f.relation, f.object, f.start, f.end) for f in facts}
    for expected in [("Q227", "member_of", "nato-nacc", "1992", None),
                     ("Q227", "member_of", "nato-pfp", "1994", None),
                     ("Q227", "participates_in", "nato-sps", "1995", None),
                     ("Q227", "participates_in", "nato-parp", "1997", None),
                     ("Q227", "contributes_to", "nato-kfor", "1999", "2008"),
                     ("Q227", "contributes_to", "nato-isaf", "2002", "2014"),
                     ("Q227", "proposes", "nato-deep", "2018", "2018"),  # a request made once, in 2018
                     ("Q227", "agreement_with", "Q399", "2025-08", None),
                     ("lukoil", "supplies", "Q227", None, "2025-11-20")]:
        assert expected in got, expected
