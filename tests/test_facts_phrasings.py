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


def test_each_item_of_a_threat_list_threatens_the_intro_actor():
    text = ("La Moldavie fait face à deux menaces majeures :\n"
            ". la Russie qui soutient les séparatistes de l'est du pays,\n"
            ". la Biélorussie qui accueille des troupes étrangères.\n"
            "Le gouvernement de Chisinau cherche des appuis.")
    facts, names = facts_of(text, "fr")
    assert has(facts, names, "threatens", "Russie", "Moldavie")
    assert has(facts, names, "threatens", "Biélorussie", "Moldavie")
    text = ("Finland faces three threats:\n- Russia, which has massed troops on the border;\n"
            "- Belarus, which hosts Russian missiles.\nHelsinki has joined NATO.")
    facts, names = facts_of(text, "en")
    assert has(facts, names, "threatens", "Russia", "Finland")
    assert has(facts, names, "threatens", "Belarus", "Finland")


def test_later_supply_without_recipient_repeats_the_previous_one():
    text = ("En janvier, Gazprom livrera 2 millions de mètres cubes de gaz à la Serbie, et à partir de mars, "
            "il redirigera tout le volume restant.")
    facts, names = facts_of(text, "fr")
    dates = {f.start for f in facts if f.relation == "supplies" and names.get(f.subject) == "Gazprom"
             and names.get(f.object) == "Serbie"}
    assert {"2026-01", "2026-03"} <= dates or len(dates) >= 2
    text = "In May, Gazprom will deliver gas to Serbia. From June, it will redirect the whole volume."
    facts, names = facts_of(text, "en")
    assert len([f for f in facts if f.relation == "supplies" and names.get(f.object) == "Serbia"]) >= 2


def test_route_is_located_in_the_places_it_crosses():
    facts, names = facts_of("Le gazoduc Blue Stream, qui traverse la mer Noire jusqu'à la Turquie, permet à la "
                            "Russie d'exporter du gaz.", "fr")
    assert has(facts, names, "located_in", "Blue Stream", "Turquie")
    facts, names = facts_of("The Middle Corridor, which passes through Kazakhstan and Georgia, links China to "
                            "Europe.", "en")
    assert has(facts, names, "located_in", "Middle Corridor", "Kazakhstan") or \
        has(facts, names, "located_in", "Corridor", "Georgia")


def test_invasion_and_annexation_of_a_country_are_attacks():
    facts, names = facts_of("Following Russia's illegal annexation of Crimea in March 2014, the parliament voted.",
                            "en")
    f = next((f for f in facts if f.relation == "attacks" and names.get(f.subject) == "Russia"), None)
    assert f is not None and f.start == "2014-03"
    facts, names = facts_of("Après l'invasion russe de l'Ukraine en février 2022, la Finlande a rejoint l'OTAN.",
                            "fr")
    assert has(facts, names, "attacks", "russe", "Ukraine")
    assert not has(facts, names, "attacks", "Ukraine", "russe")


def test_the_owner_of_a_will_or_decision_is_who_acts_in_its_infinitive():
    from veille.model import Document
    from veille.pipeline import analyze
    for text, lang in (("En 2022, les Alliés ont salué la volonté de l'Arménie de normaliser ses relations avec la "
                        "Turquie.", "fr"),
                       ("In 2022, Allies welcomed Armenia's decision to normalise relations with Turkey.", "en")):
        a = analyze(Document(name="t.txt", text=text, lang=lang, published=None))
        # the rules' reading (the learned layer, confidence 0.45 at most, may still guess a pair with less care)
        pairs = {frozenset((f.subject, f.object)) for f in a.facts if f.confidence > 0.45}
        assert frozenset(("Q399", "Q43")) in pairs
        assert frozenset(("Q7184", "Q43")) not in pairs


