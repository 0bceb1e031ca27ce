"""Ici & Là-bas: with no command, open the app; with a command, run it headless.

This module alone wires things together: it resolves paths, opens the
database and hands it to core (or to the window). A failure the user can
act on is one line on stderr and a non-zero exit; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from core import i18n
from core.errors import UserError
from core.i18n import N_, _, ngettext

EXIT_OK, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 3


# argparse's own words ("usage:", its error messages), in the catalogues through these
# markers: argparse looks them up with the gettext module's functions, rebound below.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"), N_("not allowed with argument %s"),
)


def _speak_before_parsing(argv: list[str]) -> None:
    """The language of --lang (or the default) for the help and argparse's own errors,
    which are written while parsing, before the parsed --lang is known."""
    lang = None
    for index, word in enumerate(argv):
        if word.startswith("--lang="):
            lang = word.partition("=")[2]
        elif word == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
    i18n.set_language(lang)
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """A command typed wrong is one line on stderr, like every other failure; --help
    shows the usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, _("%(prog)s: error: %(message)s\n") % {"prog": self.prog,
                                                             "message": message})


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ici-la-bas", description="Ici & Là-bas")
    parser.add_argument("--db", type=Path,
                        help=_("database file (default: the user's data folder)"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language: fr, nl or en"))
    parser.add_argument("--version", action=_VersionAction, help=_("print the version and exit"))
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check, without a screen, that this copy can run (database, fonts, catalogues, "
        "locale data, window)"),
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("demo", help=_("fill an empty database with the demo data"))
    dump = commands.add_parser("dump", help=_("write every live record as JSON"))
    dump.add_argument("out", type=Path)
    load = commands.add_parser("load", help=_("read a JSON dump into an empty database"))
    load.add_argument("src", type=Path)
    backup = commands.add_parser("backup", help=_("make a verified copy of the database"))
    backup.add_argument("dir", type=Path, nargs="?")
    restore = commands.add_parser("restore", help=_("replace the database with a backup"))
    restore.add_argument("backup", type=Path)
    commands.add_parser("check", help=_("integrity check and schema version"))
    imp = commands.add_parser("import", help=_("import a spreadsheet (xlsx, xls, ods, csv)"))
    imp.add_argument(
        "kind",
        help=_("contacts, organisations, partnerships, missions, transactions, budget, "
        "participants (of missions) or partnership_contacts"),
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true",
                     help=_("say what would be done, write nothing"))
    imp.add_argument("--strict", action="store_true",
                     help=_("import nothing if any row is rejected"))
    imp.add_argument("--sheet", help=_("the sheet to read (default: the one whose header matches)"))
    imp.add_argument("--on-duplicate", choices=("skip", "update"), default="skip")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=field",
        help=_("match a column to a field (repeatable)"),
    )
    imp.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="field=value",
        help=_("give a field the sheet lacks one value for every row (repeatable)"),
    )
    imp.add_argument(
        "--value",
        action="append",
        default=[],
        metavar="HEADER:cell value=choice",
        help=_("say which choice an unknown cell value means (repeatable)"),
    )
    imp.add_argument(
        "--keep-unmatched",
        action="store_true",
        help=_("keep the columns that match no field in the record's notes"),
    )
    imp.add_argument(
        "--rejects", type=Path, metavar="OUT.xlsx",
        help=_("write the rejected rows with their reason"),
    )
    exp = commands.add_parser("export", help=_("write a workbook: a kind of record or council"))
    exp.add_argument(
        "kind",
        help=_("contacts, organisations, partnerships, missions, transactions, budget, "
        "participants, partnership_contacts or council"),
    )
    exp.add_argument("out", type=Path, metavar="OUT|YYYY")
    exp.add_argument("target", type=Path, nargs="?", metavar="OUT",
                     help=_("apd, cic: YYYY OUT.xlsx"))
    exp.add_argument(
        "--year",
        type=int,
        help=_("only this year (transactions, budget, missions, iati; required for council)"),
    )
    exp.add_argument("--partnership", type=int, metavar="ID", help=_("cic: one partnership"))
    rep = commands.add_parser(
        "report", help=_("write a PDF: mission ID, partnership ID, annual YYYY"))
    rep.add_argument("kind", help=_("mission, partnership or annual"))
    rep.add_argument("key", metavar="ID|YYYY", help=_("mission or partnership number, or year"))
    rep.add_argument("out", type=Path, metavar="OUT.pdf")
    shots = commands.add_parser("screenshots", help=_("draw every main screen to DIR/*.png"))
    shots.add_argument("dir", type=Path)
    _gdpr_parser(commands)
    return parser


