"""Matching a header as people write it, not only as our synonyms spell it.

"Convention jusqu'au", "Fournisseur / payeur", "N° mandat", Google's
"E-mail 1 - Value": a header is read as its meaningful words (accents,
case, elisions and little words aside; "N°", "No", "Num." read as
"number"; the usual words for one idea read as one), split into parts on
"/" and " - ", and every field it could mean gets a score. At or above
``CERTAIN`` a match is taken as it is; below, it is a suggestion the
wizard asks the user to confirm. Everything here is worked out once per
header text (cached), never per row.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.parse import normalise_key

CONFIRMED = 110  # the user said so: --map, or a match confirmed in the wizard before
EXACT = 100  # the header is one of the field's synonyms
WORDS = 95  # the same meaningful words ("Convention jusqu'au" ~ "fin de la convention")
PARTS = 92  # every part names the same field ("Fournisseur / payeur")
CERTAIN = 90
PART = 80  # one part names a field, the others nothing we know
SUBSET = 60  # the header holds a synonym's words and more ("Montant HT"): 60 to 85

# Words that say nothing about the field (articles, prepositions, elisions).
_LITTLE = frozenset((
    "de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "en", "et", "ou", "un",
    "une", "s", "j", "qu", "t", "c", "m", "sur", "pour", "par", "of", "the", "and", "or",
    "for", "per", "van", "het", "een", "der", "den", "voor", "op", "in", "te"))
# Parts of a compound header that say what the column is not ("E-mail 1 - Label").
_ABOUT = frozenset(("label", "type", "kind", "soort", "etiquette", "display", "affichage"))
# Parts that add nothing ("E-mail 1 - Value").
_NEUTRAL = frozenset(("value", "valeur", "waarde"))
# The usual words for one idea, read as that idea; a word may stand for two.
_MEANING: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("n", "no", "nr", "num", "numero", "nummer", "number", "nro"),
                    ("number",)),
    **dict.fromkeys(("jusqu", "until", "fin", "end", "einde", "eind", "expiration",
                     "expiry", "expires", "expire", "echeance", "afloop"), ("end",)),
    **dict.fromkeys(("debut", "start", "begin", "since", "depuis"), ("start",)),
    **dict.fromkeys(("convention", "agreement", "overeenkomst", "accord", "conventie"),
                    ("agreement",)),
    **dict.fromkeys(("signee", "signe", "signature", "signed", "ondertekend",
                     "ondertekening", "signing"), ("signed",)),
    **dict.fromkeys(("email", "courriel", "mail", "mel", "messagerie", "emailadres",
                     "electronique"), ("email",)),
    **dict.fromkeys(("adresse", "adres", "address"), ("address",)),
    **dict.fromkeys(("telephone", "tel", "phone", "telefoon", "gsm", "portable", "mobile",
                     "mobiel", "telefoonnummer"), ("phone",)),
    **dict.fromkeys(("montant", "amount", "bedrag"), ("amount",)),
    **dict.fromkeys(("beneficiaire", "fournisseur", "payeur", "tiers", "begunstigde",
                     "leverancier", "payee", "payer", "supplier", "crediteur"), ("party",)),
    **dict.fromkeys(("depense", "depenses", "uitgave", "uitgaven", "expense", "expenses",
                     "debit"), ("expense",)),
    **dict.fromkeys(("recette", "recettes", "ontvangst", "ontvangsten", "income",
                     "receipt", "receipts", "credit"), ("income",)),
    **dict.fromkeys(("organisation", "organization", "organisatie", "organisme", "societe",
                     "company", "bedrijf"), ("organisation",)),
    **dict.fromkeys(("nom", "naam", "name"), ("name",)),
    **dict.fromkeys(("prenom", "voornaam", "firstname"), ("firstname",)),
    **dict.fromkeys(("achternaam", "familienaam", "surname", "lastname"), ("lastname",)),
    **dict.fromkeys(("libelle", "omschrijving", "label", "intitule"), ("label",)),
    **dict.fromkeys(("reference", "referentie", "ref"), ("reference",)),
    **dict.fromkeys(("pays", "land", "country"), ("country",)),
    **dict.fromkeys(("statut", "status", "etat", "staat"), ("status",)),
}
_SPLIT = re.compile(r"\s*/\s*|\s+[-–—]\s+|\s*\|\s*")
# Phrases read as one word first, so that "Nom - Prénom" is not a first name alone.
_PHRASES = (
    (re.compile(r"\be mail\b"), "email"),
    (re.compile(r"\b(?:first|given) names?\b"), "firstname"),
    (re.compile(r"\b(?:last|family|sur) names?\b|\bnom de famille\b"), "lastname"),
)


@lru_cache(maxsize=16384)
def meaning(key: str) -> frozenset[str]:
    """A normalised header's meaningful words: "convention jusqu au" -> {agreement, end}."""
    for pattern, word in _PHRASES:
        key = pattern.sub(word, key)
    words: set[str] = set()
    for word in key.split():
        if word in _LITTLE or word.isdigit():
            continue
        words.update(_MEANING.get(word, (word,)))
    return frozenset(words)