def test_suspended_imports_of_foreign_goods_end_the_origins_supply_and_a_warning_threatens():
    from veille.model import Document
    from veille.pipeline import analyze
    a = analyze(Document(name="t.txt", text="Le Kremlin a suspendu le 3 octobre les importations de produits agricoles "
                         "azerbaïdjanais. Moscou a averti Bakou qu'il ne tolérerait pas de bases étrangères.",
                         lang="fr", published="2025-11-15"))
    got = {(f.subject, f.relation, f.object, f.end) for f in a.facts}
    assert ("Q227", "supplies", "Q159", "2025-10-03") in got
    assert not any(s == "Q159" and r == "supplies" for s, r, o, e in got)
    assert any((s, r, o) == ("Q159", "threatens", "Q227") for s, r, o, e in got)
    b = analyze(Document(name="t.txt", text="L'AIEA a averti que les stocks augmentaient.", lang="fr", published=None))
    assert not any(f.relation == "threatens" for f in b.facts)


def test_joint_drills_tie_their_parties_and_locate_no_state():
    from veille.model import Document
    from veille.pipeline import analyze
    a = analyze(Document(name="t.txt", text="China and Russia held joint naval drills in the Sea of Japan in July.",
                         lang="en", published="2025-11-01"))
    assert any({f.subject, f.object} == {"Q148", "Q159"} and f.relation == "cooperates_with" and f.start == "2025-07"
               for f in a.facts)
    assert not any(f.relation == "located_in" and f.subject in ("Q148", "Q159") for f in a.facts)


def test_ties_with_a_state_are_cooperation_and_summoning_its_ambassador_opposes_it():
    from veille.model import Document
    from veille.pipeline import analyze
    a = analyze(Document(name="t.txt", text="Moscou a convoqué lundi l'ambassadeur d'Azerbaïdjan. Bakou a renforcé ses "
                         "liens avec Ankara depuis 2020.", lang="fr", published="2025-11-01"))
    got = {(f.subject, f.relation, f.object) for f in a.facts}
    assert ("Q159", "opposes", "Q227") in got
    assert ("Q227", "cooperates_with", "Q43") in got or ("Q43", "cooperates_with", "Q227") in got


def test_a_pipeline_carries_its_goods_home_states_supply_to_the_recipient():
    from veille.model import Document
    from veille.pipeline import analyze
    for text, lang in (("Since 2020, the Trans Adriatic Pipeline has carried Azerbaijani gas to Italy.", "en"),
                       ("Depuis 2020, le gazoduc transadriatique (TAP) achemine le gaz azerbaïdjanais vers l'Italie.",
                        "fr")):
        a = analyze(Document(name="t.txt", text=text, lang=lang, published=None))
        got = {(f.subject, f.relation, f.object) for f in a.facts}
        assert {("tap", "supplies", "Q38"), ("Q227", "supplies", "Q38")} <= got
        assert ("tap", "supplies", "Q227") not in got


def test_a_capital_receiving_stands_for_its_state_and_a_host_mediates_the_parties():
    from veille.model import Document
    from veille.pipeline import analyze
    a = analyze(Document(name="t.txt", text="La Russie est en guerre. Téhéran fournit depuis 2022 des drones Shahed à "
                         "Moscou. L'Égypte a accueilli les négociations entre l'Iran et l'AIEA.", lang="fr",
                         published=None))
    got = {(f.subject, f.relation, f.object) for f in a.facts}
    assert ("Q794", "supplies", "Q159") in got
    assert {("Q79", "mediates", "Q794"), ("Q79", "mediates", "Q826700")} <= got
    assert ("Q794", "mediates", "Q79") not in got


def test_the_city_where_a_named_leader_sits_is_no_target():
    from veille.model import Document
    from veille.pipeline import analyze
    a = analyze(Document(name="t.txt", text="Le Mali rompt avec la France. La junte du colonel Assimi Goïta à Bamako a "
                         "expulsé l'ambassadeur en janvier 2022.", lang="fr", published=None))
    assert not any(f.object in ("city:bamako", "Q912") and f.relation == "opposes" for f in a.facts)
    assert any(f.relation == "leader_of" and f.object == "Q912" for f in a.facts)


