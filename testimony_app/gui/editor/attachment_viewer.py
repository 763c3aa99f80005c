"""Shows an attachment inside the app: pictures and plain text; never a copy on disk.

An attachment is never handed to another program (that program would write a plaintext copy
somewhere) and never written out to be shown. The bytes are read through the vault thread,
checked against the SHA-256 recorded when the file was added, decoded there, and held only
while the viewer is open.
"""

from __future__ import annotations

import codecs
import enum
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDateTime,
    QIODevice,
    QLocale,
    QMimeDatabase,
    QSize,
    Qt,
)
from PySide6.QtGui import QFontDatabase, QImage, QImageReader, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import AttachmentInfo
from testimony_app.errors import VaultLocked
from testimony_app.gui.bidi_text import display_name, isolated
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.vault.attachment_store import AttachmentCorrupted, AttachmentNotFound, Cancelled

MIB = 1024 * 1024
IMAGE_LIMIT = 64 * MIB  # the whole file is held in memory to decode it
TEXT_LIMIT = 4 * MIB  # more than this is not shown (but still checked)

# Decoders are attack surface: only these, whatever the name says and whatever Qt could read.
IMAGE_FORMATS = frozenset({"png", "jpeg", "gif", "bmp", "webp"})
_FORMAT_OF_MEDIA_TYPE = {f"image/{n}": n for n in IMAGE_FORMATS} | {"image/x-ms-bmp": "bmp"}
_FORMAT_OF_SUFFIX = {f".{name}": name for name in IMAGE_FORMATS} | {".jpg": "jpeg"}
TEXT_MEDIA_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown", "text/csv"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".csv"})


def format_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def format_time(stamp: str) -> str:
    """An ISO UTC time from the vault, in the user's local time and language."""
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return stamp
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def describe_type(media_type: str) -> str:
    """'PNG image' for image/png; the media type itself when Qt has no name for it."""
    kind = QMimeDatabase().mimeTypeForName(media_type)
    return kind.comment() if kind.isValid() and kind.comment() else media_type


class ViewKind(enum.Enum):
    IMAGE = "image"
    TEXT = "text"
    OTHER = "other"


def readable_image_formats() -> frozenset[str]:
    """Our formats that this Qt can decode (WebP needs its image plugin)."""
    supported = {
        bytes(item.data()).decode("ascii").lower() for item in QImageReader.supportedImageFormats()
    }
    return IMAGE_FORMATS & frozenset(supported)


def view_kind(info: AttachmentInfo) -> ViewKind:
    media_type = info.media_type.lower()
    suffix = PurePath(info.file_name).suffix.lower()
    image_format = _FORMAT_OF_MEDIA_TYPE.get(media_type) or _FORMAT_OF_SUFFIX.get(suffix)
    if image_format is not None:
        return ViewKind.IMAGE if image_format in readable_image_formats() else ViewKind.OTHER
    if media_type in TEXT_MEDIA_TYPES or suffix in TEXT_SUFFIXES:
        return ViewKind.TEXT
    return ViewKind.OTHER


class ViewStatus(enum.Enum):
    LOADING = "loading"
    SHOWN = "shown"
    NOT_SHOWN = "not shown"  # a kind the app does not show
    TOO_LARGE = "too large"
    CORRUPTED = "corrupted"
    UNREADABLE = "unreadable"  # not a picture after all, or the vault could not give it
    CLOSED = "closed"


class NotAPicture(Exception):
    """The bytes are not a picture in one of the formats we decode."""


@dataclass(frozen=True)
class TextContent:
    text: str
    truncated: bool


# --- jobs: these run on the vault thread ------------------------------------------------------


Progress = Callable[[int, int | None], None]


def throttled(progress: Progress) -> Progress:
    """Passes a report on only when it moves a bar by a thousandth (per MiB without a total):
    at most a thousand signals for a file of many gigabytes, not one per chunk."""
    last = -1

    def report(done: int, total: int | None) -> None:
        nonlocal last
        step = done * 1000 // total if total else done >> 20
        if step != last:
            last = step
            progress(done, total)

    return report


def _read(context: JobContext, info: AttachmentInfo, keep: int) -> tuple[bytes, bool]:
    """Up to `keep` bytes of the attachment, reading (and so checking) all of it."""
    records = context.state.require().records
    progress = throttled(context.progress)
    kept = bytearray()
    done = 0
    truncated = False
    for chunk in records.read_attachment(info.id):
        if context.cancel.is_set():
            raise Cancelled()
        done += len(chunk)
        room = keep - len(kept)
        if room > 0:
            kept += chunk[:room]
        truncated = truncated or len(chunk) > room
        progress(done, info.size)
    return bytes(kept), truncated


