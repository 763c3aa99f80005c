"""Starts the Qt application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from testimony_app.gui.placeholder_window import PlaceholderWindow
from testimony_app.resources_path import resource_path
from testimony_app.vault import has_vault


def load_style(app: QApplication) -> None:
    style = resource_path("styles", "app.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def run_gui(vault_dir: Path, *, lang: str | None = None) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    if lang == "ar":
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    load_style(app)
    window = PlaceholderWindow(vault_exists=vault_dir.is_dir() and has_vault(vault_dir))
    window.show()
    return int(app.exec())
