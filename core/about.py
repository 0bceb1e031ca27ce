"""What Help › About tells: this copy's version, where its files are, the fonts' licences.

Gathered here, without Qt, so that the dialog only lays it out and a test
can read the same facts. The licences are read from the files shipped in
resources/fonts (the list of fonts and every licence text beside them), so
a font added there shows up without a change here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core import logs, paths
from core.version import app_version


@dataclass(frozen=True)
class AboutFacts:
    version: str
    database: Path
    data_folder: Path
    backup_folder: Path
    log_file: Path
    font_licences: list[tuple[str, str]]  # (file name, its text), the font list first


def facts(db_path: Path, backup_dir: Path) -> AboutFacts:
    """The facts for the database open at ``db_path``, whose backups go to ``backup_dir``."""
    db_path = Path(db_path)
    return AboutFacts(
        version=app_version(),
        database=db_path,
        data_folder=db_path.parent,  # the user's data folder unless --db chose another
        backup_folder=Path(backup_dir),
        log_file=logs.log_file(),
        font_licences=font_licences(),
    )


def font_licences() -> list[tuple[str, str]]:
    """The bundled fonts' README (which font, which licence), then each licence file."""
    folder = paths.resources_dir() / "fonts"
    files = [folder / "README.md", *sorted(folder.glob("LICENSE*"))]
    return [(f.name, f.read_text(encoding="utf-8")) for f in files if f.is_file()]
