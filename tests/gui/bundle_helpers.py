"""Building blocks for the bundle window tests: records in a vault, a researcher, an editor."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from testimony_app.bundle.keys import write_identity_file
from testimony_app.gui.app_controller import AppController
from testimony_app.services.records import RecordService
from tests.conftest import make_vault

TIMEOUT = 20_000
SECRET_NAME = "Samer Haddoun"

RECORD: dict[str, Any] = {
    "witness": {"age": 46, "gender": "f", "identity": {"full_name": "Rima Khalil"}},
    "interview": {"date": "2025-03-12", "language": "ar"},
    "consent": {"recorded": True, "share_with_editors": True},
    "narrative": (
        f"The gunmen came at dawn; {SECRET_NAME} was shot at his gate.\n"
        "دخل المسلحون الحي عند الفجر وأُحرق المخبز."
    ),
    "entities": [{"text": SECRET_NAME, "type": "PERSON"}],
    "incidents": [
        {
            "date": "2025-03-07",
            "date_precision": "day",
            "place": "the mill street",
            "violation_types": ["killing", "arson"],
            "victims_count": 5,
        }
    ],
    "status": "reviewed",
}


def record(**changes: Any) -> dict[str, Any]:
    made = copy.deepcopy(RECORD)
    for key, value in changes.items():
        made[key] = value
    return made


def seed(controller: AppController, *records: dict[str, Any]) -> list[str]:
    """Import records through the vault thread (as the app does); their testimony IDs."""
    data = json.dumps(list(records), ensure_ascii=False).encode()

    def job(context: Any) -> list[str]:
        imported = context.state.require().records.import_records(data)
        return [str(item.testimony_id) for item in imported]

    ids: list[str] = controller.worker.run_blocking(job)
    assert controller.main_window is not None
    controller.main_window.load_all()
    return ids


def open_in_editor(qtbot: QtBot, controller: AppController, testimony_id: str) -> None:
    window = controller.main_window
    assert window is not None
    qtbot.waitUntil(
        lambda: window.list_panel.model.row_of(testimony_id) is not None, timeout=TIMEOUT
    )
    window.list_panel.select(testimony_id)
    qtbot.waitUntil(lambda: window.editor.testimony_id == testimony_id, timeout=TIMEOUT)


@dataclass
class Editor:
    identity_file: Path
    public_key: str


def new_editor(folder: Path, name: str = "editor") -> Editor:
    folder.mkdir(parents=True, exist_ok=True)
    key_file = folder / f"{name}.key"
    return Editor(key_file, write_identity_file(key_file))


@contextmanager
def core_vault(path: Path) -> Iterator[RecordService]:
    """A second vault, used without the GUI (the other side of the exchange)."""
    vault = make_vault(path).open()
    try:
        yield RecordService(vault)
    finally:
        vault.close()
