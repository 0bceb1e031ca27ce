"""A large, plausible network of municipalities, as a dump: for the benchmark and the crash test.

Deterministic (seeded), with accents and Arabic names, several currencies
and the links a real file has, so that timings mean something.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from core.dump import FORMAT
from core.migrations import LATEST_VERSION
from core.money import FIXED_PARITIES

STAMP = "2026-01-01T00:00:00Z"
FIRST = [
    "Awa",
    "Moussa",
    "Élodie",
    "Jan",
    "Fatou",
    "محمد",
    "Lucía",
    "Pieter",
    "Aïssata",
    "Noël",
    "فاطمة",
    "Koen",
    "Mariama",
    "José",
    "Anaïs",
    "Youssef",
]
LAST = [
    "Diatta",
    "Sané",
    "Vandenberghe",
    "Peeters",
    "Ndiaye",
    "العلوي",
    "Quispe",
    "Janssens",
    "Traoré",
    "Dupont",
    "Benali",
    "Mamani",
    "De Smet",
    "Ouédraogo",
    "Lefèvre",
    "Kaboré",
]
COUNTRIES = ["SN", "MA", "ML", "BF", "BJ", "CM", "BO", "GT", "PS", "BE", "FR"]
CURRENCIES = [
    ("EUR", None),
    ("EUR", None),
    ("EUR", None),
    ("XOF", None),
    ("MAD", Decimal("10.85")),
    ("BOB", Decimal("7.55")),
]


def _common(n: int) -> dict[str, Any]:
    return {"id": n, "created_at": STAMP, "updated_at": STAMP}


def _eur(cents: int, currency: str, rate: Decimal | None) -> tuple[str | None, str]:
    rate = FIXED_PARITIES.get(currency, rate)
    if rate is None:
        return None, f"{Decimal(cents) / 100:.2f}"
    eur = (Decimal(cents) / 100 / rate).quantize(Decimal("0.01"))
    return format(rate.normalize(), "f"), f"{eur:.2f}"


def network(
    contacts: int, transactions: int, partnerships: int = 200, seed: int = 7
) -> dict[str, Any]:
    rnd = random.Random(seed)
    orgs = [
        {
            **_common(i),
            "name": f"Commune partenaire {i}",
            "kind": "partner_authority",
            "country": COUNTRIES[i % len(COUNTRIES)],
        }
        for i in range(1, partnerships + 1)
    ]
    parts = [
        {
            **_common(i),
            "name": f"Jumelage {i} – Ville {i}",
            "partner_organisation_id": i,
            "country": orgs[i - 1]["country"],
            "status": "active" if i % 5 else "dormant",
            "start_date": f"{2000 + i % 20}-01-15",
            "sdgs": [6, 17],
        }
        for i in range(1, partnerships + 1)
    ]
    people = [
        {
            **_common(i),
            "first_name": rnd.choice(FIRST),
            "last_name": rnd.choice(LAST),
            "organisation_id": rnd.randint(1, partnerships),
            "email": f"personne{i}@exemple.org",
            "role": "Chargé·e de mission",
            "country": rnd.choice(COUNTRIES),
        }
        for i in range(1, contacts + 1)
    ]
    missions = [
        {
            **_common(i),
            "partnership_id": rnd.randint(1, partnerships),
            "title": f"Mission {i}",
            "direction": rnd.choice(["outgoing", "incoming"]),
            "start_date": f"{rnd.randint(2016, 2027)}-{rnd.randint(1, 12):02d}-10",
            "status": rnd.choice(["planned", "confirmed", "done"]),
        }
        for i in range(1, partnerships * 5 + 1)
    ]
    lines = [
        {
            **_common(i),
            "partnership_id": (i - 1) % partnerships + 1,
            "year": 2017 + (i - 1) // partnerships % 10,
            "kind": "expense",
            "category": "travel",
            "amount": "15000.00",
            "currency": "EUR",
            "amount_eur": "15000.00",
        }
        for i in range(1, partnerships * 10 + 1)
    ]
    money = []
    for i in range(1, transactions + 1):
        currency, rate = rnd.choice(CURRENCIES)
        cents = rnd.randint(1000, 5_000_000)
        used_rate, eur = _eur(cents, currency, rate)
        money.append(
            {
                **_common(i),
                "date": f"{rnd.randint(2017, 2026)}-"
                f"{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                "partnership_id": rnd.randint(1, partnerships),
                "kind": "expense" if i % 4 else "income",
                "label": f"Facture {i} – billets et hébergement",
                "amount": f"{Decimal(cents) / 100:.2f}",
                "currency": currency,
                "rate": used_rate,
                "amount_eur": eur,
                "reference": f"OP {i}",
            }
        )
    deadlines = [
        {
            **_common(i),
            "title": f"Rapport de subvention {i}",
            "due_date": f"{rnd.randint(2024, 2027)}-{rnd.randint(1, 12):02d}-01",
            "partnership_id": rnd.randint(1, partnerships),
            "done": i % 3 == 0,
        }
        for i in range(1, partnerships * 3 + 1)
    ]
    return {
        "format": FORMAT,
        "schema_version": LATEST_VERSION,
        "settings": {},
        "organisations": orgs,
        "partnerships": parts,
        "contacts": people,
        "missions": missions,
        "budget_lines": lines,
        "transactions": money,
        "deadlines": deadlines,
    }
