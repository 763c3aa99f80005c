"""GUI: erase."""
