"""The export wizard and its pages."""
