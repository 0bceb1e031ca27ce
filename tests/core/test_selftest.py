"""``--self-test`` passes on a whole copy and names the step that breaks on a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import paths, selftest
from tests.conftest import run_cli


def test_self_test_passes_in_one_line() -> None:
    result = run_cli("--lang", "en", "--self-test", env={"QT_QPA_PLATFORM": "xcb"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [
        "Self-test passed: database, fonts, catalogues, locale data and window."]


def test_core_checks_pass(tmp_path: Path) -> None:
    assert selftest.run(selftest.core_checks(), tmp_path) is None
    assert (tmp_path / selftest.DB_NAME).is_file()


@pytest.mark.parametrize("missing, step", [("fonts", "bundled font"),
                                           ("locale", "Dutch catalogue")])
def test_a_missing_resource_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     missing: str, step: str) -> None:
    bundle = tmp_path / "resources"
    bundle.mkdir()
    kept = ({"fonts", "locale"} - {missing}).pop()
    (bundle / kept).symlink_to(paths.resources_dir() / kept)
    monkeypatch.setattr(paths, "resources_dir", lambda: bundle)
    from core.reports import fonts

    fonts.register_fonts.cache_clear()
    try:
        failure = selftest.run(selftest.core_checks(), tmp_path)
    finally:
        fonts.register_fonts.cache_clear()
    assert failure is not None and failure.startswith(f"{step}: ")
    assert "\n" not in failure


def test_the_first_failure_stops_the_run(tmp_path: Path) -> None:
    ran = []

    def broken(folder: Path) -> None:
        raise OSError("disk\nfull")

    failure = selftest.run([("first", broken), ("second", ran.append)], tmp_path)
    assert failure == "first: disk full" and ran == []
