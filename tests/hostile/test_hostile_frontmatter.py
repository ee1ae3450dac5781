"""Front matter values that YAML can read but Python cannot build are warnings, never errors."""

from __future__ import annotations

import pytest
from forcewatch.store.parse import parse_article

BODY = (
    "Officer dismissed after hearing\n\n"
    "Supt Jane Doe said: “There is no place for this in policing at all.”\n"
)

# name -> front matter; each is a value a scraper or a careless hand could write.
CASES = {
    "impossible_day": "title: Officer dismissed\ndate: 2020-02-30",
    "zero_date_placeholder": "date: 0000-00-00",
    "month_thirteen": "date: 2021-13-01",
    "hour_twenty_five": "date: 2021-01-01 25:00:00",
    "offset_beyond_a_day": "date: 2020-01-01T00:00:00+99:00",
    "int_tag_on_text": "title: !!int officer",
    "float_tag_on_text": "title: !!float officer",
    "empty_float_tag": "title: !!float",
    "bool_tag_on_text": "title: !!bool maybe",
    "timestamp_tag_on_text": "date: !!timestamp yesterday",
    "integer_of_5000_digits": "views: 1" + "0" * 5000,
    "date_of_5000_digits": "date: 1" + "0" * 5000,
    "nested_bad_date": "meta:\n  published: 2019-02-29",
}


@pytest.mark.parametrize("front", list(CASES.values()), ids=list(CASES))
def test_unbuildable_front_matter_value_is_a_warning(front: str) -> None:
    """The article parses; the bad value is dropped with a front matter warning."""
    article = parse_article(f"---\n{front}\n---\n\n{BODY}", "bad-front-matter.md")
    assert any("There is no place" in p for p in article.paragraphs), article.paragraphs
    assert [q.speaker for q in article.quotes] == ["Jane Doe"]
    assert any("front matter" in w for w in article.warnings), article.warnings
    assert article.published.source != "front_matter"
