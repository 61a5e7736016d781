"""The ``briefing`` command: parses options and calls the stages; nothing else lives here.

Exit codes (DESIGN.md): 0 ok, 1 content problems (bad input, conflicts, failed checks),
2 usage. Errors are one line on stderr naming the file.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import __version__
from generator.errors import BriefingError, ConflictError, InputError
from generator.publish.engines import ENGINES

if TYPE_CHECKING:  # the pipeline is imported by the commands that run it, not at start-up
    from generator.pipeline.report import GenerateReport
    from generator.pipeline.shard import Shard

log = logging.getLogger("generator")


def _folder_option(name: str, default: str, help_text: str):
    """``--<name>``: a folder (default ``default``), passed to the command as ``<name>``."""
    return click.option(
        f"--{name}", name, type=click.Path(file_okay=False, path_type=Path), default=Path(default),
        show_default=True, help=help_text,
    )


seeds_option = _folder_option("seeds", "seeds", "Folder holding one sub-folder per source set.")
out_option = _folder_option("out", "briefings", "Folder the briefing pages are written to (MkDocs' docs_dir).")
jobs_option = click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
    help="Source sets processed in parallel processes.",
)
force_option = click.option(
    "--force", is_flag=True,
    help="Regenerate every set, even unchanged ones, and re-create pages an editor deleted.",
)


class _LineFormatter(logging.Formatter):
    """One line per record; warnings and errors say so ("warning: skipped seeds/x/a.txt: …")."""

    def format(self, record: logging.LogRecord) -> str:
        text = " ".join(super().format(record).split("\n"))
        return f"{record.levelname.lower()}: {text}" if record.levelno >= logging.WARNING else text


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LineFormatter("%(message)s"))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=[handler])
    # Libraries we call are chatty at INFO; keep the build log about our own work.
    for noisy in ("mkdocs", "trafilatura", "htmldate", "urllib3", "watchdog", "charset_normalizer", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
@click.option("--verbose", "-v", is_flag=True, help="Log debugging detail.")
def cli(verbose: bool) -> None:
    """Condense sets of news articles into briefing pages and publish them as a site.

    Example: briefing build
    """
    _setup_logging(verbose)


def _run_generate(
    seeds: Path, out: Path, *, jobs: int, force: bool, check: bool, nlp=None, shard: Shard | None = None
) -> None:
    from generator.pipeline import generate

    report = generate(seeds, out, jobs=jobs, force=force, check=check, nlp=nlp, shard=shard)
    _finish(report, out, check=check)


def _finish(report: GenerateReport, out: Path, *, check: bool) -> None:
    """Print a run's conflicts (and, with ``check``, its stale pages); fail when it had any."""
    for line in report.conflict_lines():
        click.echo(line, err=True)
    if check:
        _check_or_fail(out, stale=report.stale)
    if report.conflict_lines():
        raise ConflictError(
            f"{len(report.conflict_lines())} conflict(s): resolve the marked blocks, then run `briefing check`"
        )
    if report.problems:
        # each was printed as a warning when it was met; CI must notice
        raise BriefingError(f"{len(report.problems)} input(s) skipped (see the warnings above); fix or remove them")


def _parse_shard(ctx: click.Context, param: click.Parameter, value: str | None) -> Shard | None:
    """``--shard I/N`` → :class:`~generator.pipeline.shard.Shard`; a bad value is a usage error."""
    if value is None:
        return None
    from generator.pipeline.shard import Shard

    try:
        return Shard.parse(value)
    except ValueError as exc:
        # The message alone (not click's "Invalid value for ..." prefix): it already names the option.
        raise click.UsageError(str(exc), ctx) from None


def _check_or_fail(out: Path, *, stale: tuple[str, ...] = ()) -> None:
    """Print stale pages and every `briefing check` problem; fail when there is any."""
    from generator.publish.check import check_pages

    for slug_line in stale:
        click.echo(f"stale: {slug_line}", err=True)
    problems = check_pages(out) if out.is_dir() else []
    for problem in problems:
        click.echo(str(problem), err=True)
    if stale:
        raise BriefingError(
            f"{len(stale)} page(s) out of date or in conflict; run `briefing generate`, "
            "resolve conflicts, then commit"
        )
    if problems:
        raise BriefingError(f"{len(problems)} problem(s) in {out}; fix them (see `briefing check`)")


