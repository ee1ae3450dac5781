"""The explorer's views: Articles, Forces, Speakers and the Reader."""
