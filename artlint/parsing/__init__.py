"""Bytes or text into a Document, parsed once."""
