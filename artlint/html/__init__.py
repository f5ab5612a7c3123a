"""HTML inside Markdown: the tag vocabulary, tag scanning and pairing, sanitising."""
