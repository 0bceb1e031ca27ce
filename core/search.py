"""The search: one FTS5 index over every kind of record but budget lines and links.

Triggers keep the index in step with each write; a bulk load drops them and
fills the index in one statement instead (``reindex``), which is several
times faster on a large file.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from core.migrations import SEARCH_CODES, search_expressions

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from sqlite_utils import Database

Row = dict[str, Any]


def fts_query(text: str) -> str | None:
    """Each word the user typed as a prefix, all of them required."""
    words = [w.replace('"', "") for w in text.split()]
    words = [w for w in words if w]
    return " ".join(f'"{w}"*' for w in words) or None


def matching(table: str, id_column: str, text: str | None) -> tuple[str, list[Any]] | None:
    """``id_column IN (…)`` for the records of ``table`` whose text matches every word.

    None when nothing was typed or ``table`` is not in the index (then the
    caller searches its columns with LIKE). Lists and records share it.
    """
    query = fts_query(text or "")
    if query is None or table not in SEARCH_CODES:
        return None
    return (f"{id_column} IN (SELECT rowid / 16 FROM search_index WHERE search_index "
            f"MATCH ? AND rowid % 16 = {SEARCH_CODES[table]})", [query])


# Around each match in a snippet: control characters no typed text holds, so a screen can
# highlight the match and a terminal strip them («[Marsassoum]» showed raw brackets).
MARKS = ("\x02", "\x03")


def search_all(db: Database, text: str, per_kind: int = 20) -> dict[str, list[Row]]:
    """Matches grouped by table, best first, at most ``per_kind`` of each; each snippet has
    its matches between the two ``MARKS``."""
    query = fts_query(text)
    if query is None:
        return {}
    found: dict[str, list[Row]] = {}
    for table, code in SEARCH_CODES.items():
        rows = list(
            db.query(
                "SELECT rowid / 16 AS id, title, snippet(search_index, 2, ?, ?, '…', 8) "
                "AS snippet FROM search_index WHERE search_index MATCH ? AND rowid % 16 = ? "
                "ORDER BY rank LIMIT ?",
                [*MARKS, f"kind:{table} AND ({query})", code, per_kind],
            )
        )
        if rows:
            found[table] = rows
    return found


def reindex(db: Database, table: str) -> None:
    """Index every live record of ``table`` in one statement."""
    if table not in SEARCH_CODES:
        return
    db.execute(f"DELETE FROM search_index WHERE rowid % 16 = {SEARCH_CODES[table]}")
    _index_live(db, table)


def _index_live(db: Database, table: str, where: str = "1", params: Sequence[Any] = ()) -> None:
    """Index the live records of ``table`` that ``where`` selects, in one statement."""
    title, body = search_expressions()[table]
    code = SEARCH_CODES[table]
    db.execute(
        f"INSERT INTO search_index (rowid, kind, title, body) SELECT id * 16 + {code}, "
        f"'{table}', {title}, {body} FROM {table} WHERE deleted_at IS NULL AND {where}",
        params,
    )


@contextmanager
def indexed_at_the_end(db: Database, table: str, first: int, last: int) -> Iterator[None]:
    """Insert records ``first``..``last`` of ``table`` with the index filled once, after.

    The insert trigger is set aside meanwhile (inside the caller's transaction: a crash
    rolls all of it back), and the new records are indexed in one statement: a third
    of the time a trigger firing for each of 50 000 imported rows takes.
    """
    found = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       [f"{table}_search_ai"]).fetchone()
    if table not in SEARCH_CODES or found is None:
        yield
        return
    db.execute(f"DROP TRIGGER {table}_search_ai")
    yield
    db.execute(found[0])
    _index_live(db, table, "id BETWEEN ? AND ?", [first, last])
