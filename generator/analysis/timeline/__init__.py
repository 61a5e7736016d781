"""The timeline: dated events found in the sources' sentences, merged across sources.

Steps (:func:`find_events`), one module each:

1. every prose sentence of every article is run through :func:`.resolve.resolve_dates` against
   the article's publication date (a quoted post is resolved against the date in its
   attribution line, "— Name (@handle) June 3, 2021"); "later that day" and "the previous
   day" resolve against the last day the article named before (:mod:`.events`);
2. each date gets its own event (:mod:`.wording`): the clause the date expression attaches
   to (the verb phrase, trimmed of side clauses that do not hold it), or the noun phrase it
   dates when that clause is long; a weekday or "yesterday" inside it is shown resolved;
3. events of the same date whose wording or named entities overlap are merged, with all
   their sources and evidence (:mod:`.merging`);
4. events are ordered by date, then by first source and sentence.

Skipped: dates inside quotation marks (quoted speech is a statement, not a reported event),
sentences that are nothing but a date (captions, datelines) and spans that are durations.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.timeline.events import article_events
from generator.analysis.timeline.lexicon import TimelineLexicon, load_lexicon
from generator.analysis.timeline.merging import merge, to_event
from generator.model import TimelineEvent

if TYPE_CHECKING:
    from generator.analysis.document import ArticleDoc


def find_events(docs: list["ArticleDoc"], *, lexicon: TimelineLexicon | None = None) -> tuple[TimelineEvent, ...]:
    """Dated events of every article, merged across sources and ordered by date.

    Args:
        docs: the parsed articles; each ``doc.article.published`` is the reference date
            for relative expressions (an article without one yields only absolute dates).
        lexicon: the timeline's word lists; None reads the packaged ones (once per process).

    Returns:
        One :class:`TimelineEvent` per distinct (date, event), with every source and the
        sentences that carry it; ``inferred`` when the date was worked out from a relative
        expression or a weekday ("on Tuesday", "last month") and an article's date.
    """
    if lexicon is None:
        lexicon = load_lexicon()
    found = [item for doc in docs for item in article_events(doc, lexicon)]
    order = {doc.source: i for i, doc in enumerate(docs)}
    groups = merge(found)
    events = [to_event(group, order) for group in groups]
    return tuple(sorted(events, key=lambda e: (e.date, e.end or "", order[e.sources[0]], e.evidence[0].sentence)))
