"""The result cache: each file's findings, kept in .artlint_cache/ and reused while still true."""
