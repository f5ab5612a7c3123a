"""Front matter: splitting it off, loading YAML/TOML/JSON, and positions for every value."""
