"""The run-wide online link check: verdicts per unique URL, the cache, and reporting."""
