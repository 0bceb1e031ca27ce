"""Writing a file the user asked for: whole or not at all.

Workbooks, PDFs and dumps are written beside their target under a ".part"
name, flushed to disk, then moved over the target in one step: a crash, a
full disk or a cancel never leaves a half-written file where the user looks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from core.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable


def check_folder(out: Path) -> None:
    """A clear message when ``out`` cannot be created where it is asked for."""
    folder = Path(out).parent
    if not folder.is_dir():
        raise UserError(
            _("{path}: the folder {folder} does not exist.").format(path=out, folder=folder)
        )
    if not os.access(folder, os.W_OK):
        raise UserError(
            _("{path}: the folder {folder} cannot be written to.").format(path=out, folder=folder)
        )


def check_suffix(out: Path, suffix: str) -> None:
    """Refuse a name that says another format: a workbook saved as «liste.csv» opens as
    garbage in the spreadsheet program that the name promises."""
    if Path(out).suffix.lower() != suffix:
        raise UserError(
            _("{path}: this file is written as {suffix}; give it a name that ends in "
              "{suffix}.").format(path=out, suffix=suffix)
        )


def cannot_write(out: Path, error: OSError) -> UserError:
    return UserError(
        _("{path}: cannot be written ({error}).").format(path=out, error=error.strerror or error)
    )


def write_atomically(out: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` with a temporary path, then put the finished file at ``out``.

    Whatever ``write`` raises leaves ``out`` as it was and no temporary file behind.
    """
    out = Path(out)
    check_folder(out)
    temporary = out.with_name(out.name + ".part")
    try:
        write(temporary)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except OSError as error:
        raise cannot_write(out, error) from error
    finally:
        temporary.unlink(missing_ok=True)
