"""The Accord application: the Qt window and the `accord` command line."""
