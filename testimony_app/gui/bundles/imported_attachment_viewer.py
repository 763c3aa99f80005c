"""Shows a file that came in a bundle: pictures and plain text inside the app, never outside.

Like the researcher's attachment viewer: the bytes come from the vault through the vault
thread, are checked against the SHA-256 the signed manifest gave, decoded there with the same
short list of picture formats, and held only while the window is open. Nothing is handed to
another program or written to disk.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.records import AttachmentInfo
from testimony_app.gui.bidi_text import isolated
from testimony_app.gui.editor.attachment_viewer import (
    IMAGE_LIMIT,
    TEXT_LIMIT,
    PictureView,
    ViewKind,
    decode_text,
    describe_type,
    format_size,
    readable_image_formats,
    view_kind,
)
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext


@dataclass(frozen=True)
class ImportedFile:
    """One attachment entry of an imported record, as the signed manifest described it."""

    bundle_id: str
    path: str
    media_type: str
    size: int
    sha256: str

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    def as_info(self) -> AttachmentInfo:
        return AttachmentInfo(0, TestimonyId(""), self.name, self.media_type, self.size, "", "")

    def __repr__(self) -> str:
        return f"ImportedFile({self.media_type}, {self.size} bytes)"


class NotShown(Exception):
    """The bytes do not match, or are not a picture after all."""


def load_imported(file: ImportedFile, kind: ViewKind, context: JobContext) -> object:
    from testimony_app.services.bundles import BundleService

    data = BundleService(context.state.require().records).imported_file(file.bundle_id, file.path)
    if hashlib.sha256(data).hexdigest() != file.sha256:
        raise NotShown()
    if kind is ViewKind.TEXT:
        return decode_text(data[:TEXT_LIMIT])
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    found = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if found not in readable_image_formats():
        raise NotShown()
    image = reader.read()
    buffer.close()
    if image.isNull():
        raise NotShown()
    return image


class ImportedAttachmentViewer(QDialog):
    def __init__(
        self, worker: DatabaseWorker, file: ImportedFile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importedAttachmentViewer")
        self.setWindowTitle(self.tr("Attachment — %1").replace("%1", file.name))
        self._worker = worker
        self.file = file
        self.kind = view_kind(file.as_info())
        self.shown = False
        self._job_id: int | None = None
        summary = QLabel(
            self.tr("%1 · %2")
            .replace("%1", isolated(describe_type(file.media_type)))
            .replace("%2", isolated(format_size(file.size))),
            self,
        )
        summary.setObjectName("note")
        self.pages = QStackedWidget(self)
        self.message_label = QLabel(self.tr("Reading the file from the vault…"), self)
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture_view = PictureView(self)
        self.text_view = QTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setAcceptRichText(False)
        for page in (self.message_label, self.picture_view, self.text_view):
            self.pages.addWidget(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        self.resize(720, 540)
        self._start()

    def _start(self) -> None:
        limit = IMAGE_LIMIT if self.kind is ViewKind.IMAGE else TEXT_LIMIT * 16
        if self.kind is ViewKind.OTHER:
            self.message_label.setText(
                self.tr("This kind of file cannot be shown inside the app. SHA-256: %1").replace(
                    "%1", self.file.sha256
                )
            )
            return
        if self.file.size > limit:
            self.message_label.setText(self.tr("This file is too large to show inside the app."))
            return
        kind, file = self.kind, self.file
        self._job_id = self._worker.submit(
            lambda context: load_imported(file, kind, context), self._on_loaded, self._on_failed
        )

    def _on_loaded(self, result: object) -> None:
        self._job_id = None
        if not shiboken6.isValid(self) or not self.isVisible():
            return
        if isinstance(result, QImage):
            self.picture_view.set_image(result)
            self.pages.setCurrentWidget(self.picture_view)
        else:
            self.text_view.setPlainText(str(result))
            self.pages.setCurrentWidget(self.text_view)
        self.shown = True

    def _on_failed(self, _error: BaseException) -> None:
        self._job_id = None
        if shiboken6.isValid(self) and self.isVisible():
            self.message_label.setText(
                self.tr("This file could not be shown: it is not what it says it is.")
            )

    def done(self, result: int) -> None:
        if self._job_id is not None:
            self._worker.cancel(self._job_id)
            self._job_id = None
        self.picture_view.set_image(QImage())
        self.text_view.clear()
        super().done(result)
