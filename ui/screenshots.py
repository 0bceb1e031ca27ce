"""``screenshots DIR``: draw every main screen off screen at 1280×800, one PNG each.

It is how a screen is looked at without a display, with whatever the
database holds.
"""

from __future__ import annotations

import os
from pathlib import Path

from core import listing, settings
from core.files import check_folder
from core.lock import DatabaseLock

SIZE = (1280, 800)
SEARCH_EXAMPLE = "mars"  # what the search screenshot looks for: data, not a text to translate
LIST_PAGES = ("partnerships", "organisations", "contacts", "missions", "budget_lines",
              "transactions", "deadlines", "journal_entries", "trash")


def render_all(db_path: Path, out_dir: Path, lang: str | None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application, make_context, use_language

    out_dir = Path(out_dir)
    check_folder(out_dir)
    out_dir.mkdir(exist_ok=True)
    application()
    with DatabaseLock(db_path):
        ctx = make_context(db_path)
        try:
            use_language(lang or settings.get(ctx.db, "language"))
            return _render(ctx, out_dir)
        finally:
            ctx.db.close()


def _render(ctx: object, out_dir: Path) -> list[Path]:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)  # type: ignore[arg-type]
    window.resize(*SIZE)
    window.show()
    shots = [_shot(window, out_dir, "01-dashboard")]
    for n, key in enumerate(LIST_PAGES, start=2):
        window.show_page(key)
        shots.append(_shot(window, out_dir, f"{n:02d}-{key}"))
    partnership = _first(ctx, "partnerships")
    if partnership is not None:
        window.open_record("partnerships", partnership)
        shots.append(_shot(window, out_dir, "20-partnership-page"))
    mission = _first(ctx, "missions")
    if mission is not None:
        window.open_record("missions", mission)
        shots.append(_shot(window, out_dir, "21-mission-page"))
    window.search_box.setText(SEARCH_EXAMPLE)
    window.run_search()
    shots.append(_shot(window, out_dir, "22-search"))
    shots += _dialogs(ctx, out_dir)
    window.close()
    return shots


def _first(ctx: object, table: str) -> int | None:
    rows = listing.fetch(ctx.db, table, limit=1)  # type: ignore[attr-defined]
    return int(rows[0]["id"]) if rows else None


def _shot(widget: object, out_dir: Path, name: str) -> Path:
    from PySide6.QtWidgets import QApplication

    for _round in range(3):
        QApplication.processEvents()
    path = out_dir / f"{name}.png"
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    return path


def _dialogs(ctx: object, out_dir: Path) -> list[Path]:
    """Forms and dialogs a person meets, drawn without being run."""
    from ui.forms.record_dialog import RecordDialog

    shots = []
    mission = _first(ctx, "missions")
    dialog = RecordDialog(ctx, "missions", mission)  # type: ignore[arg-type]
    dialog.show()
    shots.append(_shot(dialog, out_dir, "30-mission-form"))
    dialog.close()
    from ui.about_dialog import AboutDialog

    about = AboutDialog(ctx)  # type: ignore[arg-type]
    about.show()
    shots.append(_shot(about, out_dir, "40-about"))
    about.close()
    shots += _import_wizard(ctx, out_dir)
    return shots


SAMPLE_CSV = (
    "Nom;Prénom;Courriel;Organisation;Pays;Fonction\n"
    "Mbaye;Fatou;fatou.mbaye@thies.example;Ville de Thiès;Sénégal;Adjointe au maire\n"
    "Ndour;Ibrahima;i.ndour@thies.example;Ville de Thiès;SN;Secrétaire municipal\n"
    "Sow;Aminata;;Ville de Thiès;Atlantide;Animatrice\n"
)


def _import_wizard(ctx: object, out_dir: Path) -> list[Path]:
    """The wizard on a small sample file: its column page, then its preview."""
    import tempfile

    from PySide6.QtWidgets import QWizard

    from ui.import_wizard import ImportWizard

    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "contacts-jumelage.csv"
        sample.write_text(SAMPLE_CSV, encoding="utf-8")
        wizard = ImportWizard(ctx, None, sample, "contacts")  # type: ignore[arg-type]
        wizard.resize(*SIZE)  # as every main screen (DESIGN)
        wizard.show()
        shots = []
        for name in ("31-import-file", "32-import-columns", "33-import-preview"):
            shots.append(_shot(wizard, out_dir, name))
            wizard.button(QWizard.WizardButton.NextButton).click()
        wizard.reject()
    return shots
