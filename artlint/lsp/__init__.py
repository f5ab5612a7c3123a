"""The language server for editors (pygls): diagnostics as you type and fixes as code actions."""
