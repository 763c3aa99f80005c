"""Redaction: find what names a witness in a testimony and replace it, Qt-free."""
