"""Archiving the page of a removed set: moved with a note, hand edits kept, nothing deleted."""
from __future__ import annotations

from generator.merge.archive import ARCHIVE_NOTE, archive_set
from tests.publish.conftest import briefing_page


def test_archiving_keeps_the_page_with_a_note_and_moves_its_bases(tmp_path):
    out = tmp_path / "briefings"
    (out / ".generated").mkdir(parents=True)
    edited = briefing_page("gone", "sha256:" + "4" * 64, body="Generated body.\n\nAn editor's own paragraph.\n")
    (out / "gone.md").write_text(edited)
    (out / ".generated" / "gone.md").write_text(briefing_page("gone", "sha256:" + "4" * 64))
    (out / ".generated" / "gone.json").write_text('{"set": "gone"}\n')

    archived = archive_set(out, "gone")
    assert archived == out / ".removed" / "gone.md"
    assert not (out / "gone.md").exists()
    kept = archived.read_text()
    front, body = kept.split("\n---\n", 1)
    assert front + "\n---\n" == edited.split("\n---\n", 1)[0] + "\n---\n"  # front matter as it was
    assert body.lstrip("\n").startswith(ARCHIVE_NOTE)
    assert "An editor's own paragraph." in body
    assert body.replace(ARCHIVE_NOTE, "").strip() == edited.split("\n---\n", 1)[1].strip()
    assert (out / ".generated" / ".removed" / "gone.md").is_file()
    assert (out / ".generated" / ".removed" / "gone.json").read_text() == '{"set": "gone"}\n'
    assert not (out / ".generated" / "gone.md").exists()

    # The same set name removed again later never overwrites the first archived page.
    (out / "gone.md").write_text(briefing_page("gone", "sha256:" + "5" * 64))
    again = archive_set(out, "gone")
    assert again == out / ".removed" / "gone-2.md"
    assert archived.read_text() == kept
