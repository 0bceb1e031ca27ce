"""The one translation layer: gettext catalogues under resources/locale.

Message ids are English; French is the default language and, with Dutch,
is complete (a test compares the catalogues). ``N_`` marks texts that are
translated later, at the moment they are shown.
"""

from __future__ import annotations

import gettext
from functools import cache

from core import paths

DOMAIN = "ici_la_bas"
LANGUAGES = ("fr", "nl", "en")
DEFAULT_LANGUAGE = "fr"

_state: dict[str, object] = {
    "lang": DEFAULT_LANGUAGE,
    "translation": gettext.NullTranslations(),
}


def set_language(lang: str | None) -> str:
    """Use ``lang`` (fr, nl or en) for every text from now on; returns the one in use."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    _state["lang"] = lang
    _state["translation"] = gettext.translation(
        DOMAIN, localedir=paths.locale_dir(), languages=[lang], fallback=True
    )
    return lang


def current_language() -> str:
    return str(_state["lang"])


class Msg(str):
    """A text with a gettext context, for words whose translation depends on what they
    qualify (a mission is "Prévue", a project "Prévu"). ``_`` translates it with its context."""

    context: str

    def __new__(cls, context: str, message: str) -> Msg:
        text = super().__new__(cls, message)
        text.context = context
        return text


def _(message: str) -> str:
    translation = _state["translation"]
    assert isinstance(translation, gettext.NullTranslations)
    if isinstance(message, Msg):
        return translation.pgettext(message.context, str(message))
    return translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    translation = _state["translation"]
    assert isinstance(translation, gettext.NullTranslations)
    return translation.ngettext(singular, plural, n)


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=paths.locale_dir(), languages=[lang],
                               fallback=True)


def in_every_language(message: str) -> set[str]:
    """A text in French, Dutch and English: to read back a label typed in any of them."""
    found = {str(message)}
    for lang in LANGUAGES:
        catalogue = _catalogue(lang)
        if isinstance(message, Msg):
            found.add(catalogue.pgettext(message.context, str(message)))
        else:
            found.add(catalogue.gettext(message))
    return found


def N_(message: str) -> str:
    """Mark a text for extraction; it is translated with ``_`` where it is shown."""
    return message


def NC_(context: str, message: str) -> Msg:
    """Like ``N_``, with a context that ``_`` will use."""
    return Msg(context, message)


set_language(DEFAULT_LANGUAGE)
