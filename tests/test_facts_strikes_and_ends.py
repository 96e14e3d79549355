"""Strikes and what ends, on new French and English sentences through the real pipeline: the place a strike hits
when its object is no actor ("bombed the facilities at X"), siege, shelling and killing verbs; a noun qualified by a
place ("the Danube port of Reni"); the end of a tie that expires, collapses or is lifted, while the tie's own date
stays its start; an office told by its fall."""

from __future__ import annotations

from veille.model import Document
from veille.pipeline import analyze


def facts_of(text: str, lang: str, published: str = "2025-08-10"):
    a = analyze(Document(name="t.txt", text=text, lang=lang, published=published))
    names: dict[str, str] = {}
    for m in a.mentions:
        names.setdefault(m.entity, m.text)
    return a.facts, names


def find(facts, names, rel: str, subj: str, obj: str):
    return [f for f in facts if f.relation == rel and subj in names.get(f.subject, "")
            and obj in names.get(f.object or "", "")]


def test_strike_on_sites_named_inside_its_object_en():
    facts, names = facts_of("On 22 June 2025, the United States bombed the enrichment facilities at Fordow and Natanz.",
                            "en")
    for site in ("Fordow", "Natanz"):
        got = find(facts, names, "attacks", "United States", site)
        assert got and got[0].start == "2025-06-22", site


def test_strike_on_a_place_of_the_verb_when_the_object_is_no_actor_en():
    facts, names = facts_of("On 2 August, Russia struck grain silos and warehouses in Izmail.", "en")
    assert [f.start for f in find(facts, names, "attacks", "Russia", "Izmail")] == ["2025-08-02"]


def test_shelling_and_siege_fr():
    facts, names = facts_of("Le 1er août, l'armée russe a pilonné les entrepôts du port d'Izmaïl. Les paramilitaires "
                            "des Forces de soutien rapide assiègent El Fasher depuis mai 2024.", "fr")
    assert find(facts, names, "attacks", "russe", "Izmaïl")
    assert [f.start for f in find(facts, names, "attacks", "Forces de soutien rapide", "El Fasher")] == ["2024-05"]


def test_killing_a_leader_en():
    facts, names = facts_of("Israel killed Hassan Nasrallah in an air strike on 27 September 2024.", "en")
    assert [f.start for f in find(facts, names, "attacks", "Israel", "Nasrallah")] == ["2024-09-27"]


def test_place_qualifying_a_port_en():
    facts, names = facts_of("Russian drones hit the Danube port of Reni on 24 July.", "en")
    assert find(facts, names, "attacks", "Russian", "Reni")
    assert not find(facts, names, "attacks", "Russian", "Danube")
    assert find(facts, names, "located_in", "Reni", "Danube")
    assert not find(facts, names, "located_in", "Danube", "Reni")


def test_comma_port_of_keeps_its_direction_en():
    facts, names = facts_of("Tartus, the main port of Syria, hosts a Russian naval base.", "en")
    assert find(facts, names, "located_in", "Tartus", "Syria")


def test_tie_that_expires_ends_at_its_date_fr():
    facts, names = facts_of("L'accord de transit entre Gazprom et Naftogaz a expiré le 31 décembre 2024.", "fr",
                            "2025-01-02")
    got = find(facts, names, "agreement_with", "Gazprom", "Naftogaz") + \
        find(facts, names, "agreement_with", "Naftogaz", "Gazprom")
    assert got and all(f.end == "2024-12-31" and f.start is None for f in got)


def test_the_ties_own_year_stays_its_start_en():
    facts, names = facts_of("Netanyahu declared that the 1974 disengagement agreement with Syria had collapsed.", "en",
                            "2024-12-10")
    got = [f for f in facts if f.relation == "agreement_with" and "Syria" in (names.get(f.object or "", ""),
                                                                              names.get(f.subject, ""))]
    assert got and all(f.start == "1974" and f.end is None for f in got)


def test_the_ties_own_year_stays_its_start_fr():
    facts, names = facts_of("L'accord de 2019 entre Gazprom et Naftogaz a expiré.", "fr", "2025-01-02")
    got = find(facts, names, "agreement_with", "Gazprom", "Naftogaz")
    assert got and all(f.start == "2019" and f.end is None for f in got)


def test_office_told_by_its_fall_is_dated_by_its_end_fr():
    facts, names = facts_of("Depuis la chute de Bachar al-Assad en Syrie, le 8 décembre 2024, Moscou négocie le "
                            "maintien de ses bases.", "fr", "2025-02-01")
    got = find(facts, names, "leader_of", "Assad", "Syrie")
    assert got and all(f.end == "2024-12-08" and f.start is None for f in got)


def test_blacklisting_detaining_and_barring_are_sanctions():
    facts, names = facts_of("Nine days later the United States blacklisted Burhan himself. India barred Pakistani "
                            "aircraft from its airspace on 30 April.", "en", "2025-05-02")
    assert find(facts, names, "sanctions", "United States", "Burhan")
    assert [f.start for f in find(facts, names, "sanctions", "India", "Pakistan")] == ["2025-04-30"]


def test_the_attacked_antecedent_of_a_relative_stays_the_target():
    facts, names = facts_of("Ukraine, which Russia attacked in February 2022 in the Donbas, resisted.", "en", "2025-01-01")
    assert [f.start for f in find(facts, names, "attacks", "Russia", "Ukraine")] == ["2022-02"]


def test_occupying_a_territory_is_an_attack_holding_a_post_is_not():
    facts, names = facts_of("Russia still occupies Abkhazia and South Ossetia.", "en")
    assert find(facts, names, "attacks", "Russia", "Abkhazia") and find(facts, names, "attacks", "Russia", "South")
    facts, names = facts_of("Kaja Kallas occupe le poste de haute représentante de l'UE depuis 2024.", "fr")
    assert not [f for f in facts if f.relation == "attacks" and f.confidence >= 0.5]


def test_a_fact_dated_by_a_verb_of_ending_ends_then_whatever_found_it():
    facts, names = facts_of("La NTM-I a cessé ses activités en Irak le 31 décembre 2011.", "fr", "2025-01-10")
    got = [f for f in facts if names.get(f.subject, "").startswith("NTM") and f.relation == "located_in"]
    assert got and all(f.end == "2011-12-31" and f.start is None for f in got)
    facts, names = facts_of("L'oléoduc est à l'arrêt depuis mars 2023 après un arbitrage de la Chambre de commerce "
                            "internationale favorable à Bagdad.", "fr", "2025-01-10")
    assert not [f for f in facts if f.end == "2023-03"]  # when the stop began is no end


def test_endorsing_ends_nothing_financing_neither():
    facts, _ = facts_of("In July 2023, on the margins of the Vilnius Summit, the Allies and Japan endorsed an "
                        "Individually Tailored Partnership Programme (ITPP).", "en", "2025-01-10")
    assert facts and not [f for f in facts if f.end == "2023-07" and f.start is None]
    facts, _ = facts_of("En 2023, l'UE a financé la livraison de gaz à la Moldavie.", "fr", "2025-01-10")
    assert not [f for f in facts if f.end and f.start is None]


def test_overthrowing_is_an_attack_a_rival_opposes():
    facts, names = facts_of("Le général Abdourahamane Tiani a renversé le président élu Mohamed Bazoum le 26 juillet "
                            "2023. Ekrem İmamoğlu, principal rival d'Erdoğan, a été arrêté.", "fr")
    assert [f.start for f in find(facts, names, "attacks", "Tiani", "Bazoum")] == ["2023-07-26"]
    assert find(facts, names, "opposes", "İmamoğlu", "Erdoğan")
