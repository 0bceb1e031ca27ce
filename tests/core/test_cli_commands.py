"""The commands of DESIGN that had no test of their own, run as a user runs them.

Every expectation is read back from the files: the database with plain SQL,
the workbook with openpyxl, the PNG files from their header.
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import run_cli


def rows(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def ok(*args: str | Path) -> str:
    result = run_cli("--lang", "en", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    ok("--db", path, "demo")
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite3"
    copy.write_bytes(demo_file.read_bytes())
    return copy


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_screenshots_draws_every_main_screen_at_1280_by_800(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = run_cli("--db", demo, "screenshots", out, env={"QT_QPA_PLATFORM": "offscreen"},
                     timeout=300)
    assert result.returncode == 0, result.stderr
    shots = sorted(out.glob("*.png"))
    # DESIGN: the dashboard, seven lists, a partnership page, a mission page, the wizard
    screens = [p for p in shots if png_size(p) == (1280, 800)]  # dialogs keep their own size
    assert len(screens) >= 11, [(p.name, png_size(p)) for p in shots]
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in shots}
    assert len(digests) == len(shots)  # each a different screen, none blank twice


def test_export_writes_every_live_record_of_the_kind(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "contacts.xlsx"
    ok("--db", demo, "export", "contacts", out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    numbers = {c.value for c in next(sheet.iter_cols(min_row=2)) if c.value is not None}
    live = rows(demo, "SELECT id FROM contacts WHERE deleted_at IS NULL")
    assert sheet.max_row - 1 == len(live) and len(numbers) == len(live)  # column A: No.
    assert numbers == {r[0] for r in live}


def test_export_of_one_year(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "transactions.xlsx"
    year = rows(demo, "SELECT max(substr(date, 1, 4)) FROM transactions")[0][0]
    ok("--db", demo, "export", "transactions", out, "--year", year)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    dates = [r[header.index("Date")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    expected = rows(demo, "SELECT count(*) FROM transactions "
                          "WHERE deleted_at IS NULL AND date LIKE ?", f"{year}-%")[0][0]
    assert len(dates) == expected > 0
    assert {d.year for d in dates} == {int(year)}


def contacts(path: Path) -> set[tuple]:
    return set(rows(path, "SELECT last_name, first_name, coalesce(email, ''), "
                          "coalesce(phone, '') FROM contacts WHERE deleted_at IS NULL"))


def dumped(db: Path, out: Path) -> bytes:
    ok("--db", db, "dump", out)
    return out.read_bytes()


def test_import_dry_run_writes_nothing(demo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "c.csv"
    sheet.write_text("Nom;Prénom;E-mail\nKane;Fatou;fatou.kane@exemple.sn\n", encoding="utf-8")
    before = dumped(demo, tmp_path / "before.json")
    out = ok("--db", demo, "import", "contacts", sheet, "--dry-run")
    assert "Kane" not in {r[0] for r in contacts(demo)}
    assert dumped(demo, tmp_path / "after.json") == before
    assert "1" in out  # the summary still says what would be created
    ok("--db", demo, "import", "contacts", sheet)
    assert ("Kane", "Fatou", "fatou.kane@exemple.sn", "") in contacts(demo)


def test_import_map_sets_a_column_the_headers_do_not_name(demo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "c.csv"
    sheet.write_text("Bidule;Prénom\nNdiaye;Ousmane\n", encoding="utf-8")
    ok("--db", demo, "import", "contacts", sheet, "--map", "Bidule=last_name")
    assert ("Ndiaye", "Ousmane", "", "") in contacts(demo)
    refused = run_cli("--lang", "en", "--db", demo, "import", "contacts", sheet,
                      "--map", "Bidule")
    assert refused.returncode != 0 and len(refused.stderr.strip().splitlines()) == 1


def test_import_sheet_reads_the_named_sheet_only(demo: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Élus"
    first.append(["Nom", "Prénom"])
    first.append(["Premier", "Feuille"])
    second = book.create_sheet("Agents")
    second.append(["Nom", "Prénom"])
    second.append(["Seconde", "Feuille"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    ok("--db", demo, "import", "contacts", path, "--sheet", "Agents")
    names = {r[0] for r in contacts(demo)}
    assert "Seconde" in names and "Premier" not in names


def test_import_on_duplicate_update_fills_the_existing_record(demo: Path,
                                                             tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("Nom;Prénom;E-mail\nSarr;Mariama;m.sarr@exemple.sn\n", encoding="utf-8")
    ok("--db", demo, "import", "contacts", first)
    again = tmp_path / "again.csv"
    again.write_text("Nom;Prénom;E-mail;Téléphone\n"
                     "Sarr;Mariama;M.Sarr@exemple.sn ;+221 33 000\n", encoding="utf-8")
    ok("--db", demo, "import", "contacts", again)  # skip, the default
    assert ("Sarr", "Mariama", "m.sarr@exemple.sn", "") in contacts(demo)
    ok("--db", demo, "import", "contacts", again, "--on-duplicate", "update")
    sarr = [r for r in contacts(demo) if r[0] == "Sarr"]
    assert [(*r[:2], r[2].lower(), r[3]) for r in sarr] == [
        ("Sarr", "Mariama", "m.sarr@exemple.sn", "+221 33 000")]  # one person, phone filled


@pytest.mark.parametrize("args", [
    ("export", "contacts", "contacts.csv"),
    ("export", "council", "conseil.ods", "--year", "2025"),
    ("export", "apd", "2025", "e-apd.csv"),
    ("report", "annual", "2025", "rapport.xlsx"),
    ("gdpr", "register", "registre.pdf"),
])
def test_a_file_named_for_another_format_is_refused_before_anything_is_written(
        demo: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    """`export contacts contacts.csv` wrote an .xlsx workbook under a .csv name, which a
    spreadsheet program then opens as garbage; the name must say what the file is."""
    named = tmp_path / args[-1] if not args[-1].isdigit() else tmp_path / args[-3]
    full = [str(tmp_path / a) if a == named.name else a for a in args]
    result = run_cli("--lang", "en", "--db", demo, *full)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert named.suffix in result.stderr and "Traceback" not in result.stderr
    assert not named.exists()


def test_a_database_that_is_not_there_is_never_made_by_a_command(tmp_path: Path) -> None:
    sheet = tmp_path / "contacts.csv"
    sheet.write_text("Nom;Prénom\nDiatta;Awa\n", encoding="utf-8")
    typo = tmp_path / "ici-la-bsa.sqlite3"
    for command in (["import", "contacts", str(sheet)], ["check"], ["backup"],
                    ["export", "contacts", str(tmp_path / "c.xlsx")]):
        result = run_cli("--db", typo, *command)
        assert result.returncode == 1, (command, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert str(typo) in line and "demo" in line  # says how a new one is made
        assert not typo.exists() and not (tmp_path / "c.xlsx").exists()


def test_a_command_typed_wrong_is_one_line_in_the_users_language(tmp_path: Path) -> None:
    french = run_cli("commande-inconnue")
    assert french.returncode == 2 and "Traceback" not in french.stderr
    [line] = french.stderr.strip().splitlines()
    assert "erreur" in line and "choix inconnu" in line
    dutch = run_cli("--lang", "nl", "import")
    [line] = dutch.stderr.strip().splitlines()
    assert "verplicht" in line  # the arguments it lacks, said in Dutch
    assert "utilisation" in run_cli("--help").stdout
