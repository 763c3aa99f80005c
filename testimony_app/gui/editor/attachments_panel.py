"""A testimony's attachments: the list, adding files (button or drag and drop), viewing them.

Files are streamed into the vault on the vault thread, one chunk at a time, each with a
progress bar and a Cancel button; a cancelled or failed file leaves nothing behind. The
messages this panel emits for the status line never contain a file name or a path: those can
name a person or a place.
"""

from __future__ import annotations

import functools
import mimetypes
import os
import stat
from collections.abc import Iterable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.records import AttachmentInfo
from testimony_app.errors import VaultLocked
from testimony_app.gui.bidi_text import display_name, isolated
from testimony_app.gui.editor.attachment_viewer import (
    AttachmentViewer,
    describe_type,
    format_size,
    throttled,
)
from testimony_app.gui.file_dialogs import pick_files_to_attach
from testimony_app.gui.workers.database_worker import DatabaseWorker, Job, JobContext
from testimony_app.services.records import RecordNotFound
from testimony_app.vault.attachment_store import Cancelled

InfoRole = Qt.ItemDataRole.UserRole + 1


class NotARegularFile(OSError):
    """A folder, a device or a pipe: only ordinary files are attached."""


def ingest_job(testimony_id: str, path: Path) -> Job:
    """Stream the file at `path` into the vault; runs on the vault thread."""

    def job(context: JobContext) -> AttachmentInfo:
        if context.cancel.is_set():  # cancelled while waiting its turn
            raise Cancelled()
        records = context.state.require().records
        # O_NONBLOCK: opening a named pipe must not hang the vault thread; it has no effect
        # on the regular files we go on to read.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as source:
            details = os.fstat(source.fileno())
            if not stat.S_ISREG(details.st_mode):
                raise NotARegularFile()
            media_type, _ = mimetypes.guess_type(path.name, strict=False)
            return records.attach(
                TestimonyId(testimony_id),
                source,
                file_name=path.name,
                media_type=media_type or "application/octet-stream",
                total=details.st_size,
                progress=throttled(context.progress),
                cancel=context.cancel,
            )

    return job


