"""The five founding articles, bundled as forcewatch's default corpus."""
