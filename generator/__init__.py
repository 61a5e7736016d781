"""briefing-site: condense sets of news articles into hand-editable briefing pages."""

__version__ = "0.1.0"
