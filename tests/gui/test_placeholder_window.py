"""The placeholder window says whether a vault exists and what the vault can do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from testimony_app.gui.placeholder_window import PlaceholderWindow
from tests.conftest import MadeVault


def test_window_without_a_vault_says_how_to_make_one(qtbot: QtBot, tmp_path: Path) -> None:
    window = PlaceholderWindow(vault_exists=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "init" in window.status_label.text()
    assert "Erase" in window.abilities_label.text()
    window.grab().save(str(tmp_path / "placeholder.png"))
    assert (tmp_path / "placeholder.png").stat().st_size > 0


def test_window_with_a_vault_says_it_is_locked_and_quits(
    qtbot: QtBot, made_vault: MadeVault
) -> None:
    window = PlaceholderWindow(vault_exists=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "locked" in window.status_label.text()
    qtbot.mouseClick(window.quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())
