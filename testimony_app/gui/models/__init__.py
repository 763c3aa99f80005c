"""GUI: models."""
