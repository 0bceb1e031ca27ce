"""The list model, tested without a view: paging, sorting and filtering happen in SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core import records
from ui.table_model import ListingModel


def column(model: ListingModel, key: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.key == key)


def texts(model: ListingModel, key: str) -> list[str]:
    col = column(model, key)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_rows_come_a_page_at_a_time(ctx) -> None:
    for n in range(450):
        records.create(ctx.db, "contacts", {"first_name": "Awa", "last_name": f"Test{n:03d}"})
    model = ListingModel(ctx.db, "contacts")
    model.reload()
    assert model.total == records.count(ctx.db, "contacts")
    assert model.rowCount() == ListingModel.PAGE
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total


def test_sort_and_search_are_sql(ctx, french) -> None:
    model = ListingModel(ctx.db, "transactions")
    model.sort(column(model, "amount_eur"), Qt.SortOrder.DescendingOrder)
    while model.canFetchMore():
        model.fetchMore()
    amounts = [model.row_values(r)["amount_eur"] for r in range(model.rowCount())]
    assert amounts == sorted(amounts, reverse=True)
    model.set_query("prix")
    assert model.total >= 1
    assert any("€" in t for t in texts(model, "amount_eur"))
    assert model.data(model.index(0, column(model, "amount_eur")),
                      Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_foreign_amounts_show_their_currency(ctx, french) -> None:
    model = ListingModel(ctx.db, "transactions")
    model.set_query("", {})
    while model.canFetchMore():
        model.fetchMore()
    shown = " ".join(texts(model, "amount")).replace("\u202f", " ").replace("\xa0", " ")
    assert "F CFA" in shown or "XOF" in shown
    assert "MAD" in shown


def test_overdue_deadlines_are_red(ctx) -> None:
    model = ListingModel(ctx.db, "deadlines", ctx.today.isoformat())
    model.set_query("", {"done": 0})
    colours = [model.data(model.index(r, 0), Qt.ItemDataRole.ForegroundRole)
               for r in range(model.rowCount())]
    dues = [model.row_values(r)["due_date"] for r in range(model.rowCount())]
    for due, colour in zip(dues, colours, strict=True):
        assert (colour is not None) == (due < ctx.today.isoformat())
    assert any(colour is not None for colour in colours)
