"""The window part of ``--self-test``: the main window is built and shown off screen.

It proves that Qt's libraries and platform plugin were bundled and that
every screen module imports, without needing a display.
"""

from __future__ import annotations

import os
from pathlib import Path

from core import i18n
from core.selftest import DB_NAME


def check_window(folder: Path) -> None:
    """Build the main window on the database the core checks made in ``folder``."""
    # Forced, not defaulted: the self-test must not open a window on the user's screen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ui.app import application, make_context, use_language
    from ui.main_window import MainWindow

    app = application()
    ctx = make_context(folder / DB_NAME)
    spoken = i18n.current_language()
    try:
        use_language("nl")  # the window in Dutch: Qt's own catalogues are loaded too
        window = MainWindow(ctx)
        window.show()
        app.processEvents()
        visible = window.isVisible()
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        use_language(spoken)  # the report that follows is in the language asked for
        ctx.db.close()
    if not visible:
        raise RuntimeError("the main window could not be shown")
