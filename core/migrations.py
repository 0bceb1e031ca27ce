"""The schema, as numbered migrations: one function per change, never edited once released.

Each migration sets ``PRAGMA user_version`` to its number, so a file written
by a newer version is recognised and left alone. ``core.db`` runs all the
pending ones inside one transaction (sqlite-utils' per-migration
transactions become savepoints in it): a migration must not commit
(``_run_script``, never ``executescript``) and must not need to run outside
a transaction. Before adding one, add a database of the current schema to
tests/data/schemas/ (see its README).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from sqlite_utils.migrations import Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = Migrations("ici_la_bas")

# Columns every record has: identity, timestamps, and the trash.
_COMMON = """
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    trash_id INTEGER"""

# Version 1 of the search index: per table, the title and the text searched
# (frozen with m0001; a later change to the index is a new migration).
_SEARCH_V1 = {
    "organisations": (
        "new.name",
        "new.name || ' ' || coalesce(new.city, '') || ' ' || coalesce(new.notes, '')",
    ),
    "contacts": (
        "new.first_name || ' ' || new.last_name",
        "new.first_name || ' ' || new.last_name || ' ' || coalesce(new.role, '') "
        "|| ' ' || coalesce(new.email, '') || ' ' || coalesce(new.notes, '')",
    ),
    "partnerships": (
        "new.name",
        "new.name || ' ' || coalesce(new.framework_programme, '') "
        "|| ' ' || coalesce(new.themes, '') || ' ' || coalesce(new.summary, '')",
    ),
    "projects": (
        "new.title",
        "new.title || ' ' || coalesce(new.themes, '') || ' ' "
        "|| coalesce(new.objectives, '') || ' ' || coalesce(new.results, '')",
    ),
    "missions": (
        "new.title",
        "new.title || ' ' || coalesce(new.destination_city, '') || ' ' "
        "|| coalesce(new.purpose, '') || ' ' || coalesce(new.outcomes, '')",
    ),
    "deadlines": ("new.title", "new.title || ' ' || coalesce(new.notes, '')"),
    "journal_entries": (
        "new.title",
        "new.title || ' ' || coalesce(new.context, '') || ' ' "
        "|| coalesce(new.decisions, '') || ' ' || coalesce(new.actions, '') "
        "|| ' ' || coalesce(new.attendees, '')",
    ),
}


def search_expressions() -> dict[str, tuple[str, str]]:
    """The current search index: per table, its title and text as SQL over the table's columns."""
    return {
        table: (title.replace("new.", ""), body.replace("new.", ""))
        for table, (title, body) in {**_SEARCH_V1, **_SEARCH_V3}.items()
    }


# Version 3 adds money lines, searched by label, reference, payee and notes.
_SEARCH_V3 = {
    "transactions": ("new.label", "new.label || ' ' || coalesce(new.reference, '') || ' ' "
                     "|| coalesce(new.counterparty, '') || ' ' || coalesce(new.notes, '')"),
}
# The FTS rowid packs the record: id * 16 + code, so an update finds its row at once.
SEARCH_CODES = {table: code for code, table in enumerate([*_SEARCH_V1, *_SEARCH_V3], start=1)}


