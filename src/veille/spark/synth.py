"""A generated corpus of short French and English news items, for the Spark tests and benchmarks.

    python -m veille.spark.synth --docs 300 --out corpus.jsonl [--seed 7]

Each item is a few sentences from templates about real actors (countries and organisations veille's knowledge
base knows), relations and dates, so the same fact recurs across documents (sometimes with other dates: conflicts),
and about one item in six repeats a paragraph of an earlier item (copied passages, with publication dates so the
original is known). Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ACTORS = {
    "fr": ["la France", "l'Allemagne", "l'Azerbaïdjan", "la Turquie", "la Russie", "l'Ukraine", "la Géorgie",
           "l'Arménie", "l'Iran", "Israël", "les États-Unis", "la Pologne", "le Kazakhstan", "l'Italie"],
    "en": ["France", "Germany", "Azerbaijan", "Turkey", "Russia", "Ukraine", "Georgia", "Armenia", "Iran",
           "Israel", "the United States", "Poland", "Kazakhstan", "Italy"],
}
BODIES = {
    "fr": ["l'OTAN", "l'Union européenne", "l'ONU", "l'OSCE", "le Partenariat pour la paix", "le Conseil de l'Europe"],
    "en": ["NATO", "the European Union", "the United Nations", "the OSCE", "the Partnership for Peace",
           "the Council of Europe"],
}
MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
TEMPLATES = {
    "fr": [
        "{A} a rejoint {O} en {Y}.",
        "{A} participe aux exercices de {O} depuis {Y}.",
        "En {M} {Y}, {A} et {B} ont signé un accord de coopération dans le domaine de l'énergie.",
        "{A} a imposé des sanctions contre {B} en {Y}.",
        "{A} fournit du gaz à {B} depuis {Y}.",
        "Les relations entre {A} et {O} ont débuté en {Y}.",
        "{A} a condamné les menaces de {B} contre ses voisins.",
        "Le ministre des affaires étrangères a rencontré son homologue à Bakou en {M} {Y}.",
        "{A} soutient la mission de {O} au Kosovo.",
    ],
    "en": [
        "{A} joined {O} in {Y}.",
        "{A} has taken part in exercises of {O} since {Y}.",
        "In {M} {Y}, {A} and {B} signed a cooperation agreement on energy.",
        "{A} imposed sanctions on {B} in {Y}.",
        "{A} has supplied gas to {B} since {Y}.",
        "Relations between {A} and {O} began in {Y}.",
        "{A} condemned threats by {B} against its neighbours.",
        "The foreign minister met his counterpart in Brussels in {M} {Y}.",
        "{A} supports the {O} mission in Kosovo.",
    ],
}
FILLER = {
    "fr": ["Les analystes jugent cette évolution durable.", "Le gouvernement n'a pas souhaité commenter.",
           "La question reste débattue au parlement.", "Plusieurs experts évoquent un tournant régional."],
    "en": ["Analysts see the shift as lasting.", "The government declined to comment.",
           "The issue is still debated in parliament.", "Several experts speak of a regional turning point."],
}


def _sentence(rng: random.Random, lang: str) -> str:
    a, b = rng.sample(ACTORS[lang], 2)
    s = rng.choice(TEMPLATES[lang]).format(A=a, B=b, O=rng.choice(BODIES[lang]), Y=rng.randint(1992, 2024),
                                          M=rng.choice(MONTHS[lang]))
    return s[0].upper() + s[1:]


def generate(n: int, seed: int = 7) -> list[dict[str, str]]:
    """`n` records {id, text, published, lang}; some repeat an earlier record's first paragraph."""
    rng = random.Random(seed)
    docs: list[dict[str, str]] = []
    for i in range(n):
        lang = "fr" if rng.random() < 0.5 else "en"
        paragraphs = []
        for _ in range(rng.randint(2, 3)):
            sents = [_sentence(rng, lang) for _ in range(rng.randint(2, 4))] + [rng.choice(FILLER[lang])]
            paragraphs.append(" ".join(sents))
        same_lang = [d for d in docs if d["lang"] == lang]
        if same_lang and rng.random() < 0.17:
            original = rng.choice(same_lang)["text"].split("\n\n")[0]
            paragraphs.insert(rng.randint(0, len(paragraphs)), original)
        published = f"{2015 + i * 10 // max(1, n)}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        docs.append({"id": f"synth-{i:05d}", "text": "\n\n".join(paragraphs), "published": published, "lang": lang})
    return docs


def write_jsonl(docs: list[dict[str, str]], path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--out", required=True, help="JSONL file to write")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(write_jsonl(generate(args.docs, args.seed), args.out))


if __name__ == "__main__":
    main()