@cli.command()
@seeds_option
@out_option
@jobs_option
@force_option
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any page is stale or in conflict.")
@click.option(
    "--shard", metavar="I/N", callback=_parse_shard,
    help="Only the sets of shard I of N (a stable split by slug hash): their pages, records and "
    "merge bases; no cross-briefing pages. Run every shard, then --assemble.",
)
@click.option(
    "--assemble", is_flag=True,
    help="After the shards: rebuild story links and the cross-briefing pages from the stored "
    "records, without the language model.",
)
@click.pass_context
def generate(
    ctx: click.Context, seeds: Path, out: Path, jobs: int, force: bool, check: bool, shard: Shard | None, assemble: bool
) -> None:
    """Write or update one briefing page per source set, plus the site's index pages.

    Unchanged sets are skipped without loading the language model. Hand edits are merged
    with the new generation; conflicts are reported as CONFLICT <file>:<line> and exit 1.
    Past one machine, run `--shard 1/N` … `--shard N/N` (anywhere, each on its own copy),
    put what they wrote together in one briefings folder, then run `--assemble` there.

    Example: briefing generate --seeds seeds --out briefings
    """
    if assemble:
        given = [name for name, on in (("--shard", shard), ("--check", check), ("--force", force), ("--jobs", jobs != 1)) if on]
        if given:
            raise click.UsageError(f"--assemble builds no set, so it takes no {', '.join(given)}", ctx)
        from generator.pipeline import assemble as assemble_site

        _finish(assemble_site(out), out, check=False)
        return
    _run_generate(seeds, out, jobs=jobs, force=force, check=check, shard=shard)


@cli.command()
@seeds_option
@out_option
@jobs_option
@force_option
@click.option(
    "--config", "config", type=click.Path(dir_okay=False, path_type=Path), default=Path("mkdocs.yml"),
    show_default=True, help="MkDocs configuration to build with.",
)
@click.option(
    "--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True,
    help="Site engine: Material for MkDocs, or its successor Zensical (reads the same mkdocs.yml; "
    "needs the zensical extra).",
)
def build(seeds: Path, out: Path, jobs: int, force: bool, config: Path, engine: str) -> None:
    """Generate the briefings, then build the site into site/ with a strict engine build.

    Any warning of the engine (a broken link, a missing anchor) fails the build and the
    previous site stays in place.

    Example: briefing build --engine zensical
    """
    from generator.publish.mkdocs import build_site

    if not config.is_file():
        raise BriefingError("no MkDocs configuration found; run from the project folder", config)
    _run_generate(seeds, out, jobs=jobs, force=force, check=False)
    _check_or_fail(out)  # a page `briefing check` refuses is never published
    build_site(config.resolve().parent, config=config.resolve(), engine=engine)
    click.echo(f"site built into {config.resolve().parent / 'site'} ({engine})", err=True)


