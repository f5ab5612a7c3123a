"""Fixing one text: applying edits, repeating until stable, and proving the meaning unchanged."""
