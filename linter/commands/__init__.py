"""One function per subcommand; each returns the exit status."""
