"""Where a person is named in free text, and that text with the name replaced.

Minutes, missions and accounts are kept when a person is anonymised, but
their text must stop naming the person. The same matching serves the
access export (what names them) and the anonymisation (what to replace):
case and accents aside, whole words only, as the search index matches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

Row = dict[str, Any]


@cache
def _fold_char(char: str) -> str:
    """One character without its accents, lower case, still one character."""
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


def fold(text: str) -> str:
    """``text`` (NFC) without accents or case, character for character: spans carry over."""
    return "".join(map(_fold_char, text))


def _needle_pattern(needle: str) -> str:
    words = [re.escape(word) for word in fold(needle).split()]
    return r"\s+".join(words)


@dataclass(frozen=True)
class Matcher:
    """The forms that name one person: full name both ways, family name, e-mail, phone."""

    needles: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str] | None:
        return _compile(self.needles)

    def finds(self, text: object) -> bool:
        pattern = self.pattern
        if pattern is None or not isinstance(text, str) or not text:
            return False
        # Plain ASCII folds by lowering it: the common case, a million labels, stays fast.
        folded = text.lower() if text.isascii() else fold(unicodedata.normalize("NFC", text))
        return pattern.search(folded) is not None

    def replace(self, text: str, replacement: str) -> str:
        """``text`` with every mention replaced by ``replacement`` (the rest as typed)."""
        pattern = self.pattern
        if pattern is None:
            return text
        text = unicodedata.normalize("NFC", text)
        spans = [m.span() for m in pattern.finditer(fold(text))]
        for start, end in reversed(spans):
            text = text[:start] + replacement + text[end:]
        return text


@cache
def _compile(needles: tuple[str, ...]) -> re.Pattern[str] | None:
    forms = sorted({_needle_pattern(n) for n in needles if n and n.strip()}, key=len, reverse=True)
    forms = [f for f in forms if f]
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")


def matcher(contact: Row, *, family_name_alone: bool = True) -> Matcher:
    """How ``contact`` (first_name, last_name, email, phone) may be named in a text.

    The family name alone is left out when ``family_name_alone`` is False
    (another contact bears it: replacing it would rename that person too).
    """
    first = (contact.get("first_name") or "").strip()
    last = (contact.get("last_name") or "").strip()
    needles = [f"{first} {last}".strip(), f"{last} {first}".strip()]
    if family_name_alone or not first:
        needles.append(last)
    needles += [(contact.get(key) or "").strip() for key in ("email", "phone")]
    return Matcher(tuple(n for n in needles if n))


def name_matcher(contact: Row) -> Matcher:
    """Only the full name, both ways: what finds the minutes that name a person, not a namesake."""
    first = (contact.get("first_name") or "").strip()
    last = (contact.get("last_name") or "").strip()
    return Matcher(tuple({f"{first} {last}".strip(), f"{last} {first}".strip()} - {""}))
