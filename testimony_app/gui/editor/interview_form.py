"""The interview details and the consent record of a testimony, as a form."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import Consent, Interview
from testimony_app.gui.language_names import language_names


def _text_or_none(field: QLineEdit) -> str | None:
    value = field.text().strip()
    return value or None


def is_iso_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


class InterviewForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        interview_box = QGroupBox(self.tr("Interview"), self)
        self.date_field = QLineEdit(interview_box)
        self.date_field.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.place_field = QLineEdit(interview_box)
        self.interviewer_field = QLineEdit(interview_box)
        self.language_combo = QComboBox(interview_box)
        self.language_combo.setEditable(True)
        self.language_combo.addItem("", None)
        for code, name in language_names().items():
            self.language_combo.addItem(name, code)
        self.interpreter_field = QLineEdit(interview_box)
        self.interpreter_field.setPlaceholderText(self.tr("None"))
        form = QFormLayout(interview_box)
        form.addRow(self.tr("Date"), self.date_field)
        form.addRow(self.tr("Place"), self.place_field)
        form.addRow(self.tr("Interviewer"), self.interviewer_field)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Interpreter"), self.interpreter_field)

        consent_box = QGroupBox(self.tr("Consent"), self)
        self.recorded_check = QCheckBox(self.tr("Consent was given and recorded"), consent_box)
        self.share_check = QCheckBox(self.tr("May be shared with editors"), consent_box)
        self.publish_check = QCheckBox(self.tr("May be published anonymised"), consent_box)
        self.quote_check = QCheckBox(self.tr("May be quoted word for word"), consent_box)
        self.consent_date_field = QLineEdit(consent_box)
        self.consent_date_field.setPlaceholderText(self.tr("YYYY-MM-DD"))
        consent_form = QFormLayout(consent_box)
        for check in (self.recorded_check, self.share_check, self.publish_check, self.quote_check):
            consent_form.addRow(check)
        consent_form.addRow(self.tr("Date consent was given"), self.consent_date_field)

        layout = QVBoxLayout(self)
        layout.addWidget(interview_box)
        layout.addWidget(consent_box)
        layout.addStretch(1)

        for field in (
            self.date_field,
            self.place_field,
            self.interviewer_field,
            self.interpreter_field,
            self.consent_date_field,
        ):
            field.textEdited.connect(self.on_field_edited)
        self.language_combo.currentTextChanged.connect(self.on_field_edited)
        for check in (self.recorded_check, self.share_check, self.publish_check, self.quote_check):
            check.toggled.connect(self.on_field_edited)

    def on_field_edited(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit()

    def set_values(self, interview: Interview, consent: Consent) -> None:
        self._loading = True
        try:
            self.date_field.setText(interview.date or "")
            self.place_field.setText(interview.place or "")
            self.interviewer_field.setText(interview.interviewer or "")
            self.interpreter_field.setText(interview.interpreter or "")
            index = self.language_combo.findData(interview.language)
            if index >= 0:
                self.language_combo.setCurrentIndex(index)
            else:
                self.language_combo.setCurrentText(interview.language or "")
            self.recorded_check.setChecked(consent.recorded)
            self.share_check.setChecked(consent.share_with_editors)
            self.publish_check.setChecked(consent.publish_anonymised)
            self.quote_check.setChecked(consent.quote_verbatim)
            self.consent_date_field.setText(consent.given_on or "")
        finally:
            self._loading = False

    def language(self) -> str | None:
        data = self.language_combo.currentData()
        text = self.language_combo.currentText().strip()
        if data and self.language_combo.itemText(self.language_combo.currentIndex()) == text:
            return str(data)
        return text or None

    def interview(self) -> Interview:
        return Interview(
            date=_text_or_none(self.date_field),
            place=_text_or_none(self.place_field),
            interviewer=_text_or_none(self.interviewer_field),
            language=self.language(),
            interpreter=_text_or_none(self.interpreter_field),
        )

    def consent(self) -> Consent:
        return Consent(
            recorded=self.recorded_check.isChecked(),
            share_with_editors=self.share_check.isChecked(),
            publish_anonymised=self.publish_check.isChecked(),
            quote_verbatim=self.quote_check.isChecked(),
            given_on=_text_or_none(self.consent_date_field),
        )

    def clear(self) -> None:
        self.set_values(Interview(), Consent())
