"""The data every stage shares: the parsed Document and the diagnostics rules produce."""
