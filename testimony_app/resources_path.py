"""Where the `resources/` folder is: beside the package in a checkout, inside a build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
