"""GUI: main."""
