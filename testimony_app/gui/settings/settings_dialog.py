"""Settings the user may change: the auto-lock delay and the interface language."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from testimony_app.gui.settings.settings_store import AUTO_LOCK_CHOICES_MINUTES, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.auto_lock_combo = QComboBox(self)
        for minutes in AUTO_LOCK_CHOICES_MINUTES:
            self.auto_lock_combo.addItem(self.tr("%n minute(s)", "", minutes), minutes)
        index = self.auto_lock_combo.findData(settings.auto_lock_minutes)
        self.auto_lock_combo.setCurrentIndex(max(index, 0))
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("العربية", "ar")
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        note = QLabel(self.tr("A new language takes effect the next time the app starts."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        form = QFormLayout(self)
        form.addRow(self.tr("Lock after no activity for"), self.auto_lock_combo)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(note)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def chosen(self, current: Settings) -> Settings:
        return Settings(
            language=self.language_combo.currentData(),
            auto_lock_minutes=self.auto_lock_combo.currentData(),
            window_geometry=current.window_geometry,
            splitter_state=current.splitter_state,
        )
