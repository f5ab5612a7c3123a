"""The command line: option parsing only; each command's work lives in artlint.commands."""
