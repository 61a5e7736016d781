"""What a ``generate`` run reports: one outcome per set, the stale pages, the summary line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# WriteOutcome statuses meaning the page received the new generation (the summary's "generated").
GENERATED_STATUSES = ("created", "updated", "merged")


@dataclass(frozen=True)
class SetOutcome:
    """What happened to one set's page.

    ``status`` is a :class:`~generator.merge.pages.WriteOutcome` status (created, updated, merged,
    unchanged, conflict, locked, deleted) or one the pipeline decides: ``archived`` (the
    set's folder is gone; its page moved to ``.removed/``) and, in check mode, ``stale``.
    ``conflicts`` are ``<page>:<line>`` locations of unresolved conflict blocks.
    """

    slug: str
    status: str
    path: Path
    conflicts: tuple[str, ...] = ()
    articles: int = 0
    reason: str = ""


@dataclass(frozen=True)
class GenerateReport:
    """The result of :func:`generate`: one outcome per set, stale pages, the time taken."""

    outcomes: tuple[SetOutcome, ...]
    stale: tuple[str, ...] = ()  # "briefings/x.md (inputs changed)", check mode
    seconds: float = 0.0
    check: bool = False
    # "skipped seeds/x/a.txt: empty file": inputs left out of this run, one line each
    problems: tuple[str, ...] = ()
    site_conflicts: tuple[str, ...] = ()  # "<page>:<line>" in a hand-edited site page
    assembled: int | None = None  # `--assemble`: the sets whose records it read (outcomes: story lines)

    def count(self, *statuses: str) -> int:
        """How many sets ended with one of ``statuses``."""
        return sum(1 for o in self.outcomes if o.status in statuses)

    def conflict_lines(self) -> list[str]:
        """``CONFLICT <page>:<line>`` for every unresolved conflict block, in slug order."""
        return [f"CONFLICT {where}" for o in self.outcomes for where in o.conflicts] + [
            f"CONFLICT {where}" for where in self.site_conflicts]

    @property
    def ok(self) -> bool:
        """No stale page and no conflict."""
        return not self.stale and not self.conflict_lines()

    def summary(self) -> str:
        """The final line: ``generated N, unchanged N, skipped N (locked), conflicts N, in S.S s``."""
        conflicts = sum(1 for o in self.outcomes if o.conflicts) + len({c.rsplit(":", 1)[0] for c in self.site_conflicts})
        if self.assembled is not None:
            head = f"assembled {self.assembled} set(s), story lines updated {self.count(*GENERATED_STATUSES)}"
        elif self.check:
            head = f"up to date {self.count('unchanged', 'locked', 'deleted')}, stale {len(self.stale)}"
        else:
            head = (
                f"generated {self.count(*GENERATED_STATUSES)}, unchanged {self.count('unchanged')}, "
                f"skipped {self.count('locked')} (locked)"
            )
        extras = [
            f"{label} {n}"
            for label, n in (("archived", self.count("archived")), ("kept deleted", self.count("deleted")),
                             ("bad input skipped", len(self.problems)))
            if n and not self.check
        ]
        parts = [head, f"conflicts {conflicts}", *extras]
        return f"{', '.join(parts)}, in {self.seconds:.1f} s"
