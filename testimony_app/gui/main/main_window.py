"""The main window: testimony list and editor, witness register, lock, erase, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from testimony_app.domain.records import Testimony, TestimonyContent
from testimony_app.domain.vocabulary import Vocabulary
from testimony_app.gui.editor.testimony_editor import TestimonyEditor
from testimony_app.gui.main.bundle_windows import BundleWindows
from testimony_app.gui.main.testimony_list_panel import TestimonyListPanel
from testimony_app.gui.witnesses.witness_register import WitnessRegister
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.vault.records_repository import TestimonySummary

MESSAGE_MS = 6000
FIRST_SCREEN_ROWS = 200


def summary_of(testimony: Testimony) -> TestimonySummary:
    content = testimony.content
    return TestimonySummary(
        id=testimony.id,
        witness_id=testimony.witness_id,
        status=content.status,
        interview_date=content.interview.date,
        interview_place=content.interview.place,
        language=content.interview.language,
        tags=content.tags,
        revision=testimony.revision,
        created_at=testimony.created_at,
        updated_at=testimony.updated_at,
    )


class MainWindow(QMainWindow):
    lock_requested = Signal()
    erase_requested = Signal()
    settings_requested = Signal()
    change_passphrase_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        worker: DatabaseWorker,
        vocabulary: Vocabulary,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Testimony"))
        self.worker = worker
        self._allow_close = False

        self.list_panel = TestimonyListPanel(worker, self)
        self.editor = TestimonyEditor(worker, vocabulary, language, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([520, 760])
        self.witness_register = WitnessRegister(worker, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.splitter, self.tr("Testimonies"))
        self.tabs.addTab(self.witness_register, self.tr("Witnesses"))
        self.setCentralWidget(self.tabs)

        self._make_actions()
        self.lock_state_label = QLabel(self.tr("Vault unlocked"), self)
        self.lock_state_label.setObjectName("lockState")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.lock_state_label)

        self.list_panel.testimony_selected.connect(self.on_list_panel_testimony_selected)
        self.editor.saved.connect(self.on_editor_saved)
        self.editor.save_failed.connect(self.show_message)
        self.witness_register.message.connect(self.show_message)
        self.worker.busy_changed.connect(self.busy_bar.setVisible)
        self.resize(1180, 760)

    def _make_actions(self) -> None:
        def action(text: str, shortcut: str | None, slot: object) -> QAction:
            made = QAction(text, self)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.new_action = action(self.tr("New testimony"), "Ctrl+N", self.on_new_action_triggered)
        self.save_action = action(self.tr("Save"), "Ctrl+S", self.on_save_action_triggered)
        self.find_action = action(self.tr("Find"), "Ctrl+F", self.on_find_action_triggered)
        self.lock_action = action(self.tr("Lock"), "Ctrl+L", self.lock_requested)
        self.import_action = action(
            self.tr("Import records…"), None, self.on_import_action_triggered
        )
        self.delete_action = action(
            self.tr("Delete testimony…"), None, self.on_delete_action_triggered
        )
        self.settings_action = action(self.tr("Settings…"), None, self.settings_requested)
        self.change_passphrase_action = action(
            self.tr("Change passphrase…"), None, self.change_passphrase_requested
        )
        self.erase_action = action(self.tr("Erase vault…"), None, self.erase_requested)
        self.quit_action = action(self.tr("Quit"), "Ctrl+Q", self.quit_requested)
        self.register_action = action(
            self.tr("Register selection as sensitive name"), None, self.editor.register_selection
        )
        self.register_action.setShortcut(QKeySequence("Ctrl+E"))
        self.bundle_windows = BundleWindows(self.worker, self.editor, self)
        self.export_action = action(
            self.tr("Export…"), "Ctrl+Shift+E", self.bundle_windows.on_export_action_triggered
        )
        self.open_bundle_action = action(
            self.tr("Open bundle…"), None, self.bundle_windows.on_open_bundle_action_triggered
        )
        self.keys_action = action(
            self.tr("Keys and recipients…"), None, self.bundle_windows.on_keys_action_triggered
        )

        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for item in (self.new_action, self.save_action, self.find_action):
            toolbar.addAction(item)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)

        vault_menu = self.menuBar().addMenu(self.tr("Vault"))
        vault_menu.addAction(self.lock_action)
        vault_menu.addAction(self.change_passphrase_action)
        vault_menu.addAction(self.settings_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.erase_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.quit_action)
        testimony_menu = self.menuBar().addMenu(self.tr("Testimony", "menu"))
        for item in (self.new_action, self.save_action, self.find_action, self.register_action):
            testimony_menu.addAction(item)
        testimony_menu.addSeparator()
        testimony_menu.addAction(self.import_action)
        testimony_menu.addSeparator()
        testimony_menu.addAction(self.delete_action)
        bundles_menu = self.menuBar().addMenu(self.tr("Bundles"))
        bundles_menu.addAction(self.export_action)
        bundles_menu.addAction(self.open_bundle_action)
        bundles_menu.addSeparator()
        bundles_menu.addAction(self.keys_action)

    # --- after unlock, before lock -------------------------------------------------------

    def load_all(self) -> None:
        """The newest testimonies at once, then the whole list (jobs run in order)."""

        def first_screen(context: JobContext) -> list[TestimonySummary]:
            return context.state.require().records.list_testimonies(newest=FIRST_SCREEN_ROWS)

        def everything(context: JobContext) -> list[TestimonySummary]:
            return context.state.require().records.list_testimonies()

        self.worker.submit(first_screen, self._on_first_screen_loaded)
        self.worker.submit(everything, self.list_panel.set_rows)
        self.witness_register.mark_stale()

    def _on_first_screen_loaded(self, rows: list[TestimonySummary]) -> None:
        if self.list_panel.model.rowCount() == 0:  # the full list may have come first
            self.list_panel.set_rows(rows)

    def clear(self) -> None:
        """On lock: every model, editor and field emptied."""
        self.editor.clear()
        self.list_panel.clear()
        self.witness_register.clear()
        self.bundle_windows.close_all()
        self.statusBar().clearMessage()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    # --- testimonies ---------------------------------------------------------------------

    def on_list_panel_testimony_selected(self, testimony_id: str) -> None:
        if testimony_id == self.editor.testimony_id:
            return
        self.editor.save_now()

        def job(context: JobContext) -> Testimony:
            return context.state.require().records.get_testimony(testimony_id)  # type: ignore[arg-type]

        self.worker.submit(job, self._on_testimony_loaded, self._on_job_failed)

    def _on_testimony_loaded(self, testimony: Testimony) -> None:
        # Never load over the same testimony: typing since the request would be wiped.
        if testimony.id != self.editor.testimony_id:
            self.editor.load(testimony)

    def on_new_action_triggered(self) -> None:
        self.editor.save_now()

        def job(context: JobContext) -> Testimony:
            records = context.state.require().records
            witness = records.create_witness()
            return records.create_testimony(witness.id, TestimonyContent())

        self.worker.submit(job, self._on_testimony_created, self._on_job_failed)

    def _on_testimony_created(self, testimony: Testimony) -> None:
        self.tabs.setCurrentIndex(0)
        self.editor.load(testimony)
        self.list_panel.upsert(summary_of(testimony))
        self.list_panel.select(testimony.id)
        self.editor.narrative_edit.setFocus()
        self.witness_register.mark_stale()
        self.show_message(self.tr("New testimony %1 created.").replace("%1", testimony.id))

    def on_editor_saved(self, testimony: Testimony) -> None:
        self.list_panel.upsert(summary_of(testimony))

    def on_save_action_triggered(self) -> None:
        self.editor.save_now()

    def on_find_action_triggered(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.list_panel.search_field.setFocus()
        self.list_panel.search_field.selectAll()

    def on_delete_action_triggered(self) -> None:
        testimony_id = self.editor.testimony_id
        if testimony_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete testimony"),
            self.tr(
                "Delete testimony %1 with all its versions and attachments? This cannot be undone."
            ).replace("%1", testimony_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def job(context: JobContext) -> None:
            context.state.require().records.delete_testimony(testimony_id)  # type: ignore[arg-type]

        self.worker.submit(job, lambda _: self._on_deleted(testimony_id), self._on_job_failed)

    def _on_deleted(self, testimony_id: str) -> None:
        self.editor.clear()
        self.list_panel.model.remove(testimony_id)
        self.show_message(self.tr("Testimony deleted."))

    def on_import_action_triggered(self) -> None:
        from testimony_app.gui.file_dialogs import pick_records_file

        path = pick_records_file(self)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Import interchange records on the vault thread: all of them, or none."""
        from testimony_app.domain.interchange import MAX_FILE_BYTES

        def job(context: JobContext) -> int:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            return len(context.state.require().records.import_records(data))

        self.show_message(self.tr("Importing…"))
        self.worker.submit(job, self._on_imported, self._on_import_failed)

    def _on_imported(self, count: int) -> None:
        self.show_message(self.tr("%n testimonies imported.", "", count))
        self.load_all()

    def _on_import_failed(self, error: BaseException) -> None:
        from testimony_app.domain.interchange import InterchangeError
        from testimony_app.gui.error_messages import describe

        box = QMessageBox(self)
        box.setObjectName("importFailedMessage")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Import"))
        box.setText(self.tr("Nothing was imported."))
        if isinstance(error, InterchangeError):
            box.setInformativeText(self.tr("The file has problems; each is listed below."))
            box.setDetailedText(error.report())  # field paths and expectations, never values
        else:
            box.setInformativeText(describe(error))
        box.open()
        self.import_failed_box = box

    def _on_job_failed(self, error: BaseException) -> None:
        from testimony_app.gui.error_messages import describe

        self.show_message(describe(error))

    # --- closing -------------------------------------------------------------------------

    def allow_close(self) -> None:
        self._allow_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._allow_close:
            event.accept()
            return
        event.ignore()
        self.quit_requested.emit()  # the controller locks first, then quits
