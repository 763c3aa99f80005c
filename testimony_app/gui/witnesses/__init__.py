"""GUI: witnesses."""
