"""The dialog that edits one incident: when, where, what happened, by whom, to how many."""

from __future__ import annotations

import datetime
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import DatePrecision, Incident
from testimony_app.domain.vocabulary import Vocabulary

# The forms interchange.py accepts for each precision; the vault checks them again on save.
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])")
_YEAR = re.compile(r"(?!0000)[0-9]{4}")
_DAY_PRECISIONS = (DatePrecision.DAY, DatePrecision.APPROXIMATE)

# An Arabic keyboard types Arabic-Indic digits; the record stores ASCII ones.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

MAX_VICTIMS = 1_000_000_000
UNKNOWN_VICTIMS = -1  # the spin box's minimum, shown as "unknown"

CodeRole = Qt.ItemDataRole.UserRole + 1
ERROR_COLOUR = "#b00020"  # used when the style sheet has no rule for QLabel#errorLabel


def clean_date(text: str) -> str:
    """What the date field holds, as the record would store it: trimmed, ASCII digits."""
    return text.strip().translate(_DIGITS)


def _is_day(text: str) -> bool:
    if not _DAY.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def date_fits(text: str, precision: DatePrecision) -> bool:
    """Whether a cleaned date (empty: unknown) is valid for the precision."""
    if not text:
        return True
    day, month, year = _is_day(text), bool(_MONTH.fullmatch(text)), bool(_YEAR.fullmatch(text))
    return {
        DatePrecision.DAY: day,
        DatePrecision.MONTH: month,
        DatePrecision.YEAR: year,
        DatePrecision.APPROXIMATE: day or month or year,
    }[precision]


