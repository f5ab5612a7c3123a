"""Settings: `.artlint.toml` or `[tool.artlint]`, merged with the command line, validated once."""
