"""Names of interview languages in the interface language (codes stay in the data)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def language_names() -> dict[str, str]:
    return {
        "ar": QCoreApplication.translate("LanguageNames", "Arabic"),
        "en": QCoreApplication.translate("LanguageNames", "English"),
        "ku": QCoreApplication.translate("LanguageNames", "Kurdish"),
        "tr": QCoreApplication.translate("LanguageNames", "Turkish"),
        "fr": QCoreApplication.translate("LanguageNames", "French"),
    }


def language_name(code: str | None) -> str:
    """The name for a known code; an unknown code (a team's own) is shown as typed."""
    if not code:
        return ""
    return language_names().get(code, code)
