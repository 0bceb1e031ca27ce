"""The import wizard: choose a file, check the columns, see what will happen, confirm.

Nothing is written before the last page; then every row that passed is
written in one transaction, in a worker, and the import can be undone
from the list of imports while its records are unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from core.excel import apply, columns, duplicates, importer
from core.i18n import N_, _
from core.spec import PLURALS, SPECS
from ui.import_undo import undo_action
from ui.worker import run_job

if TYPE_CHECKING:
    from core.excel.plan import ImportPlan
    from ui.context import Context

KIND_LABELS = {kind: PLURALS[table] for kind, table in columns.KINDS.items()}  # N_ texts
FILE_FILTER = N_("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)")


def field_label(kind: str, name: str) -> str:
    """A field's name for people: the spec's label, or a word for import-only fields."""
    extra = {"full_name": N_("Full name"), "organisation": N_("Organisation (name)"),
             "partner": N_("Partner authority (name)"), "funder": N_("Funder (name)"),
             "partnership": N_("Partnership (name)"), "id": N_("No."),
             "mission": N_("Mission (title)"), "mission_start": N_("Mission start"),
             "contact": N_("Contact (name)")}
    if name in extra:
        return _(extra[name])
    spec = SPECS[columns.KINDS[kind]]
    if name == "email" and spec.table != "contacts":  # how a participant's contact is found
        return _("Contact e-mail")
    return _(spec.field(name).label)


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
        self.file_page = FilePage(self, path, kind)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))

    def make_plan(self, mapping: dict[str, str] | None = None) -> bool:
        """Read and plan in a worker (progress, cancel); a problem is shown, the user stays."""
        path, kind, db_path = self.file_page.path(), self.file_page.kind(), self.ctx.db_path
        outcome: dict[str, Any] = {}
        loop = QEventLoop(self)

        def work(progress: Any, cancelled: Any) -> ImportPlan:
            from core.db import open_db

            db = open_db(db_path, verify=False)  # the worker's own connection
            try:
                return importer.prepare(db, kind, path, mapping=mapping, progress=progress,
                                        cancelled=cancelled)
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
        if self.columns_page.changed:
            importer.remember_mapping(self.ctx.db, plan.kind, plan.headers,
                                      self.columns_page.mapping())
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
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Import a spreadsheet"), "",
                                                      _(FILE_FILTER))
        if chosen:
            self.file.setText(chosen)

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
        return wizard.make_plan()


class ColumnsPage(QWizardPage):
    """Each column of the sheet and the field it fills; the user can correct any of them."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.changed = False
        self.setTitle(_("Columns"))
        self.setSubTitle(_("Check which field each column fills; choose «—» to leave a "
                           "column out."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Column"), _("First value"), _("Field")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        plan = self.owner.plan
        assert plan is not None
        self.changed = False
        self.combos = []
        self.table.setRowCount(len(plan.headers))
        first = plan.rows[0].cells if plan.rows else []
        for row, header in enumerate(plan.headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            sample = first[row] if row < len(first) else ""
            self.table.setItem(row, 1, QTableWidgetItem("" if sample is None else str(sample)))
            self.table.setCellWidget(row, 2, self._combo(plan.kind, plan.mapping.get(row)))

    def _combo(self, kind: str, current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", "")
        for name in columns.fields(kind):
            combo.addItem(field_label(kind, name), name)
        combo.setCurrentIndex(max(combo.findData(current or ""), 0))
        combo.currentIndexChanged.connect(self._edited)
        self.combos.append(combo)
        return combo

    def _edited(self) -> None:
        self.changed = True

    def mapping(self) -> dict[str, str]:
        plan = self.owner.plan
        assert plan is not None
        return {header: str(self.combos[n].currentData())
                for n, header in enumerate(plan.headers) if header}

    def validatePage(self) -> bool:
        return not self.changed or self.owner.make_plan(self.mapping())


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
        lines = importer.summary(plan)
        self.summary.setText("\n".join(line for line in lines if not line.startswith("  ")))
        self.rejected.clear()
        self.rejected.addItems([row.reason for row in plan.rows if row.action == "reject"])
        self.rejected.addItems(importer.passed_lines(plan))
        self.duplicates.clear()
        self.duplicates.addItems(duplicates.notes(plan))


def open_wizard(parent: Any, ctx: Context, path: Path | None = None,
                kind: str = "contacts") -> ImportWizard:
    wizard = ImportWizard(ctx, parent, path, kind)
    wizard.open()
    return wizard

