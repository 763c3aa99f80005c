"""The editor's side: opening bundles and browsing what was imported."""
