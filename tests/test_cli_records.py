"""The record commands of the command line: add, list, show, search, attach, delete, audit.

All names, places and stories here are invented for the tests.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from testimony_app.cli import main, record_commands
from testimony_app.domain import interchange
from testimony_app.domain.ids import IdKind, TestimonyId, new_id
from tests.helpers import canary

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "a long cli records passphrase"
LINE = re.compile(r"^(T-[0-9A-Z]{4}-[0-9A-Z]{4}-\S) (W-[0-9A-Z]{4}-[0-9A-Z]{4}-\S)$")

# An Arabic narrative with tashkeel: "I saw the soldiers arresting my neighbour."
ARABIC_NARRATIVE = "رَأَيْتُ الجُنودَ يَعتَقِلونَ جاري عِندَ الفَجر."
WITNESS_NAME = "Salma Inventedname"
WITNESS_PHONE = "+000 555 0100"


def arabic_record() -> dict[str, object]:
    return {
        "witness": {
            "age": 41,
            "gender": "f",
            "occupation": "teacher",
            "identity": {"full_name": WITNESS_NAME, "phone": WITNESS_PHONE},
        },
        "interview": {"date": "2025-03-07", "place": "حي الزيتون", "language": "ar"},
        "consent": {"recorded": True, "share_with_editors": True},
        "narrative": ARABIC_NARRATIVE,
        "incidents": [
            {"date": "2024-11", "violation_types": ["arbitrary_detention"], "victims_count": 1}
        ],
        "entities": [{"text": "Yusuf Notreal", "type": "PERSON", "variants": ["يوسف"]}],
        "tags": ["detention"],
        "status": "complete",
    }


def english_record() -> dict[str, object]:
    return {
        "interview": {"date": "2025-04-02", "place": "North market", "language": "en"},
        "narrative": "The stalls of the market were burnt during the night.",
        "incidents": [{"date": "2025-03", "violation_types": ["arson"]}],
        "tags": ["property", "market"],
    }


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("TESTIMONY_PASSPHRASE", "TESTIMONY_NEW_PASSPHRASE", "TESTIMONY_RECOVERY_CODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TESTIMONY_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", PASSPHRASE)
    return tmp_path / "vault"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert err == ""
    return out


def ok_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    return json.loads(ok(capsys, *argv, "--json"))


def init(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "init", "--kdf-seconds", "0")
    assert code == 0, err


def added(out: str) -> list[tuple[str, str]]:
    pairs = []
    for line in out.splitlines():
        match = LINE.fullmatch(line)
        assert match, line
        pairs.append((match[1], match[2]))
    return pairs


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def two(env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> list[tuple[str, str]]:
    """A vault holding the Arabic and the English record, added from one file."""
    init(capsys)
    records = write_json(tmp_path / "records.json", [arabic_record(), english_record()])
    pairs = added(ok(capsys, "add", str(records)))
    assert len(pairs) == 2
    return pairs


class FakeStdin:
    """What `sys.stdin` offers the CLI: a binary `.buffer`."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)

    def isatty(self) -> bool:
        return False


# --- add ---------------------------------------------------------------------------------


