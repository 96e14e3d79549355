"""Build data/{organizations,companies,people,places}.jsonl from the compact curated sources *_src.txt.

Run at build time (`python -m veille.kb.build.build_actors`); the loader only reads the JSONL output.
Source line: `ID TYPE | English name | French name | key: v1; v2 | ...` with keys
n (names in both languages), en, fr (names), a (acronyms in both), aen, afr (acronyms), pen, pfr (periphrases),
c, cen, cfr (seats standing for the actor, as « Bruxelles » for the EU: declare them in ambiguous.jsonl when shared),
gen, gfr (generic names such as "Ministry of Defence" that name this body only when its country is known),
part_of, country, kind (`region` for a sub-national region), qid, note, and for people `office: role@OF from..to` (repeatable, dates ISO, open end empty).
A line starting with `#` is a comment; `@country Q227` sets the default country of the following lines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
KINDS = ("organizations", "companies", "people", "places")
_LIST_KEYS = {"n": ("names", None), "en": ("names", "en"), "fr": ("names", "fr"), "a": ("acronyms", None),
              "aen": ("acronyms", "en"), "afr": ("acronyms", "fr"), "pen": ("periphrases", "en"),
              "pfr": ("periphrases", "fr"), "gen": ("generic", "en"), "gfr": ("generic", "fr"),
              "c": ("capitals", None), "cen": ("capitals", "en"), "cfr": ("capitals", "fr")}
_OFFICE = re.compile(r"^(\w+)@(\S+)\s+([\d-]*)\.\.([\d-]*)$")


def _add(rec: dict, field: str, lang: str | None, values: list[str]) -> None:
    for lg in ([lang] if lang else ["en", "fr"]):
        bucket = rec.setdefault(field, {}).setdefault(lg, [])
        for v in values:
            if v not in bucket:
                bucket.append(v)


def parse_line(line: str, default_country: str | None) -> dict:
    head, en, fr, *fields = [f.strip() for f in line.split(" | ")]
    rid, rtype = head.split()
    rec: dict = {"id": rid, "type": rtype, "en": en, "fr": fr}
    if rid.startswith("Q") and rid[1:].isdigit():
        rec["qid"] = rid
    if default_country and rtype != "country":
        rec["country"] = default_country
    for f in fields:
        key, _, value = f.partition(":")
        key, value = key.strip(), value.strip()
        if key in _LIST_KEYS:
            field, lang = _LIST_KEYS[key]
            _add(rec, field, lang, [v.strip() for v in value.split(";") if v.strip()])
        elif key == "office":
            for item in value.split(";"):
                m = _OFFICE.match(item.strip())
                if not m:
                    raise ValueError(f"bad office {item!r} in {line!r}")
                rec.setdefault("offices", []).append(
                    {"role": m[1], "of": m[2], "from": m[3] or None, "to": m[4] or None})
        elif key in {"part_of", "country", "kind", "qid", "note"}:
            rec[key] = None if value in ("", "-") else value
        else:
            raise ValueError(f"unknown key {key!r} in {line!r}")
    for field in ("names", "acronyms"):  # the canonical names are not repeated as variants
        for lang, canonical in (("en", en), ("fr", fr)):
            forms = rec.get(field, {}).get(lang)
            if forms and canonical in forms and field == "names":
                forms.remove(canonical)
    return rec


def build(kind: str) -> list[dict]:
    records, country = [], None
    for line in (HERE / f"{kind}_src.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@country"):
            parts = line.split()
            country = parts[1] if len(parts) > 1 and parts[1] != "-" else None
            continue
        records.append(parse_line(line, country))
    return records


def main() -> None:
    for kind in KINDS:
        if not (HERE / f"{kind}_src.txt").exists():
            continue
        records = build(kind)
        with (DATA / f"{kind}.jsonl").open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{kind}: {len(records)} records")


if __name__ == "__main__":
    main()
