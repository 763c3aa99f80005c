"""The export wizard's end: the files written with their SHA-256, and the fingerprint to read."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from testimony_app.bundle.writer import WrittenBundle
from testimony_app.gui.bidi_text import isolated
from testimony_app.gui.keys.fingerprint_label import FingerprintLabel
from testimony_app.gui.status_text import align_leading


def _selectable(text: str, parent: QWidget, *, fixed: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    align_leading(label)
    if fixed:
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        label.setFont(font)
        label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return label


class ExportDonePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDonePage")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        self.files_area = QVBoxLayout()
        self.files_area.setSpacing(8)
        self.fingerprint_intro = QLabel(
            self.tr(
                "Before the editor trusts these bundles, read them this fingerprint of your "
                "signing key aloud, group by group (by phone or in person, not in the same "
                "message as the bundle):"
            ),
            self,
        )
        self.fingerprint_intro.setWordWrap(True)
        self.fingerprint_label = FingerprintLabel(self, point_size=18)
        self.fingerprint_label.setObjectName("signingFingerprint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.result_label)
        layout.addLayout(self.files_area)
        layout.addSpacing(8)
        layout.addWidget(self.fingerprint_intro)
        layout.addWidget(self.fingerprint_label)
        layout.addStretch(1)
        self._frames: list[QFrame] = []

    def show_result(
        self, bundles: list[WrittenBundle], fingerprint: str, name_of: Callable[[str], str]
    ) -> None:
        self.clear()
        self.result_label.setText(
            self.tr("Done. Bundles written: %1.").replace("%1", QLocale().toString(len(bundles)))
        )
        for bundle in bundles:
            frame = QFrame(self)
            frame.setObjectName("writtenBundle")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            form = QFormLayout(frame)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
            recipient = bundle.manifest.recipients[0] if bundle.manifest.recipients else ""
            form.addRow(self.tr("For"), _selectable(isolated(name_of(recipient)), frame))
            form.addRow(self.tr("File"), _selectable(isolated(str(bundle.path)), frame))
            sha = _selectable(bundle.sha256, frame, fixed=True)
            sha.setObjectName("bundleSha256")
            form.addRow(self.tr("SHA-256"), sha)
            self.files_area.addWidget(frame)
            self._frames.append(frame)
        self.fingerprint_label.set_fingerprint(fingerprint)

    def shown_hashes(self) -> list[str]:
        return [
            label.text()
            for frame in self._frames
            for label in frame.findChildren(QLabel, "bundleSha256")
        ]

    def clear(self) -> None:
        for frame in self._frames:
            self.files_area.removeWidget(frame)
            frame.hide()
            frame.deleteLater()
        self._frames = []
        self.result_label.clear()
        self.fingerprint_label.clear()
