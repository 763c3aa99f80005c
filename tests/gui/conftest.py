"""GUI fixtures: an isolated home, a real vault, and the app controller driving real widgets."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Everything Qt or the app might write under a home directory goes into tmp_path."""
    home = tmp_path / "home"
    for sub in (".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    return home


@pytest.fixture
def controller(qapp, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from testimony_app.gui.app import prepare_application
    from testimony_app.gui.app_controller import AppController

    prepare_application("en")
    made = AppController(tmp_path / "vault", tmp_path / "settings.json", kdf_seconds=None)
    yield made
    made.worker.shutdown()
    for widget in (made.main_window, made.unlock_dialog, made.create_dialog):
        if widget is not None:
            widget.hide()
            widget.deleteLater()
