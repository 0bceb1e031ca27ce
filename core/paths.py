"""Where files live: the user's data folder, backups, bundled resources.

Everything else in core receives ``Path`` objects; only this module knows
about platformdirs and frozen builds, so tests point it elsewhere by setting
XDG_DATA_HOME (or passing explicit paths).
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

APP_NAME = "IciLaBas"
DB_FILENAME = "ici-la-bas.sqlite3"
RESOURCES_PACKAGE = "ici_la_bas_resources"
# The folder above core/: a source checkout when it holds pyproject.toml; site-packages or
# a frozen bundle's folder otherwise.
_CHECKOUT = Path(__file__).resolve().parent.parent
NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smbfs",
    "sshfs",
    "fuse.sshfs",
    "afpfs",
    "9p",
    "davfs",
    "fuse.davfs2",
    "ncpfs",
}


def data_dir() -> Path:
    """The user's (non-roaming) data folder; created on demand."""
    import platformdirs  # imported here: only needed when no --db is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def log_dir() -> Path:
    """The user's log folder (platformdirs): where the log a user can send is written."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def default_backup_dir(db_path: Path) -> Path:
    """Backups live beside the database, in a folder named after it."""
    return db_path.parent / f"{db_path.stem}-backups"


def resources_dir() -> Path:
    """The folder of fonts, catalogues and images the app reads at run time.

    The repository's ``resources/`` folder is installed as the package
    ``ici_la_bas_resources`` (pyproject.toml maps it; the PyInstaller spec
    collects it under that name), so one import finds it in an editable or
    normal install, a wheel and a frozen bundle alike. Only a checkout run
    without installing the project falls back to the folder itself.
    """
    try:
        return Path(str(importlib.resources.files(RESOURCES_PACKAGE)))
    except ModuleNotFoundError:
        folder = checkout_file("resources")
        if folder is None:
            raise
        return folder


def checkout_file(name: str) -> Path | None:
    """``name`` at the top of the source checkout this code runs from, if it is one."""
    path = _CHECKOUT / name
    return path if (_CHECKOUT / "pyproject.toml").is_file() and path.exists() else None


def locale_dir() -> Path:
    return resources_dir() / "locale"


def is_network_path(path: Path) -> bool:
    """True for a UNC path or a folder on a network mount, where SQLite locking is unsafe."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(path)
    return _mount_fstype(path) in NETWORK_FILESYSTEMS


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0] + "\\"
    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote)  # type: ignore[attr-defined]


def _mount_fstype(path: Path) -> str:
    """The filesystem type of the longest mount point holding ``path`` (Linux)."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    target = str(path.resolve())
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount = parts[1].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) > len(best):
            best, fstype = mount, parts[2]
    return fstype
