"""Conversion between the blog format, clean Markdown and JSON."""
