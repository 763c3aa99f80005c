"""The export wizard's review: what may not go and why, and what the user decides about it.

The core's gates run on the vault thread with nothing overridden, so every refusal is listed;
the choices made here (leave a testimony out, accept automatic redaction, send one file as it
is) then decide locally whether the export can go. The core checks again when it exports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.records import AttachmentInfo
from testimony_app.gui.error_messages import describe
from testimony_app.gui.export.refusal_card import HARD_REASONS, TestimonyCard
from testimony_app.gui.status_text import set_status
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.services.export import ExportRequest, Refusal, RefusalReason

_NOWHERE = Path("review.tbundle")  # the gates never write; ExportRequest wants a path


@dataclass(frozen=True)
class ReviewFindings:
    refusals: tuple[Refusal, ...]
    attachments: dict[int, AttachmentInfo]  # the ones without a cleaner

    def __repr__(self) -> str:
        return f"ReviewFindings({len(self.refusals)} refusals)"


def findings_job(testimony_ids: list[str], profile: str) -> Callable[[JobContext], ReviewFindings]:
    def job(context: JobContext) -> ReviewFindings:
        from testimony_app.services.export import ExportService

        records = context.state.require().records
        request = ExportRequest(
            testimony_ids=[TestimonyId(t) for t in testimony_ids],
            recipients=[],
            out=_NOWHERE,
            profile=profile,
        )
        refusals = ExportService(records).refusals(request)
        wanted = {r.attachment_id for r in refusals if r.attachment_id is not None}
        attachments: dict[int, AttachmentInfo] = {}
        for testimony_id in {r.testimony_id for r in refusals if r.attachment_id is not None}:
            for info in records.attachments(TestimonyId(testimony_id)):
                if info.id in wanted:
                    attachments[info.id] = info
        return ReviewFindings(tuple(refusals), attachments)

    return job


class ReviewPage(QWidget):
    testimony_toggled = Signal(str, bool)  # (testimony ID, send it)
    state_changed = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportReviewPage")
        self._worker = worker
        self._generation = 0
        self.findings: ReviewFindings | None = None
        self.cards: list[TestimonyCard] = []
        self._not_reviewed: list[str] = []
        self._testimony_count = 0

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("reviewStatus")
        self.status_label.setWordWrap(True)
        self.leave_out_button = QPushButton(
            self.tr("Leave out every testimony that cannot go"), self
        )
        self.leave_out_button.setAutoDefault(False)

        self.automatic_check = QCheckBox(
            self.tr("Redact automatically the testimonies not marked reviewed"), self
        )
        self.automatic_note = QLabel(
            self.tr(
                "They have not been through redaction review: what the detectors find is taken "
                "out, and nothing else. Better: review them first (Redaction review tab)."
            ),
            self,
        )
        self.automatic_note.setObjectName("note")
        self.automatic_note.setWordWrap(True)
        self.automatic_note.setIndent(24)

        self.cards_area = QWidget(self)
        self.cards_layout = QVBoxLayout(self.cards_area)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(8)
        self.cards_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.cards_area)

        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.leave_out_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.busy_bar)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.automatic_check)
        layout.addWidget(self.automatic_note)

        self.automatic_check.toggled.connect(self._update)
        self.leave_out_button.clicked.connect(self.on_leave_out_button_clicked)
        self._set_checking(False)

    # --- running the gates -----------------------------------------------------------------

    def start(
        self, testimony_ids: list[str], profile: str, caption: Callable[[str], str], summary: str
    ) -> None:
        """Run the gates over the chosen testimonies; `caption` names one in the list."""
        self._generation += 1
        generation = self._generation
        self._clear_cards()
        self.findings = None
        self._testimony_count = len(testimony_ids)
        self.summary_label.setText(summary)
        self._set_checking(True)
        self._worker.submit(
            findings_job(testimony_ids, profile),
            lambda findings: self._on_findings(generation, findings, caption),
            lambda error: self._on_failed(generation, error),
        )

    def _set_checking(self, checking: bool) -> None:
        self.busy_bar.setVisible(checking)
        if checking:
            set_status(
                self.status_label,
                self.tr("Checking consent, review and attachments of each testimony…"),
            )
            self.leave_out_button.hide()
            self.automatic_check.setEnabled(False)

    def _on_findings(
        self, generation: int, findings: ReviewFindings, caption: Callable[[str], str]
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.findings = findings
        self._set_checking(False)
        by_testimony: dict[str, list[Refusal]] = {}
        for refusal in findings.refusals:
            by_testimony.setdefault(refusal.testimony_id, []).append(refusal)
        self._not_reviewed = [
            testimony_id
            for testimony_id, refusals in by_testimony.items()
            if any(r.reason is RefusalReason.NOT_REVIEWED for r in refusals)
        ]
        for testimony_id, refusals in by_testimony.items():
            reasons = {refusal.reason for refusal in refusals}
            if reasons == {RefusalReason.NOT_REVIEWED}:
                continue  # answered by the automatic-redaction box, no card of its own
            card = TestimonyCard(
                testimony_id, caption(testimony_id), refusals, findings.attachments, self
            )
            card.toggled.connect(self.testimony_toggled)
            card.choices_changed.connect(self._update)
            self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
            self.cards.append(card)
        self._update()

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._set_checking(False)
        set_status(
            self.status_label,
            self.tr("The testimonies could not be checked: %1").replace("%1", describe(error)),
            "failed",
        )
        self.state_changed.emit()

    # --- the user's choices ----------------------------------------------------------------

    def accept_automatic_redaction(self) -> bool:
        return self.automatic_check.isChecked()

    def send_uncleaned(self) -> frozenset[int]:
        chosen: set[int] = set()
        for card in self.cards:
            chosen |= card.send_uncleaned()
        return frozenset(chosen)

    def left_out(self) -> set[str]:
        return {card.testimony_id for card in self.cards if not card.included}

    def included_count(self) -> int:
        return self._testimony_count - len(self.left_out())

    def blocking_cards(self) -> list[TestimonyCard]:
        automatic = self.accept_automatic_redaction()
        return [card for card in self.cards if card.blocks(automatic)]

    def can_continue(self) -> bool:
        if self.findings is None or self.included_count() <= 0:
            return False
        if self.blocking_cards():
            return False
        return not (self._not_reviewed_left() and not self.accept_automatic_redaction())

    def _not_reviewed_left(self) -> int:
        left_out = self.left_out()
        return sum(1 for t in self._not_reviewed if t not in left_out)

    def on_leave_out_button_clicked(self) -> None:
        for card in self.cards:
            if card.reasons & HARD_REASONS:
                card.send_check.setChecked(False)

    def _update(self, *_: object) -> None:
        if self.findings is None:
            self.state_changed.emit()
            return
        not_reviewed = self._not_reviewed_left()
        self.automatic_check.setEnabled(not_reviewed > 0)
        self.automatic_check.setText(
            self.tr("Redact automatically the testimonies not marked reviewed (%1)").replace(
                "%1", QLocale().toString(not_reviewed)
            )
            if not_reviewed
            else self.tr("Redact automatically the testimonies not marked reviewed")
        )
        blocking = len(self.blocking_cards())
        hard = sum(1 for card in self.cards if card.included and card.reasons & HARD_REASONS)
        self.leave_out_button.setVisible(hard > 0)
        if self.included_count() <= 0:
            state = "blocked"
            text = self.tr("Every testimony is left out: there is nothing to export.")
        elif blocking or (not_reviewed and not self.accept_automatic_redaction()):
            state = "blocked"
            text = self.tr(
                "Some testimonies cannot go as they are. Leave them out, or make the choice "
                "each one asks for. The export waits until then."
            )
        else:
            state = "ready"
            text = self.tr("Ready. Testimonies that will go: %1.").replace(
                "%1", QLocale().toString(self.included_count())
            )
        set_status(self.status_label, text, state)
        self.state_changed.emit()

    def _clear_cards(self) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        self._not_reviewed = []

    def clear(self) -> None:
        self._generation += 1
        self._clear_cards()
        self.findings = None
        self.summary_label.clear()
        self.status_label.clear()
        self.automatic_check.setChecked(False)
