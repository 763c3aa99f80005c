"""The earlier versions of a testimony: list them, read one, bring it back as a new version."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import Revision, TestimonyContent
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext


class RevisionsPanel(QWidget):
    restore_requested = Signal(object)  # TestimonyContent of the chosen revision

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._testimony_id: str | None = None
        self._shown: Revision | None = None
        self.revision_list = QListWidget(self)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("Choose a version to read it."))
        self.info_label = QLabel(self.tr("Every save keeps the version before it."), self)
        self.info_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Bring back this version"), self)
        self.restore_button.setEnabled(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.revision_list)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info_label, 1)
        bottom.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.revision_list.currentItemChanged.connect(self.on_revision_list_current_item_changed)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)

    def set_testimony(self, testimony_id: str | None) -> None:
        self.clear()
        self._testimony_id = testimony_id
        if testimony_id is not None:
            self.refresh()

    def refresh(self) -> None:
        testimony_id = self._testimony_id
        if testimony_id is None:
            return

        def job(context: JobContext) -> list[tuple[int, str]]:
            return context.state.require().records.revisions(testimony_id)  # type: ignore[arg-type]

        self.worker.submit(job, self._on_revisions_loaded)

    def _on_revisions_loaded(self, revisions: list[tuple[int, str]]) -> None:
        self.revision_list.clear()
        for number, saved_at in reversed(revisions):
            when = saved_at.replace("T", " ").rstrip("Z")[:16]
            item = QListWidgetItem(
                self.tr("Version %1 — %2").replace("%1", str(number)).replace("%2", when)
            )
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.revision_list.addItem(item)

    def on_revision_list_current_item_changed(
        self, item: QListWidgetItem | None, _: object
    ) -> None:
        self.preview.clear()
        self._shown = None
        self.restore_button.setEnabled(False)
        if item is None or self._testimony_id is None:
            return
        number = int(item.data(Qt.ItemDataRole.UserRole))
        testimony_id = self._testimony_id

        def job(context: JobContext) -> Revision:
            return context.state.require().records.revision(testimony_id, number)  # type: ignore[arg-type]

        self.worker.submit(job, self._on_revision_loaded)

    def _on_revision_loaded(self, revision: Revision) -> None:
        if revision.testimony_id != self._testimony_id:
            return
        self._shown = revision
        self.preview.setPlainText(revision.content.narrative)
        self.restore_button.setEnabled(True)

    def on_restore_button_clicked(self) -> None:
        if self._shown is not None:
            content: TestimonyContent = self._shown.content
            self.restore_requested.emit(content)

    def clear(self) -> None:
        self._testimony_id = None
        self._shown = None
        self.revision_list.clear()
        self.preview.clear()
        self.restore_button.setEnabled(False)