def _gdpr_parser(commands: Any) -> None:
    gdpr = commands.add_parser("gdpr", help=_("personal data: access, forget, review, register"))
    jobs = gdpr.add_subparsers(dest="gdpr_command", required=True)
    access = jobs.add_parser("access", help=_("everything held about one person, to a workbook"))
    access.add_argument("contact_id", metavar="CONTACT_ID")
    access.add_argument("out", type=Path, metavar="OUT.xlsx")
    forget = jobs.add_parser("forget", help=_("anonymise a contact (without --yes: say what)"))
    forget.add_argument("contact_id", metavar="CONTACT_ID")
    forget.add_argument("--yes", action="store_true", help=_("do it"))
    forget.add_argument("--remove-backups", action="store_true",
                        help=_("then remove the earlier backups, which still hold the data"))
    review = jobs.add_parser("review", help=_("contacts with no activity for N years"))
    review.add_argument("--years", type=int, help=_("default: the setting (5)"))
    register = jobs.add_parser("register", help=_("the GDPR art. 30 register, to a workbook"))
    register.add_argument("out", type=Path, metavar="OUT.xlsx")


class _VersionAction(argparse.Action):
    """``--version``: the version is read only when asked, from core.version."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=kwargs.get("help"))  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from core.version import app_version

        print(f"{parser.prog} {app_version()}")
        parser.exit()


def cmd_self_test() -> int:
    """Each check the bundle depends on, in a temporary folder; the first failure in one line."""
    import tempfile

    from core import selftest
    from core.i18n import N_
    from ui.selftest import check_window

    checks = [*selftest.core_checks(), (N_("main window"), check_window)]
    with tempfile.TemporaryDirectory(prefix="ici-la-bas-", ignore_cleanup_errors=True) as folder:
        failure = selftest.run(checks, Path(folder))
    if failure is not None:
        print(_("Self-test failed: {failure}").format(failure=failure), file=sys.stderr)
        return EXIT_ERROR
    print(_("Self-test passed: database, fonts, catalogues, locale data and window."))
    return EXIT_OK


def _db_path(args: argparse.Namespace) -> Path:
    if args.db is not None:
        return Path(args.db)
    from core import paths

    path = paths.default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _warn_network(path: Path) -> None:
    from core import paths

    if paths.is_network_path(path.parent if not path.exists() else path):
        print(
            _(
                "Warning: {path} is on a network drive; SQLite cannot lock files safely "
                "there. Keep the database on this computer."
            ).format(path=path),
            file=sys.stderr,
        )


def cmd_demo(path: Path, args: argparse.Namespace) -> int:
    from core import demo
    from core.db import open_db
    from core.lock import DatabaseLock

    with DatabaseLock(path):
        db = open_db(path)
        counts = demo.fill(db)
        db.close()
    total = sum(counts.values())
    print(
        ngettext(
            "Demo data added: {count} record.", "Demo data added: {count} records.", total
        ).format(count=total)
    )
    return EXIT_OK


def cmd_dump(path: Path, args: argparse.Namespace) -> int:
    from core import dump
    from core.db import open_db

    db = open_db(path, create=False)
    counts = dump.dump(db, args.out)
    db.close()
    total = sum(counts.values())
    print(
        ngettext(
            "{count} record written to {path}.", "{count} records written to {path}.", total
        ).format(count=total, path=args.out)
    )
    return EXIT_OK


def cmd_load(path: Path, args: argparse.Namespace) -> int:
    from core import dump
    from core.db import open_db
    from core.lock import DatabaseLock

    existed = path.exists()
    with DatabaseLock(path):
        db = open_db(path)
        try:
            counts = dump.load(db, args.src)
        except UserError:
            db.close()
            if not existed:  # leave no trace of a database the failed load created
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
            raise
        db.close()
    print(
        ngettext(
            "{count} record loaded from {path}.",
            "{count} records loaded from {path}.",
            sum(counts.values()),
        ).format(count=sum(counts.values()), path=args.src)
    )
    return EXIT_OK


def cmd_backup(path: Path, args: argparse.Namespace) -> int:
    from core import backup, paths
    from core.db import inspect, no_such_database

    if not path.is_file():
        raise no_such_database(path)
    inspect(path)
    made = backup.make_backup(path, args.dir or paths.default_backup_dir(path))
    print(_("Backup verified: {path}").format(path=made.path))
    return EXIT_OK


def cmd_restore(path: Path, args: argparse.Namespace) -> int:
    from core import backup, paths
    from core.db import inspect
    from core.lock import DatabaseLock

    with DatabaseLock(path):
        inspect(path)
        safety = backup.restore(path, args.backup, paths.default_backup_dir(path))
    print(
        _("Restored from {backup}; the previous state is kept in {safety}.").format(
            backup=args.backup, safety=safety.path
        )
    )
    return EXIT_OK


def cmd_check(path: Path, args: argparse.Namespace) -> int:
    from core.db import check

    report = check(path)
    print(
        ngettext(
            "{path}: ok, schema version {version}, {count} record.",
            "{path}: ok, schema version {version}, {count} records.",
            report.records,
        ).format(path=path, version=report.version, count=report.records)
    )
    return EXIT_OK


def cmd_import(path: Path, args: argparse.Namespace) -> int:
    from core.db import open_db
    from core.excel import apply, importer
    from core.excel.options import from_arguments
    from core.lock import DatabaseLock

    options = from_arguments(args.map, args.set, args.value, args.keep_unmatched)
    with DatabaseLock(path):
        db = open_db(path, create=False)
        try:
            plan = importer.prepare(
                db,
                args.kind,
                args.file,
                sheet=args.sheet,
                on_duplicate=args.on_duplicate,
                options=options,
            )
            print("\n".join(importer.summary(plan)))
            if args.rejects and plan.count("reject"):
                from core.excel.rejects import write_rejects

                write_rejects(plan, args.rejects)
            if not args.dry_run:
                apply.apply(db, plan, strict=args.strict)
                print(_("Imported."))
            else:
                print(_("Dry run: nothing was written."))
        finally:
            db.close()
    return EXIT_OK


def _named_as(suffix: str, *outs: Path | None) -> None:
    """Each file named on the command line (a year in its place aside) ends in ``suffix``."""
    from core.files import check_suffix

    for out in outs:
        if out is not None and not out.name.isdigit():
            check_suffix(out, suffix)


def cmd_export(path: Path, args: argparse.Namespace) -> int:
    from core.db import open_db

    _named_as(".xml" if args.kind == "iati" else ".xlsx", args.out, args.target)
    db = open_db(path, create=False)
    try:
        if args.kind in ("apd", "cic", "iati"):
            return _export_declaration(db, args)
        if args.kind == "council":
            from core.excel.council import export_council

            if args.year is None:
                raise UserError(_("export council needs --year YYYY."))
            count = export_council(db, args.out, args.year)
        else:
            from core.excel.export import export_kind

            count = export_kind(db, args.kind, args.out, year=args.year)
    finally:
        db.close()
    print(
        ngettext("{count} row written to {path}.", "{count} rows written to {path}.", count).format(
            count=count, path=args.out
        )
    )
    return EXIT_OK


def _export_declaration(db: Any, args: argparse.Namespace) -> int:
    from datetime import date

    from core.declarations import commands

    print(commands.run(db, args.kind, args.out, args.target, today=date.today(), year=args.year,
                       partnership=args.partnership))
    return EXIT_OK


def cmd_report(path: Path, args: argparse.Namespace) -> int:
    from core.db import open_db
    from core.reports import make_report

    if not args.key.strip().isdigit():
        raise UserError(_("«{key}» is not a number; give the record's number or the year.").format(
            key=args.key))
    _named_as(".pdf", args.out)
    db = open_db(path, create=False)
    try:
        out = make_report(db, args.kind, int(args.key), args.out)
    finally:
        db.close()
    print(_("Report written to {path}.").format(path=out))
    return EXIT_OK


def cmd_gdpr(path: Path, args: argparse.Namespace) -> int:
    import datetime as dt

    from core import paths, settings
    from core.db import open_db
    from core.gdpr import commands
    from core.lock import DatabaseLock

    if args.gdpr_command in ("access", "register"):
        _named_as(".xlsx", args.out)
    with DatabaseLock(path):
        db = open_db(path, create=False)
        try:
            backups = settings.backup_dir(db, paths.default_backup_dir(path))
            job = args.gdpr_command
            if job == "access":
                lines = commands.access(db, commands.contact_number(args.contact_id), args.out)
            elif job == "forget":
                lines = commands.forget_contact(
                    db, path, backups, commands.contact_number(args.contact_id),
                    yes=args.yes, remove_backups=args.remove_backups)
            elif job == "review":
                lines = commands.review_lines(db, dt.date.today(), args.years)
            else:
                lines = commands.register(db, args.out, backups)
        finally:
            db.close()
    print("\n".join(lines))
    return EXIT_OK


def cmd_screenshots(path: Path, args: argparse.Namespace) -> int:
    from core.db import no_such_database
    from ui.screenshots import render_all

    if not path.is_file():
        raise no_such_database(path)
    shots = render_all(path, args.dir, args.lang)
    print(
        ngettext(
            "{count} screen drawn in {path}.", "{count} screens drawn in {path}.", len(shots)
        ).format(count=len(shots), path=args.dir)
    )
    return EXIT_OK


def cmd_app(path: Path, args: argparse.Namespace) -> int:
    from ui.app import run

    return run(args.db, args.lang)


COMMANDS: dict[str | None, Callable[[Path, argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "dump": cmd_dump,
    "load": cmd_load,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "import": cmd_import,
    "export": cmd_export,
    "report": cmd_report,
    "screenshots": cmd_screenshots,
    "gdpr": cmd_gdpr,
    None: cmd_app,
}


def _attach_console() -> None:
    """The Windows bundle is a windowed program (no console window behind the app), so it
    has no stdout; started from a command prompt, it writes to that prompt instead."""
    if sys.platform != "win32" or not getattr(sys, "frozen", False) or sys.stdout is not None:
        return
    import ctypes

    attach_parent_process = -1
    if ctypes.windll.kernel32.AttachConsole(attach_parent_process):  # type: ignore[attr-defined]
        # CONOUT$ is the console itself: Python writes it as Unicode ("Là-bas" stays whole).
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 (for the process)
        sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115


def main(argv: list[str] | None = None) -> int:
    _attach_console()
    _speak_before_parsing(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    i18n.set_language(args.lang)
    if args.self_test:
        return cmd_self_test()
    try:
        path = _db_path(args)
        if args.command is not None:
            _warn_network(path)
            _prepare(path, args.command)
        return COMMANDS[args.command](path, args)
    except UserError as error:
        print(str(error), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(_("Interrupted; nothing was changed."), file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug: one line (a dialog for the app), the rest in the log
        return _unexpected(error, args.command is None)


def _prepare(path: Path, command: str) -> None:
    """Before any command: a newer file is refused with nothing written beside it; an older
    one is backed up and upgraded once, with one line on stderr. ``restore`` alone skips the
    upgrade: it must work even on a file whose upgrade fails."""
    from core.db import refuse_if_newer, upgrade_if_older

    refuse_if_newer(path)
    if command != "restore":
        upgrade_if_older(path, lambda upgrade: print(upgrade.message(), file=sys.stderr))


def _unexpected(error: Exception, app: bool) -> int:
    from core import logs

    log = logs.log_exception(sys.exc_info())  # type: ignore[arg-type]
    if app:  # a frozen app has no console: the sentence must reach a window
        from ui.unexpected import show_fatal

        show_fatal(error, log)
    else:
        print(
            _("Unexpected error: {error} (details in {log}).").format(
                error=error, log=log or _("the program's output")
            ),
            file=sys.stderr,
        )
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
