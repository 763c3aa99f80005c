"""Starts the Qt application: language and direction, style, fonts, then the controller."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from testimony_app import APP_NAME
from testimony_app.resources_path import resource_path

# Fonts that carry Arabic well, best first; the first one installed is used.
PREFERRED_FONTS = ("Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", "Amiri")


def load_style(app: QApplication) -> None:
    style = resource_path("styles", "app.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Our catalogue and Qt's own (for standard buttons); kept alive by the caller."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"testimony_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def prepare_application(language: str) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)  # the unlock screen replaces the window on lock
    families = set(QFontDatabase.families())
    for family in PREFERRED_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(max(app.font().pointSize(), 10))
            app.setFont(font)
            break
    app._testimony_translators = install_translations(app, language)  # type: ignore[attr-defined]
    direction = (
        Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    )
    app.setLayoutDirection(direction)
    QLocale.setDefault(
        QLocale(QLocale.Language.Arabic if language == "ar" else QLocale.Language.English)
    )
    load_style(app)
    return app


def default_settings_path() -> Path:
    from testimony_app.gui.settings.settings_store import default_settings_path as path

    return path()


def run_gui(vault_dir: Path, *, lang: str | None = None) -> int:
    from testimony_app.gui.app_controller import AppController
    from testimony_app.gui.settings import settings_store

    settings_path = default_settings_path()
    language = lang or settings_store.load(settings_path).language
    app = prepare_application(language)
    controller = AppController(vault_dir, settings_path, language=language)
    controller.start()
    return int(app.exec())