class IncidentDialog(QDialog):
    """Edits one Incident; OK stays disabled while the date does not fit its precision."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        incident: Incident | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentDialog")
        self.setWindowTitle(self.tr("Incident") if incident else self.tr("New incident"))
        self._vocabulary = vocabulary
        self._language = language
        original = incident or Incident()
        self._original_codes = original.violation_types

        self.date_field = QLineEdit(self)
        self.date_field.setObjectName("dateField")
        self.date_field.setText(original.date or "")
        self.precision_combo = QComboBox(self)
        self.precision_combo.setObjectName("precisionCombo")
        for precision, label in self.precision_labels().items():
            self.precision_combo.addItem(label, precision)
        self.precision_combo.setCurrentIndex(self.precision_combo.findData(original.date_precision))
        self.date_hint_label = QLabel(self)
        self.date_hint_label.setObjectName("note")
        self.date_hint_label.setWordWrap(True)
        self._hint_palette = QPalette(self.date_hint_label.palette())
        self._error_palette = QPalette(self._hint_palette)
        self._error_palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))

        self.place_field = QLineEdit(self)
        self.place_field.setObjectName("placeField")
        self.place_field.setText(original.place or "")

        self.violations_list = QListWidget(self)
        self.violations_list.setObjectName("violationsList")
        self.violations_list.setMinimumHeight(240)
        self.violations_list.setUniformItemSizes(True)
        self.violations_list.setSpacing(1)
        self._fill_violations(original.violation_types)

        self.perpetrator_field = QLineEdit(self)
        self.perpetrator_field.setObjectName("perpetratorField")
        self.perpetrator_field.setPlaceholderText(self.tr("as described by the witness"))
        self.perpetrator_field.setText(original.perpetrator or "")

        self.victims_spin = QSpinBox(self)
        self.victims_spin.setObjectName("victimsSpin")
        self.victims_spin.setRange(UNKNOWN_VICTIMS, MAX_VICTIMS)
        self.victims_spin.setSpecialValueText(self.tr("unknown"))
        self.victims_spin.setMinimumWidth(140)
        victims = original.victims_count
        self.victims_spin.setValue(UNKNOWN_VICTIMS if victims is None else victims)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))

        date_row = QHBoxLayout()
        date_row.addWidget(self.date_field, 1)
        date_row.addWidget(self.precision_combo)
        date_column = QVBoxLayout()
        date_column.setSpacing(4)
        date_column.addLayout(date_row)
        date_column.addWidget(self.date_hint_label)
        victims_row = QHBoxLayout()
        victims_row.addWidget(self.victims_spin)
        victims_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Date"), date_column)
        form.addRow(self.tr("Place"), self.place_field)
        form.addRow(self.tr("Violations"), self.violations_list)
        form.addRow(self.tr("Perpetrator"), self.perpetrator_field)
        form.addRow(self.tr("Victims"), victims_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self.date_field.textChanged.connect(self.on_date_field_text_changed)
        self.precision_combo.currentIndexChanged.connect(self.on_precision_combo_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._check_date()
        self.date_field.setFocus()

    # -- wording

    def precision_labels(self) -> dict[DatePrecision, str]:
        return {
            DatePrecision.DAY: self.tr("Day"),
            DatePrecision.MONTH: self.tr("Month"),
            DatePrecision.YEAR: self.tr("Year"),
            DatePrecision.APPROXIMATE: self.tr("Approximate"),
        }

    def expected_date(self, precision: DatePrecision) -> str:
        return {
            DatePrecision.DAY: self.tr("a date like 2025-03-07"),
            DatePrecision.MONTH: self.tr("a month like 2025-03"),
            DatePrecision.YEAR: self.tr("a year like 2025"),
            DatePrecision.APPROXIMATE: self.tr(
                "a date like 2025-03-07, a month like 2025-03 or a year like 2025"
            ),
        }[precision]

    # -- state

    def precision(self) -> DatePrecision:
        value = self.precision_combo.currentData()
        return value if isinstance(value, DatePrecision) else DatePrecision.DAY

    def is_date_valid(self) -> bool:
        return date_fits(clean_date(self.date_field.text()), self.precision())

    def checked_codes(self) -> tuple[str, ...]:
        """Ticked codes: those the incident already had first, in its order, then new ones."""
        ticked = [
            item.data(CodeRole)
            for row in range(self.violations_list.count())
            if (item := self.violations_list.item(row)).checkState() == Qt.CheckState.Checked
        ]
        kept = [code for code in self._original_codes if code in ticked]
        return (*kept, *(code for code in ticked if code not in kept))

    def incident(self) -> Incident:
        victims = self.victims_spin.value()
        return Incident(
            date=clean_date(self.date_field.text()) or None,
            date_precision=self.precision(),
            place=self.place_field.text().strip() or None,
            violation_types=self.checked_codes(),
            perpetrator=self.perpetrator_field.text().strip() or None,
            victims_count=None if victims == UNKNOWN_VICTIMS else victims,
        )

    # -- slots

    def on_date_field_text_changed(self, _text: str) -> None:
        self._check_date()

    def on_precision_combo_changed(self, _index: int) -> None:
        self._check_date()

    def accept(self) -> None:
        if self.is_date_valid():  # Enter in a field must not get round a disabled OK
            super().accept()

    # -- helpers

    def _fill_violations(self, present: tuple[str, ...]) -> None:
        codes = list(self._vocabulary.codes())
        # A code retired from the vocabulary stays on the incident, shown as itself.
        codes += [code for code in present if not self._vocabulary.is_known(code)]
        for code in codes:
            item = QListWidgetItem(self._vocabulary.label(code, self._language))
            item.setData(CodeRole, code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            checked = code in present
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.violations_list.addItem(item)

    def _show_as_error(self, label: QLabel, error: bool) -> None:
        # app.qss styles labels by object name (QLabel#errorLabel): rename, then restyle.
        label.setObjectName("errorLabel" if error else "note")
        label.style().unpolish(label)
        label.style().polish(label)
        label.setPalette(self._error_palette if error else self._hint_palette)

    def _check_date(self) -> None:
        precision = self.precision()
        expected = self.expected_date(precision)
        self.date_field.setPlaceholderText(
            {
                DatePrecision.DAY: "2025-03-07",
                DatePrecision.MONTH: "2025-03",
                DatePrecision.YEAR: "2025",
                DatePrecision.APPROXIMATE: "2025-03-07 / 2025-03 / 2025",
            }[precision]
        )
        valid = self.is_date_valid()
        if valid:
            message = self.tr("Type {expected}, or leave it empty if the date is not known.")
        elif precision in _DAY_PRECISIONS and _DAY.fullmatch(clean_date(self.date_field.text())):
            message = self.tr("There is no such day: type {expected}.")
        else:
            message = self.tr("This is not {expected}.")
        self.date_hint_label.setText(message.format(expected=expected))
        self._show_as_error(self.date_hint_label, not valid)
        self.ok_button.setEnabled(valid)
