"""Merge: the only writer of ``briefings/``.

Every file under the briefings folder is written here, through one atomic-write primitive;
every other stage hands text to this package. One job per module:

* :mod:`.atomic` — the atomic write every file goes through;
* :mod:`.state` — where a set's files live and what is on disk: stored hash, lock, conflicts;
* :mod:`.pages` — a regenerated briefing page written beside its stored base and record,
  with a journal, keeping every hand edit;
* :mod:`.threeway` — the three-way page merge those writes use (the API of the pieces below);
* :mod:`.keys` — merge three front matter mappings key by key;
* :mod:`.diff3` — the classic diff3 region walk over any three sequences;
* :mod:`.words` — diff3 over the words of one line;
* :mod:`.hunks` — one side's changes inside a conflicting region, paired line by line;
* :mod:`.body` — resolve conflicting regions where no line can be lost, merge bodies;
* :mod:`.conflicts` — the conflict comment, where it goes, and finding it again;
* :mod:`.site` — the cross-briefing pages (home, actors, sources, …) and removal of stale ones;
* :mod:`.archive` — the pages of removed sets, moved aside with every hand edit.

The merge pieces are pure (text in, text out); only :mod:`.atomic`, :mod:`.pages`,
:mod:`.site` and :mod:`.archive` touch the disk. Nothing is imported here, so reading a
page's state (:mod:`.state`, the plan phase of ``generate``) loads none of the merge.
"""
