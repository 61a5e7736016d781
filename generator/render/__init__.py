"""Render: a condensed briefing → its typed record → page text.

``record`` is the typed briefing record (and its JSON), ``page`` renders a briefing page,
``site_pages`` the cross-briefing pages (with ``site_actors`` merging actors across
briefings); ``filters``, ``links`` and ``jinja`` are what the templates print with.
Nothing here writes a file.
"""
