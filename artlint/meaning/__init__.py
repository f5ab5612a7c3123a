"""What a reader sees in a rendered article, and comparing two renderings of it."""
