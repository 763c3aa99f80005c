"""The GUI's settings: a small JSON file holding only an allow-list of harmless keys.

Never a vault path, a search, an ID, a file name or anything typed into a record: a seized
laptop's settings must not name a place or a person. Unknown keys in the file are dropped on
reading, values of the wrong type fall back to the default, and the file is written
atomically.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from testimony_app import APP_NAME

LANGUAGES = ("en", "ar")
AUTO_LOCK_CHOICES_MINUTES = (1, 2, 5, 10, 15, 30)
DEFAULT_AUTO_LOCK_MINUTES = 5
MAX_FILE_BYTES = 16 * 1024


@dataclass
class Settings:
    language: str = "en"
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    window_geometry: str = ""  # base64 of QWidget.saveGeometry(): a size and a position
    splitter_state: str = ""


def default_settings_path() -> Path:
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "settings.json"


def _clean(raw: object) -> Settings:
    settings = Settings()
    if not isinstance(raw, dict):
        return settings
    if raw.get("language") in LANGUAGES:
        settings.language = raw["language"]
    minutes = raw.get("auto_lock_minutes")
    if isinstance(minutes, int) and not isinstance(minutes, bool) and 1 <= minutes <= 60:
        settings.auto_lock_minutes = minutes
    for key in ("window_geometry", "splitter_state"):
        value = raw.get(key)
        if isinstance(value, str) and len(value) <= 4096 and value.isascii():
            setattr(settings, key, value)
    return settings


def load(path: Path) -> Settings:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return Settings()
    if len(data) > MAX_FILE_BYTES:
        return Settings()
    try:
        return _clean(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return Settings()


def save(path: Path, settings: Settings) -> None:
    from testimony_app.vault.fsutil import atomic_write

    cleaned = _clean(
        {
            "language": settings.language,
            "auto_lock_minutes": settings.auto_lock_minutes,
            "window_geometry": settings.window_geometry,
            "splitter_state": settings.splitter_state,
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    body = json.dumps(cleaned.__dict__, indent=1, sort_keys=True).encode() + b"\n"
    atomic_write(path, body)
    os.chmod(path, 0o600)
