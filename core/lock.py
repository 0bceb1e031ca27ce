"""One writer per database file, across processes, without Qt.

The lock is an OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows)
on a small file beside the database. The OS drops it when the process
dies, so a lock left by a crashed copy is stale by construction and simply
taken over; the file only holds who owns it, for the message.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from core.errors import UserError
from core.i18n import _

if TYPE_CHECKING:
    from types import TracebackType


class LockedError(UserError):
    """Another copy of the application has the file open."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        if not self.path.parent.is_dir():
            raise UserError(
                _("{path}: the folder {folder} does not exist.").format(
                    path=self.db_path, folder=self.path.parent
                )
            )
        try:
            handle = self.path.open("a+", encoding="utf-8")
        except OSError as error:
            raise UserError(
                _("{path}: cannot be written ({error}).").format(
                    path=self.path, error=error.strerror or error
                )
            ) from error
        if not _try_lock(handle):
            owner = _read_owner(handle)
            handle.close()
            raise LockedError(
                _(
                    "{path} is already open in another copy of Ici & Là-bas "
                    "(process {pid} on {host}); close it first."
                ).format(path=self.db_path, pid=owner.get("pid", "?"), host=owner.get("host", "?"))
            )
        handle.seek(0)
        handle.truncate()
        json.dump({"pid": os.getpid(), "host": _hostname()}, handle)
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        # The file stays: removing it would let two processes lock two different inodes.
        self._handle.seek(0)
        self._handle.truncate()
        _unlock(self._handle)
        self._handle.close()
        self._handle = None
        if not self.db_path.exists():  # no database came of it: leave no clutter behind
            self.path.unlink(missing_ok=True)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()


def _hostname() -> str:
    import socket  # only when taking the lock: start-up stays light

    return socket.gethostname()


def _read_owner(handle: IO[str]) -> dict[str, object]:
    try:
        handle.seek(0)
        owner = json.loads(handle.read() or "{}")
        return owner if isinstance(owner, dict) else {}
    except (OSError, ValueError):
        return {}


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
