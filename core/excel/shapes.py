"""The address-book exports officers actually have, recognised by their header row.

Outlook (English, and the two generations of French headers), Google
Contacts and Thunderbird each write dozens of columns, several of which
would mislead a guess: Outlook's first "Title" / "Titre" is "Mr." or
"Mme", not a job; "Nom complet de l'adresse de messagerie" is not a full
name. When a header row is one of these, its columns are taken from the
table below and the others are left out, with no guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.parse import normalise_key

COURTESY = "courtesy title"  # a column known to hold "Mr.", "Mme": never a field


@dataclass(frozen=True)
class Shape:
    name: str
    signature: frozenset[str]  # normalised headers that are all present
    fields: dict[str, str | tuple[str, ...]]  # normalised header -> field, or one per occurrence


def _shape(name: str, signature: list[str], fields: dict[str, str | tuple[str, ...]]) -> Shape:
    return Shape(name, frozenset(normalise_key(s) for s in signature),
                 {normalise_key(h): f for h, f in fields.items()})


_OUTLOOK_EN: dict[str, str | tuple[str, ...]] = {
    "First Name": "first_name", "Last Name": "last_name", "Title": COURTESY,
    "Company": "organisation", "Job Title": "role", "E-mail Address": "email",
    "E-mail 2 Address": "email", "E-mail 3 Address": "email", "Business Phone": "phone",
    "Mobile Phone": "phone", "Primary Phone": "phone", "Company Main Phone": "phone",
    "Business Phone 2": "phone", "Home Phone": "phone", "Other Phone": "phone",
    "Business Country/Region": "country", "Home Country/Region": "country",
    "Notes": "notes", "Language": "languages",
}
# Classic Outlook: «Titre» first (courtesy) and again after «Service» (the job);
# Outlook 365: «Titre» after «Nom» (courtesy) and «Fonction» for the job.
_OUTLOOK_FR: dict[str, str | tuple[str, ...]] = {
    "Prénom": "first_name", "Nom": "last_name", "Titre": (COURTESY, "role"),
    "Fonction": "role", "Société": "organisation", "Adresse de messagerie": "email",
    "Adresse de messagerie 2": "email", "Adresse de messagerie 3": "email",
    "Adresse e-mail": "email", "Adresse e-mail 2": "email",
    "Téléphone bureau": "phone", "Téléphone (bureau)": "phone",
    "Téléphone professionnel": "phone", "Tél. mobile": "phone", "Téléphone mobile": "phone",
    "Téléphone principal": "phone", "Téléphone société": "phone",
    "Téléphone domicile": "phone", "Téléphone (domicile)": "phone",
    "Pays/Région (bureau)": "country", "Pays/Région bureau": "country",
    "Pays/Région (domicile)": "country", "Notes": "notes", "Langue": "languages",
}
_GOOGLE: dict[str, str | tuple[str, ...]] = {
    "First Name": "first_name", "Last Name": "last_name", "Given Name": "first_name",
    "Family Name": "last_name", "Name": "full_name", "Organization Name": "organisation",
    "Organization 1 - Name": "organisation", "Organization Title": "role",
    "Organization 1 - Title": "role", "E-mail 1 - Value": "email",
    "E-mail 2 - Value": "email", "Phone 1 - Value": "phone", "Phone 2 - Value": "phone",
    "Address 1 - Country": "country", "Notes": "notes",
}
_THUNDERBIRD: dict[str, str | tuple[str, ...]] = {
    "First Name": "first_name", "Last Name": "last_name", "Display Name": "full_name",
    "Primary Email": "email", "Secondary Email": "email", "Work Phone": "phone",
    "Mobile Number": "phone", "Home Phone": "phone", "Work Country": "country",
    "Home Country": "country", "Job Title": "role", "Organization": "organisation",
    "Notes": "notes",
    "Prénom": "first_name", "Nom": "last_name", "Nom de famille": "last_name",
    "Nom à afficher": "full_name", "Première adresse électronique": "email",
    "Adresse électronique secondaire": "email", "Tél. professionnel": "phone",
    "Portable": "phone", "Tél. personnel": "phone", "Pays/Région": "country",
    "Profession": "role", "Société": "organisation",
}

SHAPES = (
    _shape("Outlook", ["First Name", "Middle Name", "Last Name", "Suffix", "Job Title"],
           _OUTLOOK_EN),
    _shape("Outlook", ["Prénom", "Deuxième prénom", "Nom", "Suffixe"], _OUTLOOK_FR),
    _shape("Google Contacts", ["First Name", "Last Name", "E-mail 1 - Value"], _GOOGLE),
    _shape("Google Contacts", ["Given Name", "Family Name", "E-mail 1 - Value"], _GOOGLE),
    _shape("Thunderbird", ["First Name", "Last Name", "Display Name", "Primary Email"],
           _THUNDERBIRD),
    _shape("Thunderbird", ["Prénom", "Nom à afficher", "Première adresse électronique"],
           _THUNDERBIRD),
)


def recognise(kind: str, keys: list[str]) -> tuple[str, list[str | None]] | None:
    """The export a contacts header row comes from, and each column's field (or None)."""
    if kind != "contacts":
        return None
    present = set(keys)
    for shape in SHAPES:
        if shape.signature <= present:
            return shape.name, _columns(shape, keys)
    return None


def _columns(shape: Shape, keys: list[str]) -> list[str | None]:
    seen: dict[str, int] = {}
    found: list[str | None] = []
    for key in keys:
        field = shape.fields.get(key)
        if isinstance(field, tuple):  # the same header twice: one field per occurrence
            index = seen.get(key, 0)
            seen[key] = index + 1
            field = field[min(index, len(field) - 1)]
        found.append(None if field == COURTESY else field)
    return found
