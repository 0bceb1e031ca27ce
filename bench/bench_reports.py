"""PDF benchmark: the annual report of a busy year, and a mission summary.

The municipality: 20 partnerships, 200 missions and 5 000 transactions, all
in the reported year (the worst case for one annual report). Each figure is
our median time (at least 5 runs) and its ratio to reportlab, in the same
run, building a table document of the same rows read with sqlite3 (for the
annual report, the year's totals per partnership, per category and per
funder and the list of its missions; for the mission, its participants and
its transactions) the way one would by hand: the bundled DejaVu font
registered and embedded, each cell a wrapped Paragraph with Arabic shaped and
set right to left, a grid and a shaded header repeated on each page, and
"page X / Y" at the foot of every page. Ours also draws a chart and sections.

Usage: python bench/bench_reports.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import network  # noqa: E402
from bench.timing import median_time, report  # noqa: E402
from core import dump  # noqa: E402
from core.db import open_db  # noqa: E402
from core.reports import make_report  # noqa: E402

YEAR = 2025
ANNUAL_QUERIES = [
    "SELECT p.name, sum(CASE WHEN t.kind = 'expense' THEN t.amount_eur_cents END), "
    "sum(CASE WHEN t.kind = 'income' THEN t.amount_eur_cents END) FROM transactions t "
    "JOIN partnerships p ON p.id = t.partnership_id WHERE t.deleted_at IS NULL "
    "AND t.date BETWEEN ? AND ? GROUP BY p.id ORDER BY p.name",
    "SELECT m.title, m.start_date, m.destination_city, p.name FROM missions m "
    "JOIN partnerships p ON p.id = m.partnership_id WHERE m.deleted_at IS NULL "
    "AND m.start_date BETWEEN ? AND ? ORDER BY m.start_date",
    "SELECT kind, coalesce(category, ''), sum(amount_eur_cents) FROM transactions "
    "WHERE deleted_at IS NULL AND date BETWEEN ? AND ? GROUP BY kind, category",
    "SELECT coalesce(o.name, ''), sum(t.amount_eur_cents) FROM transactions t "
    "LEFT JOIN organisations o ON o.id = t.organisation_id WHERE t.deleted_at IS NULL "
    "AND t.kind = 'income' AND t.date BETWEEN ? AND ? GROUP BY t.organisation_id",
]
MISSION_QUERIES = [
    "SELECT coalesce(c.first_name || ' ' || c.last_name, mp.name), mp.category "
    "FROM mission_participants mp LEFT JOIN contacts c ON c.id = mp.contact_id "
    "WHERE mp.mission_id = ? AND mp.deleted_at IS NULL",
    "SELECT date, label, amount_cents, currency, amount_eur_cents FROM transactions "
    "WHERE mission_id = ? AND deleted_at IS NULL ORDER BY date",
]


def busy_year() -> dict[str, Any]:
    """20 partnerships, 200 missions with participants, 5 000 transactions, all in YEAR."""
    data = network(contacts=700, transactions=5000, partnerships=20)
    base = data["missions"][0]
    data["missions"] = [
        {**base, "id": i, "partnership_id": (i - 1) % 20 + 1, "title": f"Mission {i} – Marsassoum",
         "start_date": f"{YEAR}-{(i - 1) % 12 + 1:02d}-{(i - 1) % 27 + 1:02d}",
         "destination_city": "Ziguinchor", "destination_country": "SN",
         "purpose": "Suivi du projet d’adduction d’eau et rencontre du conseil municipal."}
        for i in range(1, 201)
    ]
    data["mission_participants"] = [
        {**{k: base[k] for k in ("created_at", "updated_at")}, "id": n, "mission_id": n // 3 + 1,
         "contact_id": n + 1, "category": "staff"}
        for n in range(600)
    ]
    for n, row in enumerate(data["transactions"]):
        row["date"] = f"{YEAR}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        row["mission_id"] = n % 200 + 1 if n % 2 else None
    data["budget_lines"] = [dict(line, year=YEAR) for line in data["budget_lines"][:20]]
    return data


FONT = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
RTL = re.compile("[\u0590-\u08ff]")


def _numbered_canvas() -> Any:
    """reportlab's usual recipe for "page X of Y": keep each page, number them at the end."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self.pages, start=1):
                self.__dict__.update(state)
                self.setFont("DejaVu", 8)
                self.drawRightString(560, 20, f"Page {number} / {len(self.pages)}")
                super().showPage()
            super().save()

    return NumberedCanvas


def plain_table_pdf(out: Path, rows: list[list[Any]]) -> None:
    """The same rows as one styled table in the bundled, embedded font, cells wrapped,
    Arabic shaped and set right to left, header repeated, pages numbered "X / Y"."""
    import arabic_reshaper
    from bidi import get_display
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    style = ParagraphStyle("cell", fontName="DejaVu", fontSize=8, leading=10)

    def cell(value: Any) -> Paragraph:
        text = "" if value is None else str(value)
        if RTL.search(text):
            text = get_display(arabic_reshaper.reshape(text))
        return Paragraph(escape(text), style)

    table = Table([[cell(v) for v in row] for row in rows] or [[""]], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVu"),
                               ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    document = SimpleDocTemplate(str(out), pagesize=A4, initialFontName="DejaVu")
    document.build([table], canvasmaker=_numbered_canvas())


def bare(db_path: Path, queries: list[str], params: list[Any], out: Path) -> None:
    conn = sqlite3.connect(db_path)
    rows: list[list[Any]] = [["", "", "", ""]]
    for sql in queries:
        rows += [list(r) + [""] * (4 - len(r)) for r in conn.execute(sql, params[: sql.count("?")])]
    conn.close()
    plain_table_pdf(out, rows)


def ours(db_path: Path, kind: str, key: int, out: Path) -> None:
    db = open_db(db_path, verify=False)
    try:
        make_report(db, kind, key, out)
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("a median needs at least 5 runs")
    work = Path(tempfile.mkdtemp(prefix="ici-bench-reports-"))
    try:
        db_path = work / "busy.sqlite3"
        source = work / "busy.json"
        source.write_text(json.dumps(busy_year(), ensure_ascii=False), encoding="utf-8")
        db = open_db(db_path)
        dump.load(db, source)
        db.close()
        ours(db_path, "annual", YEAR, work / "warm.pdf")  # fonts registered, modules imported
        print(f"{'':<40} {'ours (median)':>13} {'bare':>13} {'ratio':>7}")
        first, last = f"{YEAR}-01-01", f"{YEAR}-12-31"
        report("annual report (20 p., 200 m., 5 000 t.)",
               median_time(lambda: ours(db_path, "annual", YEAR, work / "a.pdf"), args.runs),
               median_time(lambda: bare(db_path, ANNUAL_QUERIES, [first, last] * 2,
                                        work / "b.pdf"), args.runs))
        report("mission summary",
               median_time(lambda: ours(db_path, "mission", 1, work / "m.pdf"), args.runs * 4),
               median_time(lambda: bare(db_path, MISSION_QUERIES, [1], work / "n.pdf"),
                           args.runs * 4))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
