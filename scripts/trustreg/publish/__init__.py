"""Outputs for consumers: the data.json feed, the tidy CSV, the static site and text views."""