def test_taking_part_in_an_organisation_or_a_partnership_is_membership():
    facts, names = facts_of("Uzbekistan has taken part in the EAPC since 1997.", "en")
    assert any(f.relation == "member_of" and f.start == "1997" and "Uzbekistan" in names[f.subject] and
               names.get(f.object or "") == "EAPC" for f in facts)
    facts, names = facts_of("Depuis 2009, la Moldova participe au Partenariat oriental.", "fr")
    assert has(facts, names, "member_of", "Moldova", "Partenariat oriental")
    assert not has(facts, names, "participates_in", "Moldova", "Partenariat oriental")


def test_a_copula_membership_takes_the_date_of_its_clause():
    facts, names = facts_of("Helsinki est devenu le 31e membre de l'Alliance le 4 avril 2023.", "fr")
    assert any(f.relation == "member_of" and f.start == "2023-04-04" and names[f.subject] == "Helsinki" and
               names.get(f.object or "") == "Alliance" for f in facts)


def test_a_framework_noun_frames_only_after_its_preposition():
    facts, names = facts_of("La Géorgie participe aux exercices dans le cadre du PARP.", "fr")
    assert has(facts, names, "participates_in", "Géorgie", "PARP")
    facts, names = facts_of("Depuis 2009, la Moldova participe au Partenariat oriental, le cadre de coopération de "
                            "l'UE.", "fr")
    assert not any(f.trigger == "cadre" and "Moldova" in names[f.subject] for f in facts)


def test_il_before_a_status_noun_stands_for_the_main_actor_even_when_parsed_impersonal():
    a = analyze(Document(name="t.txt", lang="fr", published="2025-10-15", text=(
        "Relations avec la Mongolie\nLa Mongolie est l'un des partenaires mondiaux de l'OTAN. Il est en outre "
        "membre du Forum régional de l'ASEAN depuis 1998 et observateur auprès de l'OCS depuis 2004. Il est "
        "possible que la Russie proteste.")))
    assert any(f.subject == "Q711" and f.relation == "observer_of" and f.object == "sco" for f in a.facts)
    # the predicate noun's own subject is the member; « du Forum » is the body, not who acts
    assert any(f.subject == "Q711" and f.relation == "member_of" and f.object == "asean-arf" for f in a.facts)
    assert not any(f.subject == "asean-arf" and f.relation == "member_of" for f in a.facts)
    assert not any(f.subject == "Q711" and f.object == "Q159" for f in a.facts)  # « Il est possible que »


def test_actors_listed_alongside_the_subject_share_its_relation():
    facts, names = facts_of("La Mongolie est l'un des partenaires mondiaux de l'OTAN, aux côtés de l'Australie, "
                            "de la Colombie et du Japon.", "fr")
    for partner in ("Mongolie", "Australie", "Colombie", "Japon"):
        assert has(facts, names, "partner_of", partner, "OTAN"), partner


def test_a_demonym_or_a_possessive_before_a_company_noun_places_the_company():
    facts, names = facts_of("Astana picked Russia's state nuclear corporation Rosatom over the French group Orano, "
                            "and the Russian company Stroytransgaz lost its pipeline contract.", "en")
    assert has(facts, names, "located_in", "Rosatom", "Russia")
    assert has(facts, names, "located_in", "Orano", "French")
    assert has(facts, names, "located_in", "Stroytransgaz", "Russia")
    # the demonym belongs to the group after it, not to the company before it
    assert not has(facts, names, "located_in", "Rosatom", "French")


def test_breaking_off_relations_ends_them():
    a = analyze(Document(name="t.txt", text="Le Mali a rompu en août 2024 ses relations diplomatiques avec l'Ukraine.",
                         lang="fr", published="2025-10-15"))
    ended = [f for f in a.facts if f.relation == "partner_of"]
    assert ended and all(f.start is None and f.end == "2024-08" for f in ended)


