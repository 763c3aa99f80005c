"""Bundles: the signed, encrypted files a researcher hands to an editor, written and read."""
