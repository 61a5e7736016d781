"""The pieces of the three-way page merge; :mod:`generator.merge` puts them together.

One job per module:

* :mod:`.text` — the one line splitter every piece agrees on;
* :mod:`.frontmatter` — find, parse and write a page's YAML front matter block;
* :mod:`.keys` — merge three front matter mappings key by key;
* :mod:`.diff3` — the classic diff3 region walk over any three sequences;
* :mod:`.words` — diff3 over the words of one line;
* :mod:`.hunks` — one side's changes inside a conflicting region, paired line by line;
* :mod:`.body` — resolve conflicting regions where no line can be lost, merge bodies;
* :mod:`.conflicts` — the conflict comment, where it goes, and finding it again.

Everything here is pure: text in, text out.
"""
