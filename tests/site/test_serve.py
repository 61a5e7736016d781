"""``serve``: MkDocs' live server, regenerating when a seed file changes."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

from generator.pipeline.write import publish_site_pages
from generator.render.page import render_briefing
from generator.render.record import BriefingRecord

ROOT = Path(__file__).resolve().parents[2]

# The child process serves the project; its `regenerate` re-renders the fixture briefing
# with the first line of the seed file as title, the way the pipeline would re-render it.
CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from generator.publish.mkdocs import serve
    from generator.render.page import render_briefing
    from generator.render.record import BriefingRecord

    project, port = Path(sys.argv[1]), int(sys.argv[2])
    record = json.loads((project / "record.json").read_text("utf-8"))
    seed = project / "seeds" / "set" / "001.txt"

    def regenerate():
        record["title"] = seed.read_text("utf-8").splitlines()[0]
        (project / "briefings" / f"{record['set']}.md").write_text(render_briefing(BriefingRecord.from_dict(record)), "utf-8")

    serve(project, project / "seeds", host="127.0.0.1", port=port, regenerate=regenerate)
    """
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.5)
    return False


def test_seed_change_regenerates_and_the_served_page_updates(tmp_path, fixture_record):
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / "seeds" / "set").mkdir(parents=True)
    seed = tmp_path / "seeds" / "set" / "001.txt"
    seed.write_text("First headline\n\nBody.\n", "utf-8")
    (tmp_path / "record.json").write_text(json.dumps(fixture_record), "utf-8")
    docs = tmp_path / "briefings"
    docs.mkdir()
    (docs / f"{fixture_record['set']}.md").write_text(render_briefing(BriefingRecord.from_dict(fixture_record)), "utf-8")
    publish_site_pages([BriefingRecord.from_dict(r) for r in [fixture_record]], docs)

    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path), str(port)], cwd=tmp_path, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    page = f"http://127.0.0.1:{port}/{fixture_record['set']}/"
    try:
        assert _wait_for(page, fixture_record["title"].split()[0], 90), "the server never served the briefing"
        assert "livereload" in _get(page)  # MkDocs injects its reload script when serving
        seed.write_text("Second headline after an edit\n\nBody.\n", "utf-8")
        assert _wait_for(page, "Second headline after an edit", 90), "the seed change did not reach the page"
    finally:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
