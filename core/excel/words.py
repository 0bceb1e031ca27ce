"""The words people type in a choice column, in French, Dutch and English.

A predecessor's list says a partnership is "En veille" or "slapend", a
mission "Accueil", a finance extract "Mandat" or "Ontvangst". Each choice
field lists here its usual words beside the labels the app itself shows
(read in every language by ``cells``); what is still unknown is asked of
the user once and remembered.
"""

from __future__ import annotations

# (table, field) -> choice -> usual words; case and accents do not matter.
_MONEY_KINDS = {
    "expense": ["dépense", "dépenses", "mandat", "mandats", "débit", "d", "sortie", "charge",
                "charges", "uitgave", "uitgaven", "debet", "u", "expenditure", "payment",
                "spending", "out"],
    "income": ["recette", "recettes", "titre", "titres", "titre de recette", "crédit", "r",
               "entrée", "produit", "produits", "ontvangst", "ontvangsten", "inkomst",
               "inkomsten", "o", "receipt", "revenue", "in"],
}
_CATEGORIES = {
    "travel": ["transport", "transports", "voyage", "voyages", "déplacement", "déplacements",
               "billets", "billets d'avion", "avion", "vols", "reizen", "reis", "reiskosten",
               "vervoer", "vliegtuig", "vliegtickets", "flights", "tickets"],
    "accommodation": ["hébergement", "hôtel", "hôtels", "logement", "nuitées", "verblijf",
                      "logies", "hotel", "overnachting", "lodging", "hotels"],
    "per_diem": ["per diem", "perdiem", "indemnités journalières", "frais de séjour",
                 "indemnités", "dagvergoeding", "dagvergoedingen", "daily allowance"],
    "activities": ["activité", "activités", "animation", "animations", "actions",
                   "activiteit", "activiteiten", "activity"],
    "equipment": ["matériel", "matériels", "équipement", "équipements", "fournitures",
                  "materiaal", "materieel", "uitrusting", "material", "supplies"],
    "communication": ["communication", "publicité", "promotion", "communicatie", "promotie",
                      "publicity"],
    "staff_time": ["personnel", "temps de travail", "salaires", "frais de personnel",
                   "personeel", "personeelskosten", "loonkosten", "staff", "salaries"],
    "other": ["divers", "autres", "autre", "overige", "andere", "varia", "diversen",
              "miscellaneous", "misc", "others"],
    "own_funds": ["fonds propres", "budget communal", "part communale", "autofinancement",
                  "eigen middelen", "eigen inbreng", "own contribution"],
    "grant": ["subvention", "subventions", "subside", "subsides", "dotation", "cofinancement",
              "subsidie", "subsidies", "toelage", "subsidy", "co-financing"],
    "partner_contribution": ["contribution du partenaire", "apport du partenaire",
                             "apport partenaire", "part du partenaire", "bijdrage partner",
                             "bijdrage van de partner", "partner share"],
    "in_kind": ["en nature", "apport en nature", "valorisation", "bénévolat", "in natura",
                "bijdrage in natura", "in-kind", "in kind contribution"],
}
_PARTICIPANTS = {
    "elected": ["élu", "élue", "élus", "élues", "maire", "adjoint", "adjointe", "échevin",
                "échevine", "bourgmestre", "conseiller", "conseillère", "conseiller municipal",
                "conseillère municipale", "verkozene", "mandataris", "burgemeester", "schepen",
                "gemeenteraadslid", "raadslid", "mayor", "councillor", "elected"],
    "staff": ["agent", "agente", "agents", "personnel", "fonctionnaire", "technicien",
              "technicienne", "chargé de mission", "chargée de mission", "personeel",
              "ambtenaar", "medewerker", "medewerkster", "employee", "officer"],
    "citizen": ["citoyen", "citoyenne", "citoyens", "habitant", "habitante", "bénévole",
                "burger", "inwoner", "vrijwilliger", "volunteer", "resident"],
    "youth": ["jeune", "jeunes", "élève", "étudiant", "étudiante", "jongere", "jongeren",
              "leerling", "student", "young person"],
    "partner": ["partenaire", "partenaires", "partner", "partners"],
    "expert": ["expert", "experte", "consultant", "consultante", "formateur", "formatrice",
               "deskundige", "specialist"],
}
WORDS: dict[tuple[str, str], dict[str, list[str]]] = {
    ("partnerships", "status"): {
        "exploratory": ["exploratoire", "en projet", "en discussion", "en préparation",
                        "prospection", "en construction", "verkennend", "in voorbereiding",
                        "verkenning", "exploration", "prospective", "planned"],
        "active": ["actif", "active", "actifs", "en cours", "en activité", "vivant", "actief",
                   "lopend", "ongoing", "live", "current"],
        "dormant": ["en veille", "en sommeil", "inactif", "inactive", "gelé", "gelée",
                    "suspendu", "suspendue", "en pause", "en suspens", "mis en veille",
                    "slapend", "opgeschort", "inactief", "bevroren", "on hold", "suspended",
                    "inactive", "paused", "frozen"],
        "ended": ["terminé", "terminée", "clos", "close", "clôturé", "clôturée", "fini",
                  "finie", "arrêté", "arrêtée", "dissous", "rompu", "achevé", "beëindigd",
                  "afgelopen", "stopgezet", "gestopt", "afgesloten", "closed", "finished",
                  "terminated", "over"],
    },
    ("missions", "direction"): {
        "outgoing": ["départ", "aller", "sortante", "sortant", "envoi", "chez le partenaire",
                     "là-bas", "uitgaand", "uitgaande", "heen", "vertrek", "outbound", "out",
                     "abroad", "away"],
        "incoming": ["accueil", "entrant", "entrante", "réception", "venue", "ici",
                     "inkomend", "inkomende", "ontvangst", "bezoek", "inbound", "in",
                     "hosting", "visit"],
    },
    ("missions", "status"): {
        "planned": ["prévue", "prévu", "à venir", "en préparation", "envisagée", "projet",
                    "gepland", "voorzien", "in voorbereiding", "upcoming", "scheduled"],
        "confirmed": ["confirmée", "confirmé", "validée", "validé", "bevestigd",
                      "goedgekeurd", "approved"],
        "done": ["réalisée", "réalisé", "effectuée", "effectué", "faite", "fait", "terminée",
                 "terminé", "passée", "uitgevoerd", "afgerond", "gedaan", "voltooid",
                 "completed", "held", "carried out"],
        "cancelled": ["annulée", "annulé", "abandonnée", "geannuleerd", "afgelast",
                      "canceled", "called off"],
    },
    ("transactions", "kind"): _MONEY_KINDS,
    ("budget_lines", "kind"): _MONEY_KINDS,
    ("transactions", "category"): _CATEGORIES,
    ("budget_lines", "category"): _CATEGORIES,
    ("mission_participants", "category"): _PARTICIPANTS,
    ("organisations", "kind"): {
        "partner_authority": ["collectivité partenaire", "commune partenaire", "mairie",
                              "collectivité", "commune", "partnerbestuur", "partnergemeente",
                              "gemeente", "municipality", "local authority"],
        "association": ["asbl", "vzw", "vereniging", "association loi 1901"],
        "ngo": ["ong", "ngo"],
        "twinning_committee": ["comité de jumelage", "jumelage", "stedenbandcomité",
                               "twinning association"],
        "funder": ["bailleur", "bailleur de fonds", "financeur", "subsidiegever", "donor"],
        "school": ["école", "lycée", "collège", "université", "school", "universiteit",
                   "hogeschool", "university"],
        "company": ["entreprise", "société", "bedrijf", "onderneming", "firm"],
    },
}
# Yes and no, as ticked in a spreadsheet.
YES = ["oui", "o", "x", "vrai", "ja", "j", "waar", "yes", "y", "true", "1", "✓", "✔", "ok"]
NO = ["non", "n", "faux", "nee", "neen", "onwaar", "no", "false", "0", "-"]


def usual_words(table: str, field: str) -> dict[str, list[str]]:
    return WORDS.get((table, field), {})
