"""The IATI 2.03 activity file: the commune's cooperation, readable by every aid database.

Each partnership (or each of its projects) becomes an ``iati-activity``
whose identifier starts with the commune's IATI organisation identifier,
with its status, dates, recipient country, DAC sector, SDG tags, policy
markers, budgets per year and every transaction in its own currency. The
file is checked before it is written: a record that would make it invalid
is named in the message, and no file is written.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import settings
from core.declarations import iati_codes as codes
from core.declarations.iati_data import Activity, activities, record_name
from core.errors import UserError
from core.files import write_atomically
from core.i18n import _
from core.money import from_cents

if TYPE_CHECKING:
    from sqlite_utils import Database

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def export_iati(db: Database, out: Path, *, year: int | None = None,
                today: dt.date | None = None) -> int:
    """Write the activity file to ``out``; the number of activities. Nothing on a problem."""
    org_id = settings.get(db, "iati_org_id").strip()
    if not org_id:
        raise UserError(_("Set the commune's IATI organisation identifier in the settings "
                          "first (for example BE-BCE_KBO-0207123456)."))
    with db.atomic():
        found = activities(db, year)
        name = settings.get(db, "municipality_name") or org_id
        lang = settings.get(db, "language") or "fr"
    problems = [problem for activity in found for problem in check(activity)]
    if problems:
        raise UserError(_("IATI file not written: {problems}").format(problems="; ".join(problems)))
    root = ET.Element("iati-activities", {"version": VERSION, "generated-datetime": _now(today)})
    for activity in found:
        root.append(activity_element(activity, org_id, name, lang))
    ET.indent(root)
    write_atomically(Path(out), lambda path: ET.ElementTree(root).write(
        path, encoding="utf-8", xml_declaration=True))
    return len(found)


def _now(today: dt.date | None) -> str:
    moment = dt.datetime.now(dt.UTC).replace(microsecond=0)
    if today is not None and today != moment.date():
        moment = dt.datetime.combine(today, dt.time(), dt.UTC)
    return moment.isoformat().replace("+00:00", "Z")


def check(activity: Activity) -> list[str]:
    """Every reason this activity would make the file invalid, each naming its record."""
    problems = []
    if not activity.start:
        problems.append(_("{record}: no start date.").format(record=activity.record))
    problems += codes.problems_of_code("country", activity.country, activity.record)
    problems += codes.problems_of_code("sector", activity.sector, activity.record)
    for t in activity.transactions:
        record = record_name("transactions", t["id"], t["label"])
        problems += codes.problems_of_code("currency", t["currency"], record)
    return problems


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items()})
    if text is not None:
        ET.SubElement(element, "narrative").text = text
    return element


def activity_element(a: Activity, org_id: str, name: str, lang: str) -> ET.Element:
    element = ET.Element("iati-activity", {
        "last-updated-datetime": a.updated, XML_LANG: lang, "default-currency": "EUR",
        "hierarchy": "2" if a.kind == "project" else "1"})
    ET.SubElement(element, "iati-identifier").text = f"{org_id}-{a.key}"
    _sub(element, "reporting-org", name, ref=org_id, type=codes.LOCAL_GOVERNMENT)
    _sub(element, "title", a.title)
    _sub(element, "description", a.description, type="1")
    _participants(element, a, org_id, name)
    status = (codes.PROJECT_STATUS if a.kind == "project" else codes.PARTNERSHIP_STATUS)
    _sub(element, "activity-status", code=status.get(a.status, "2"))
    _dates(element, a, status.get(a.status, "2"))
    _sub(element, "recipient-country", code=str(a.country), percentage="100")
    _sub(element, "sector", vocabulary="1", code=a.sector, percentage="100")
    for goal in a.sdgs:
        _sub(element, "tag", vocabulary=codes.SDG_GOALS, code=str(goal))
    for field_name, significance in a.markers.items():
        _sub(element, "policy-marker", vocabulary="1", code=codes.POLICY_MARKERS[field_name],
             significance=significance)
    if a.aid_type:
        _sub(element, "default-aid-type", code=a.aid_type, vocabulary="1")
    for year, cents in sorted(a.budgets.items()):
        _budget(element, year, cents)
    for t in a.transactions:
        _transaction(element, t)
    return element


def _participants(element: ET.Element, a: Activity, org_id: str, name: str) -> None:
    _sub(element, "participating-org", name, ref=org_id, role=codes.ROLE_FUNDING,
         type=codes.LOCAL_GOVERNMENT)
    _sub(element, "participating-org", name, ref=org_id, role=codes.ROLE_EXTENDING,
         type=codes.LOCAL_GOVERNMENT)
    if a.partner:
        _sub(element, "participating-org", a.partner, role=codes.ROLE_IMPLEMENTING,
             type=codes.LOCAL_GOVERNMENT)
    funders = {t["organisation"] for t in a.transactions
               if t["kind"] == "income" and t["organisation"] and t["organisation"] != a.partner}
    for funder in sorted(funders):
        _sub(element, "participating-org", funder, role=codes.ROLE_FUNDING)


def _dates(element: ET.Element, a: Activity, status: str) -> None:
    """Actual dates once the activity has begun (or ended); planned ones before."""
    begun = status not in ("1",)
    _sub(element, "activity-date", type="2" if begun else "1", iso_date=str(a.start))
    if a.end:
        _sub(element, "activity-date", type="4" if status in ("3", "4") else "3",
             iso_date=a.end)


def _budget(element: ET.Element, year: int, cents: int) -> None:
    budget = _sub(element, "budget", type="1", status="1")
    _sub(budget, "period-start", iso_date=f"{year:04d}-01-01")
    _sub(budget, "period-end", iso_date=f"{year:04d}-12-31")
    value = _sub(budget, "value", currency="EUR", value_date=f"{year:04d}-01-01")
    value.text = str(from_cents(cents))


def _transaction(element: ET.Element, t: dict[str, Any]) -> None:
    income = t["kind"] == "income"
    transaction = _sub(element, "transaction", ref=str(t["id"]))
    _sub(transaction, "transaction-type",
         code=codes.INCOMING_FUNDS if income else codes.EXPENDITURE)
    _sub(transaction, "transaction-date", iso_date=t["date"])
    value = _sub(transaction, "value", currency=t["currency"], value_date=t["date"])
    value.text = str(from_cents(t["amount_cents"]))
    _sub(transaction, "description", t["label"])
    other = t["organisation"] or t["counterparty"]
    if other:
        _sub(transaction, "provider-org" if income else "receiver-org", other)
