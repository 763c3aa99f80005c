"""Dataclasses and value types of the testimony app; no I/O here."""
