"""`veille dates` run as a user would: the installed command on a temporary file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VEILLE = Path(sys.executable).with_name("veille")


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [str(VEILLE)] if VEILLE.exists() else [sys.executable, "-m", "veille.cli"]
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False)


def test_dates_json_with_published(tmp_path: Path) -> None:
    text = "Selon la presse, en août 2025, les deux pays ont signé. De 1999 à 2008, rien. Hier, rien."
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    proc = _run("dates", "--published", "2025-11-06", "--lang", "fr", "--json", str(path))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows[0] == {"start": 17, "end": 29, "text": "en août 2025", "value": "2025-08"}
    assert rows[1]["value"] == {"from": "1999", "to": "2008"} and rows[1]["text"] == "De 1999 à 2008"
    assert rows[2]["text"] == "Hier" and rows[2]["value"] == "2025-11-05" and "inferred" not in rows[2]
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]


def test_dates_infers_anchor_and_marks_it(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Voir l'article du 30 septembre 2025. Début octobre, le président a proposé un exercice. "
                    "Depuis 1995, le pays participe.", encoding="utf-8")
    proc = _run("dates", "--json", str(path))
    assert proc.returncode == 0, proc.stderr
    rows = {r["text"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert rows["Début octobre"]["value"] == "2025-10" and rows["Début octobre"]["inferred"] is True
    assert rows["Depuis 1995"]["value"] == {"from": "1995", "to": None}
    assert "inferred" not in rows["Depuis 1995"]


def test_dates_reads_a_yearless_dateline_as_ingest_does(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("ANKARA, Jan 24 (Wire) - Lawmakers voted on Tuesday. The committee had endorsed the text in "
                    "late December, after a first reading in July 2023.", encoding="utf-8")
    proc = _run("dates", "--json", str(path))
    assert proc.returncode == 0, proc.stderr
    rows = {r["text"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert rows["Jan 24"]["value"] == "2024-01-24"
    assert "anchor=2024-01-24" in proc.stderr


def test_dates_english_from_stdin_plain_output() -> None:
    proc = _run("dates", "--published", "2025-11-06", "-", stdin="Since 2017, NATO troops have been there. "
                "Last year, the Alliance met in Washington, from 9 to 11 July 2024.")
    assert proc.returncode == 0, proc.stderr
    lines = [line.split("\t") for line in proc.stdout.splitlines()]
    assert ["0", "10", "2017/…", "Since 2017", "start"] in lines
    assert any(cols[2] == "2024" and cols[3] == "Last year" for cols in lines)
