"""Front-matter JSON Schemas: loading, a quick certainly-valid check, and lazy full validation."""
