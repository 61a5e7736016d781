"""Publish: what turns ``briefings/`` into a site, and what guards it.

* :mod:`.mkdocs` — ``mkdocs build --strict`` and the live-reload preview;
* :mod:`.check` — ``briefing check``: every briefing page's front matter and merge state;
* :mod:`.hashing` — content hashes of a set's inputs, so unchanged sets are skipped;
* :mod:`.hooks` — the git pre-push hook refusing a push while pages are stale.

Nothing here writes into ``briefings/`` (that is :mod:`generator.merge`), and nothing
imports spaCy: hashing and checking must stay fast enough for a git hook.
"""