def test_an_office_is_dated_by_how_it_began_or_ended():
    facts, names = facts_of("Le président tchadien Mahamat Idriss Déby, porté au pouvoir par l'armée en avril 2021, a "
                            "reçu l'envoyé. Depuis le renversement du président nigérien Mohamed Bazoum, le 26 juillet "
                            "2023, la junte gouverne.", "fr")
    deby = [f for f in facts if f.relation == "leader_of" and "Déby" in names.get(f.subject, "")]
    assert deby and deby[0].start == "2021-04" and deby[0].end is None
    bazoum = [f for f in facts if f.relation == "leader_of" and "Bazoum" in names.get(f.subject, "")]
    assert bazoum and bazoum[0].start is None and bazoum[0].end == "2023-07-26"
    facts, names = facts_of("Georgian Prime Minister Irakli Kobakhidze, in post since February 2024, met the envoy.",
                            "en")
    assert any(f.relation == "leader_of" and f.start == "2024-02" for f in facts)


def test_relations_without_direction_read_from_the_first_named_or_the_state():
    facts, names = facts_of("Le Caire a signé un accord de coopération militaire avec la Somalie en août 2024. "
                            "Ankara avait par ailleurs conclu en février 2024 avec Mogadiscio un accord-cadre de défense.",
                            "fr")
    assert has(facts, names, "agreement_with", "Caire", "Somalie")
    assert has(facts, names, "agreement_with", "Ankara", "Somalie")  # Mogadiscio stands for Somalia
    assert not has(facts, names, "agreement_with", "Somalie", "Caire")
    assert not has(facts, names, "agreement_with", "Somalie", "Ankara")
    facts, names = facts_of("In May 2014, NATO and Japan agreed an Individual Partnership and Cooperation Programme.",
                            "en")
    agreements = {(names.get(f.subject), names.get(f.object)) for f in facts if f.relation == "agreement_with"}
    assert ("Japan", "NATO") in agreements and ("NATO", "Japan") not in agreements


def test_attending_a_schools_courses_or_a_bodys_meetings_is_participation_not_membership():
    facts, names = facts_of("Uzbek officers attend courses at the NATO School in Oberammergau. Officials from "
                            "Uzbekistan regularly attend EAPC meetings.", "en")
    assert has(facts, names, "participates_in", "Uzbek", "NATO School")
    assert has(facts, names, "participates_in", "Uzbek", "EAPC")
    assert not any(f.relation == "member_of" for f in facts)


def test_forces_sent_to_a_region_are_located_there():
    facts, names = facts_of("Zelensky said 11,000 North Korean troops had been deployed to the Kursk region.", "en")
    assert has(facts, names, "located_in", "North Korea", "Kursk")
    assert not has(facts, names, "supports", "North Korea", "Kursk")


def test_a_states_body_named_with_its_possessive_is_part_of_it_and_no_object_of_its_verb():
    facts, names = facts_of("Azerbaijan's Ministry of Foreign Affairs condemned the raid. Russia's Federal Security "
                            "Service (FSB) detained them.", "en")
    assert has(facts, names, "part_of", "Ministry of Foreign Affairs", "Azerbaijan")
    assert has(facts, names, "part_of", "Federal Security Service", "Russia")
    assert not has(facts, names, "opposes", "Ministry of Foreign Affairs", "Azerbaijan")


def test_a_named_agreement_relates_its_parties_at_the_date_it_was_signed():
    facts, names = facts_of("L'accord d'association entre l'UE et la Géorgie, qui comprend une zone de libre-échange "
                            "approfondi et complet, a été signé le 27 juin 2014.", "fr")
    signed = [f for f in facts if f.relation == "agreement_with" and {names.get(f.subject), names.get(f.object)} ==
              {"UE", "Géorgie"}]
    assert signed and signed[0].start == "2014-06-27"
    facts, names = facts_of("A trilateral memorandum between Türkiye, Finland and Sweden, signed in Madrid on 28 June "
                            "2022, cleared the way, and the following day Allied leaders invited both countries.", "en")
    pacts = [f for f in facts if f.relation == "agreement_with"]
    assert len(pacts) == 3 and all(f.start == "2022-06-28" for f in pacts)


