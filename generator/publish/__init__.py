"""Publishing helpers: content hashes of a set's inputs, the git pre-push hook, progress output.

Nothing in this package imports spaCy: deciding that a set is unchanged, checking that pages
are current and reporting progress must stay fast enough for a git hook.
"""
