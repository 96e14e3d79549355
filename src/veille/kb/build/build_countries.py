"""Build data/countries.jsonl from CLDR territory names (babel) and the curated countries_src.txt.

Run at build time only (`python -m veille.kb.build.build_countries`); the loader reads the JSONL output and never
needs babel or the network. French demonyms are inflected here (masculine/feminine, singular/plural) and English
demonyms get their plural noun.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "countries_src.txt"
OUTPUT = HERE.parent / "data" / "countries.jsonl"
# CLDR codes that are not ISO 3166 territories or are too small to matter here.
SKIP = {"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ", "BV", "HM", "UM"}
# Dependent or disputed territories typed "place" rather than "country".
PLACES = {"AI", "AS", "AW", "AX", "BL", "BM", "BQ", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF", "GG", "GI",
          "GL", "GP", "GS", "GU", "HK", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU",
          "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "VG", "VI", "WF", "YT"}


def inflect_fr(base: str) -> list[str]:
    """Masculine/feminine singular/plural of a French demonym adjective given in the masculine singular."""
    if "/" in base:
        return base.split("/")
    if base.endswith("e"):
        return [base, base + "s"]
    if base.endswith(("s", "x", "z")):
        return [base, base + "e", base + "es"]
    if base.endswith("en"):
        return [base, base + "ne", base + "s", base + "nes"]
    return [base, base + "e", base + "s", base + "es"]


def plural_en(word: str) -> list[str]:
    if word.endswith(("ese", "ish", "ch", "sh", "ss", "s", "x")) or " " in word and word.endswith("ese") or (
            word[:1].islower()) or word in {"US", "U.S.", "Swiss", "Thai", "Lao", "Malagasy", "Sahrawi", "Kyrgyz"}:
        return [word]
    return [word, word + "s"]


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def parse_source() -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, *fields = [f.strip() for f in line.split(" | ")]
        iso, qid = head.split()
        rec: dict[str, object] = {"qid": qid}
        for f in fields:
            key, _, value = f.partition(":")
            key = key.strip()
            if key in {"type", "note", "ename", "fname"}:
                rec[key] = value.strip()
            else:
                rec.setdefault(key, [])
                rec[key] += split(value)  # type: ignore[operator]
        out[iso] = rec
    return out


def uniq(items: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    seen: set[str] = set(exclude)
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def cldr_en(name: str) -> list[str]:
    """CLDR English short names use '&' and 'St.'; add the spelled-out variants."""
    out = [name]
    if "&" in name:
        out.append(name.replace("&", "and"))
    if name.startswith("St. "):
        out.append("Saint " + name[4:])
    if " SAR China" in name:
        out.append(name.replace(" SAR China", ""))
    return out


def build() -> list[dict[str, object]]:
    en_names, fr_names = Locale("en").territories, Locale("fr").territories
    curated = parse_source()
    records = []
    for iso in sorted(c for c in en_names if len(c) == 2 and c.isalpha() and c not in SKIP):
        cur = curated.get(iso, {})
        qid = str(cur.get("qid") or f"iso:{iso}")
        en_all = cldr_en(en_names[iso]) + list(cur.get("n", [])) + list(cur.get("en", []))  # type: ignore[arg-type]
        fr_all = [fr_names.get(iso, en_names[iso]).replace("’", "'")] + list(cur.get("n", [])) + list(
            cur.get("fr", []))  # type: ignore[arg-type]
        name_en = str(cur.get("ename") or en_all[0].replace("&", "and"))
        name_fr = str(cur.get("fname") or fr_all[0])
        dem_fr = [form for base in cur.get("dfr", []) for form in inflect_fr(str(base))]  # type: ignore[union-attr]
        dem_en = [form for base in cur.get("den", []) for form in plural_en(str(base))]  # type: ignore[union-attr]
        cap_en = list(cur.get("c", [])) + list(cur.get("cen", []))  # type: ignore[arg-type]
        cap_fr = list(cur.get("c", [])) + list(cur.get("cfr", []))  # type: ignore[arg-type]
        rec: dict[str, object] = {
            "id": qid, "type": str(cur.get("type") or ("place" if iso in PLACES else "country")), "iso": iso,
            "en": name_en, "fr": name_fr,
            "names": {"en": uniq(en_all, (name_en,)), "fr": uniq(fr_all, (name_fr,))},
            "acronyms": {},
            "demonyms": {"en": uniq(dem_en), "fr": uniq(dem_fr)},
            "capitals": {"en": uniq(cap_en), "fr": uniq(cap_fr)},
            "periphrases": {"en": uniq(list(cur.get("pen", []))), "fr": uniq(list(cur.get("pfr", [])))},  # type: ignore[arg-type]
        }
        for key in ("names", "acronyms", "demonyms", "capitals", "periphrases"):
            per_lang = rec[key]
            assert isinstance(per_lang, dict)
            for lang in list(per_lang):
                forms = per_lang[lang]
                acr = [f for f in forms if f.isupper() and 2 <= len(f.replace(".", "")) <= 6 and key == "names"]
                if acr:
                    rec["acronyms"].setdefault(lang, []).extend(acr)  # type: ignore[union-attr]
                    per_lang[lang] = [f for f in forms if f not in acr]
                if not per_lang[lang]:
                    del per_lang[lang]
        rec = {k: v for k, v in rec.items() if v not in ({}, None, "")}
        rec["note"] = cur.get("note") or None
        if rec["note"] is None:
            del rec["note"]
        records.append(rec)
    missing = set(curated) - {r["iso"] for r in records}
    if missing:
        raise SystemExit(f"curated codes not in CLDR: {sorted(missing)}")
    return records


def main() -> None:
    records = build()
    with OUTPUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {OUTPUT}")


if __name__ == "__main__":
    main()
