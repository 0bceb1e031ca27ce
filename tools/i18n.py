"""Extract every user-visible text, update the fr/nl/en catalogues, compile them.

Run ``python -m tools.i18n`` after changing texts, then translate what the
``.po`` files show as new (empty ``msgstr``), and run it again to compile.
``python -m tools.i18n --check`` fails when a text is untranslated or a
compiled catalogue is stale (the tests call it). ``python -m tools.i18n --todo``
lists what is left to translate; ``python -m tools.i18n --fill FILE.json`` sets
translations from ``{"fr": {"English text": "texte", ...}, "nl": {...}}`` (a
plural takes a list, a text with a context the key ``"context|text"``), then
updates and compiles, so several people can translate without editing the
same ``.po`` lines by hand. Every writing step holds a lock on the catalogues.
"""

from __future__ import annotations

import contextlib
import copy
import fcntl
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "ici_la_bas"
LANGUAGES = ("fr", "nl", "en")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "NC_": ((1, "c"), 2)}
SOURCES = ("core", "ui")


def extract() -> Catalog:
    template = Catalog(project="Ici & Là-bas", charset="utf-8")
    for folder in SOURCES:
        if not (ROOT / folder).is_dir():
            continue
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            template.add(
                message,
                None,
                [(f"{folder}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    for _name, lineno, message, comments, context in _extract_file(ROOT / "main.py"):
        template.add(message, None, [("main.py", lineno)], auto_comments=comments, context=context)
    return template


def _extract_file(path: Path):  # type: ignore[no-untyped-def]
    from babel.messages.extract import extract

    with path.open("rb") as handle:
        for lineno, message, comments, context in extract("python", handle, keywords=KEYWORDS):
            yield path.name, lineno, message, comments, context


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, charset="utf-8")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def missing(catalog: Catalog, lang: str) -> list[str]:
    """Message ids without a translation (English needs none: the ids are English)."""
    if lang == "en":
        return []
    gaps = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            gaps.append(str(message.id))
    return gaps


@contextlib.contextmanager
def _locked() -> Iterator[None]:
    """One writer of the catalogues at a time."""
    LOCALE.mkdir(parents=True, exist_ok=True)
    with (LOCALE / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def update(translations: dict[str, dict[str, str | list[str]]] | None = None) -> int:
    with _locked():
        return _update(translations or {})


def _update(translations: dict[str, dict[str, str | list[str]]]) -> int:
    template = extract()
    for lang in LANGUAGES:
        catalog = load(lang)
        # A copy each time: Catalog.update adds the template's own Message objects, so a text
        # filled for one language would otherwise be written into the next one's catalogue.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        unknown = _fill(catalog, translations.get(lang, {}))
        if unknown:
            print(f"{lang}: not in the sources, left out: {unknown}")
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True,
                     include_lineno=False)
        path.with_suffix(".mo").write_bytes(mo_bytes(catalog))
        gaps = missing(catalog, lang)
        print(f"{lang}: {len(catalog)} texts, {len(gaps)} to translate")
    return 0


def _fill(catalog: Catalog, texts: dict[str, str | list[str]]) -> list[str]:
    unknown = []
    for key, text in texts.items():
        context, _bar, msgid = key.rpartition("|") if "|" in key else (None, "", key)
        message = next((m for m in catalog if m.context == (context or None) and (
            m.id == msgid or (isinstance(m.id, tuple) and m.id[0] == msgid))), None)
        if message is None:
            unknown.append(key)
            continue
        message.string = tuple(text) if isinstance(text, list) else text
        message.flags.discard("fuzzy")
    return unknown


def todo() -> dict[str, list[str]]:
    """Per language, the texts still to translate, as keys for ``--fill``."""
    template = extract()
    result = {}
    for lang in LANGUAGES:
        catalog = load(lang)
        catalog.update(template, no_fuzzy_matching=True)
        result[lang] = [
            (f"{m.context}|" if m.context else "") + (m.id[0] if isinstance(m.id, tuple) else m.id)
            for m in catalog if m.id and str(m.id) in missing(catalog, lang)]
    return result


def check() -> list[str]:
    """Problems: texts missing from a catalogue, untranslated, or a stale .mo."""
    template = extract()
    problems = []
    for lang in LANGUAGES:
        catalog = load(lang)
        absent = [m.id for m in template
                  if m.id and catalog.get(m.id, context=m.context) is None]
        problems += [f"{lang}: not in the catalogue: {text!r}" for text in absent]
        problems += [f"{lang}: untranslated: {text!r}" for text in missing(catalog, lang)]
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists() or compiled(mo.read_bytes()) != compiled(mo_bytes(catalog)):
            problems.append(f"{lang}: {mo.name} is stale; run python -m tools.i18n")
    return problems


def compiled(mo: bytes) -> dict[tuple[object, str | None], tuple[str, ...]]:
    """What a compiled catalogue says, text by text.

    Compared instead of the bytes: the header a Babel version writes into a .mo
    ("Generated-By: Babel 2.19.0") is not a translation, and a fresh machine may
    install another Babel than the one that compiled the committed file.
    """
    found: dict[tuple[object, str | None], tuple[str, ...]] = {}
    for message in read_mo(io.BytesIO(mo)):
        if not message.id or message.fuzzy:
            continue
        key = tuple(message.id) if isinstance(message.id, list | tuple) else message.id
        strings = message.string
        strings = tuple(strings) if isinstance(strings, list | tuple) else (strings,)
        if all(strings):
            found[(key, message.context)] = strings
    return found


if __name__ == "__main__":
    if "--todo" in sys.argv:
        print(json.dumps(todo(), ensure_ascii=False, indent=1))
        sys.exit(0)
    if "--fill" in sys.argv:
        source = Path(sys.argv[sys.argv.index("--fill") + 1])
        sys.exit(update(json.loads(source.read_text(encoding="utf-8"))))
    if "--check" in sys.argv:
        found = check()
        print("\n".join(found) or "catalogues complete")
        sys.exit(1 if found else 0)
    sys.exit(update())
