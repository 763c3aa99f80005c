"""GUI: lock."""
