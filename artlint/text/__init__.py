"""Text files at the byte level: decoding, newline and BOM style, the one atomic writer."""
