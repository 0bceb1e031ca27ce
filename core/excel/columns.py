"""Which column of a user's sheet holds which field: headers in French, Dutch or English.

A predecessor's contact list says "Nom", "Naam" or "Last name", "Courriel",
"GSM"... Each import field has its usual variants here; a header matches a
field when, normalised (case, accents, punctuation), it equals one of them.
The user corrects a match with ``--map "Header=field"`` or in the wizard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from core.excel import headers, shapes
from core.parse import normalise_key

# Import kinds (as the command line names them) and the table each fills.
KINDS = {
    "contacts": "contacts",
    "organisations": "organisations",
    "partnerships": "partnerships",
    "missions": "missions",
    "transactions": "transactions",
    "budget": "budget_lines",
    "participants": "mission_participants",
    "partnership_contacts": "partnership_contacts",
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
                         "organisatie", "instelling", "organization", "employer", "société",
                         "entreprise", "employeur", "company", "bedrijf",
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
                                  "convention jusqu'au", "convention valable jusqu'au",
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
                 "payment date", "émission", "date d'émission", "date de mandatement",
                 "date comptable", "boekdatum", "datum betaling", "~date de facture",
                 "~factuurdatum"],
        "partnership": ["partenariat", "jumelage", "partnerschap", "partnership",
                        "partnership_name"],
        "kind": ["type", "sens", "dépense ou recette", "soort", "kind", "dépense recette",
                 "uitgave ontvangst", "mandat ou titre", "d r", "type d'opération"],
        "category": ["catégorie", "poste", "rubrique", "categorie", "post", "category"],
        "label": ["libellé", "objet", "description", "intitulé", "omschrijving", "label",
                  "description de l'opération", "libellé du mandat", "objet du mandat"],
        "amount": ["montant", "bedrag", "amount", "somme", "montant ttc", "total",
                   "montant payé", "montant payé ttc", "total ttc", "bedrag incl btw",
                   "amount incl vat", "~montant ht", "~bedrag excl btw"],
        "currency": ["devise", "monnaie", "munt", "valuta", "currency"],
        "rate": ["taux", "taux de change", "koers", "wisselkoers", "rate", "exchange rate"],
        "amount_eur": ["montant en eur", "montant eur", "montant en euros", "eur",
                       "bedrag in eur", "bedrag eur", "amount in eur", "amount eur"],
        "counterparty": ["bénéficiaire", "fournisseur", "payeur", "tiers", "nom du tiers",
                         "créancier", "débiteur", "fournisseur / payeur", "leverancier/klant",
                         "bénéficiaire ou payeur", "begunstigde", "leverancier",
                         "begunstigde of betaler", "payee", "payer", "payee or payer",
                         "supplier"],
        "reference": ["référence", "n° de facture", "facture", "pièce", "bon de commande",
                      "ordre de paiement", "referentie", "factuurnummer", "reference",
                      "invoice", "n° mandat", "numéro de mandat", "n° titre",
                      "numéro de titre", "mandat", "~n° bordereau", "~bordereau",
                      "~documentnummer", "~boekingsnummer"],
        "document_number": ["pièce justificative", "n° pièce justificative", "justificatif",
                            "bewijsstuk", "supporting document"],
        "budget_post": ["imputation", "imputation budgétaire", "article budgétaire",
                        "article par nature", "article", "nature", "compte",
                        "begrotingsartikel", "budgetartikel", "algemene rekening",
                        "budgetsleutel", "poste budgétaire", "budget post", "budget article",
                        "budget line code"],
        # The declarations' fields (e-APD, CIC/GIS): what a financial report's columns say.
        "budget_source": ["budget 1 %", "payé sur le budget", "budget payeur",
                          "betaald uit de begroting", "paid from budget"],
        "funding": ["financement", "source de financement", "financé par", "financiering",
                    "financieringsbron", "gefinancierd door", "funding", "funded by"],
        "eligible": ["éligible", "eligible", "éligibilité", "subsidiabel", "subsidiabiliteit",
                     "eligibility"],
        "ineligible_reason": ["motif de non-éligibilité", "motif d'inéligibilité",
                              "waarom niet subsidiabel", "reden niet subsidiabel",
                              "why not eligible", "reason not eligible"],
        "bank_fees": ["frais bancaires", "frais de banque", "bankkosten", "bank fees",
                      "bank charges"],
        "expense_amount": ["dépense", "dépenses", "montant dépense", "montant des dépenses",
                           "débit", "uitgave", "uitgaven", "bedrag uitgave", "expense",
                           "expenses", "debit"],
        "income_amount": ["recette", "recettes", "montant recette", "montant des recettes",
                          "crédit", "ontvangst", "ontvangsten", "bedrag ontvangst", "income",
                          "receipts", "credit"],
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
        "budget_post": ["poste budgétaire", "poste du plan opérationnel", "begrotingspost",
                        "budget post"],
        "notes": _COMMON["notes"],
        "id": _COMMON["id"],
    },
    # A participant: the mission (title and start date, its partnership when two missions
    # share them), a contact (e-mail or name) or a free name, and what they came as.
    "participants": {
        "mission": ["mission", "titre de la mission", "intitulé de la mission", "missie",
                    "titel van de missie", "naam van de missie", "mission title", "delegation",
                    "délégation", "delegatie", "mission_title"],
        "mission_start": ["début de la mission", "date de la mission", "départ", "date de départ",
                          "début", "date", "begin van de missie", "datum van de missie",
                          "vertrek", "vertrekdatum", "begin", "datum", "mission start",
                          "mission date", "start date", "start", "departure"],
        "partnership": ["partenariat", "jumelage", "partnerschap", "partnership",
                        "partnership_name"],
        "contact": ["contact", "nom du contact", "personne de contact", "contactpersoon",
                    "naam van het contact", "contact name", "contact person"],
        "email": ["courriel", "e-mail", "email", "mail", "adresse e-mail", "adresse mail",
                  "e-mail du contact", "courriel du contact", "e-mailadres", "emailadres",
                  "e-mail van het contact", "contact e-mail", "contact email"],
        "name": ["nom", "participant", "participante", "nom du participant",
                 "nom et prénom", "prénom et nom", "naam", "deelnemer", "naam van de deelnemer",
                 "volledige naam", "name", "participant name", "full name"],
        "category": ["catégorie", "qualité", "statut", "type", "categorie", "hoedanigheid",
                     "soort", "category", "capacity"],
        "notes": _COMMON["notes"],
        "id": _COMMON["id"],
    },
    # A partnership's contact: the partnership by name, the contact by e-mail or name.
    "partnership_contacts": {
        "partnership": ["partenariat", "jumelage", "partnerschap", "partnership",
                        "partnership_name"],
        "contact": ["contact", "nom", "nom du contact", "personne", "personne de contact",
                    "contactpersoon", "naam", "contact name", "contact person", "name"],
        "email": ["courriel", "e-mail", "email", "mail", "adresse e-mail", "adresse mail",
                  "e-mail du contact", "courriel du contact", "e-mailadres", "emailadres",
                  "e-mail van het contact", "contact e-mail", "contact email"],
        "role": ["rôle", "role", "fonction dans le partenariat", "rôle dans le partenariat",
                 "rol", "rol in het partnerschap", "functie", "role in the partnership"],
        "notes": _COMMON["notes"],
        "id": _COMMON["id"],
    },
}


def fields(kind: str) -> list[str]:
    return list(SYNONYMS[kind])


# Export column keys that the import calls otherwise.
_EXPORT_ALIASES = {"partner_organisation": "partner", "funder_organisation": "funder"}


@cache
def vocabulary(kind: str) -> headers.Vocabulary:
    """The kind's synonyms, then every header our own export writes (what goes out comes in)."""
    from core.excel.exportcolumns import known_headers

    names: dict[str, str] = {}
    for name, synonyms in SYNONYMS[kind].items():
        for synonym in [name, name.replace("_", " "), *synonyms]:
            names.setdefault(synonym, name)
    for header, key in known_headers(KINDS[kind]).items():
        name = _EXPORT_ALIASES.get(key, key)
        if name in SYNONYMS[kind]:
            names.setdefault(header, name)
    return headers.Vocabulary(names)


