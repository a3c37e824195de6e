"""PDF output with reportlab and the bundled Times-compatible fonts."""