def test_protests_disputes_and_standoffs_are_opposition():
    facts, _ = facts_of("China has been locked in a standoff with the Philippines since 2012. Italy protested to "
                        "Israel on 3 March 2024.", "en")
    got = {(f.subject, f.relation, f.object) for f in facts}
    assert ("Q148", "opposes", "Q928") in got and ("Q38", "opposes", "Q801") in got
    facts, _ = facts_of("L'Égypte, en conflit ouvert avec l'Éthiopie, a boycotté la réunion.", "fr")
    assert ("Q79", "opposes", "Q115") in {(f.subject, f.relation, f.object) for f in facts}


def test_facilitating_talks_between_two_parties_is_mediation():
    facts, _ = facts_of("Oman facilitated talks between Iran and Saudi Arabia in 2021.", "en")
    got = {(f.subject, f.relation, f.object) for f in facts}
    assert ("Q842", "mediates", "Q794") in got and ("Q842", "mediates", "Q851") in got
    facts, _ = facts_of("Catherine Ashton, qui facilite le dialogue entre Belgrade et Pristina, a salué l'accord.", "fr")
    assert ("catherine-ashton", "mediates", "Q403") in {(f.subject, f.relation, f.object) for f in facts}


def test_a_dated_one_off_event_ends_when_it_starts_a_tie_does_not():
    facts, _ = facts_of("Erdogan met Putin in Sochi on 4 September 2023. Russia has opposed NATO since 2008. Finland "
                        "joined NATO in April 2023.", "en")
    got = {(f.subject, f.relation, f.object): (f.start, f.end) for f in facts}
    assert got[("Q39259", "meets", "Q7747")] == ("2023-09-04", "2023-09-04")
    assert got[("Q159", "opposes", "Q7184")] == ("2008", None)  # « since »: still going on
    assert got[("Q33", "member_of", "Q7184")] == ("2023-04", None)


def test_acting_at_a_summit_is_taking_part_in_it():
    facts, names = facts_of("Lors du sommet de Lisbonne, en novembre 2010, le président afghan Hamid Karzaï a obtenu "
                            "un calendrier de transition.", "fr")
    got = [f for f in facts if f.relation == "participates_in" and "Karzaï" in names.get(f.subject, "")]
    assert got and "Lisbonne" in names.get(got[0].object, "") and got[0].start == "2010-11"
    assert got[0].end == "2010-11"  # a summit is over when it is over: a one-off event
    facts, names = facts_of("At the Russia-Africa summit in St Petersburg on 27 July 2023, Vladimir Putin promised "
                            "free grain to six African states.", "en")
    assert has(facts, names, "participates_in", "Putin", "summit")


def test_a_summit_that_set_up_a_programme_is_not_where_its_members_went():
    facts, names = facts_of("En 2014, la Moldavie a été associée à l'Initiative de renforcement des capacités de "
                            "défense, lancée au sommet du pays de Galles.", "fr")
    assert not any(f.relation == "participates_in" and "Galles" in names.get(f.object or "", "") and f.confidence > 0.45
                   for f in facts)  # (the learned layer, below 0.45, may still guess the pair)


def test_every_broker_of_a_ceasefire_mediates():
    facts, names = facts_of("The ceasefire between Israel and Hezbollah was brokered by the United States and France.",
                            "en")
    for broker in ("United States", "France"):
        for party in ("Israel", "Hezbollah"):
            assert has(facts, names, "mediates", broker, party), (broker, party)


def test_a_facilitated_dialogue_and_a_host_of_rounds_of_talks():
    facts, names = facts_of("Kurti and Vucic met again within the EU-facilitated dialogue between Serbia and Kosovo.",
                            "en")
    assert has(facts, names, "mediates", "EU", "Serbia") and has(facts, names, "mediates", "EU", "Kosovo")
    facts, names = facts_of("De 2021 à 2022, l'Irak a accueilli à Bagdad cinq séries de pourparlers entre l'Iran et "
                            "l'Arabie saoudite.", "fr")
    assert has(facts, names, "mediates", "Irak", "Iran") and has(facts, names, "mediates", "Irak", "Arabie")