def _decode_picture(data: bytes) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # photos from phones carry their rotation separately
    # Decided by the content: a PNG named .jpg is still shown, an SVG named .png is not.
    found = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if found not in readable_image_formats():
        raise NotAPicture()
    image = reader.read()
    buffer.close()
    if image.isNull():
        raise NotAPicture()
    return image


def decode_text(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    return data.decode("utf-8", "replace")


def load_picture(info: AttachmentInfo, context: JobContext) -> QImage:
    data, _ = _read(context, info, IMAGE_LIMIT)
    return _decode_picture(data)


def load_text(info: AttachmentInfo, context: JobContext) -> TextContent:
    data, truncated = _read(context, info, TEXT_LIMIT)
    return TextContent(decode_text(data), truncated)


# --- widgets ----------------------------------------------------------------------------------


class PictureView(QWidget):
    """Paints a picture scaled down to fit (never up), centred; keeps only one scaled copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._scaled = QImage()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)

    def set_image(self, image: QImage) -> None:
        self._image = image
        self._scaled = QImage()
        self.update()

    def image(self) -> QImage:
        return self._image

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image.isNull():
            return
        room = self.contentsRect().size()
        target = self._image.size()
        if target.width() > room.width() or target.height() > room.height():
            target = target.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        if self._scaled.size() != target:
            self._scaled = self._image.scaled(
                target,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        painter = QPainter(self)
        left = (self.width() - target.width()) // 2
        top = (self.height() - target.height()) // 2
        painter.drawImage(left, top, self._scaled)
        painter.end()


class AttachmentViewer(QDialog):
    """One attachment, read through the worker; closing it drops the bytes."""

    def __init__(
        self, worker: DatabaseWorker, info: AttachmentInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.setWindowTitle(
            self.tr("Attachment — %1").replace("%1", display_name(info.file_name, 60))
        )
        self._worker = worker
        self.info = info
        self.kind = view_kind(info)
        self.status = ViewStatus.LOADING
        self._job_id: int | None = None

        self.name_label = QLabel(isolated(display_name(info.file_name)), self)
        self.name_label.setObjectName("attachmentName")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        name_font = self.name_label.font()
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.summary_label = QLabel(
            self.tr("%1 · %2")
            .replace("%1", isolated(describe_type(info.media_type)))
            .replace("%2", isolated(format_size(info.size))),
            self,
        )
        self.summary_label.setObjectName("note")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.pages = QStackedWidget(self)
        self.loading_page = self._make_loading_page()
        self.picture_view = PictureView(self)
        # QTextEdit, not QPlainTextEdit: only it aligns each Arabic paragraph to the right.
        # Given plain text only, so nothing in the file is read as markup or a link.
        self.text_view = QTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setAcceptRichText(False)
        self.text_view.setUndoRedoEnabled(False)
        self.text_page = self._make_text_page()
        self.message_page = self._make_message_page()
        for page in (self.loading_page, self.picture_view, self.text_page, self.message_page):
            self.pages.addWidget(page)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(8)
        layout.addWidget(self.name_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._start()

    # --- pages --------------------------------------------------------------------------------

    def _make_loading_page(self) -> QWidget:
        page = QWidget(self)
        self.progress_label = QLabel(self.tr("Reading the attachment from the vault…"), page)
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.progress_bar)
        layout.addStretch(1)
        return page

    def _make_text_page(self) -> QWidget:
        page = QWidget(self)
        self.truncated_label = QLabel(
            self.tr("Only the first %1 are shown.").replace("%1", format_size(TEXT_LIMIT)), page
        )
        self.truncated_label.setObjectName("note")
        self.truncated_label.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(self.truncated_label)
        return page

    def _make_message_page(self) -> QWidget:
        page = QWidget(self)
        self.message_label = QLabel(page)
        self.message_label.setObjectName("viewerMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)

        self.details = QFormLayout()
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        rows = [
            (self.tr("Name"), isolated(display_name(self.info.file_name))),
            (
                self.tr("Type"),
                self.tr("%1 (%2)")
                .replace("%1", isolated(describe_type(self.info.media_type)))
                .replace("%2", isolated(self.info.media_type)),
            ),
            (self.tr("Size"), self._exact_size()),
            (self.tr("Added"), format_time(self.info.added_at)),
            (self.tr("SHA-256"), self.info.sha256),
        ]
        for caption, value in rows:
            field = QLabel(value, page)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            self.details.addRow(caption, field)
        self.sha256_label = field  # the last row
        self.sha256_label.setFont(fixed)
        self.sha256_label.setWordWrap(False)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 12, 4, 4)
        layout.setSpacing(16)
        layout.addWidget(self.message_label)
        layout.addLayout(self.details)
        layout.addStretch(1)
        return page

    def _exact_size(self) -> str:
        if self.info.size < 1024:
            return format_size(self.info.size)
        return (
            self.tr("%1 (%2 bytes)")
            .replace("%1", format_size(self.info.size))
            .replace("%2", QLocale().toString(self.info.size))
        )

    # --- loading ------------------------------------------------------------------------------

    def _start(self) -> None:
        info = self.info
        if self.kind is ViewKind.OTHER:
            self._show_message(
                ViewStatus.NOT_SHOWN,
                self.tr(
                    "This kind of file cannot be shown inside the app; it is stored encrypted."
                ),
            )
            return
        if self.kind is ViewKind.IMAGE and info.size > IMAGE_LIMIT:
            self._show_message(
                ViewStatus.TOO_LARGE,
                self.tr(
                    "This picture is too large to show inside the app (more than %1). "
                    "It is stored encrypted."
                ).replace("%1", format_size(IMAGE_LIMIT)),
            )
            return
        load = load_picture if self.kind is ViewKind.IMAGE else load_text
        job = functools.partial(load, info)  # only plain data crosses to the vault thread
        self.pages.setCurrentWidget(self.loading_page)
        self._job_id = self._worker.submit(
            job, self.on_job_done, self.on_job_failed, self.on_job_progressed
        )

    def _waiting(self) -> bool:
        """Still waiting for the bytes: not closed, and not deleted along with a parent."""
        return self.status is ViewStatus.LOADING and bool(shiboken6.isValid(self))

    def on_job_progressed(self, done: int, total: int | None) -> None:
        if self._waiting() and total:
            self.progress_bar.setValue(min(1000, done * 1000 // total))

    def on_job_done(self, result: object) -> None:
        self._job_id = None
        if not self._waiting():
            return  # closed meanwhile: drop what came back
        if isinstance(result, QImage):
            self.picture_view.set_image(result)
            self.pages.setCurrentWidget(self.picture_view)
            self.summary_label.setText(
                self.tr("%1 · %2 × %3 pixels")  # noqa: RUF001 - a multiplication sign
                .replace("%1", self.summary_label.text())
                .replace("%2", QLocale().toString(result.width()))
                .replace("%3", QLocale().toString(result.height()))
            )
        elif isinstance(result, TextContent):
            self.text_view.setPlainText(result.text)
            self.truncated_label.setVisible(result.truncated)
            self.pages.setCurrentWidget(self.text_page)
        self.status = ViewStatus.SHOWN

    def on_job_failed(self, error: BaseException) -> None:
        self._job_id = None
        if not self._waiting():
            return
        if isinstance(error, AttachmentCorrupted):
            status, message = (
                ViewStatus.CORRUPTED,
                self.tr(
                    "The stored copy of this file does not match the fingerprint (SHA-256) "
                    "recorded when it was added. It may be damaged, so it is not shown."
                ),
            )
        elif isinstance(error, NotAPicture):
            status, message = (
                ViewStatus.UNREADABLE,
                self.tr(
                    "This file could not be read as a picture, so it is not shown. "
                    "It is stored encrypted."
                ),
            )
        elif isinstance(error, VaultLocked):
            status, message = ViewStatus.UNREADABLE, self.tr("The vault is locked.")
        elif isinstance(error, AttachmentNotFound):
            status, message = (
                ViewStatus.UNREADABLE,
                self.tr("This attachment is no longer in the vault."),
            )
        else:
            status, message = (
                ViewStatus.UNREADABLE,
                self.tr("The attachment could not be read from the vault."),
            )
        self._show_message(status, message)

    def _show_message(self, status: ViewStatus, message: str) -> None:
        self.status = status
        self.message_label.setText(message)
        self.pages.setCurrentWidget(self.message_page)

    # --- closing ------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing in any way (button, Escape, window frame, lock) stops reading, drops bytes."""
        if self._job_id is not None:
            self._worker.cancel(self._job_id)
            self._job_id = None
        self.status = ViewStatus.CLOSED
        self.picture_view.set_image(QImage())
        self.text_view.clear()
        super().done(result)
