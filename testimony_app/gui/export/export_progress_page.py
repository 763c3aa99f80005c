"""The export wizard while the bundles are written: a progress bar, Cancel, and how it ended."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from testimony_app.gui.status_text import set_status

STEPS_PER_BUNDLE = 1000


class ExportProgressPage(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportProgressPage")
        self.state = "idle"  # running, cancelling, cancelled, failed
        self.status_label = QLabel(self)
        self.status_label.setObjectName("exportStatus")
        self.status_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("exportProgress")
        self.progress_bar.setTextVisible(False)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("note")
        self.detail_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel the export"), self)
        self.cancel_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)

    def show_running(self, bundles: int) -> None:
        self.state = "running"
        self._bundles = max(bundles, 1)
        self._set_status("running", self.tr("Redacting the testimonies and cleaning the files…"))
        self.progress_bar.setRange(0, 0)  # busy until the first bytes are written
        self.detail_label.setText(
            self.tr("Nothing is written until the bundle is complete; Cancel leaves no file.")
        )
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

    def show_progress(self, done: int, total: int | None) -> None:
        if self.state != "running" or not total:
            return
        if self.progress_bar.maximum() != total:
            self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))
        bundle = min(done // STEPS_PER_BUNDLE + 1, self._bundles)
        if self._bundles > 1:
            text = (
                self.tr("Writing bundle %1 of %2…")
                .replace("%1", QLocale().toString(bundle))
                .replace("%2", QLocale().toString(self._bundles))
            )
        else:
            text = self.tr("Writing the bundle…")
        self._set_status("running", text)

    def on_cancel_button_clicked(self) -> None:
        if self.state != "running":
            return
        self.state = "cancelling"
        self.cancel_button.setEnabled(False)
        self._set_status("running", self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def show_cancelled(self) -> None:
        self.state = "cancelled"
        self._finish()
        self._set_status("stopped", self.tr("Cancelled, nothing written."))
        self.detail_label.setText(self.tr("You can go back and export again, or close."))

    def show_failed(self, reason: str, advice: str) -> None:
        self.state = "failed"
        self._finish()
        self._set_status("failed", reason)
        self.detail_label.setText(advice)

    def _finish(self) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.cancel_button.hide()

    def _set_status(self, state: str, text: str) -> None:
        set_status(self.status_label, text, {"failed": "failed", "stopped": "done"}.get(state, ""))

    def clear(self) -> None:
        self.state = "idle"
        self.status_label.clear()
        self.detail_label.clear()
        self.progress_bar.reset()
