"""A denied relation is not a fact: « n'a pas adhéré », "never joined", « pays non membres »."""

from __future__ import annotations

import pytest

from veille.model import Document
from veille.pipeline import analyze


def facts_of(text: str) -> set[tuple[str, str, str | None]]:
    a = analyze(Document(name="t", text=text, published="2025-01-01"))
    return {(f.subject, f.relation, f.object) for f in a.facts}


@pytest.mark.parametrize("denied,stated", [
    ("L'Arménie n'a pas adhéré à l'Organisation de coopération de Shanghai.",
     "L'Arménie a adhéré à l'Organisation de coopération de Shanghai en 2015."),
    ("Georgia never joined the CSTO.", "Georgia joined the CSTO in 1994."),
])
def test_denied_membership_gives_no_fact(denied, stated):
    assert not {f for f in facts_of(denied) if f[1] == "member_of"}
    assert {f for f in facts_of(stated) if f[1] == "member_of"}


def test_non_member_is_not_a_member():
    found = facts_of("La Géorgie a été l'un des principaux contributeurs non membres de l'Alliance atlantique.")
    assert not {f for f in found if f[1] == "member_of"}


def test_resisting_deliveries_opposes_them_and_criticism_from_someone_is_not_the_criticised_acting():
    from veille.model import Document
    from veille.pipeline import analyze
    a = analyze(Document(name="t.txt", text="Slovakia and Hungary have both resisted arms deliveries to Ukraine. "
                         "Viktor Orban met Vladimir Putin in Moscow on July 5, drawing criticism from EU leaders.",
                         lang="en", published="2025-11-01"))
    got = {(f.subject, f.relation, f.object) for f in a.facts}
    assert ("Q28", "opposes", "Q212") in got and not any(r == "supplies" for s, r, o in got)
    assert not any(r == "opposes" and o == "Q458" for s, r, o in got)


def test_refusing_to_apply_sanctions_is_no_sanction():
    from veille.model import Document
    from veille.pipeline import analyze
    a = analyze(Document(name="t.txt", text="Turkey refused to apply Western sanctions against Russia.", lang="en",
                         published=None))
    assert not any(f.relation == "sanctions" for f in a.facts)
