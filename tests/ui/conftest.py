"""pytest-qt set-up: the offscreen platform, private settings, a demo database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings (window geometry, remembered choices) go to a temporary folder."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def french() -> Iterator[None]:
    from core import i18n

    i18n.set_language("fr")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per run and copied for each test."""
    from core import demo
    from core.db import open_db

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_db(path)
    demo.fill(db, today=TODAY)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def ctx(demo_template: Path, tmp_path: Path, qapp) -> Iterator[object]:
    """A Context on a private copy of the demo database, with today pinned."""
    import shutil

    from core import paths
    from core.db import open_db
    from ui.context import Context

    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    db = open_db(path)
    context = Context(db=db, db_path=path, backup_dir=paths.default_backup_dir(path),
                      today_override=TODAY)
    yield context
    from ui.worker import wait_for_jobs

    wait_for_jobs()
    db.close()


@pytest.fixture
def empty_ctx(tmp_path: Path, qapp) -> Iterator[object]:
    from core import paths
    from core.db import open_db
    from ui.context import Context

    path = tmp_path / "empty.sqlite3"
    db = open_db(path)
    yield Context(db=db, db_path=path, backup_dir=paths.default_backup_dir(path),
                  today_override=TODAY)
    db.close()
