"""The Jinja2 environment every page template renders in, and rendering one template."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import jinja2

from generator.render.filters import (
    actor_slug,
    date_range,
    escape_markdown,
    human_date,
    link_title,
    new_badge,
    safe_url,
    status_badge,
    story_window,
)
from generator.render.links import source_href, split_anchor


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment for every page template (Markdown: autoescape off)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        # Pages are Markdown: autoescape is off and untrusted text goes through `md`. The
        # Atom feed is XML and autoescaped.
        autoescape=jinja2.select_autoescape(enabled_extensions=("xml.j2",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=escape_markdown,
        date=human_date,
        title_attr=link_title,
        badge=status_badge,
        new=new_badge,
        actor_slug=actor_slug,
        url=safe_url,
    )
    env.globals.update(story_window=story_window)
    env.globals.update(date_range=date_range, source_href=source_href, split_anchor=split_anchor)
    return env


def render_template(name: str, **context: Any) -> str:
    """Render ``templates/<name>`` and tidy blank lines (at most one in a row)."""
    text = environment().get_template(name).render(**context)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"
