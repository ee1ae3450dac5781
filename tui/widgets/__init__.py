"""Widgets of the explorer: the virtual row list, the reader, the header."""
