"""Publication dates inferred from a document's dateline or, failing that, from the dates it mentions."""

from __future__ import annotations

import pytest

from veille.time import infer_publication


@pytest.mark.parametrize("text,lang,expected", [
    ("Géorgie : le décrochage s'accélère\nNote d'analyse – 4 décembre 2024\nLe gouvernement a suspendu en "
     "novembre les négociations.", "fr", "2024-12-04"),
    ("Fin du transit du gaz\nKIEV, 1er janvier 2025 (Agence) - Le transit s'est arrêté ce matin. Le contrat "
     "signé en 2019 expirait le 31 décembre.", "fr", "2025-01-01"),
    # an agency dateline without a year falls after the latest date the text mentions
    ("Parliament approves membership\nANKARA, Jan 24 (Wire) - Lawmakers voted on Tuesday. The committee had "
     "endorsed the text in December 2023.", "en", "2024-01-24"),
    # past dates without a year that cannot follow the latest dated one in its own year: the next year
    ("VIENNA, Sept. 29 (Wire) - Sanctions returned on Sunday. Inspectors left in July, after strikes on June 13. "
     "A first package had been adopted in September 2024.", "en", "2025-09-29"),
    # a date inside the body is not a dateline: the anchor comes from the text's dates
    ("Relations with Ukraine\nUkraine is a close partner. Allies condemn the invasion launched on 24 February "
     "2022 by Russia, a war that goes on in 2024 as Allies met in July 2024 in Washington.", "en", "2024-07"),
    # months without a year told after a bare past year later than every dated mention: the year after it
    ("YEREVAN, Sept. 2 (Wire) - The talks ended on Monday. The war broke out in September 2020. The last troops "
     "left the region in 2024. In February, the two leaders met, and in July they signed a declaration.", "en",
     "2025-09-02"),
    # a bare year in a proposal told after the yearless month keeps the dated bound
    ("Début octobre 2025, le président a proposé des manoeuvres. Début novembre, il a proposé que les armées "
     "mènent des exercices en 2026.", "fr", "2025-11"),
    # the yearless dateline is no evidence of its own year, and a month told after a full date of its paragraph
    # belongs to that date's episode, not to the months before the writing
    ("Corne de l'Afrique\n\nADDIS-ABEBA, 15 janvier (Agence) – Les deux dirigeants se sont rencontrés samedi. Le "
     "6 janvier 2024, un protocole avait été signé. En avril, le pays a rappelé son ambassadeur.\n\nLe 10 octobre "
     "2024, trois présidents se sont réunis à Asmara.\n\nEn juillet, des pourparlers ont échoué. La déclaration a "
     "été adoptée le 11 décembre. La nouvelle mission a pris le relais le 1er janvier.", "fr", "2025-01-15"),
    # a yearless dateline that names its weekday falls in the first year from the text's latest where that day is
    # that weekday (2 July was a Tuesday in 2024, a Wednesday in 2025)
    ("Feud deepens\nBAKU, Wednesday (July 2) – The ministry protested on Monday. Talks had stalled in September "
     "2023 and a visit was cancelled in May 2024.", "en", "2025-07-02"),
    # a capital-letter place with letters beyond Latin-1 still opens a dateline
    ("Froid en Transnistrie\nCHIȘINĂU, vendredi 3 janvier — Les livraisons ont cessé mercredi. Le contrat "
     "avait été signé en décembre 2019 et prolongé en mars 2024.", "fr", "2025-01-03"),
    # a day named with its weekday in the text dates the months told around it
    ("Ceasefire holds\nBEIRUT (Wire) – Strikes went on. The truce took effect on 27 November after talks in "
     "October 2023 failed. Parliament met on Thursday, 9 January to elect a president; in December the army "
     "had deployed.", "en", "2025-01"),
    # « à partir de 2025 » announced in a past clause is no year of the writing
    ("Départ des troupes\nN'DJAMENA, vendredi – Élu en mai 2024, le président a annoncé le 28 novembre la fin "
     "de l'accord. Au Sénégal, le président a annoncé le 31 décembre le départ des soldats à partir de 2025. "
     "Début janvier, le ministre a répondu.", "fr", "2025-01"),
])
def test_publication_date(text, lang, expected):
    assert infer_publication(text, lang) == expected


def test_yearless_days_dated_by_their_own_sentence_do_not_push_the_dateline_a_year_on():
    text = ("RIGA, 20 janv. (Agence) – Le Parlement a voté mardi soir. La Finlande est devenue membre le "
            "4 avril 2023, après la ratification par la Hongrie le 27 mars et par la Grande Assemblée nationale "
            "turque le 30 mars. Un sommet s'est tenu le 1er juin 2023. Début janvier, la marine a refusé le passage "
            "de deux navires.")
    assert infer_publication(text, "fr") == "2024-01-20"


def test_a_month_told_again_without_a_year_is_the_one_its_story_dated():
    # « en décembre » dated by « élu en mai 2024 » before it: the later yearless Decembers are that December,
    # not the next year's
    text = ("Départ des troupes\n\nN'DJAMENA, vendredi – Les derniers soldats sont partis jeudi.\n\nLe président, "
            "élu en mai 2024, a assuré en décembre que la décision ne visait pas la France. Le retrait a commencé "
            "le 10 décembre.\n\nLe 26 décembre, un premier contingent a quitté la base.")
    assert infer_publication(text, "fr") == "2024-12"