class Vocabulary:
    """One kind's synonyms, indexed three ways: exact, by meaning, by word weight."""

    def __init__(self, names: dict[str, str]) -> None:
        # A name marked "~" is only a hint: "N° bordereau" is the reference when no
        # "N° mandat" is there.
        self.hints = {normalise_key(n): f for n, f in names.items() if n.startswith("~")}
        self.exact = {normalise_key(n): f for n, f in names.items()
                      if normalise_key(n) and not n.startswith("~")}
        self.by_meaning: dict[frozenset[str], str] = {}
        fields_of_word: dict[str, set[str]] = {}
        for key, field in self.exact.items():
            words = meaning(key)
            if words:
                self.by_meaning.setdefault(words, field)
            for word in words:
                fields_of_word.setdefault(word, set()).add(field)
        # A word many fields share ("date", "number") weighs less than a rare one.
        self.weight = {w: 1 / len(f) for w, f in fields_of_word.items()}
        self._seen: dict[str, tuple[tuple[str, int], ...]] = {}  # header -> candidates

    def part(self, text: str) -> tuple[str | None, int]:
        """The field one part of a header names, exactly or by its meaning."""
        key = normalise_key(text)
        if key in self.exact:
            return self.exact[key], EXACT
        words = meaning(key)
        if words in self.by_meaning:
            return self.by_meaning[words], WORDS
        return None, 0

    def candidates(self, header: str) -> tuple[tuple[str, int], ...]:
        """Every field the header may name, with its score, best first (once per text)."""
        found = self._seen.get(header)
        if found is None:
            if len(self._seen) > 50_000:  # the rows scanned for a header are cells too
                self._seen.clear()
            found = self._seen[header] = self._candidates(header)
        return found

    def _candidates(self, header: str) -> tuple[tuple[str, int], ...]:
        key = normalise_key(header)
        if not key:
            return ()
        found: dict[str, int] = {}
        field, score = self.part(header)
        if field:
            found[field] = score
        elif key in self.hints:
            found[self.hints[key]] = PART
        parts = [p for p in _SPLIT.split(header.strip()) if normalise_key(p)]
        if len(parts) > 1:
            if self._about(parts):
                return ()  # "E-mail 1 - Label" says what kind of address, not the address
            self._parts(parts, [meaning(normalise_key(p)) for p in parts], found)
        self._subsets(meaning(key), found)
        return tuple(sorted(found.items(), key=lambda item: -item[1]))

    def _about(self, parts: list[str]) -> bool:
        """A later part such as "Label" or "Type" that does not repeat the first one's field
        ("Libellé / Label" is one field in two languages)."""
        first = self.part(parts[0])[0]
        return any(set(normalise_key(p).split()) <= _ABOUT and self.part(p)[0] != first
                   for p in parts[1:])

    def _parts(self, parts: list[str], meanings: list[frozenset[str]],
               found: dict[str, int]) -> None:
        named = [self.part(p)[0] for p, words in zip(parts, meanings, strict=True)
                 if not words <= _NEUTRAL]
        fields = [f for f in named if f]
        if not fields:
            return
        if len(set(fields)) == 1:
            score = PARTS if len(fields) == len(named) else PART
        else:
            score = PART - 10  # "Date / Montant": the first part, as a guess
        found.setdefault(fields[0], score)

    def _subsets(self, words: frozenset[str], found: dict[str, int]) -> None:
        total = sum(self.weight.get(w, 1.0) for w in words)
        for synonym, field in self.by_meaning.items():
            if field == "id" or not synonym < words:
                continue  # "N° bordereau" is not the record's number
            share = sum(self.weight.get(w, 1.0) for w in synonym) / total
            score = SUBSET + int(25 * share)
            if score > found.get(field, 0):
                found[field] = score


def assign(candidates: list[tuple[tuple[str, int], ...]]) -> tuple[dict[int, str], set[int]]:
    """Column -> field, best scores first, and the columns matched only by a guess.

    Each column takes its best field still free. A second column may also
    fill a field it names for certain (Outlook's "Business Phone", then
    "Mobile Phone"): it is read when the first one is empty on a row.
    """
    pairs = sorted((-score, column, field) for column, options in enumerate(candidates)
                   for field, score in options)
    mapping: dict[int, str] = {}
    guessed: set[int] = set()
    taken: set[str] = set()
    for negative, column, field in pairs:
        if column in mapping:
            continue
        if field in taken:
            if -negative >= CERTAIN and column not in guessed:
                mapping[column] = field
            continue
        mapping[column] = field
        taken.add(field)
        if -negative < CERTAIN:
            guessed.add(column)
    return mapping, guessed
