"""The frozen app, built and run as a user would: no Python on PATH, no PYTHONPATH.

Building takes about half a minute of two cores and needs the ``bundle``
extra, so it runs only when asked: ``ICI_LA_BAS_BUNDLE_TEST=1 python -m pytest
-m bundle`` (after ``pip install -e ".[bundle]"``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not os.environ.get("ICI_LA_BAS_BUNDLE_TEST"),
                       reason="builds the bundle: set ICI_LA_BAS_BUNDLE_TEST=1"),
]


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller")
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "tools.bundle", str(dist)], cwd=ROOT, check=True,
                   timeout=1800)
    from tools.bundle import executable

    return executable(dist)


def run_frozen(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A user's environment: a PATH with no Python on it, nothing of this checkout."""
    no_python = cwd / "bin"
    no_python.mkdir(exist_ok=True)
    env = {"PATH": str(no_python), "HOME": str(cwd), "LANG": "C.UTF-8",
           "XDG_DATA_HOME": str(cwd / "data")}
    return subprocess.run([str(program), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300)


def test_version(program: Path, tmp_path: Path) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    result = run_frozen(program, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ici-la-bas", version]


def test_self_test(program: Path, tmp_path: Path) -> None:
    result = run_frozen(program, "--lang", "nl", "--self-test", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Zelftest geslaagd")


def test_demo_in_french_then_a_report_with_embedded_fonts(program: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    demo = run_frozen(program, "--db", "x.sqlite3", "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("Données de démonstration ajoutées")
    year = str(date.today().year)  # the demo is built around today
    report = run_frozen(program, "--db", "x.sqlite3", "report", "annual", year, "r.pdf",
                        cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    fonts = set()
    for page in PdfReader(tmp_path / "r.pdf").pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert "DejaVuSans" in fonts


def test_screens_drawn_in_dutch_and_an_export(program: Path, tmp_path: Path) -> None:
    assert run_frozen(program, "--db", "x.sqlite3", "demo", cwd=tmp_path).returncode == 0
    shots = run_frozen(program, "--lang", "nl", "--db", "x.sqlite3", "screenshots", "shots",
                       cwd=tmp_path)
    assert shots.returncode == 0, shots.stderr
    pngs = sorted((tmp_path / "shots").glob("*.png"))
    assert len(pngs) >= 11
    for png in pngs:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    year = str(date.today().year)
    council = run_frozen(program, "--db", "x.sqlite3", "export", "council", "c.xlsx",
                         "--year", year, cwd=tmp_path)
    assert council.returncode == 0, council.stderr
    from openpyxl import load_workbook

    assert "Synthèse" in load_workbook(tmp_path / "c.xlsx").sheetnames


@pytest.mark.skipif(not shutil.which("Xvfb"), reason="needs Xvfb for a real window")
def test_the_window_opens_on_a_virtual_display(program: Path, tmp_path: Path) -> None:
    assert run_frozen(program, "--db", "x.sqlite3", "demo", cwd=tmp_path).returncode == 0
    display = f":{90 + os.getpid() % 9}"
    screen = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.5)
        no_python = tmp_path / "bin"
        no_python.mkdir(exist_ok=True)
        env = {"PATH": str(no_python), "HOME": str(tmp_path), "LANG": "C.UTF-8",
               "DISPLAY": display, "XDG_DATA_HOME": str(tmp_path / "data")}
        app = subprocess.Popen([str(program), "--db", "x.sqlite3"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            time.sleep(8)
            assert app.poll() is None, app.communicate()[1]  # still up: the window is open
            windows = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True,
                                     text=True, env={"DISPLAY": display}, check=False)
            sizes = [tuple(map(int, re.findall(r"\)\s+(\d+)x(\d+)\+", line)[0]))
                     for line in windows.stdout.splitlines()
                     if '"Ici & Là-bas")' in line and re.search(r"\)\s+\d+x\d+\+", line)]
            assert any(w >= 900 and h >= 550 for w, h in sizes), windows.stdout
        finally:
            app.kill()
            app.wait()
    finally:
        screen.kill()
        screen.wait()
