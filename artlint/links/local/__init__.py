"""The offline link check: files, anchors and permalinks on disk."""