@dataclass
class Matching:
    """Column -> field (a field's first column first), the columns matched only by a
    guess, and the export program recognised, if any."""

    mapping: dict[int, str]
    guessed: set[int] = field(default_factory=set)
    shape: str | None = None


def _user_field(key: str, extra: dict[str, str]) -> str | None:
    """The user's own field for a header ("" to leave it out), or None if they said nothing."""
    for name, chosen in extra.items():
        if normalise_key(name) == key:
            return chosen
    return None


def match(kind: str, header: object, extra: dict[str, str] | None = None) -> str | None:
    """The field a header names for certain, or None. ``extra``: the user's header -> field."""
    key = normalise_key(str(header or ""))
    if not key:
        return None
    chosen = _user_field(key, extra or {})
    if chosen is not None:
        return chosen or None
    options = vocabulary(kind).candidates(str(header))
    return options[0][0] if options and options[0][1] >= headers.CERTAIN else None


def match_columns(kind: str, row: list[object],
                  extra: dict[str, str] | None = None) -> Matching:
    """Each column's field, scored once per header: the user's word, a known export, a guess."""
    texts = [str(h).strip() if h is not None else "" for h in row]
    keys = [normalise_key(t) for t in texts]
    known = shapes.recognise(kind, keys)
    words = vocabulary(kind)
    options: list[tuple[tuple[str, int], ...]] = []
    for column, (text, key) in enumerate(zip(texts, keys, strict=True)):
        chosen = _user_field(key, extra or {}) if key else None
        if chosen is not None:
            options.append(((chosen, headers.CONFIRMED),) if chosen else ())
        elif known is not None:
            found = known[1][column]
            options.append(((found, headers.EXACT),) if found else ())
        else:
            options.append(words.candidates(text))
    mapping, guessed = headers.assign(options)
    return Matching(mapping, guessed, known[0] if known else None)


def map_columns(kind: str, row: list[object],
                extra: dict[str, str] | None = None) -> dict[int, str]:
    """Column index -> field (see ``match_columns``)."""
    return match_columns(kind, row, extra).mapping