class IsolatingDelegate(QStyledItemDelegate):
    """Lays each cell out in its own direction: "20250312_104455.jpg" in the Arabic interface
    would otherwise read "jpg.104455_20250312". The text itself is left as it is."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.text:
            option.text = isolated(option.text)


class IngestRow(QFrame):
    """One file on its way into the vault: its name, a progress bar, Cancel."""

    def __init__(self, worker: DatabaseWorker, file_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("ingestRow")
        self._worker = worker
        self.job_id: int | None = None
        self.name_label = QLabel(isolated(display_name(file_name, 60)), self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setFormat(self.tr("Waiting…"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_label, 2)
        layout.addWidget(self.progress_bar, 3)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)

    def on_cancel_button_clicked(self) -> None:
        if self.job_id is not None:
            self._worker.cancel(self.job_id)
        self.cancel_button.setEnabled(False)
        self.progress_bar.setFormat(self.tr("Cancelling…"))

    def show_progress(self, done: int, total: int | None) -> None:
        # A report can arrive after the row was taken away (cleared on lock) and deleted.
        if not shiboken6.isValid(self) or not self.cancel_button.isEnabled():
            return
        self.progress_bar.setFormat("%p%")
        self.progress_bar.setValue(min(1000, done * 1000 // total) if total else 1000)


class AttachmentsPanel(QWidget):
    """The attachments of the testimony open in the editor."""

    attachment_added = Signal(object)  # AttachmentInfo
    failed = Signal(str)  # a sentence for the status line, never a name or a path

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsPanel")
        self.setAcceptDrops(True)
        self._worker = worker
        self._testimony_id: str | None = None
        self._generation = 0  # bumped on every change of testimony: late lists are dropped
        self._ingests: list[IngestRow] = []
        self._viewers: list[AttachmentViewer] = []

        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("note")
        self.hint_label.setWordWrap(True)
        self.view_button = QPushButton(self.tr("View"), self)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.setToolTip(self.tr("Choose files to attach, or drop them on this list"))

        self.attachment_list = QTreeWidget(self)
        self.attachment_list.setObjectName("attachmentList")
        self.attachment_list.setAccessibleName(self.tr("Attachments"))
        self.attachment_list.setColumnCount(3)
        self.attachment_list.setHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Size")])
        self.attachment_list.setRootIsDecorated(False)
        self.attachment_list.setUniformRowHeights(True)
        self.attachment_list.setAlternatingRowColors(True)
        self.attachment_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.attachment_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachment_list.setItemDelegate(IsolatingDelegate(self.attachment_list))
        header = self.attachment_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.ingest_area = QVBoxLayout()
        self.ingest_area.setSpacing(6)

        top = QHBoxLayout()
        top.addWidget(self.hint_label, 1)
        top.addWidget(self.view_button)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.attachment_list, 1)
        layout.addLayout(self.ingest_area)

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.view_button.clicked.connect(self.on_view_button_clicked)
        self.attachment_list.itemActivated.connect(self.on_attachment_list_item_activated)
        self.attachment_list.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # --- the testimony shown ------------------------------------------------------------------

    @property
    def testimony_id(self) -> str | None:
        return self._testimony_id

    def set_testimony(self, testimony_id: str | None) -> None:
        """Show the attachments of `testimony_id` (None: no testimony, nothing to attach to)."""
        self._generation += 1
        self._testimony_id = testimony_id
        self._close_viewers()
        self.attachment_list.clear()
        self._update_buttons()
        if testimony_id is None:
            return
        generation = self._generation
        self._worker.submit(
            lambda context: context.state.require().records.attachments(TestimonyId(testimony_id)),
            lambda infos: self._on_list_loaded(generation, infos),
            lambda error: self._on_list_failed(generation, error),
        )

    def clear(self) -> None:
        """Forget everything shown and cancel running ingests (on lock)."""
        for row in list(self._ingests):
            row.on_cancel_button_clicked()
            self._remove_row(row)
        self.set_testimony(None)

    def attachments(self) -> list[AttachmentInfo]:
        rows = range(self.attachment_list.topLevelItemCount())
        items = [self.attachment_list.topLevelItem(row) for row in rows]
        return [item.data(0, InfoRole) for item in items if item is not None]

    def _alive(self) -> bool:
        """False once Qt has deleted the panel: a late result must not touch its widgets."""
        return bool(shiboken6.isValid(self))

    def _on_list_loaded(self, generation: int, infos: list[AttachmentInfo]) -> None:
        if not self._alive() or generation != self._generation:
            return
        self.attachment_list.clear()
        for info in infos:
            self._append(info)
        self._update_buttons()

    def _on_list_failed(self, generation: int, error: BaseException) -> None:
        if self._alive() and generation == self._generation:
            self.failed.emit(self._words_for(error))

    def _append(self, info: AttachmentInfo) -> None:
        item = QTreeWidgetItem(
            [display_name(info.file_name), describe_type(info.media_type), format_size(info.size)]
        )
        item.setData(0, InfoRole, info)
        item.setToolTip(1, info.media_type)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        self.attachment_list.addTopLevelItem(item)

    def _update_buttons(self) -> None:
        has_testimony = self._testimony_id is not None
        self.add_button.setEnabled(has_testimony)
        self.view_button.setEnabled(bool(self.attachment_list.selectedItems()))
        if has_testimony:
            self.hint_label.setText(
                self.tr("Drop files here to attach them. They are stored encrypted in the vault.")
            )
        else:
            self.hint_label.setText(self.tr("Files can be attached once the testimony is saved."))

    # --- adding -------------------------------------------------------------------------------

    def on_add_button_clicked(self) -> None:
        self.ingest(pick_files_to_attach(self))

    def ingest(self, paths: Iterable[Path]) -> list[int]:
        """Stream each file into the vault, in turn; returns the worker's job IDs."""
        if self._testimony_id is None:
            return []
        job_ids = []
        for path in paths:
            row = IngestRow(self._worker, path.name, self)
            self.ingest_area.addWidget(row)
            self._ingests.append(row)
            row.job_id = self._worker.submit(
                ingest_job(self._testimony_id, path),
                functools.partial(self._on_ingest_done, row),
                functools.partial(self._on_ingest_failed, row),
                row.show_progress,
            )
            job_ids.append(row.job_id)
        return job_ids

    def _on_ingest_done(self, row: IngestRow, info: AttachmentInfo) -> None:
        if not self._alive() or not self._remove_row(row):
            return  # cleared meanwhile (locked): nothing is shown again
        if info.testimony_id == self._testimony_id:
            self._append(info)
            self._update_buttons()
        self.attachment_added.emit(info)

    def _on_ingest_failed(self, row: IngestRow, error: BaseException) -> None:
        if self._alive() and self._remove_row(row) and not isinstance(error, Cancelled):
            self.failed.emit(self._words_for(error))

    def _remove_row(self, row: IngestRow) -> bool:
        """Take the row away; False if it was gone already."""
        if row not in self._ingests:
            return False
        self._ingests.remove(row)
        self.ingest_area.removeWidget(row)
        row.hide()
        row.deleteLater()
        return True

    @property
    def ingests_running(self) -> int:
        return len(self._ingests)

    def _words_for(self, error: BaseException) -> str:
        if isinstance(error, VaultLocked):
            return self.tr("The vault is locked.")
        if isinstance(error, RecordNotFound):
            return self.tr("The testimony is no longer in the vault; the file was not attached.")
        if isinstance(error, NotARegularFile | IsADirectoryError):
            return self.tr("Only files can be attached, not folders or devices.")
        if isinstance(error, PermissionError):
            return self.tr("The file could not be opened: permission denied. Nothing was added.")
        if isinstance(error, FileNotFoundError):
            return self.tr("The file is no longer there. Nothing was added.")
        if not isinstance(error, OSError) and "disk is full" in str(error):  # from SQLite
            return self.tr("There is not enough free space on this computer. Nothing was added.")
        return self.tr("The file could not be added. Nothing was saved.")

    # --- drag and drop ------------------------------------------------------------------------

    def _dropped_files(self, event: QDropEvent) -> list[Path]:
        if self._testimony_id is None or not event.mimeData().hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_files(event):
            # Copy, never move: the drag source must not delete its file.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [path for path in self._dropped_files(event) if not path.is_dir()]
        if not files:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.ingest(files)

    # --- viewing ------------------------------------------------------------------------------

    def on_attachment_list_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_viewer(item.data(0, InfoRole))

    def on_view_button_clicked(self) -> None:
        selected = self.attachment_list.selectedItems()
        if selected:
            self.open_viewer(selected[0].data(0, InfoRole))

    def open_viewer(self, info: AttachmentInfo) -> AttachmentViewer:
        viewer = AttachmentViewer(self._worker, info, self)
        self._viewers.append(viewer)
        viewer.finished.connect(lambda _result, viewer=viewer: self._forget_viewer(viewer))
        viewer.open()
        return viewer

    def _forget_viewer(self, viewer: AttachmentViewer) -> None:
        if viewer in self._viewers:
            self._viewers.remove(viewer)
        viewer.deleteLater()

    def _close_viewers(self) -> None:
        for viewer in list(self._viewers):
            viewer.reject()