@cli.command()
@seeds_option
@out_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to serve on.")
def serve(seeds: Path, out: Path, host: str, port: int) -> None:
    """Preview the site live: regenerates when a file under the seeds folder changes.

    Example: briefing serve --port 8001
    """
    from generator.analysis.nlp import load_pipeline
    from generator.publish.mkdocs import check_address
    from generator.publish.mkdocs import serve as serve_site

    check_address(host, port)  # a busy port fails now, not after the model has loaded
    nlp = load_pipeline()  # once: every save regenerates with the same model
    _run_generate(seeds, out, jobs=1, force=False, check=False, nlp=nlp)

    def regenerate() -> None:
        try:
            _run_generate(seeds, out, jobs=1, force=False, check=False, nlp=nlp)
        except click.ClickException as exc:  # keep serving; show the problem
            exc.show()

    click.echo(f"serving on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    serve_site(Path.cwd(), seeds, host=host, port=port, regenerate=regenerate)


@cli.command()
@click.argument(
    "set_dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
    help="json: one indented object for one set, JSON Lines for several; jsonl: always one line per set.",
)
@click.option("--text", "include_text", is_flag=True, help="Include each source's cleaned, sentence-split text.")
def extract(set_dirs: tuple[Path, ...], fmt: str, include_text: bool) -> None:
    """Print the analysis of one or more source sets as JSON on stdout.

    The model is loaded once for all sets. The output follows the schema in
    generator/render/schema/extract.schema.json. An unreadable article is skipped with a
    warning and listed under `skipped`; an unreadable set is skipped (exit code 1).

    Example: briefing extract seeds/my-event --format json > my-event.json
    """
    from generator.analysis.document import parse_stream
    from generator.analysis.nlp import load_pipeline
    from generator.pipeline.build import briefing_for
    from generator.render.record import record_of

    sets, failed = _read_sets(set_dirs)  # every input is read before the slow model load
    if sets:
        nlp = load_pipeline()
        one_object = fmt == "json" and len(set_dirs) == 1
        # one parse stream over every set keeps spaCy's batches full when the sets are small
        for source_set, parsed in zip(sets, parse_stream((s.articles for s in sets), nlp)):
            record = record_of(briefing_for(source_set, nlp, parsed=parsed), include_text=include_text)
            click.echo(record.to_json(indent=2 if one_object else None))
    # A skipped article is a warning and a `skipped` entry of its set's record (tools reading
    # the JSON see it); only a set that could not be read at all makes the exit code 1.
    if len(failed) == len(set_dirs) == 1:
        raise failed[0]  # nothing extracted: the one error is the whole story
    if failed:
        raise BriefingError(f"{len(failed)} set(s) skipped (see the warnings above)")


def _read_sets(set_dirs: tuple[Path, ...]) -> tuple[list, list[InputError]]:
    """The readable sets, and the error of each unreadable one (warned about when there are
    several sets: one bad set never costs the others their record)."""
    from generator.ingest import load_source_set

    sets, failed = [], []
    for path in set_dirs:
        try:
            sets.append(load_source_set(path))
        except InputError as exc:
            if len(set_dirs) > 1:
                click.echo(f"warning: skipped {exc.format_message()}", err=True)
            failed.append(exc)
    return sets, failed


@cli.command()
@out_option
def check(out: Path) -> None:
    """Validate every briefing page: front matter, merge state, stored generated versions.

    Prints one line per problem and exits 1 when there is any.

    Example: briefing check
    """
    from generator.publish.check import check_pages

    if not out.is_dir():
        raise BriefingError("briefings folder not found; run `briefing generate` first", out)
    problems = check_pages(out)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise BriefingError(f"{len(problems)} problem(s) in {out}")
    click.echo(f"{out}: all pages valid", err=True)


@cli.group()
def hooks() -> None:
    """Manage the git hooks that keep briefings in step with seeds."""


@hooks.command("install")
@click.option("--force", is_flag=True, help="Replace an existing pre-push hook that briefing did not write.")
def hooks_install(force: bool) -> None:
    """Install a pre-push hook that refuses a push while pages are stale or in conflict.

    Example: briefing hooks install
    """
    from generator.publish.hooks import install_hooks

    path = install_hooks(Path.cwd(), force=force)
    click.echo(f"installed {path}", err=True)


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--set", "slug", required=True, help="The source set to add to: seeds/SLUG/ (created when missing).")
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS or Atom feed: add its items newer than the last run. Repeatable.")
@seeds_option
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="Seconds one request may take.")
@click.option("--max-mb", type=click.FloatRange(min=0.01), default=5.0, show_default=True, help="Largest page accepted, in MB.")
def add(urls: tuple[str, ...], slug: str, feeds: tuple[str, ...], seeds: Path, timeout: float, max_mb: float) -> None:
    """Fetch web pages into a source set, one line per URL: added, already there, or failed.

    Each page is stored as it was sent (seeds/SLUG/NNN_<outlet>.html), with its URL, fetch
    time and HTTP date in seeds/SLUG/sources.yml. robots.txt is honoured; a URL or text
    already in the set is skipped. Exits 1 when any URL failed.

    Example: briefing add https://example.org/news/storm --set coast-storm
    """
    from generator.collect.commands import run_add

    if not urls and not feeds:
        raise click.UsageError("give at least one URL or --feed URL")
    failed, total = run_add(list(urls), list(feeds), seeds, slug, timeout=timeout, max_bytes=int(max_mb * 1_000_000))
    if failed:
        raise BriefingError(f"{failed} of {total} URL(s) failed")


@cli.command("sort")
@click.argument("inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--into", type=click.Path(file_okay=False, path_type=Path), default=Path("seeds"), show_default=True,
    help="Folder the proposed sets are moved into with --apply.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "tsv"]), default="text", show_default=True,
    help="text: the proposal for people; tsv: file<TAB>proposed-set lines for tools.",
)
@click.option("--apply", is_flag=True, help="Move each proposed set into INTO/<set>/ and write its set.yml.")
@click.option(
    "--window", type=click.IntRange(min=0), default=14, show_default=True,
    help="Days: articles both dated further apart than this never share a set.",
)
def sort_command(inbox: Path, into: Path, fmt: str, apply: bool, window: int) -> None:
    """Group an inbox of unsorted articles into proposed source sets by what they report.

    Articles are compared by their words, the names they share and their numbers, never
    by file name; each group is named after its most shared names. An article that fits
    no set stays in the inbox.

    Example: briefing sort inbox/ --into seeds --apply
    """
    from generator.collect.commands import run_sort

    run_sort(inbox, into, fmt=fmt, apply=apply, window=window)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: every error becomes one line on stderr and an exit code.

    Click's standalone mode prints a usage block before a usage error; a pipeline or CI log
    reads better with one line, so errors are printed here instead.
    """
    try:
        rv = cli.main(args=argv, prog_name="briefing", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("error: aborted", err=True)
        sys.exit(1)
    except click.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        click.echo(f"error: {exc.format_message()}{hint}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(rv if isinstance(rv, int) else 0)


if __name__ == "__main__":
    main()
