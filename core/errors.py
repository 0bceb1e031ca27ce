"""Exceptions whose message is meant for the user, already translated.

Anything else that escapes is a bug; the command line and the app show a
``UserError`` as one clear line and never a traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can understand and act on."""


class ValidationError(UserError):
    """A value that does not fit a field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(UserError):
    """A record that does not exist or is in the trash."""
