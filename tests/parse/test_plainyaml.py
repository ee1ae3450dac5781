"""The plain front matter reader reads what YAML reads, and leaves everything else to YAML."""

from __future__ import annotations

import pytest
import yaml
from forcewatch.store.parse.frontmatter import split_front_matter
from forcewatch.store.parse.plainyaml import read_plain

PLAIN = [
    ("keys", "title: Officer dismissed\nurl: https://example.org/a?b=1#c"),
    ("quoted", "title: \"Officer: dismissed | Paper\"\nsite: 'The Post'"),
    ("empty-quotes", "title: \"\"\nsite: ''"),
    ("date", "date: 2016-12-30"),
    ("date-time-offset", "date: 2016-12-30T06:12:00+01:00"),
    ("date-time-utc", "date: 2016-12-30 06:12:00.5 Z"),
    ("list", 'title: A\ntags:\n  - professional standards\n  - "kent"'),
    ("empty-value", "title: A\nsummary:\nurl: https://example.org"),
    ("repeated-key", "title: First\ntitle: Second"),
    ("word-like-bool", "title: Trueman\nplace: Null Island"),
    ("unicode", "title: Café “quoted” officer’s case"),
    ("hash-inside", "title: Case#12 reopened"),
]


@pytest.mark.parametrize("raw", [r for _, r in PLAIN], ids=[n for n, _ in PLAIN])
def test_plain_front_matter_read_as_yaml_reads_it(raw: str) -> None:
    """Plain front matter gives the very mapping, values and types, that YAML gives."""
    data = read_plain(raw)
    expected = yaml.safe_load(raw)
    assert data == expected
    assert data is not None and list(data) == list(expected)
    assert [type(v) for v in data.values()] == [type(v) for v in expected.values()]


NOT_PLAIN = [
    ("comment", "title: A # note"),
    ("colon-space", "title: Officer: dismissed"),
    ("trailing-colon", "title: Officer:"),
    ("trailing-space", "title: A "),
    ("blank-line", "title: A\n\nurl: b"),
    ("tab", "title: A\tB"),
    ("escape", 'title: "A \\" B"'),
    ("doubled-quote", "title: 'it''s'"),
    ("number", "year: 2019"),
    ("boolean-value", "draft: yes"),
    ("null-value", "title: ~"),
    ("boolean-key", "yes: A"),
    ("impossible-date", "date: 2019-02-30"),
    ("flow-list", "tags: [a, b]"),
    ("nested", "meta:\n  title: A"),
    ("continued", "title: A\n  continued"),
    ("item-without-key", "title: A\n  - b"),
    ("anchor", "title: &a A"),
    ("tag", "title: !!str 12"),
    ("block", "title: |"),
    ("no-break-space", "title: A\u00a0B"),
    ("colon-key", "og:title: A"),
]


@pytest.mark.parametrize("raw", [r for _, r in NOT_PLAIN], ids=[n for n, _ in NOT_PLAIN])
def test_other_front_matter_left_to_yaml(raw: str) -> None:
    """Anything but plain keys, one-line strings, dates and lists is not read here."""
    assert read_plain(raw) is None


def test_impossible_date_still_warned() -> None:
    """A date YAML cannot build is still reported as a warning by the front matter reader."""
    fm = split_front_matter("---\ntitle: A\ndate: 2019-02-30\n---\nBody.\n")
    assert fm.body == "Body.\n" and len(fm.warnings) == 1
    assert fm.warnings[0].startswith("front matter value not understood: ValueError")