def _run_script(db: Database, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def _set_version(db: Database, version: int) -> None:
    db.execute(f"PRAGMA user_version = {int(version)}")


def _search_triggers(table: str, title: str, body: str) -> str:
    code = SEARCH_CODES[table]
    return f"""
    CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO search_index(rowid, kind, title, body)
        VALUES (new.id * 16 + {code}, '{table}', {title}, {body});
    END;
    CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 16 + {code};
        INSERT INTO search_index(rowid, kind, title, body)
        SELECT new.id * 16 + {code}, '{table}', {title}, {body} WHERE new.deleted_at IS NULL;
    END;
    CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 16 + {code};
    END;
    """


@migrations()
def m0001_initial(db: Database) -> None:
    _run_script(
        db,
        f"""
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE trash (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        label TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        record_count INTEGER NOT NULL DEFAULT 1
    );

    CREATE TABLE organisations ({_COMMON},
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        kind TEXT NOT NULL DEFAULT 'other',
        country TEXT,
        city TEXT, address TEXT, website TEXT, email TEXT, phone TEXT, notes TEXT
    );
    CREATE INDEX organisations_name ON organisations(name COLLATE NOCASE);

    CREATE TABLE contacts ({_COMMON},
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
        role TEXT, email TEXT, phone TEXT, languages TEXT, country TEXT, notes TEXT,
        legal_basis TEXT, legal_basis_date TEXT,
        CHECK (trim(first_name || last_name) <> '')
    );
    CREATE INDEX contacts_organisation ON contacts(organisation_id);
    CREATE INDEX contacts_name ON contacts(last_name COLLATE NOCASE, first_name COLLATE NOCASE);
    CREATE INDEX contacts_email ON contacts(lower(email));

    CREATE TABLE partnerships ({_COMMON},
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        partner_organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
        country TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        start_date TEXT, end_date TEXT,
        agreement_signed_date TEXT, agreement_expiry_date TEXT,
        framework_programme TEXT, themes TEXT, sdgs TEXT, summary TEXT
    );
    CREATE INDEX partnerships_partner ON partnerships(partner_organisation_id);

    CREATE TABLE partnership_contacts ({_COMMON},
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        role TEXT NOT NULL DEFAULT 'other',
        notes TEXT
    );
    CREATE INDEX partnership_contacts_partnership ON partnership_contacts(partnership_id);
    CREATE INDEX partnership_contacts_contact ON partnership_contacts(contact_id);

    CREATE TABLE projects ({_COMMON},
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (trim(title) <> ''),
        location TEXT NOT NULL DEFAULT 'there',
        status TEXT NOT NULL DEFAULT 'planned',
        start_date TEXT, end_date TEXT,
        themes TEXT, sdgs TEXT, dac_sector TEXT, objectives TEXT, results TEXT
    );
    CREATE INDEX projects_partnership ON projects(partnership_id);

    CREATE TABLE missions ({_COMMON},
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
        project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (trim(title) <> ''),
        direction TEXT NOT NULL DEFAULT 'outgoing',
        destination_city TEXT, destination_country TEXT,
        start_date TEXT, end_date TEXT,
        status TEXT NOT NULL DEFAULT 'planned',
        purpose TEXT, programme TEXT, outcomes TEXT, follow_up TEXT
    );
    CREATE INDEX missions_partnership ON missions(partnership_id, start_date);
    CREATE INDEX missions_project ON missions(project_id);
    CREATE INDEX missions_start ON missions(start_date);

    CREATE TABLE mission_participants ({_COMMON},
        mission_id INTEGER NOT NULL REFERENCES missions(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
        name TEXT,
        category TEXT NOT NULL DEFAULT 'staff',
        notes TEXT,
        CHECK (contact_id IS NOT NULL OR trim(coalesce(name, '')) <> '')
    );
    CREATE INDEX mission_participants_mission ON mission_participants(mission_id);
    CREATE INDEX mission_participants_contact ON mission_participants(contact_id);

    CREATE TABLE budget_lines ({_COMMON},
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
        project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('expense', 'income')),
        category TEXT NOT NULL,
        funder_organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
        label TEXT,
        amount_cents INTEGER NOT NULL,
        currency TEXT NOT NULL DEFAULT 'EUR',
        rate TEXT,
        amount_eur_cents INTEGER NOT NULL,
        notes TEXT
    );
    CREATE INDEX budget_lines_partnership ON budget_lines(partnership_id, year);
    CREATE INDEX budget_lines_year ON budget_lines(year);
    CREATE INDEX budget_lines_project ON budget_lines(project_id);
    CREATE INDEX budget_lines_funder ON budget_lines(funder_organisation_id);

    CREATE TABLE transactions ({_COMMON},
        date TEXT NOT NULL,
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
        project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
        mission_id INTEGER REFERENCES missions(id) ON DELETE CASCADE,
        budget_line_id INTEGER REFERENCES budget_lines(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('expense', 'income')),
        category TEXT,
        organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
        label TEXT NOT NULL CHECK (trim(label) <> ''),
        amount_cents INTEGER NOT NULL,
        currency TEXT NOT NULL DEFAULT 'EUR',
        rate TEXT,
        amount_eur_cents INTEGER NOT NULL,
        counterparty TEXT,
        reference TEXT,
        notes TEXT
    );
    -- Covering indexes: the yearly totals read the index alone, never the 1M rows.
    CREATE INDEX transactions_partnership
        ON transactions(partnership_id, date, deleted_at, kind, amount_eur_cents);
    CREATE INDEX transactions_date
        ON transactions(date, deleted_at, kind, partnership_id, amount_eur_cents);
    CREATE INDEX transactions_project ON transactions(project_id);
    CREATE INDEX transactions_mission ON transactions(mission_id);
    CREATE INDEX transactions_budget_line ON transactions(budget_line_id);
    CREATE INDEX transactions_organisation ON transactions(organisation_id);

    CREATE TABLE journal_entries ({_COMMON},
        date TEXT NOT NULL,
        title TEXT NOT NULL CHECK (trim(title) <> ''),
        kind TEXT NOT NULL DEFAULT 'note',
        context TEXT, decisions TEXT, actions TEXT, attendees TEXT
    );
    CREATE INDEX journal_entries_date ON journal_entries(date);

    CREATE TABLE journal_entry_partnerships ({_COMMON},
        journal_entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE
    );
    CREATE INDEX journal_entry_partnerships_entry ON journal_entry_partnerships(journal_entry_id);
    CREATE INDEX journal_entry_partnerships_partnership
        ON journal_entry_partnerships(partnership_id);

    CREATE TABLE deadlines ({_COMMON},
        title TEXT NOT NULL CHECK (trim(title) <> ''),
        due_date TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'other',
        partnership_id INTEGER REFERENCES partnerships(id) ON DELETE CASCADE,
        project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
        mission_id INTEGER REFERENCES missions(id) ON DELETE CASCADE,
        journal_entry_id INTEGER REFERENCES journal_entries(id) ON DELETE CASCADE,
        done INTEGER NOT NULL DEFAULT 0,
        done_date TEXT,
        notes TEXT
    );
    CREATE INDEX deadlines_due ON deadlines(done, due_date);
    CREATE INDEX deadlines_partnership ON deadlines(partnership_id);
    CREATE INDEX deadlines_project ON deadlines(project_id);
    CREATE INDEX deadlines_mission ON deadlines(mission_id);
    CREATE INDEX deadlines_journal_entry ON deadlines(journal_entry_id);

    CREATE VIRTUAL TABLE search_index USING fts5(
        kind, title, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
    )
    for table, (title, body) in _SEARCH_V1.items():
        _run_script(db, _search_triggers(table, title, body))
    _set_version(db, 1)


_TOTALS_ROW = "substr({r}.date, 1, 4), {r}.partnership_id, {r}.kind"


def _totals_change(row: str, sign: str) -> str:
    """Add (sign '+') or remove (sign '-') a live transaction row from its yearly total."""
    return f"""
        INSERT INTO transaction_totals (year, partnership_id, kind, total_cents, count)
        SELECT {_TOTALS_ROW.format(r=row)}, {sign}{row}.amount_eur_cents, {sign}1
        WHERE {row}.deleted_at IS NULL
        ON CONFLICT (year, partnership_id, kind) DO UPDATE SET
            total_cents = total_cents + excluded.total_cents, count = count + excluded.count;"""


@migrations()
def m0002_transaction_totals(db: Database) -> None:
    """Yearly totals per partnership kept by triggers: the dashboard reads 1 000 rows, not 1M."""
    _run_script(db, f"""
    CREATE TABLE transaction_totals (
        year TEXT NOT NULL,
        partnership_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        total_cents INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (year, partnership_id, kind)
    ) WITHOUT ROWID;
    CREATE TRIGGER transactions_totals_ai AFTER INSERT ON transactions BEGIN
        {_totals_change("new", "+")}
    END;
    CREATE TRIGGER transactions_totals_ad AFTER DELETE ON transactions BEGIN
        {_totals_change("old", "-")}
    END;
    CREATE TRIGGER transactions_totals_au AFTER UPDATE ON transactions BEGIN
        {_totals_change("old", "-")}
        {_totals_change("new", "+")}
    END;
    """)
    _rebuild_totals_v2(db)
    _set_version(db, 2)


def _rebuild_totals_v2(db: Database) -> None:
    db.execute("DELETE FROM transaction_totals")
    db.execute(
        "INSERT INTO transaction_totals (year, partnership_id, kind, total_cents, count) "
        "SELECT substr(date, 1, 4), partnership_id, kind, sum(amount_eur_cents), count(*) "
        "FROM transactions WHERE deleted_at IS NULL GROUP BY 1, 2, 3"
    )


@migrations()
def m0003_search_and_sort_money_lines(db: Database) -> None:
    """A million transactions: searched through FTS, sorted through narrow indexes."""
    for table, (title, body) in _SEARCH_V3.items():
        _run_script(db, _search_triggers(table, title, body))
        code = SEARCH_CODES[table]
        db.execute(
            f"INSERT INTO search_index (rowid, kind, title, body) SELECT id * 16 + {code}, "
            f"'{table}', {title.replace('new.', '')}, {body.replace('new.', '')} "
            f"FROM {table} WHERE deleted_at IS NULL"
        )
    _run_script(db, """
    CREATE INDEX transactions_amount ON transactions(amount_cents);
    CREATE INDEX transactions_amount_eur ON transactions(amount_eur_cents);
    CREATE INDEX transactions_label ON transactions(label COLLATE NOCASE);
    CREATE INDEX transactions_counterparty ON transactions(counterparty COLLATE NOCASE);
    CREATE INDEX transactions_reference ON transactions(reference COLLATE NOCASE);
    CREATE INDEX transactions_kind ON transactions(kind);
    CREATE INDEX transactions_category ON transactions(category);
    CREATE INDEX partnerships_name ON partnerships(name COLLATE NOCASE);
    """)
    _set_version(db, 3)


_MONEY_KEY = ("substr({r}.date, 1, 4), {r}.partnership_id, {r}.kind, "
              "coalesce({r}.category, ''), coalesce({r}.organisation_id, 0)")
_MONEY_COLUMNS = "year, partnership_id, kind, category, organisation_id"


def _money_change(row: str, sign: str) -> str:
    """Add (sign '+') or remove (sign '-') a live transaction row from its total."""
    return f"""
        INSERT INTO money_totals ({_MONEY_COLUMNS}, total_cents, count)
        SELECT {_MONEY_KEY.format(r=row)}, {sign}{row}.amount_eur_cents, {sign}1
        WHERE {row}.deleted_at IS NULL
        ON CONFLICT ({_MONEY_COLUMNS}) DO UPDATE SET
            total_cents = total_cents + excluded.total_cents, count = count + excluded.count;"""


@migrations()
def m0004_money_totals(db: Database) -> None:
    """Totals per year, partnership, kind, category and organisation, kept by triggers.

    Co-financing and planned-vs-actual by category read these few hundred
    rows instead of a year of transactions (150 ms at a million rows).
    """
    _run_script(db, f"""
    DROP TRIGGER transactions_totals_ai;
    DROP TRIGGER transactions_totals_ad;
    DROP TRIGGER transactions_totals_au;
    DROP TABLE transaction_totals;
    CREATE TABLE money_totals (
        year TEXT NOT NULL,
        partnership_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        category TEXT NOT NULL,
        organisation_id INTEGER NOT NULL,
        total_cents INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY ({_MONEY_COLUMNS})
    ) WITHOUT ROWID;
    CREATE TRIGGER transactions_money_totals_ai AFTER INSERT ON transactions BEGIN
        {_money_change("new", "+")}
    END;
    CREATE TRIGGER transactions_money_totals_ad AFTER DELETE ON transactions BEGIN
        {_money_change("old", "-")}
    END;
    CREATE TRIGGER transactions_money_totals_au AFTER UPDATE ON transactions BEGIN
        {_money_change("old", "-")}
        {_money_change("new", "+")}
    END;
    """)
    rebuild_totals(db)
    _set_version(db, 4)


@migrations()
def m0005_import_batches(db: Database) -> None:
    """Each import is a batch that can be undone while its records are unchanged."""
    _run_script(db, """
    CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sheet TEXT,
        imported_at TEXT NOT NULL,
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        undone_at TEXT
    );
    CREATE TABLE import_changes (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
        before_json TEXT,
        stamp TEXT NOT NULL
    );
    CREATE INDEX import_changes_batch ON import_changes(batch_id);
    """)
    _set_version(db, 5)


# The seven OECD DAC policy markers, scored 0/1/2 on projects (frozen with m0006).
POLICY_MARKER_COLUMNS_V6 = (
    "marker_gender", "marker_environment", "marker_biodiversity", "marker_nutrition",
    "marker_disability", "marker_climate_mitigation", "marker_climate_adaptation",
)


@migrations()
def m0006_declaration_fields(db: Database) -> None:
    """What the yearly declarations (e-APD, CIC/GIS report, IATI) need beyond the accounts."""
    markers = "\n".join(
        f"ALTER TABLE projects ADD COLUMN {column} TEXT "
        f"CHECK ({column} IS NULL OR {column} IN ('0', '1', '2'));"
        for column in POLICY_MARKER_COLUMNS_V6
    )
    _run_script(db, markers + """
    ALTER TABLE projects ADD COLUMN aid_type TEXT;
    ALTER TABLE projects ADD COLUMN recipient_country TEXT;
    ALTER TABLE transactions ADD COLUMN budget_source TEXT;
    ALTER TABLE transactions ADD COLUMN budget_post TEXT;
    ALTER TABLE transactions ADD COLUMN document_number TEXT;
    ALTER TABLE transactions ADD COLUMN funding TEXT;
    ALTER TABLE transactions ADD COLUMN eligible INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE transactions ADD COLUMN ineligible_reason TEXT;
    ALTER TABLE transactions ADD COLUMN bank_fees_cents INTEGER;
    ALTER TABLE budget_lines ADD COLUMN budget_post TEXT;
    """)
    _set_version(db, 6)


@migrations()
def m0007_personal_data(db: Database) -> None:
    """The log of what was done with personal data (GDPR): when, what, which contacts.

    The contacts are numbers in a table of their own, so that a contact's
    page finds its entries at once and no entry ever repeats a name.
    """
    _run_script(db, """
    CREATE TABLE personal_data_log (
        id INTEGER PRIMARY KEY,
        logged_at TEXT NOT NULL,
        action TEXT NOT NULL,
        what TEXT NOT NULL DEFAULT ''
    );
    -- Columns in the key's order: SQLite 3.40's quick_check misreads a WITHOUT ROWID
    -- table whose key lists them otherwise ("NULL value in …") and the file would be refused.
    CREATE TABLE personal_data_log_contacts (
        contact_id INTEGER NOT NULL,
        log_id INTEGER NOT NULL REFERENCES personal_data_log(id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, log_id)
    ) WITHOUT ROWID;
    CREATE INDEX personal_data_log_contacts_log ON personal_data_log_contacts(log_id);
    """)
    _set_version(db, 7)


def rebuild_totals(db: Database) -> None:
    """Recompute every total from the transactions (after a bulk load)."""
    db.execute("DELETE FROM money_totals")
    db.execute(
        f"INSERT INTO money_totals ({_MONEY_COLUMNS}, total_cents, count) "
        f"SELECT {_MONEY_KEY.format(r='t')}, sum(t.amount_eur_cents), count(*) "
        "FROM transactions t WHERE t.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5"
    )


LATEST_VERSION = len(migrations._migrations)
