"""Which column of a user's sheet holds which field: headers in French, Dutch or English.

A predecessor's contact list says "Nom", "Naam" or "Last name", "Courriel",
"GSM"... Each import field has its usual variants here; a header matches a
field when, normalised (case, accents, punctuation), it equals one of them.
The user corrects a match with ``--map "Header=field"`` or in the wizard.
"""

from __future__ import annotations

from functools import cache

from core.parse import normalise_key

# Import kinds (as the command line names them) and the table each fills.
KINDS = {
    "contacts": "contacts",
    "organisations": "organisations",
    "partnerships": "partnerships",
    "missions": "missions",
    "transactions": "transactions",
    "budget": "budget_lines",
}

_COMMON = {
    "id": ["id", "no", "n°", "numéro", "nummer", "number", "No."],
    "notes": ["notes", "remarques", "commentaire", "commentaires", "opmerkingen", "opmerking",
              "comments", "note"],
    "country": ["pays", "land", "country", "country code", "code pays", "landcode"],
    "email": ["courriel", "e-mail", "email", "mail", "adresse e-mail", "adresse mail",
              "adresse électronique", "mél", "e-mailadres", "emailadres"],
    "phone": ["téléphone", "tel", "tél", "gsm", "portable", "mobile", "phone", "telefoon",
              "telefoonnummer", "phone number", "numéro de téléphone"],
}

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "contacts": {
        "last_name": ["nom", "nom de famille", "naam", "achternaam", "familienaam",
                      "last name", "surname", "family name", "name"],
        "first_name": ["prénom", "voornaam", "first name", "given name", "firstname"],
        "full_name": ["nom complet", "nom et prénom", "prénom et nom", "volledige naam",
                      "full name", "contact"],
        "organisation": ["organisation", "organisme", "structure", "institution", "commune",
                         "organisatie", "instelling", "organization", "employer",
                         "organisation_name"],
        "role": ["fonction", "rôle", "titre", "qualité", "functie", "rol", "role", "title",
                 "job title", "position"],
        "languages": ["langues", "langue", "talen", "taal", "languages", "language"],
        "legal_basis": ["base légale", "rechtsgrond", "legal basis"],
        "legal_basis_date": ["date de la base légale", "legal basis date"],
        **{k: v for k, v in _COMMON.items()},
    },
    "organisations": {
        "name": ["nom", "organisation", "raison sociale", "naam", "organisatie", "name",
                 "organization"],
        "kind": ["type", "catégorie", "nature", "soort", "categorie", "kind", "category"],
        "city": ["ville", "localité", "commune", "stad", "gemeente", "plaats", "city", "town"],
        "address": ["adresse", "adres", "address", "rue"],
        "website": ["site", "site web", "site internet", "website", "web", "url"],
        **_COMMON,
    },
    "partnerships": {
        "name": ["partenariat", "nom", "jumelage", "partnerschap", "naam", "partnership",
                 "name", "twinning"],
        "partner": ["partenaire", "collectivité partenaire", "commune partenaire",
                    "partner", "partnerbestuur", "partnergemeente", "partner authority",
                    "partner_organisation_name"],
        "status": ["statut", "état", "status", "staat"],
        "start_date": ["début", "depuis", "date de début", "start", "begin", "startdatum",
                       "start date", "since"],
        "end_date": ["fin", "date de fin", "einde", "einddatum", "end", "end date"],
        "agreement_signed_date": ["convention signée", "signature de la convention",
                                  "date de signature", "ondertekening", "agreement signed"],
        "agreement_expiry_date": ["expiration de la convention", "fin de la convention",
                                  "échéance de la convention", "vervaldatum overeenkomst",
                                  "agreement expires", "agreement expiry"],
        "framework_programme": ["programme", "programme-cadre", "cadre", "programma",
                                "kaderprogramma", "framework programme", "programme cadre"],
        "themes": ["thèmes", "thématiques", "thema's", "themas", "themes", "domaines"],
        "sdgs": ["odd", "sdg", "sdgs", "objectifs de développement durable"],
        "summary": ["résumé", "description", "samenvatting", "beschrijving", "summary"],
        "country": _COMMON["country"],
        "notes": _COMMON["notes"],
        "id": _COMMON["id"],
    },
    "missions": {
        "partnership": ["partenariat", "jumelage", "partnerschap", "partnership",
                        "partnership_name"],
        "title": ["mission", "titre", "intitulé", "objet de la mission", "missie", "titel",
                  "title", "name"],
        "direction": ["sens", "direction", "richting", "aller ou accueil"],
        "destination_city": ["destination", "ville", "lieu", "bestemming", "stad", "plaats",
                             "city", "destination city", "ville de destination"],
        "destination_country": ["pays", "pays de destination", "land", "country",
                                "destination country"],
        "start_date": ["début", "départ", "date de départ", "du", "date", "begin", "vertrek",
                       "start", "start date", "from"],
        "end_date": ["fin", "retour", "date de retour", "au", "einde", "terugkeer", "end",
                     "end date", "to"],
        "status": ["statut", "état", "status"],
        "purpose": ["objet", "objectif", "but", "doel", "purpose"],
        "programme": ["programme", "programma", "programme day by day", "agenda"],
        "outcomes": ["résultats", "bilan", "resultaten", "outcomes", "results"],
        "follow_up": ["suites", "suivi", "opvolging", "follow-up", "follow up"],
        "id": _COMMON["id"],
    },
    "transactions": {
        "date": ["date", "datum", "date de paiement", "date d'opération", "betaaldatum",
                 "payment date"],
        "partnership": ["partenariat", "jumelage", "partnerschap", "partnership",
                        "partnership_name"],
        "kind": ["type", "sens", "dépense ou recette", "soort", "kind"],
        "category": ["catégorie", "poste", "rubrique", "categorie", "post", "category"],
        "label": ["libellé", "objet", "description", "intitulé", "omschrijving", "label",
                  "description de l'opération"],
        "amount": ["montant", "bedrag", "amount", "somme", "montant ttc", "total"],
        "currency": ["devise", "monnaie", "munt", "valuta", "currency"],
        "rate": ["taux", "taux de change", "koers", "wisselkoers", "rate", "exchange rate"],
        "amount_eur": ["montant en eur", "montant eur", "montant en euros", "eur",
                       "bedrag in eur", "bedrag eur", "amount in eur", "amount eur"],
        "counterparty": ["bénéficiaire", "fournisseur", "payeur", "tiers",
                         "bénéficiaire ou payeur", "begunstigde", "leverancier",
                         "begunstigde of betaler", "payee", "payer", "payee or payer",
                         "supplier"],
        "reference": ["référence", "n° de facture", "facture", "pièce", "bon de commande",
                      "ordre de paiement", "referentie", "factuurnummer", "reference",
                      "invoice"],
        "organisation": ["organisation", "bailleur", "financeur", "organisatie",
                         "financier", "funder", "organisation_name"],
        "notes": _COMMON["notes"],
        "id": _COMMON["id"],
    },
    "budget": {
        "partnership": ["partenariat", "jumelage", "partnerschap", "partnership",
                        "partnership_name"],
        "year": ["année", "exercice", "jaar", "boekjaar", "year"],
        "kind": ["type", "sens", "dépense ou recette", "soort", "kind"],
        "category": ["catégorie", "poste", "rubrique", "categorie", "post", "category"],
        "funder": ["bailleur", "financeur", "bailleur de fonds", "financier", "funder",
                   "funder_organisation_name"],
        "label": ["libellé", "intitulé", "description", "omschrijving", "label"],
        "amount": ["montant", "budget", "montant prévu", "bedrag", "begroot", "amount",
                   "planned"],
        "currency": ["devise", "monnaie", "munt", "valuta", "currency"],
        "rate": ["taux", "taux de change", "koers", "wisselkoers", "rate"],
        "amount_eur": ["montant en eur", "montant eur", "bedrag in eur", "amount in eur"],
        "notes": _COMMON["notes"],
        "id": _COMMON["id"],
    },
}


