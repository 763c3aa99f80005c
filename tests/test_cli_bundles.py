"""The bundle commands end to end: keygen, export (exit 5 when refused), open-bundle and verify
(exit 4 when rejected or the sender is unknown), each error one line without a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testimony_app.cli import main
from tests.services.sample_records import full_record

PASSPHRASE = "a long cli passphrase"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def setup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    for name in ("TESTIMONY_PASSPHRASE", "TESTIMONY_NEW_PASSPHRASE", "TESTIMONY_RECOVERY_CODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", PASSPHRASE)
    researcher, editor = tmp_path / "field", tmp_path / "desk"
    for vault in (researcher, editor):
        code, out, err = run(capsys, "--vault", str(vault), "init", "--kdf-seconds", "0")
        assert code == 0, err
    assert "fingerprint" in out
    records = tmp_path / "records.json"
    record = full_record()
    record["status"] = "draft"
    records.write_text(json.dumps(record), encoding="utf-8")
    code, out, err = run(capsys, "--vault", str(researcher), "add", str(records))
    assert code == 0, err
    testimony_id = out.split()[0]
    return researcher, editor, testimony_id


def test_keygen_export_and_open(
    setup,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    researcher, editor, testimony_id = setup
    key = tmp_path / "editor.key"
    code, out, _ = run(capsys, "keygen", "--out", str(key))
    assert code == 0 and out.startswith("Public key: age1")
    public = out.split()[2]
    assert (key.stat().st_mode & 0o777) == 0o600
    code, _, err = run(capsys, "keygen", "--out", str(key))
    assert code == 2 and err.count("\n") == 1

    code, _, err = run(capsys, "--vault", str(researcher), "recipients", "add", "Desk A", public)
    assert code == 0, err
    bundle = tmp_path / "out.tbundle"
    args = ["--vault", str(researcher), "export", "--recipient", "Desk A", "--out", str(bundle)]
    code, out, err = run(capsys, *args, testimony_id)
    assert code == 5 and out == "" and err.count("\n") == 1
    assert "not marked reviewed" in err and "Traceback" not in err
    assert not bundle.exists()
    code, out, err = run(capsys, *args, "--accept-automatic-redaction", testimony_id)
    assert code == 0, err
    assert out.split()[0] == str(bundle) and len(out.split()[1]) == 64

    code, fingerprint_out, _ = run(capsys, "--vault", str(researcher), "fingerprint")
    fingerprint = fingerprint_out.splitlines()[0].split(": ", 1)[1]
    code, out, err = run(
        capsys, "--vault", str(editor), "verify", str(bundle), "--identity", str(key)
    )
    assert code == 0, err
    assert "not trusted yet" in out and fingerprint in out
    opener = ["--vault", str(editor), "open-bundle", str(bundle), "--identity", str(key)]
    code, out, err = run(capsys, *opener, "--import")
    assert code == 4 and err.count("\n") == 1 and fingerprint in err
    code, out, err = run(
        capsys, *opener, "--import", "--trust", fingerprint, "--sender-name", "Field team"
    )
    assert code == 0, err
    assert "1 testimonies" in out and "Field team" in out
    code, out, err = run(capsys, *opener, "--import")
    assert code == 4 and "opened before" in err
    code, out, _ = run(capsys, "--vault", str(editor), "senders")
    assert "Field team" in out and fingerprint in out


def test_a_tampered_or_foreign_bundle_is_exit_4(
    setup,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    researcher, editor, testimony_id = setup
    key, other = tmp_path / "editor.key", tmp_path / "other.key"
    public = run(capsys, "keygen", "--out", str(key))[1].split()[2]
    run(capsys, "keygen", "--out", str(other))
    bundle = tmp_path / "out.tbundle"
    code, _, err = run(
        capsys,
        "--vault",
        str(researcher),
        "export",
        "--recipient",
        public,
        "--out",
        str(bundle),
        "--accept-automatic-redaction",
        testimony_id,
    )
    assert code == 0, err
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 1
    damaged = tmp_path / "damaged.tbundle"
    damaged.write_bytes(bytes(data))
    for path, identity, words in (
        (damaged, key, "damaged"),
        (bundle, other, "not addressed to this key"),
    ):
        code, out, err = run(
            capsys, "--vault", str(editor), "verify", str(path), "--identity", str(identity)
        )
        assert (code, out) == (4, ""), err
        assert words in err and err.count("\n") == 1
    code, _, err = run(
        capsys, "--vault", str(editor), "verify", str(bundle), "--identity", str(tmp_path)
    )
    assert code == 2 and "age identity" in err
    code, _, err = run(
        capsys,
        "--vault",
        str(researcher),
        "export",
        "--recipient",
        "age1nope",
        "--out",
        str(tmp_path / "x.tbundle"),
        testimony_id,
    )
    assert code == 2
