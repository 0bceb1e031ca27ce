"""The import wizard: choose a file, check the columns, see what will happen, confirm.

Nothing is written before the last page; then every row that passed is
written in one transaction, in a worker, and the import can be undone
from the list of imports while its records are unchanged.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from core.excel import apply, columns, duplicates, explain, importer
from core.excel.options import ImportOptions, remember_headers, remember_values
from core.i18n import N_, _
from core.parse import normalise_key
from core.spec import PLURALS
from ui.files import ask_open_path
from ui.import_columns import ColumnsPage, confirmed
from ui.import_undo import undo_action
from ui.import_values import ValuesPage
from ui.worker import run_job

if TYPE_CHECKING:
    from core.excel.plan import ImportPlan
    from ui.context import Context

KIND_LABELS = {kind: PLURALS[table] for kind, table in columns.KINDS.items()}  # N_ texts
FILE_FILTER = N_("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)")


class ImportWizard(QWizard):
    def __init__(self, ctx: Context, parent: Any = None, path: Path | None = None,
                 kind: str = "contacts") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.batch: int | None = None
        self.setWindowTitle(_("Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(820, 560)
        self.options = ImportOptions()  # what the user says: matches, values, notes
        self.file_page = FilePage(self, path, kind)
        self.columns_page = ColumnsPage(self)
        self.values_page = ValuesPage(self)  # only when some words are not understood
        self.preview_page = PreviewPage(self)
        for number, page in enumerate((self.file_page, self.columns_page, self.values_page,
                                       self.preview_page)):
            self.setPage(number, page)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))

    def after_columns(self) -> int:
        return self.pageIds()[2 if self.plan is not None and self.plan.unknown else 3]

    def after_values(self) -> int:
        return self.pageIds()[3]

    def make_plan(self) -> bool:
        """Read and plan in a worker (progress, cancel); a problem is shown, the user stays."""
        path, kind, db_path = self.file_page.path(), self.file_page.kind(), self.ctx.db_path
        options = copy.deepcopy(self.options)  # the worker's own, while the user waits
        outcome: dict[str, Any] = {}
        loop = QEventLoop(self)

        def work(progress: Any, cancelled: Any) -> ImportPlan:
            from core.db import open_db

            db = open_db(db_path, verify=False)  # the worker's own connection
            try:
                return importer.prepare(db, kind, path, progress=progress,
                                        cancelled=cancelled, options=options)
            finally:
                db.close()

        def finished(key: str, value: Any) -> None:
            outcome[key] = value
            loop.quit()

        run_job(self, _("Reading the file…"), work,
                on_done=lambda plan: finished("plan", plan),
                on_failed=lambda message: finished("error", message))
        loop.exec()  # the window keeps painting while the file is read
        if "error" in outcome:
            QMessageBox.warning(self, _("Import a spreadsheet"), outcome["error"])
            return False
        self.plan = outcome["plan"]
        return True

    def accept(self) -> None:
        plan = self.plan
        if plan is None or not plan.count("create") + plan.count("update"):
            super().accept()
            return
        self._remember(plan)
        path = self.ctx.db_path

        def write(_progress: Any, _cancelled: Any) -> int:
            from core.db import open_db

            db = open_db(path, verify=False)  # a worker never shares the window's connection
            try:
                return apply.apply(db, plan)
            finally:
                db.close()

        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        run_job(self, _("Importing…"), write, on_done=self._imported,
                on_failed=self._failed)

    def _remember(self, plan: ImportPlan) -> None:
        """What the user confirmed or said, for the next file of this kind."""
        headers = {**confirmed(plan), **self.options.mapping}
        if headers:
            remember_headers(self.ctx.db, plan.kind, headers)
        if self.options.values:
            remember_values(self.ctx.db, plan.kind, {
                name: {normalise_key(word): choice for word, choice in meanings.items()}
                for name, meanings in self.options.values.items()})

    def _imported(self, batch: int) -> None:
        plan = self.plan
        assert plan is not None
        self.batch = batch
        for table in (plan.table, "organisations"):
            self.ctx.changed(table)
        self.ctx.events.notify.emit(  # the bar's button names the import it would undo
            _("Imported from {file}.").format(file=plan.path.name),
            undo_action(self.ctx, batch, self.parent()))
        super().accept()

    def _failed(self, message: str) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        QMessageBox.warning(self, _("Import a spreadsheet"), message)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard, path: Path | None, kind: str) -> None:
        super().__init__()
        self.setTitle(_("Which file, and what does it hold?"))
        self.setSubTitle(_("An Excel (.xlsx, .xls), LibreOffice (.ods) or CSV file. Nothing is "
                           "written before the last step."))
        self.file = QLineEdit(str(path or ""))
        self.file.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("&Choose…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        kinds = self._kind_row(kind)
        self.template_saved = QLabel(wordWrap=True)
        self.template_saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.addRow(_("&File:"), row)
        form.addRow(_("&Records:"), kinds)
        for field, buddy in ((row, self.file), (kinds, self.kinds)):
            label = form.labelForField(field)  # a row of widgets gets no buddy by itself,
            assert isinstance(label, QLabel)  # and its label would show the "&"
            label.setBuddy(buddy)
        form.addRow("", self.template_saved)

    def _kind_row(self, kind: str) -> QHBoxLayout:
        """The kind of record, and an empty template of it for whoever has no file yet."""
        self.kinds = QComboBox()
        for key, label in KIND_LABELS.items():
            self.kinds.addItem(_(label), key)
        self.kinds.setCurrentIndex(max(self.kinds.findData(kind), 0))
        template = QPushButton(_("Save an empty &template…"))
        template.setToolTip(_("An empty workbook with the columns, lists and notes of these "
                              "records, for a partner to fill in and send back."))
        template.clicked.connect(self.save_template)
        row = QHBoxLayout()
        row.addWidget(self.kinds, 1)
        row.addWidget(template)
        return row

    def browse(self) -> None:
        chosen = ask_open_path(self, _("Import a spreadsheet"), _(FILE_FILTER))
        if chosen:
            self.file.setText(str(chosen))

    def save_template(self) -> None:
        """No file yet: an empty one of the chosen kind, for a partner to fill in."""
        from ui.templates import save_template  # ui.templates uses this module's labels

        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        save_template(self, wizard.ctx, self.kind(), self.template_saved.setText)

    def path(self) -> Path:
        return Path(self.file.text().strip())

    def kind(self) -> str:
        return str(self.kinds.currentData())

    def isComplete(self) -> bool:
        return self.path().is_file()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        wizard.options = ImportOptions()  # another file, or another kind: start afresh
        return wizard.make_plan()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("What will happen"))
        self.setSubTitle(_("Rejected rows are left out; the others are imported together, "
                           "in one go."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rejected = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(_("Rows rejected or passed over, and why:")))
        layout.addWidget(self.rejected, 1)
        # Each duplicate with the row or record it repeats, so no one is merged unseen.
        self.duplicates = QListWidget()
        layout.addWidget(QLabel(_("Duplicates and shared e-mails, row by row:")))
        layout.addWidget(self.duplicates, 1)

    def initializePage(self) -> None:
        plan = self.owner.plan
        assert plan is not None
        lines = importer.summary(plan, hints=False)
        self.summary.setText("\n".join(line for line in lines if not line.startswith("  ")))
        self.rejected.clear()
        self.rejected.addItems(explain.rejected_lines(plan))  # one line per cause
        self.rejected.addItems(importer.passed_lines(plan))
        self.duplicates.clear()
        self.duplicates.addItems(duplicates.notes(plan))


def open_wizard(parent: Any, ctx: Context, path: Path | None = None,
                kind: str = "contacts") -> ImportWizard:
    wizard = ImportWizard(ctx, parent, path, kind)
    wizard.open()
    return wizard