def test_add_from_a_file_prints_one_line_per_record(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    (arabic, arabic_witness), (english, english_witness) = two
    assert len({arabic, english}) == 2 and arabic_witness != english_witness
    listed = ok_json(capsys, "list")
    assert isinstance(listed, list)
    assert {item["id"] for item in listed} == {arabic, english}


def test_add_from_stdin_as_json_lines(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    init(capsys)
    lines = "\n".join(json.dumps(item) for item in (arabic_record(), english_record()))
    monkeypatch.setattr(sys, "stdin", FakeStdin(lines.encode("utf-8") + b"\n"))
    out = ok(capsys, "add", "-")
    pairs = added(out)
    assert len(pairs) == 2
    # Only IDs come out: no value of the file.
    for value in (WITNESS_NAME, WITNESS_PHONE, "Yusuf Notreal", "North market"):
        assert value not in out


def test_add_reads_no_more_than_the_parser_takes(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    init(capsys)
    monkeypatch.setattr(record_commands, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(interchange, "MAX_FILE_BYTES", 100)
    requested: list[int] = []

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            requested.append(size)
            assert size >= 0, "an unbounded read"
            return b" " * size

    stdin = FakeStdin(b"")
    stdin.buffer = Endless()  # type: ignore[assignment]
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run(capsys, "add", "-")
    assert requested == [101]
    assert (code, out) == (1, "") and "too large" in err


def test_add_linking_an_existing_witness(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, witness = two[0]
    record = {"witness": {"id": witness.lower()}, "narrative": "A second interview."}
    pairs = added(ok(capsys, "add", str(write_json(tmp_path / "more.json", record))))
    assert pairs[0][1] == witness
    shown = ok_json(capsys, "show", witness)
    assert isinstance(shown, dict) and len(shown["testimonies"]) == 2


def test_a_malformed_file_is_exit_1_changes_nothing_and_quotes_nothing(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before_list = ok(capsys, "list", "--json")
    before_audit = ok(capsys, "audit", "--json")
    canaries = [canary() for _ in range(5)]
    good = {"narrative": canaries[0], "witness": {"identity": {"full_name": canaries[1]}}}
    bad = {
        "narrative": 42,  # wrong type
        "witness": {"age": canaries[2]},  # wrong type
        "entities": [{"text": canaries[3], "type": canaries[4]}],  # unknown entity type
    }
    path = write_json(tmp_path / "bad.json", [good, bad])
    code, out, err = run(capsys, "add", str(path))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "testimony-app: error: the records cannot be read: 3 problems:"
    assert len(lines) == 4 and all(line.startswith("  record 2") for line in lines[1:])
    assert any("narrative: must be text" in line for line in lines)
    assert any("entities[0].type: unknown entity type" in line for line in lines)
    for value in canaries:
        assert value not in err
    # All or nothing: the good first record was not stored either.
    assert ok(capsys, "list", "--json") == before_list
    assert ok(capsys, "audit", "--json") == before_audit


def test_a_missing_records_file_is_a_usage_error(
    env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    init(capsys)
    code, _, err = run(capsys, "add", str(tmp_path / "no-such-file.json"))
    assert code == 2 and err.count("\n") == 1 and "cannot read" in err


# --- list and search -------------------------------------------------------------------------


def test_list_as_a_table_and_as_json_with_filters(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    (arabic, arabic_witness), (english, _) = two
    table = ok(capsys, "list").splitlines()
    assert table[0].split() == [
        "ID",
        "WITNESS",
        "INTERVIEW",
        "PLACE",
        "LANGUAGE",
        "STATUS",
        "UPDATED",
    ]
    assert len(table) == 3
    row = next(line for line in table if line.startswith(arabic))
    assert arabic_witness in row and "2025-03-07" in row and "complete" in row
    assert "حي الزيتون" in row
    summaries = ok_json(capsys, "list")
    assert isinstance(summaries, list)
    by_id = {item["id"]: item for item in summaries}
    assert sorted(by_id[english]["tags"]) == ["market", "property"]
    assert by_id[english]["status"] == "draft" and by_id[english]["revision"] == 1
    assert by_id[arabic]["interview_place"] == "حي الزيتون"
    assert "narrative" not in by_id[arabic]
    assert [item["id"] for item in ok_json(capsys, "list", "--status", "complete")] == [arabic]
    assert [item["id"] for item in ok_json(capsys, "list", "--tag", "Market")] == [english]
    assert ok_json(capsys, "list", "--status", "reviewed") == []
    assert "No testimony matches." in ok(capsys, "list", "--status", "reviewed")
    code, _, err = run(capsys, "list", "--status", "finished")
    assert code == 2 and err.count("\n") == 1


def test_search_in_arabic_finds_a_diacritised_word(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    (arabic, _), (english, _) = two
    # The stored word has tashkeel (يَعتَقِلونَ); the query has none.
    found = ok_json(capsys, "search", "يعتقلون")
    assert [item["id"] for item in found] == [arabic]
    table = ok(capsys, "search", "يعتقلون").splitlines()
    assert table[0].startswith("ID") and len(table) == 2 and table[1].startswith(arabic)
    # Several words: all must match; the violation label is searchable too.
    assert [item["id"] for item in ok_json(capsys, "search", "stalls", "burnt")] == [english]
    assert [item["id"] for item in ok_json(capsys, "search", "arson")] == [english]
    assert len(ok_json(capsys, "search", "the", "--limit", "1")) <= 1
    assert ok_json(capsys, "search", "nothingmatchesthis") == []
    assert "No testimony matches." in ok(capsys, "search", "nothingmatchesthis")


# --- show ------------------------------------------------------------------------------------


def test_show_a_testimony_as_text_and_as_json(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    (arabic, witness), _ = two
    text = ok(capsys, "show", arabic)
    assert f"Testimony {arabic}, revision 1" in text
    assert ARABIC_NARRATIVE in text
    assert "arbitrary_detention (Arbitrary detention)" in text
    assert "PERSON: Yusuf Notreal" in text and "detention" in text
    assert witness in text and "complete" in text
    # The witness's identity is never part of a testimony's view.
    assert WITNESS_NAME not in text and WITNESS_PHONE not in text
    shown = ok_json(capsys, "show", arabic)
    assert isinstance(shown, dict)
    assert shown["id"] == arabic and shown["witness_id"] == witness
    assert shown["revision"] == 1 and shown["created_at"] and shown["updated_at"]
    assert shown["attachments"] == []
    assert "witness" not in shown
    record = arabic_record()
    for key in ("narrative", "tags", "status"):
        assert shown[key] == record[key]
    assert shown["incidents"][0]["violation_types"] == ["arbitrary_detention"]
    assert shown["incidents"][0]["date_precision"] == "month"
    assert shown["consent"]["recorded"] is True and shown["consent"]["quote_verbatim"] is False
    assert shown["entities"] == [{"text": "Yusuf Notreal", "type": "PERSON", "variants": ["يوسف"]}]
    # The interchange part reads back as a record.
    part = {key: value for key, value in shown.items() if key in interchange.RECORD_KEYS}
    from testimony_app.domain.vocabulary import load_violation_types

    parsed = interchange.parse_object(part, load_violation_types())
    assert parsed.content.narrative == ARABIC_NARRATIVE


def test_ids_are_forgiving_of_case_hyphens_and_look_alikes(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    (arabic, witness), _ = two
    sloppy = arabic.lower().replace("-", "").replace("0", "o").replace("1", "l")
    assert json.loads(ok(capsys, "show", sloppy, "--json"))["id"] == arabic
    assert json.loads(ok(capsys, "show", f" {witness.lower()} ", "--json"))["id"] == witness


def swapped(identifier: str) -> str:
    """The ID with two neighbouring, different symbols of its random part swapped."""
    chars = list(identifier)
    data = [index for index, char in enumerate(chars[:-2]) if index >= 2 and char != "-"]
    for first, second in itertools.pairwise(data):
        if chars[first] != chars[second]:
            chars[first], chars[second] = chars[second], chars[first]
            return "".join(chars)
    raise AssertionError("no two different symbols to swap")


def test_a_mistyped_id_is_exit_2_and_never_not_found(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    (arabic, witness), _ = two
    for typo in (swapped(arabic), swapped(witness)):
        code, out, err = run(capsys, "show", typo)
        assert (code, out) == (2, "")
        assert "mistyped" in err and "no record" not in err and err.count("\n") == 1
        assert typo not in err
    code, _, err = run(capsys, "show", arabic[:-1] + "U" + "!")
    assert code == 2 and "mistyped" in err
    code, _, err = run(capsys, "show", "T-7KQ3-M2XD")
    assert code == 2 and "number of symbols" in err
    code, _, err = run(capsys, "show", "T-7KQ3-M2!D-P")
    assert code == 2 and "at symbol 7" in err
    code, _, err = run(capsys, "show", "X-7KQ3-M2XD-P")
    assert code == 2 and "T-" in err and "W-" in err
    code, _, err = run(capsys, "attach", witness, __file__)
    assert code == 2 and "wrong kind" in err


def test_a_well_formed_unknown_id_is_exit_1_no_record(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    for kind in (IdKind.TESTIMONY, IdKind.WITNESS):
        code, out, err = run(capsys, "show", new_id(kind))
        assert (code, out) == (1, "")
        assert err == "testimony-app: error: no record with this ID\n"
    code, _, err = run(capsys, "delete", new_id(IdKind.TESTIMONY), "--yes")
    assert code == 1 and "no record with this ID" in err


def test_show_a_witness_without_and_with_identity(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    (arabic, witness), _ = two
    text = ok(capsys, "show", witness)
    assert arabic in text and "teacher" in text and "female" in text and "41" in text
    assert WITNESS_NAME not in text and WITNESS_PHONE not in text
    assert "--identity" in text
    shown = ok_json(capsys, "show", witness)
    assert isinstance(shown, dict)
    assert shown["testimonies"] == [arabic] and shown["age"] == 41 and "identity" not in shown
    assert "witness.identity_viewed" not in ok(capsys, "audit")

    text = ok(capsys, "show", witness, "--identity")
    assert WITNESS_NAME in text and WITNESS_PHONE in text
    shown = ok_json(capsys, "show", witness, "--identity")
    assert isinstance(shown, dict)
    assert shown["identity"]["full_name"] == WITNESS_NAME
    assert shown["identity"]["phone"] == WITNESS_PHONE
    # Each viewing is in the audit log, by witness ID only.
    entries = ok_json(capsys, "audit")
    assert isinstance(entries, list)
    viewed = [item for item in entries if item["action"] == "witness.identity_viewed"]
    assert [item["subject"] for item in viewed] == [witness, witness]
    assert WITNESS_NAME not in json.dumps(entries)

    code, _, err = run(capsys, "show", arabic, "--identity")
    assert code == 2 and "--identity" in err
    code, _, err = run(capsys, "show", witness, "--revision", "1")
    assert code == 2 and "--revision" in err


def test_show_an_earlier_revision(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

    _, (english, _) = two
    with Vault.unlock(env, PASSPHRASE) as vault:
        service = RecordService(vault)
        current = service.get_testimony(TestimonyId(english))
        changed = dataclasses.replace(current.content, narrative="A corrected account.")
        service.save_testimony(current.id, changed)
    now = ok_json(capsys, "show", english)
    assert isinstance(now, dict)
    assert now["revision"] == 2 and now["narrative"] == "A corrected account."
    old = ok_json(capsys, "show", english, "--revision", "1")
    assert isinstance(old, dict)
    assert old["revision"] == 1 and old["narrative"] == english_record()["narrative"]
    text = ok(capsys, "show", english)
    assert "Earlier revisions: 1" in text
    text = ok(capsys, "show", english, "--revision", "1")
    assert "revision 1 (an earlier version; the current one is 2)" in text
    code, _, err = run(capsys, "show", english, "--revision", "7")
    assert code == 1 and "no revision" in err
    code, _, err = run(capsys, "show", english, "--revision", "0")
    assert code == 2


def test_text_output_passes_no_terminal_control_characters(
    env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    init(capsys)
    record = {
        "narrative": "first line\nsecond \x1b[2J line",
        "interview": {"place": "Old \x1b]0;title\x07 quarter\u202e"},
    }
    [(testimony, _)] = added(ok(capsys, "add", str(write_json(tmp_path / "r.json", record))))
    for argv in (["show", testimony], ["list"]):
        out = ok(capsys, *argv)
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "  second \ufffd[2J line" in ok(capsys, "show", testimony)
    assert ok_json(capsys, "show", testimony)["narrative"] == record["narrative"]


# --- attach, delete, audit -------------------------------------------------------------------


def test_attach_a_file_and_see_it_in_show(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (arabic, _), _ = two
    folder = tmp_path / "private folder name"
    folder.mkdir()
    photo = folder / "scene-photo.jpg"
    data = os.urandom(1024 * 1024 + 4321)  # more than one chunk
    photo.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    out = ok(capsys, "attach", arabic.lower(), str(photo))
    assert digest in out and str(len(data)) in out
    shown = ok_json(capsys, "show", arabic)
    assert isinstance(shown, dict)
    [attachment] = shown["attachments"]
    assert attachment["sha256"] == digest and attachment["size"] == len(data)
    assert attachment["file_name"] == "scene-photo.jpg"  # never the folder
    assert attachment["media_type"] == "image/jpeg"
    assert "private folder name" not in json.dumps(shown)
    assert digest in ok(capsys, "show", arabic)

    notes = tmp_path / "notes.bin"
    notes.write_bytes(b"fictional notes")
    ok(capsys, "attach", arabic, str(notes), "--type", "text/plain")
    shown = ok_json(capsys, "show", arabic)
    assert [item["media_type"] for item in shown["attachments"]] == ["image/jpeg", "text/plain"]
    code, _, err = run(capsys, "attach", arabic, str(notes), "--type", "not a type")
    assert code == 2 and "--type" in err
    code, _, err = run(capsys, "attach", arabic, str(tmp_path / "missing.jpg"))
    assert code == 2 and "cannot open" in err and "missing" not in err
    code, _, err = run(capsys, "attach", new_id(IdKind.TESTIMONY), str(notes))
    assert code == 1 and "no record with this ID" in err


def test_delete_needs_yes(two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    (arabic, _), (english, _) = two
    code, out, err = run(capsys, "delete", arabic)
    assert (code, out) == (2, "") and "--yes" in err and err.count("\n") == 1
    assert len(ok_json(capsys, "list")) == 2
    out = ok(capsys, "delete", arabic, "--yes")
    assert "deleted" in out and arabic in out
    assert [item["id"] for item in ok_json(capsys, "list")] == [english]
    code, _, err = run(capsys, "show", arabic)
    assert code == 1 and "no record with this ID" in err
    assert ok_json(capsys, "search", "يعتقلون") == []


def test_audit_lists_and_verifies_the_chain(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    (arabic, _), _ = two
    table = ok(capsys, "audit").splitlines()
    assert table[0].split() == ["SEQ", "TIME", "ACTION", "SUBJECT"]
    assert any("testimony.created" in line and arabic in line for line in table)
    assert any("records.imported" in line for line in table)
    entries = ok_json(capsys, "audit")
    assert isinstance(entries, list)
    count = len(entries)
    assert ok(capsys, "audit", "--verify") == f"audit log verified: {count} entries\n"
    assert ok_json(capsys, "audit", "--verify") == {
        "entries": count,
        "ok": True,
        "first_broken_seq": None,
    }

    # Someone with the key edits an entry behind the app's back: the chain shows it.
    from testimony_app.vault import Vault

    with Vault.unlock(env, PASSPHRASE) as vault, vault.transaction() as connection:
        connection.execute("DROP TRIGGER audit_log_is_append_only_update")
        connection.execute("UPDATE audit_log SET subject = NULL WHERE seq = 3")
    code, out, err = run(capsys, "audit", "--verify")
    assert (code, out) == (1, "")
    assert err == "testimony-app: error: audit log broken at entry 3\n"
    code, out, _ = run(capsys, "audit", "--verify", "--json")
    assert code == 1 and json.loads(out)["first_broken_seq"] == 3


def test_record_commands_need_the_passphrase(
    two: list[tuple[str, str]], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", "not the right one")
    for argv in (["list"], ["search", "market"], ["audit"]):
        code, out, err = run(capsys, *argv)
        assert (code, out, err) == (3, "", "testimony-app: error: wrong passphrase\n")


# --- a real process --------------------------------------------------------------------------


@pytest.mark.parametrize("unbuffered", [False, True])
def test_output_cut_short_by_its_reader_ends_quietly(
    env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, unbuffered: bool
) -> None:
    """`testimony-app show T-... | head -1`: the reader goes away in the middle of the output.
    No error line, no "Exception ignored ... BrokenPipeError" note; exit code 1."""
    init(capsys)
    # One line printed per line of the narrative, and far more of them than a pipe holds.
    record = {"narrative": "The night was long and nobody slept.\n" * 20_000}
    ((testimony, _),) = added(ok(capsys, "add", str(write_json(tmp_path / "long.json", record))))
    child_env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        child_env["PYTHONUNBUFFERED"] = "1"
    with subprocess.Popen(
        [sys.executable, "-m", "testimony_app", "show", testimony],
        env=child_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == f"Testimony {testimony}, revision 1\n".encode()
        process.stdout.close()
        err = process.stderr.read()
        code = process.wait(timeout=60)
    assert (code, err) == (1, b"")
    assert [item["id"] for item in ok_json(capsys, "list")] == [testimony]


def test_a_real_process_refuses_a_malformed_file_without_a_traceback(
    env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    init(capsys)
    secret = canary("SECRET")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"narrative": secret, "status": "finished"})
        + "\n"
        + json.dumps({"narrative": "x", "entities": [{"text": secret, "type": "CAR"}]})
        + "\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "testimony_app", "add", str(bad)],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr and secret not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[0] == "testimony-app: error: the records cannot be read: 2 problems:"
    assert lines[1].startswith("  record 1") and "status" in lines[1]
    assert lines[2].startswith("  record 2") and "entities[0].type" in lines[2]
    assert ok_json(capsys, "list") == []
