"""HTTP for the online link check: requests, retries, politeness and address policy."""
