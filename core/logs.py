"""The log file a user can send when something went wrong: one place, kept small.

The app and every command write to the same file in the user's log folder
(platformdirs); it rotates at about a megabyte and keeps three old ones,
so years of use never fill a town-hall PC's disk. Only unexpected errors
(with their traceback) and upgrades of the database go there: a
``UserError`` is already explained to the user in one line.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
from typing import TYPE_CHECKING

from core import paths

if TYPE_CHECKING:
    from types import TracebackType

    ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

LOG_NAME = "ici-la-bas.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
LOGGER = "ici_la_bas"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def setup() -> Path | None:
    """Send the app's records to the rotating log file; None when it cannot be written."""
    logger = logging.getLogger(LOGGER)
    path = log_file()
    for handler in list(logger.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            return path  # already set up: the app and a command in one process
        logger.removeHandler(handler)  # the log folder moved (tests): one file at a time
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def log_exception(exc_info: ExcInfo, context: str = "") -> Path | None:
    """Write an unexpected error with its traceback; returns the file, or None if none could be."""
    path = setup()
    logger = logging.getLogger(LOGGER)
    logger.error("Unexpected error%s", f" ({context})" if context else "", exc_info=exc_info)
    for handler in logger.handlers:
        handler.flush()
    return path


def get(name: str) -> logging.Logger:
    """A logger under the app's, so that its records reach the log file."""
    return logging.getLogger(f"{LOGGER}.{name}")
