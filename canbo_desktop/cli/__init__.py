"""Command-line interface (`canbo`): the scripting interface, no Qt."""