def fields(kind: str) -> list[str]:
    return list(SYNONYMS[kind])


# Export column keys that the import calls otherwise.
_EXPORT_ALIASES = {"partner_organisation": "partner", "funder_organisation": "funder"}


@cache
def _index(kind: str) -> dict[str, str]:
    """Normalised header -> field: the synonyms, then every header our own export writes."""
    from core.excel.exportcolumns import known_headers

    index: dict[str, str] = {}
    for field, names in SYNONYMS[kind].items():
        for name in [field, field.replace("_", " "), *names]:
            index.setdefault(normalise_key(name), field)
    for header, key in known_headers(KINDS[kind]).items():
        field = _EXPORT_ALIASES.get(key, key)
        if field in SYNONYMS[kind]:  # what goes out comes back in
            index.setdefault(header, field)
    return index


def match(kind: str, header: object, extra: dict[str, str] | None = None) -> str | None:
    """The field a header names, or None. ``extra`` holds the user's own header -> field."""
    key = normalise_key(str(header or ""))
    if not key:
        return None
    for name, field in (extra or {}).items():
        if normalise_key(name) == key:
            return field or None
    return _index(kind).get(key)


def map_columns(kind: str, headers: list[object],
                extra: dict[str, str] | None = None) -> dict[int, str]:
    """Column index -> field; the first column naming a field wins."""
    mapping: dict[int, str] = {}
    for column, header in enumerate(headers):
        field = match(kind, header, extra)
        if field and field not in mapping.values():
            mapping[column] = field
    return mapping
