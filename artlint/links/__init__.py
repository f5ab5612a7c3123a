"""Link resolution: local files and anchors, slugs, the external checker and its cache."""
