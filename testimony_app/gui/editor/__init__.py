"""GUI: editor."""
