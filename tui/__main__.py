"""`python -m forcewatch.tui`: the same as the `forcewatch` command."""

from .cli import main

raise SystemExit(main())
