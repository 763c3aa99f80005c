"""The export wizard's last choice: where the bundle is saved (one file per recipient)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.gui.bidi_text import isolated
from testimony_app.gui.file_dialogs import pick_bundle_save_path
from testimony_app.gui.status_text import align_leading
from testimony_app.services.export import output_paths

SUFFIX = ".tbundle"


def with_suffix(path: Path) -> Path:
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


class DestinationPage(QWidget):
    path_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDestinationPage")
        self._path: Path | None = None
        self._recipients: list[str] = []
        self._name_of: Callable[[str], str] = lambda _key: ""
        intro = QLabel(
            self.tr(
                "Choose where to save the bundle. It is encrypted: only its recipients can open "
                "it, so it may travel on a USB stick or by e-mail."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path_field = QLineEdit(self)
        self.path_field.setObjectName("bundlePathField")
        self.path_field.setReadOnly(True)
        self.path_field.setPlaceholderText(self.tr("No file chosen yet"))
        self.path_field.setAccessibleName(self.tr("Bundle file"))
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setAutoDefault(False)
        self.files_label = QLabel(self)
        self.files_label.setObjectName("note")
        self.files_label.setWordWrap(True)
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        align_leading(self.files_label)
        self.replace_label = QLabel(self)
        self.replace_label.setObjectName("warningLabel")
        self.replace_label.setWordWrap(True)
        self.replace_label.hide()

        row = QHBoxLayout()
        row.addWidget(self.path_field, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.files_label)
        layout.addWidget(self.replace_label)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.on_choose_button_clicked)

    def set_recipients(self, recipients: list[str], name_of: Callable[[str], str]) -> None:
        self._recipients = list(recipients)
        self._name_of = name_of
        self._describe()

    def suggested_name(self) -> str:
        return f"bundle-{datetime.date.today().isoformat()}{SUFFIX}"

    def on_choose_button_clicked(self) -> None:
        current = self._path.name if self._path is not None else self.suggested_name()
        chosen = pick_bundle_save_path(self, current)
        if chosen is not None:
            self.set_path(chosen)

    def set_path(self, path: Path | None) -> None:
        self._path = None if path is None else with_suffix(path)
        self.path_field.setText("" if self._path is None else str(self._path))
        self._describe()
        self.path_changed.emit()

    def path(self) -> Path | None:
        return self._path

    def paths(self) -> list[Path]:
        if self._path is None or not self._recipients:
            return []
        return output_paths(self._path, self._recipients)

    def _describe(self) -> None:
        paths = self.paths()
        if len(self._recipients) > 1:
            lines = [
                self.tr(
                    "There are %n recipients: one file is written for each, next to the name "
                    "you chose:",
                    "",
                    len(self._recipients),
                )
            ]
            for recipient, path in zip(self._recipients, paths, strict=False):
                lines.append(
                    self.tr("%1 — for %2")
                    .replace("%1", isolated(path.name))
                    .replace("%2", isolated(self._name_of(recipient)))
                )
            self.files_label.setText("\n".join(lines))
            self.files_label.show()
        elif self._recipients and self._path is not None:
            self.files_label.setText(
                self.tr("One file, for %1.").replace(
                    "%1", isolated(self._name_of(self._recipients[0]))
                )
            )
            self.files_label.show()
        else:
            self.files_label.hide()
        existing = [path for path in paths if path.exists()]
        if existing:
            self.replace_label.setText(
                self.tr("Files that exist already and will be replaced: %1.").replace(
                    "%1", QLocale().toString(len(existing))
                )
            )
        self.replace_label.setVisible(bool(existing))

    def clear(self) -> None:
        self.set_path(None)
        self._recipients = []
        self._describe()
