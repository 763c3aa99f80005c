"""Records at rest: canaries in every field, name and body appear in no byte of the vault."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from testimony_app.services.records import RecordService
from tests.conftest import MadeVault
from tests.helpers import canary, canary_hits
from tests.services.sample_records import as_bytes, full_record

REPO = Path(__file__).resolve().parents[2]


def test_canaries_everywhere_leave_no_trace_in_the_vault_files(made_vault: MadeVault) -> None:
    mark = canary("CANARYREC")
    arabic = "شاهد" + canary("عربي")
    record = full_record(mark)
    record["narrative"] += " " + arabic
    with made_vault.open() as vault:
        records = RecordService(vault)
        [imported] = records.import_records(as_bytes(record))
        body = f"attachment body {mark} {arabic}".encode() * 5000
        records.attach(
            imported.testimony_id,
            io.BytesIO(body),
            file_name=f"photo of {mark}.jpg",
            media_type="image/jpeg",
        )
        # While open (WAL and shared memory present) and after closing.
        assert canary_hits(made_vault.path, [mark, arabic, mark.lower()]) == []
        assert records.identity_of(imported.witness_id).full_name.endswith(mark)  # type: ignore[union-attr]
    assert canary_hits(made_vault.path, [mark, arabic, mark.lower()]) == []


def test_a_deleted_testimony_leaves_no_plaintext_even_for_the_key_holder(
    made_vault: MadeVault,
) -> None:
    # secure_delete zeroes freed pages: someone later forced to unlock the vault cannot
    # recover a deleted account from the free pages of the decrypted file.
    from tests.helpers import decrypted_pages, raw_data_key

    mark = canary("DELETED")
    with made_vault.open() as vault:
        records = RecordService(vault)
        [imported] = records.import_records(as_bytes({"narrative": f"{mark} " * 200}))
        kept = f"{mark}-KEPT"
        records.import_records(as_bytes({"narrative": kept}))
        records.delete_testimony(imported.testimony_id)
    key = raw_data_key(made_vault.path, made_vault.passphrase)
    plaintext = decrypted_pages(made_vault.path / "vault.db", key)
    assert kept.encode() in plaintext  # the decryption is real
    assert plaintext.count(mark.encode()) == plaintext.count(kept.encode())


RSS_SCRIPT = textwrap.dedent(
    """
    import hashlib, resource, sys
    from pathlib import Path
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

    SIZE = int(sys.argv[2])

    class Source:
        # 200 MB of varied bytes produced on the fly: never all in memory.
        def __init__(self):
            self.left = SIZE
            self.block = hashlib.sha512(b"seed").digest() * 16384  # 1 MiB
            self.counter = 0
        def read(self, n):
            if self.left <= 0:
                return b""
            n = min(n, self.left, len(self.block))
            self.counter += 1
            self.left -= n
            return self.counter.to_bytes(8, "big") + self.block[8:n]

    vault = Vault.unlock(Path(sys.argv[1]), "quiet olive river 42")
    records = RecordService(vault)
    [imported] = records.import_records(b'{"narrative": "big attachment"}')
    expected = hashlib.sha256()
    probe = Source()
    while chunk := probe.read(1 << 20):
        expected.update(chunk)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    info = records.attach(
        imported.testimony_id, Source(), file_name="v.mp4", media_type="video/mp4"
    )
    after_in = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    got = hashlib.sha256()
    size = 0
    for chunk in records.read_attachment(info.id):
        got.update(chunk)
        size += len(chunk)
    after_out = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    vault.close()
    print(info.size, info.sha256, expected.hexdigest(), got.hexdigest(), size,
          before, after_in, after_out)
    """
)


def test_a_200_mb_attachment_streams_with_bounded_memory(made_vault: MadeVault) -> None:
    size = 200 * 1000 * 1000
    done = subprocess.run(
        [sys.executable, "-c", RSS_SCRIPT, str(made_vault.path), str(size)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(os.environ),
    )
    assert done.returncode == 0, done.stderr
    stored, stored_sha, expected_sha, read_sha, read_size, before, after_in, after_out = (
        done.stdout.split()
    )
    assert int(stored) == int(read_size) == size
    assert stored_sha == expected_sha == read_sha
    growth_kib = max(int(after_in), int(after_out)) - int(before)  # ru_maxrss is in KiB here
    assert growth_kib < 64 * 1024, f"peak RSS grew by {growth_kib / 1024:.1f} MiB"
