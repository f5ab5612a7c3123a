"""What several rules share: HTML ancestry, CSS declarations, colours, blocks, headings."""
