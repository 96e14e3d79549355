"""Temporal expressions: table-driven cases in French and English, no false dates, and the two seed notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.time import TimexIndex, extract, extract_in_span, infer_anchor

SEEDS = Path(__file__).resolve().parents[2] / "shared/eval/seeds/docs"
A = "2025-11-06"  # a Thursday

# (lang, sentence, anchor, [(span text, value), …]) — every timex of the sentence, in order
CASES = [
    ("fr", "Les relations ont débuté en 1992 lorsque le pays a adhéré.", None, [("en 1992", "1992")]),
    ("fr", "Depuis 1995, l'Azerbaïdjan participe au programme.", None,
     [("Depuis 1995", {"from": "1995", "to": None})]),
    ("fr", "De 1999 à 2008, des soldats ont participé à la KFOR.", None,
     [("De 1999 à 2008", {"from": "1999", "to": "2008"})]),
    ("fr", "À partir de 2002 et jusqu'à la fin de l'opération dirigée par l'OTAN en Afghanistan, en 2014, le pays "
           "a contribué.", None,
     [("À partir de 2002", {"from": "2002", "to": "2014"}), ("en 2014", "2014")]),
    ("fr", "Notamment, début octobre, le président a proposé des manœuvres.", "2025", [("début octobre", "2025-10")]),
    ("fr", "À partir du 20 novembre, Lukoil cessera de fournir du pétrole.", "2025-10",
     [("À partir du 20 novembre", {"from": "2025-11-20", "to": None})]),
    ("fr", "En août 2025, les deux pays ont signé un accord.", None, [("En août 2025", "2025-08")]),
    ("fr", "En novembre, la société livrera du pétrole et, à partir de décembre, elle redirigera tout.", "2025-10",
     [("En novembre", "2025-11"), ("à partir de décembre", {"from": "2025-12", "to": None})]),
    ("fr", "En novembre, le pays a signé un accord.", "2025-03-10", [("En novembre", "2024-11")]),
    ("fr", "Mardi, le ministre a rencontré son homologue.", A, [("Mardi", "2025-11-04")]),
    ("fr", "Mardi prochain, le ministre rencontrera son homologue.", A, [("Mardi prochain", "2025-11-11")]),
    ("fr", "L'accord a été signé le 13 août 2025 à Washington.", None, [("le 13 août 2025", "2025-08-13")]),
    ("fr", "Voir l'article du 30 septembre 2025.", None, [("du 30 septembre 2025", "2025-09-30")]),
    ("fr", "Le traité entre en vigueur le 1er janvier.", "2025-11", [("le 1er janvier", "2026-01-01")]),
    ("fr", "Au cours des années 1990, la région a connu des guerres.", None,
     [("Au cours des années 1990", {"from": "1990", "to": "1999"})]),
    ("fr", "Fin 2023, l'armée a lancé une offensive.", None, [("Fin 2023", "2023")]),
    ("fr", "La mission devrait s'achever mi-2024.", None, [("mi-2024", "2024")]),
    ("fr", "L'an dernier, les exportations ont chuté.", A, [("L'an dernier", "2024")]),
    # a month with a year relative to the writing is one expression, in either order
    ("en", "Kim Jong Un met Putin at the cosmodrome in September last year.", A,
     [("in September last year", "2024-09")]),
    ("en", "The talks resumed in March of next year, officials said.", A, [("in March of next year", "2026-03")]),
    ("en", "The deal was signed September last year.", A, [("September last year", "2024-09")]),
    ("fr", "Le traité a été signé en mars de l'année dernière.", A, [("en mars de l'année dernière", "2024-03")]),
    ("fr", "L'an dernier, au mois de mars, le pays a rompu ses relations.", A,
     [("L'an dernier, au mois de mars", "2024-03")]),
    ("fr", "La centrale a fermé fin de l'année dernière.", A, [("fin de l'année dernière", "2024")]),
    ("fr", "Les troupes partiront au début de l'année prochaine.", A, [("au début de l'année prochaine", "2026")]),
    ("fr", "L'année dernière, les exportations ont chuté.", A, [("L'année dernière", "2024")]),
    ("fr", "Hier, le Kremlin a réagi.", A, [("Hier", "2025-11-05")]),
    ("fr", "Aujourd'hui, le Kremlin réagit.", A, [("Aujourd'hui", "2025-11-06")]),
    ("fr", "Cette année, le budget augmente.", A, [("Cette année", "2025")]),
    ("fr", "Le mois dernier, le budget a augmenté.", A, [("Le mois dernier", "2025-10")]),
    ("fr", "La semaine dernière, le ministre a parlé.", A,
     [("La semaine dernière", {"from": "2025-10-27", "to": "2025-11-02"})]),
    ("fr", "Il y a deux ans, la guerre a éclaté.", A, [("Il y a deux ans", "2023")]),
    ("fr", "Entre 2002 et 2014, le pays a contribué.", None, [("Entre 2002 et 2014", {"from": "2002", "to": "2014"})]),
    ("fr", "Du 3 au 5 mars 2024, un exercice a eu lieu.", None,
     [("Du 3 au 5 mars 2024", {"from": "2024-03-03", "to": "2024-03-05"})]),
    ("fr", "Du 3 mars au 5 avril 2024, un exercice a eu lieu.", None,
     [("Du 3 mars au 5 avril 2024", {"from": "2024-03-03", "to": "2024-04-05"})]),
    ("fr", "Le programme court jusqu'en 2030.", None, [("jusqu'en 2030", {"from": None, "to": "2030"})]),
    ("fr", "Dès 2014, la Russie a annexé la Crimée.", None, [("Dès 2014", {"from": "2014", "to": None})]),
    ("fr", "La période 2019-2021 a été difficile.", None, [("2019-2021", {"from": "2019", "to": "2021"})]),
    ("fr", "Au printemps 2024, l'offensive a commencé.", None, [("printemps 2024", {"from": "2024-03", "to": "2024-05"})]),
    ("fr", "Le sommet de 2014 a eu lieu au pays de Galles.", None, [("2014", "2014")]),
    ("fr", "Le document date du 14/07/2023.", None, [("du 14/07/2023", "2023-07-14")]),
    ("fr", "Le PPP de 1994 a marqué le début de la coopération.", None, [("1994", "1994")]),
    ("fr", "Avant 2020, la situation était stable.", None, [("Avant 2020", "2020")]),
    ("fr", "Au XXe siècle, la région a changé.", None, [("XXe siècle", {"from": "1900", "to": "1999"})]),
    # no false dates
    ("fr", "Novorossiysk sur la mer Noire d'où il sera exporté.", A, []),
    ("fr", "Il a souligné sa volonté (1) de coopérer.", A, []),
    ("fr", "Une zone de 5,68 millions de mètres carrés.", None, []),
    ("fr", "La société livrera environ 30.000 tonnes de pétrole, soit quelques 130.000 tonnes.", None, []),
    ("fr", "Le projet a permis d'éliminer 640 000 dispositifs explosifs.", None, []),
    ("fr", "La croissance atteint 2,5 % cette fois.", None, []),
    ("fr", "Le pays a déployé 1500 soldats et 2000 hommes.", None, []),
    ("fr", "Voir p. 2012 du rapport.", None, []),
    ("fr", "Plus de 2000 véhicules ont été livrés.", None, []),
    ("fr", "Ces dernières années, les relations se sont dégradées.", A, []),
    ("fr", "Le mardi est un jour comme un autre en novembre.", None, []),
    # English
    ("en", "In March 2012, the alliance agreed on a plan.", None, [("In March 2012", "2012-03")]),
    ("en", "Since 2017, the country has hosted troops.", None, [("Since 2017", {"from": "2017", "to": None})]),
    ("en", "From 2002 to 2014, Azerbaijan contributed to ISAF.", None,
     [("From 2002 to 2014", {"from": "2002", "to": "2014"})]),
    ("en", "Between 2002 and 2014, Azerbaijan contributed.", None,
     [("Between 2002 and 2014", {"from": "2002", "to": "2014"})]),
    ("en", "Last week, the ministers met in Brussels.", A,
     [("Last week", {"from": "2025-10-27", "to": "2025-11-02"})]),
    ("en", "The deal was signed on 4 July 2025 in Baku.", None, [("on 4 July 2025", "2025-07-04")]),
    ("en", "The deal was signed July 4, 2025 in Baku.", None, [("July 4, 2025", "2025-07-04")]),
    ("en", "In early October, the president proposed joint drills.", "2025-11", [("In early October", "2025-10")]),
    ("en", "In the 1990s, the region saw several wars.", None, [("In the 1990s", {"from": "1990", "to": "1999"})]),
    ("en", "Yesterday, the Kremlin responded.", A, [("Yesterday", "2025-11-05")]),
    ("en", "On Tuesday, the minister met his counterpart.", A, [("On Tuesday", "2025-11-04")]),
    ("en", "The 2019-2021 period was hard.", None, [("2019-2021", {"from": "2019", "to": "2021"})]),
    ("en", "The 2019–2021 period was hard.", None, [("2019–2021", {"from": "2019", "to": "2021"})]),
    ("en", "Troops will stay until 2030.", None, [("until 2030", {"from": None, "to": "2030"})]),
    ("en", "Last year, exports fell.", A, [("Last year", "2024")]),
    ("en", "Two years ago, the war broke out.", A, [("Two years ago", "2023")]),
    ("en", "By the end of 2025, the unit will be ready.", None, [("By the end of 2025", {"from": None, "to": "2025"})]),
    ("en", "In late 2023, the army launched an offensive.", None, [("In late 2023", "2023")]),
    ("en", "The summit was held on 2025-06-24 in The Hague.", None, [("on 2025-06-24", "2025-06-24")]),
    ("en", "In the first half of 2024, sales rose.", None,
     [("In the first half of 2024", {"from": "2024-01", "to": "2024-06"})]),
    ("en", "Azerbaijan joined the Partnership for Peace in 1994.", None, [("in 1994", "1994")]),
    ("en", "From March to May 2024, drills took place.", None,
     [("From March to May 2024", {"from": "2024-03", "to": "2024-05"})]),
    ("en", "This year, the budget grows.", A, [("This year", "2025")]),
    ("en", "In November, the company will deliver oil.", "2025-10", [("In November", "2025-11")]),
    # no false dates
    ("en", "The army deployed 1500 soldiers and 2000 vehicles.", None, []),
    ("en", "About 2000 of them were killed.", None, []),
    ("en", "Growth reached 2.5 % and 5.68 million square meters were cleared.", None, []),
    ("en", "They may march on the capital.", A, []),
    ("en", "See page 2012 for details (1).", None, []),
    ("en", "The Sunday Times reported that the 2000 soldiers left.", A, []),
    ("fr", "Le décret n° 2023-45 et le mardi gras.", A, []),
    # more of the genre
    ("fr", "Le 5 novembre dernier, le vote a eu lieu.", A, [("Le 5 novembre dernier", "2025-11-05")]),
    ("fr", "Le mémorandum de Budapest de 1994 garantissait les frontières.", None, [("1994", "1994")]),
    ("fr", "À l'horizon 2030, l'armée sera prête.", None, [("À l'horizon 2030", {"from": None, "to": "2030"})]),
    ("fr", "Les 11 et 12 juillet 2023, les Alliés se sont réunis.", None,
     [("Les 11 et 12 juillet 2023", {"from": "2023-07-11", "to": "2023-07-12"})]),
    ("fr", "Au premier trimestre 2024, la croissance a ralenti.", None,
     [("premier trimestre 2024", {"from": "2024-01", "to": "2024-03"})]),
    ("fr", "Depuis le début de l'année, 300 drones ont été abattus.", A,
     [("Depuis le début de l'année", {"from": "2025", "to": None})]),
    ("en", "The mission ran 2010 to 2015.", None, [("2010 to 2015", {"from": "2010", "to": "2015"})]),
    ("en", "The mid-1990s saw war.", None, [("The mid-1990s", {"from": "1993", "to": "1996"})]),
    ("en", "After the 2008 crisis, a 2014 agreement was signed.", None, [("2008", "2008"), ("2014", "2014")]),
    ("en", "On Monday, 3 March 2025, the summit opened.", None, [("On Monday, 3 March 2025", "2025-03-03")]),
    ("en", "At the summit on 11-12 July 2023, Allies met.", None,
     [("on 11-12 July 2023", {"from": "2023-07-11", "to": "2023-07-12"})]),
    ("en", "Last May, the report came out.", A, [("Last May", "2025-05")]),
    ("en", "Poland served in the mission from 2003 until the operation ended in 2011.", None,
     [("from 2003", {"from": "2003", "to": "2011"}), ("in 2011", "2011")]),
    # a bare weekday with no tense to go by is the one just gone; « doit » + infinitive looks ahead
    ("fr", "Les deux capitales ont par ailleurs demandé conjointement, vendredi, la dissolution du groupe.", A,
     [("vendredi", "2025-10-31")]),
    ("fr", "Vendredi, le Parlement doit se prononcer sur le texte.", A, [("Vendredi", "2025-11-07")]),
    # a yearless day takes the year of the full date its sentence gives, and passes it on along the sentence
    ("fr", "Le traité est entré en vigueur le 2 mai 2019, après sa ratification par la Pologne le 20 avril et par "
           "la Lituanie le 28 avril.", A,
     [("le 2 mai 2019", "2019-05-02"), ("le 20 avril", "2019-04-20"), ("le 28 avril", "2019-04-28")]),
    ("en", "Kazakhstan chose Rosatom in June to build a plant approved in a referendum in October 2024.", A,
     [("in June", "2025-06"), ("in October 2024", "2024-10")]),
    ("fr", "Elle a pris part, de 2015 jusqu'à son terme en 2021, à la mission.", None,
     [("2015", {"from": "2015", "to": "2021"}), ("en 2021", "2021")]),
    ("fr", "La conférence de 2015 jusqu'ici, en 2021, rien.", None, [("2015", "2015"), ("en 2021", "2021")]),
    ("en", "The war of August 2008 broke out on the night of 7 to 8 August. On 26 August Moscow recognised them.",
     "2025-01-20", [("August 2008", "2008-08"), ("7 to 8 August", {"from": "2008-08-07", "to": "2008-08-08"}),
                    ("On 26 August", "2008-08-26")]),
    ("en", "Washington suspended a partnership based on a charter signed in January 2009, on 30 November, and on "
           "27 December it sanctioned him.", "2025-01-20",
     [("in January 2009", "2009-01"), ("on 30 November", "2024-11-30"), ("on 27 December", "2024-12-27")]),
    ("en", "Transit stopped under a contract signed in December 2019. Gazprom had announced on Dec. 28 that it would "
           "stop supplying gas.", "2025-01-06", [("in December 2019", "2019-12"), ("on Dec. 28", "2024-12-28")]),
    ("en", "In September 2024 the troops left. On 3 March, the talks resumed.", "2025-06-01",
     [("In September 2024", "2024-09"), ("On 3 March", "2025-03-03")]),
    ("en", "Kyiv has blocked transit since 1 January 2020; in early March, the talks resumed.", A,
     [("since 1 January 2020", {"from": "2020-01-01", "to": None}), ("in early March", "2025-03")]),
    # « de la même année », "of that year": the year the text gave last, whatever the distance in months
    ("fr", "Le coup d'État a eu lieu le 26 juillet 2023. En décembre de la même année, le ministre est venu.",
     "2025-01-29", [("le 26 juillet 2023", "2023-07-26"), ("En décembre", "2023-12")]),
    ("en", "The coup came in January 2021. In December of that year, talks resumed.", "2025-06-01",
     [("in January 2021", "2021-01"), ("In December", "2021-12")]),
    # counted from the date told before, at the precision both allow, and on from there
    ("fr", "Le 8 mai 2024, Erevan a notifié Moscou, ce que le Kremlin a confirmé deux jours plus tard. Le lendemain, "
           "l'envoyé est parti, et il est revenu l'année suivante.", "2025-01-10",
     [("Le 8 mai 2024", "2024-05-08"), ("deux jours plus tard", "2024-05-10"), ("Le lendemain", "2024-05-11"),
      ("l'année suivante", "2025")]),
    ("en", "Sweden signed in February 2024. Hungary ratified the protocol three days later; the following month the "
           "flag was raised. Two years later, nothing had changed.", "2026-06-01",
     [("in February 2024", "2024-02"), ("three days later", "2024-02"), ("the following month", "2024-03"),
      ("Two years later", "2026")]),
    # a month told before a month and its year is in that year (the one before when it comes later in the calendar)
    ("en", "He visited Tokyo in January–February 2023, not in January 2025.", "2025-03-01",
     [("in January–February 2023", {"from": "2023-01", "to": "2023-02"}), ("in January 2025", "2025-01")]),
    ("fr", "Les pourparlers ont eu lieu en janvier et février 2023.", "2025-03-01",
     [("en janvier", "2023-01"), ("février 2023", "2023-02")]),
    ("en", "Between December and January 2024 nothing moved.", "2025-03-01",
     [("Between December and January 2024", {"from": "2023-12", "to": "2024-01"})]),
    # nothing told before: nothing to count from; « la veille du sommet » is the summit's eve, not a date's
    ("fr", "Trois ans plus tard, la mission a pris fin. La veille du sommet, il a appelé.", "2025-01-10", []),
]


def _as_pairs(text: str, lang: str, anchor: str | None) -> list[tuple[str, object]]:
    return [(t.text, t.value) for t in extract(text, lang, anchor)]


@pytest.mark.parametrize(("lang", "text", "anchor", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_case(lang: str, text: str, anchor: str | None, expected: list) -> None:
    assert _as_pairs(text, lang, anchor) == expected


def test_spans_index_the_original_text() -> None:
    text = "Selon la presse, depuis 1995 et en août 2025, rien."
    for t in extract(text):
        assert text[t.start:t.end] == t.text


def test_mods() -> None:
    by_text = {t.text: t.mod for t in extract("Depuis 1995, rien. Jusqu'en 2014, rien. Puis après 2020 et fin 2023.")}
    assert by_text == {"Depuis 1995": "start", "Jusqu'en 2014": "end", "après 2020": "after", "fin 2023": "late"}
    relative = {t.text: t.mod for t in extract("Fin de l'année dernière, rien; au début de l'année, rien.", anchor=A)}
    assert relative == {"Fin de l'année dernière": "late", "début de l'année": "early"}


def test_relative_without_anchor_is_dropped() -> None:
    assert extract("Hier, en novembre, le ministre a parlé en 2020.") == extract("Hier, en novembre, le ministre a "
                                                                                 "parlé en 2020.", anchor=None)
    assert [t.value for t in extract("Hier, en novembre, le ministre a parlé en 2020.")] == ["2020"]


def test_inferred_flag_marks_anchor_dependent_values() -> None:
    got = {t.text: t.inferred for t in extract("Hier, en 2020.", anchor="2025-11-06", anchor_inferred=True)}
    assert got == {"Hier": True, "en 2020": False}


def test_index_by_sentence() -> None:
    text = "En 1992, un accord. Depuis 1995, un autre. Rien ici."
    index = TimexIndex(extract(text))
    assert [t.text for t in index.within(0, 19)] == ["En 1992"]
    assert [t.text for t in extract_in_span(extract(text), 20, 42)] == ["Depuis 1995"]
    assert index.within(43, len(text)) == []


def test_infer_anchor_simple() -> None:
    assert infer_anchor("Le sommet a eu lieu le 12 mars 2024. Il a réuni les Alliés.") == "2024-03"
    assert infer_anchor("La guerre a commencé en 2014 et a repris en 2022.") == "2022"
    assert infer_anchor("Aucune date ici.") is None
    assert infer_anchor("The summit was held on 12 March 2024 in Vilnius.", "en") == "2024-03"
    # yearless past days told after the latest dated one cross the new year: written in January 2025
    text = ("The vote of 26 October 2024 was disputed. On 28 November the talks were frozen. On 27 December the "
            "Treasury sanctioned him. On 6 January the envoy left.")
    assert infer_anchor(text, "en") == "2025-01"


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return path.read_text(encoding="utf-8")


def test_seed_note_anchor_and_values() -> None:
    text = _seed("000_c868df7908040aa1.txt")
    anchor = infer_anchor(text, "fr")
    assert anchor is not None and anchor.startswith("2025")
    got = {(t.text, str(t.value)) for t in extract(text, "fr", anchor)}
    for expected in [("en 1992", "1992"), ("en 1997", "1997"), ("1994", "1994"), ("en août 2025", "2025-08"),
                     ("début octobre", "2025-10"), ("À partir du 20 novembre", str({"from": "2025-11-20", "to": None})),
                     ("en novembre", "2025-11"), ("à partir de décembre", str({"from": "2025-12", "to": None})),
                     ("depuis 2009", str({"from": "2009", "to": None})), ("du 30 septembre 2025", "2025-09-30")]:
        assert expected in got
    values = [t.value for t in extract(text, "fr", anchor)]
    assert all(isinstance(v, dict) or v[:2] in ("19", "20") for v in values)
    assert not any(t.text.startswith(("30.000", "130.000", "(")) for t in extract(text, "fr", anchor))
    for t in extract(text, "fr", anchor):
        assert text[t.start:t.end] == t.text


def test_seed_nato_page_values() -> None:
    text = _seed("003_66d092a99215d8bb.txt")
    got = {t.text: t.value for t in extract(text, "fr", "2025")}
    assert got["De 1999 à 2008"] == {"from": "1999", "to": "2008"}
    assert got["À partir de 2002"] == {"from": "2002", "to": "2014"}
    assert got["Depuis 1995"] == {"from": "1995", "to": None}
    assert got["en 1992"] == "1992" and got["en 1994"] == "1994" and got["en 1997"] == "1997"
    assert not any("640" in k or "5,68" in k for k in got)


def test_bare_weekday_on_the_publication_weekday_is_that_day():
    # 2025-09-29 is a Monday: a Monday dispatch's "on Monday" is today, "last Monday" a week before
    got = {t.text: t.value for t in extract("The EU moved on Monday to reinstate its measures, as it had said last "
                                             "Monday.", "en", anchor="2025-09-29")}
    assert got["on Monday"] == "2025-09-29"
    assert got["last Monday"] == "2025-09-22"


def test_a_time_elapsed_since_a_named_year_dates_the_writing():
    text = ("La mission a pris fin ce lundi, trois ans jour pour jour après son déploiement. Déployée le 15 juillet "
            "2021, elle a compté 2 000 militaires. En décembre 2022, l'UE a débloqué 20 millions d'euros.")
    assert infer_anchor(text, "fr")[:4] == "2024"
    # a reading that would put the writing long after the latest news is no evidence
    text = "In 2014 the alliance met in Wales. Ten years ago it had met in Istanbul. In March 2024 it met again."
    assert infer_anchor(text, "en")[:4] == "2024"
