"""Pairwise reuse detection on hand-written French and English pairs: copies found with tight edges, templates
and unrelated texts not reported, the earlier document named as the source."""

from __future__ import annotations

from veille.reuse import Passage, align_pair, likely_source

EN_SOURCE = (
    "NATO and Georgia have worked together since 1992. Georgia joined the North Atlantic Cooperation Council in "
    "1992 and the Partnership for Peace in 1994. Since then, the country has contributed troops to NATO-led "
    "operations in Kosovo and Afghanistan, and it hosts the Joint Training and Evaluation Centre opened in 2015. "
    "The Alliance supports Georgia's efforts to reform its defence institutions."
)
EN_COPY = (
    "In a statement on Tuesday, the ministry recalled the history of the relationship. Georgia joined the North "
    "Atlantic Cooperation Council in 1992 and the Partnership for Peace in 1994. Since then, the country has "
    "contributed soldiers to NATO‑led operations in Kosovo and in Afghanistan, and it hosts the Joint Training and "
    "Evaluation Centre, which opened in 2015. Analysts expect further talks next month."
)
FR_SOURCE = (
    "Le Conseil de l'Union européenne a adopté lundi un nouveau paquet de sanctions contre la Russie. Les mesures "
    "visent notamment les exportations de technologies à double usage et plusieurs banques régionales. Selon la "
    "présidence, ce paquet renforce la pression sur l’économie russe et limite sa capacité à financer la guerre "
    "contre l'Ukraine. Les ministres se retrouveront en mars pour évaluer leur mise en œuvre."
)
FR_REWRITE = (
    "Bruxelles durcit le ton. Les mesures visent en particulier les exportations de technologies à double usage "
    "– dont les drones – et plusieurs banques régionales. Selon la présidence, ce paquet a renforcé la pression sur "
    "l'économie russe et limite sa capacité à financer la guerre contre l’Ukraine. Moscou a dénoncé une décision "
    "« illégale »."
)


def _quote(text: str, start: int, end: int) -> str:
    return text[start:end]


def test_near_verbatim_english_copy_has_sentence_edges():
    found = align_pair("page.txt", EN_SOURCE, "news.txt", EN_COPY, "2024-01-10", "2024-03-02")
    assert len(found) == 1
    p = found[0]
    assert _quote(EN_SOURCE, p.a_start, p.a_end) == (
        "Georgia joined the North Atlantic Cooperation Council in 1992 and the Partnership for Peace in 1994. Since "
        "then, the country has contributed troops to NATO-led operations in Kosovo and Afghanistan, and it hosts the "
        "Joint Training and Evaluation Centre opened in 2015.")
    b = _quote(EN_COPY, p.b_start, p.b_end)
    assert b.startswith("Georgia joined") and b.endswith("which opened in 2015.")
    assert p.source == "a"
    assert 0.7 < p.score <= 1.0


def test_light_french_rewrite_with_insertion_and_tense_change():
    found = align_pair("note.txt", FR_REWRITE, "conseil.txt", FR_SOURCE)
    assert len(found) == 1
    p = found[0]
    assert _quote(FR_REWRITE, p.a_start, p.a_end).startswith("Les mesures visent en particulier")
    assert _quote(FR_REWRITE, p.a_start, p.a_end).endswith("la guerre contre l’Ukraine.")
    assert _quote(FR_SOURCE, p.b_start, p.b_end).startswith("Les mesures visent notamment")
    assert _quote(FR_SOURCE, p.b_start, p.b_end).endswith("la guerre contre l'Ukraine.")
    assert p.source is None  # no dates: no direction


def test_template_sentences_sharing_a_few_words_are_not_copies():
    en_a = ("The Secretary General welcomed the Foreign Minister of Georgia to NATO Headquarters on Monday. They "
            "discussed support for reforms and the situation in the Black Sea region.")
    en_b = ("The Secretary General welcomed the Prime Minister of Moldova to NATO Headquarters on Thursday for talks "
            "on energy security. The visit followed a donors' conference held in Chisinau last month.")
    fr_a = ("Le ministre des Armées s’est rendu mardi à Vilnius pour rencontrer les soldats français déployés en "
            "Lituanie dans le cadre de la présence avancée renforcée de l'OTAN.")
    fr_b = ("Le ministre des Affaires étrangères s'est rendu jeudi à Tallinn pour rencontrer les soldats estoniens "
            "et son homologue, dans le cadre d'une tournée dans les pays baltes.")
    assert align_pair("a", en_a, "b", en_b) == []
    assert align_pair("a", fr_a, "b", fr_b) == []


def test_unrelated_documents_share_nothing():
    assert align_pair("en", EN_SOURCE, "fr", FR_SOURCE) == []
    assert align_pair("x", EN_SOURCE, "y", "") == []


def test_edges_land_on_whole_words_of_the_original_text():
    for a_text, b_text in ((EN_SOURCE, EN_COPY), (FR_SOURCE, FR_REWRITE)):
        for p in align_pair("a", a_text, "b", b_text):
            for text, s, e in ((a_text, p.a_start, p.a_end), (b_text, p.b_start, p.b_end)):
                assert text[s].isalnum() and (s == 0 or not text[s - 1].isalnum())
                assert text[e - 1] in ".!?" and not text[e - 1].isspace()


def test_passage_json_line_matches_the_export_format():
    p = Passage("a.txt", 3, 40, "b.txt", 10, 52, 0.91234, "b")
    assert p.to_json() == {"a": {"doc": "a.txt", "start": 3, "end": 40},
                           "b": {"doc": "b.txt", "start": 10, "end": 52}, "score": 0.912, "source": "b"}


def test_earlier_document_is_the_likely_source():
    assert likely_source("2023-05-01", "2024") == "a"
    assert likely_source("2025-02", "2025-01-31") == "b"
    assert likely_source("2025", "2025-06-01") is None
    assert likely_source(None, "2020") is None
