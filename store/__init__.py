"""forcewatch's data half: the article parser, the TinyDB store and its query API."""
