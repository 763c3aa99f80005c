"""GUI: unlock."""
