from desktop.cli import entry

entry()
