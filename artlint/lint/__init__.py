"""Running rules over a Document: selection, severities, directives."""
