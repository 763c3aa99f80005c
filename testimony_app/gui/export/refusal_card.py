"""One testimony the export review stopped: send it or not, why it stopped, its files."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from testimony_app.domain.records import AttachmentInfo
from testimony_app.gui.bidi_text import display_name, isolated
from testimony_app.gui.editor.attachment_viewer import describe_type, format_size
from testimony_app.gui.error_messages import describe_refusal
from testimony_app.services.export import Refusal, RefusalReason

# Refusals only leaving the testimony out resolves.
HARD_REASONS = frozenset(
    {
        RefusalReason.NOT_FOUND,
        RefusalReason.CONSENT_NOT_RECORDED,
        RefusalReason.NOT_SHARED_WITH_EDITORS,
        RefusalReason.NOT_FOR_PUBLICATION,
    }
)


FOLLOW_FROM_NO_CONSENT = frozenset(
    {RefusalReason.NOT_SHARED_WITH_EDITORS, RefusalReason.NOT_FOR_PUBLICATION}
)


class TestimonyCard(QFrame):
    """One testimony that cannot go as it is: send it or not, its reasons, its files."""

    __test__ = False
    toggled = Signal(str, bool)
    choices_changed = Signal()

    def __init__(
        self,
        testimony_id: str,
        caption: str,
        refusals: list[Refusal],
        attachments: dict[int, AttachmentInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refusalCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.testimony_id = testimony_id
        self.reasons = {refusal.reason for refusal in refusals}
        self.send_check = QCheckBox(caption, self)
        self.send_check.setChecked(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.send_check)
        shown: set[RefusalReason] = set()
        if RefusalReason.CONSENT_NOT_RECORDED in self.reasons:
            shown |= FOLLOW_FROM_NO_CONSENT  # with no consent at all, these go without saying
        for refusal in refusals:
            if refusal.reason in shown:
                continue
            shown.add(refusal.reason)
            reason = QLabel("• " + describe_refusal(refusal.reason), self)
            reason.setWordWrap(True)
            reason.setIndent(24)
            reason.setObjectName("refusalReason")
            layout.addWidget(reason)
        self.uncleaned_checks: dict[int, QCheckBox] = {}
        for refusal in refusals:
            if refusal.attachment_id is None or refusal.attachment_id in self.uncleaned_checks:
                continue
            info = attachments.get(refusal.attachment_id)
            name = display_name(info.file_name, 60) if info else "?"
            details = (
                self.tr("%1, %2")
                .replace("%1", describe_type(info.media_type))
                .replace("%2", format_size(info.size))
                if info
                else ""
            )
            check = QCheckBox(
                self.tr("Send %1 as it is (%2)")
                .replace("%1", isolated(name))
                .replace("%2", isolated(details)),
                self,
            )
            check.setToolTip(
                self.tr(
                    "Sent as it is, the file keeps whatever it holds: names, places, "
                    "GPS positions, the camera or phone that made it."
                )
            )
            check.toggled.connect(self.choices_changed)
            self.uncleaned_checks[refusal.attachment_id] = check
            row = QHBoxLayout()
            row.setContentsMargins(24, 0, 0, 0)
            row.addWidget(check, 1)
            layout.addLayout(row)
        self.left_out_label = QLabel(self.tr("Left out of this export."), self)
        self.left_out_label.setObjectName("note")
        self.left_out_label.setIndent(24)
        self.left_out_label.hide()
        layout.addWidget(self.left_out_label)
        self.send_check.toggled.connect(self.on_send_check_toggled)

    @property
    def included(self) -> bool:
        return self.send_check.isChecked()

    def blocks(self, automatic_redaction: bool) -> bool:
        if not self.included:
            return False
        if self.reasons & HARD_REASONS:
            return True
        if RefusalReason.NOT_REVIEWED in self.reasons and not automatic_redaction:
            return True
        return any(not check.isChecked() for check in self.uncleaned_checks.values())

    def send_uncleaned(self) -> set[int]:
        if not self.included:
            return set()
        return {number for number, check in self.uncleaned_checks.items() if check.isChecked()}

    def on_send_check_toggled(self, checked: bool) -> None:
        self.left_out_label.setVisible(not checked)
        for check in self.uncleaned_checks.values():
            check.setEnabled(checked)
        self.toggled.emit(self.testimony_id, checked)
        self.choices_changed.emit()
