"""``python -m tools.bundle DIR``: the frozen desktop app in DIR/ici-la-bas/.

Runs PyInstaller on packaging/ici-la-bas.spec (after
``pip install -e ".[bundle]"``) and says where the executable is and how
big the folder is. The same command builds on Windows, macOS and Linux;
the CI workflow (.github/workflows/bundle.yml) runs it on each system.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "ici-la-bas.spec"
NAME = "ici-la-bas"
RESOURCES_PACKAGE = "ici_la_bas_resources"  # as core.paths imports it; tools/ does not import core


def resource_files() -> list[tuple[str, str]]:
    """(file, its folder in the bundle) for each resource the wheel carries.

    Read from pyproject.toml's package-data for ici_la_bas_resources, so that
    the wheel and the frozen bundle always hold the same files.
    """
    with (ROOT / "pyproject.toml").open("rb") as handle:
        setuptools = tomllib.load(handle)["tool"]["setuptools"]
    folder = ROOT / setuptools["package-dir"][RESOURCES_PACKAGE]
    found = []
    for pattern in setuptools["package-data"][RESOURCES_PACKAGE]:
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                inside = path.parent.relative_to(folder).as_posix()
                found.append((str(path), f"{RESOURCES_PACKAGE}/{inside}"))
    return found


def executable(dist: Path) -> Path:
    """Where the bundle's program is: DIR/ici-la-bas/ici-la-bas (.exe on Windows)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return Path(dist) / NAME / f"{NAME}{suffix}"


def folder_size(folder: Path) -> int:
    """Bytes in the folder, each file once (PyInstaller links some libraries by symlink)."""
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def check_ready() -> None:
    """PyInstaller is there and the installed metadata (copied into the bundle) is current."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit('PyInstaller is missing: python -m pip install -e ".[bundle]"')
    with (ROOT / "pyproject.toml").open("rb") as handle:
        wanted = tomllib.load(handle)["project"]["version"]
    try:
        installed = metadata.version(NAME)
    except metadata.PackageNotFoundError:
        installed = None
    if installed != wanted:
        sys.exit(f"The installed {NAME} is {installed}, pyproject.toml says {wanted}: "
                 'run python -m pip install -e ".[bundle]" again.')


def build(dist: Path) -> Path:
    """Build the bundle in ``dist`` (PyInstaller's scratch files in ``dist``/build)."""
    dist = Path(dist).resolve()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(dist / "build"), str(SPEC)],
        check=True,
    )
    return executable(dist)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.bundle DIR", file=sys.stderr)
        return 2
    check_ready()
    program = build(Path(argv[0]))
    size = folder_size(program.parent) / 1e6
    print(f"{program} ({size:.0f} MB in {program.parent})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
