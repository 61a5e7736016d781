"""Collect: the stage before ingest — pages from the web and piles from an inbox → ``seeds/``.

Modules: ``fetch`` (one polite HTTP client: timeout, size cap, user agent, robots.txt,
redirects, content types), ``store`` (a set folder's ``sources.yml``: where each stored page
came from, duplicates by canonical URL and text), ``add`` (``briefing add``: URLs fetched
concurrently, stored in the order given), ``feeds`` (RSS/Atom items newer than the last run),
``similarity`` (article features and the clustering), ``sort`` (``briefing sort``: an inbox
grouped into proposed sets, named, and moved on ``--apply``).
"""
