"""Screens of the explorer: the main screen and the help screen."""
