"""UI benchmark on a large file: open the app, open each list, type in a filter, sort.

Each step is timed until the view has painted (a synchronous repaint), as
our median (at least 5 runs) and as a ratio to a bare ``QTableView`` over a
minimal model running the same SQL with ``sqlite3`` in the same run:
- open the app: ours opens the file, builds the main window and paints it with
  its dashboard; the baseline connects with the same pragmas, reads the schema
  version, runs every SELECT our window ran (captured with a trace callback)
  into one bare view of the same size, and paints it;
- open a list, type in a filter, sort: the bare view runs the statements our
  model ran for that step (captured the same way) and paints.

Usage: python bench/bench_ui.py --db BIG.sqlite3 [--runs 7]
       (BIG.sqlite3: e.g. bench.synthetic.network(100_000, 1_000_000) loaded with
       ``python main.py --db BIG.sqlite3 load network.json``)
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from bench.timing import median_time, report  # noqa: E402
from ui.app import application, make_context  # noqa: E402

LISTS = ("partnerships", "organisations", "contacts", "missions", "budget_lines",
         "transactions", "deadlines", "journal_entries")
LIMIT = 200


class BareModel(QAbstractTableModel):
    """The least a table needs: one SQL query, rows as tuples, str() of each value."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.rows: list[tuple[Any, ...]] = []
        self.width = 0

    def run(self, sql: str, params: list[Any]) -> None:
        self.beginResetModel()
        cursor = self.conn.execute(sql, params)
        self.rows = cursor.fetchall()
        self.width = len(cursor.description)
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return self.width

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.rows[index.row()][index.column()])
        return None




def painted(view: QTableView) -> None:
    QApplication.processEvents()
    view.viewport().repaint()






def captured_statements(ctx: Any, call: Callable[[], Any]) -> list[str]:
    statements: list[str] = []
    ctx.db.conn.set_trace_callback(statements.append)
    call()
    ctx.db.conn.set_trace_callback(None)
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def bare_view(conn: sqlite3.Connection, statements: list[str]) -> Callable[[], None]:
    """Time a bare view showing the result of the same statements."""
    model = BareModel(conn)
    view = QTableView()
    view.setModel(model)
    view.resize(1060, 640)
    view.show()

    def work() -> None:
        for sql in statements:
            model.run(sql, [])
        painted(view)

    return work


def bench_lists(window: Any, ctx: Any, conn: sqlite3.Connection, runs: int) -> None:
    for table in LISTS:
        page = window.show_page(table)
        painted(page.view)
        statements = captured_statements(ctx, page.model.reload)
        bare = median_time(bare_view(conn, statements), runs)
        report(f"open list: {table}", median_time(lambda p=page: (p.model.reload(), p._show_count(),
                                                           painted(p.view)), runs), bare)
    for table, text in (("contacts", "awa ndiaye"), ("transactions", "facture 12345")):
        page = window.show_page(table)
        statements = captured_statements(ctx, lambda p=page, t=text: p.model.set_query(t))
        bare = median_time(bare_view(conn, statements), runs)

        def typed(p: Any = page, t: str = text) -> None:
            p.search.setText(t)
            p.apply_query()
            painted(p.view)

        report(f"type in the filter: {table} '{text}'", median_time(typed, runs), bare)
        page.search.setText("")
        page.apply_query()
    for table, key in (("contacts", "email"), ("transactions", "amount_eur"),
                       ("transactions", "date"), ("transactions", "partnership")):
        page = window.show_page(table)
        column = next(i for i, c in enumerate(page.model.columns) if c.key == key)
        statements = captured_statements(
            ctx, lambda p=page, c=column: p.model.sort(c, Qt.SortOrder.DescendingOrder))
        bare = median_time(bare_view(conn, statements), runs)
        report(f"sort: {table} by {key}",
               median_time(lambda p=page, c=column: (p.model.sort(c, Qt.SortOrder.DescendingOrder),
                                                painted(p.view)), runs), bare)


def open_window(db_path: Path, trace: Callable[[str], None] | None = None) -> tuple[Any, Any]:
    """Ours: open the file as the app does, build the window, paint it with its dashboard."""
    from ui.main_window import MainWindow

    ctx = make_context(db_path)
    ctx.db.conn.set_trace_callback(trace)
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    window.repaint()
    ctx.db.conn.set_trace_callback(None)
    return ctx, window


def bare_open(db_path: Path, statements: list[str]) -> Callable[[], None]:
    """The bare app: connect with the same pragmas, read the schema version, run every query
    our window and dashboard ran (captured), show the rows in one bare view, paint it."""
    def work() -> None:
        conn = sqlite3.connect(db_path)
        for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = FULL",
                       "busy_timeout = 5000"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("PRAGMA user_version").fetchone()
        model = BareModel(conn)
        view = QTableView()
        view.setModel(model)
        view.resize(1280, 800)
        view.show()
        for sql in statements:
            model.run(sql, [])
        painted(view)
        view.close()
        conn.close()

    return work


def bench_open(db_path: Path, runs: int) -> tuple[Any, Any]:
    statements: list[str] = []
    ctx, window = open_window(db_path, statements.append)  # also warms the page cache
    window.close()
    ctx.db.close()
    reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    samples, last = [], None
    for n in range(runs):
        start = time.perf_counter()
        last = open_window(db_path)
        samples.append(time.perf_counter() - start)
        if n < runs - 1:
            last[1].close()
            last[0].db.close()
    report(f"open the app (window + dashboard, {len(reads)} queries)",
           statistics.median(samples), median_time(bare_open(db_path, reads), runs))
    return last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("a median needs at least 5 runs")
    application()
    print(f"{args.db}: {json.dumps(counts(args.db))}")
    print(f"{'':<44} {'ours':>12} {'bare view':>12} {'ratio':>7}")
    ctx, window = bench_open(args.db, args.runs)
    conn = sqlite3.connect(args.db)
    bench_lists(window, ctx, conn, args.runs)
    conn.close()


def counts(db_path: Path) -> dict[str, int]:
    conn = sqlite3.connect(db_path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("contacts", "transactions")}
    finally:
        conn.close()


if __name__ == "__main__":
    main()
