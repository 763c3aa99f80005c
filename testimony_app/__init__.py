"""Testimony app: record witness testimonies into an encrypted vault and export redacted bundles."""

APP_NAME = "testimony-app"
__version__ = "0.1.0"
