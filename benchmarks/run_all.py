"""Run every benchmark and print the figures: `make bench`, or from the repository root

    .venv/bin/python benchmarks/run_all.py [--quick] [--erase-gib N] [--records N]
                                           [--gui-records N] [--attachment-mib N]
                                           [--redaction N] [--bundle-mib N] [--work-dir DIR]

Every figure is printed next to a baseline measured in the same run, with the ratio; nothing
is asserted about wall-clock times. Vaults are built with synthetic data in a temporary
directory (the system one unless --work-dir or TMPDIR says otherwise) that is removed at the
end. The full run writes about 1 GiB for the crypto-erase measurement, a vault of 100,000
testimonies (about 1.2 GiB with its plaintext twin; the GUI benchmark reuses it when
--gui-records equals --records) and a 256 MiB attachment three ways, three times. The GUI
benchmark drives the real windows with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks import attachment_bench, records_bench, search_bench, vault_bench  # noqa: E402
from benchmarks.common import Section, machine_info, render_table  # noqa: E402

ERASE_GIB_ENV = "BENCH_ERASE_GIB"


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer repetitions, a 64 MiB erase vault, 5,000 testimonies (records and GUI) "
        "and a 64 MiB attachment: a smoke run of a few minutes",
    )
    parser.add_argument(
        "--erase-gib",
        type=float,
        default=None,
        help=f"size of the vault to crypto-erase, in GiB (default 1.0, or 1/16 with --quick; "
        f"also read from ${ERASE_GIB_ENV}; 0 skips the erase benchmark)",
    )
    parser.add_argument(
        "--records",
        type=int,
        default=None,
        help="testimonies in the records vault (default 100000, or 5000 with --quick; "
        "0 skips the import, save and search benchmarks)",
    )
    parser.add_argument(
        "--gui-records",
        type=int,
        default=None,
        help="testimonies in the vault the GUI benchmark opens (default 100000, or 5000 with "
        "--quick; the records vault is reused when the sizes match; 0 skips the GUI benchmark)",
    )
    parser.add_argument(
        "--attachment-mib",
        type=int,
        default=None,
        help="size of the attachment to ingest and read, in MiB (default 256, or 64 with "
        "--quick; 0 skips the attachment benchmark)",
    )
    parser.add_argument(
        "--redaction",
        type=int,
        default=None,
        help="testimonies to redact (default 1000, or 200 with --quick; 0 skips redaction)",
    )
    parser.add_argument(
        "--bundle-mib",
        type=int,
        default=None,
        help="MiB of recordings in the bundle benchmark (default 1024, or 64 with --quick; "
        "0 skips the bundle benchmark; needs Debian's age)",
    )
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=None,
        help="where to make the temporary directory (default: the system temp dir)",
    )
    return parser.parse_args(argv)


def _config(args: argparse.Namespace) -> vault_bench.Config:
    config = vault_bench.Config.quick() if args.quick else vault_bench.Config()
    erase_gib = args.erase_gib
    if erase_gib is None and os.environ.get(ERASE_GIB_ENV):
        erase_gib = float(os.environ[ERASE_GIB_ENV])
    if erase_gib is not None:
        if erase_gib < 0:
            raise SystemExit("--erase-gib must be 0 or more")
        config = vault_bench.Config(
            unlock_runs=config.unlock_runs,
            open_runs=config.open_runs,
            writes=config.writes,
            erase_gib=erase_gib,
            erase_baseline_runs=config.erase_baseline_runs,
        )
    return config


def _records_config(args: argparse.Namespace) -> records_bench.Config:
    config = records_bench.Config.quick() if args.quick else records_bench.Config()
    changes: dict[str, int] = {}
    if args.records is not None:
        if args.records < 0:
            raise SystemExit("--records must be 0 or more")
        changes["records"] = args.records
    if args.attachment_mib is not None:
        if args.attachment_mib < 0:
            raise SystemExit("--attachment-mib must be 0 or more")
        changes["attachment_mib"] = args.attachment_mib
    return dataclasses.replace(config, **changes)


def _gui_records(args: argparse.Namespace) -> int:
    if args.gui_records is None:
        return 5000 if args.quick else 100_000
    if args.gui_records < 0:
        raise SystemExit("--gui-records must be 0 or more")
    return int(args.gui_records)


def _bench_gui(
    work: Path, loaded: records_bench.LoadedVault | None, quick: bool, size: int
) -> Section:
    from benchmarks import gui_bench  # imports Qt (offscreen) only when it runs

    config = gui_bench.GuiConfig.quick() if quick else gui_bench.GuiConfig()
    config = dataclasses.replace(config, records=size)
    if loaded is None or len(loaded.testimony_ids) != size:
        print(f"    … a vault of {size:,} for the GUI (its own bulk import)", flush=True)
        gui_work = work / "gui"
        gui_work.mkdir()
        _import, loaded = records_bench.bench_bulk_load(
            gui_work, dataclasses.replace(records_bench.Config(), records=size)
        )
    return gui_bench.bench_gui(work, loaded, config)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    config = _config(args)
    records = _records_config(args)
    gui_records = _gui_records(args)
    started = time.perf_counter()
    sections: list[Section] = []
    steps = 11
    with tempfile.TemporaryDirectory(prefix="testimony-bench-", dir=args.work_dir) as temp:
        work = Path(temp)
        print("Machine", flush=True)
        for name, value in machine_info(work):
            print(f"  {name}: {value}", flush=True)
        print(
            f"Settings: {'quick' if args.quick else 'full'} run; unlock x{config.unlock_runs}, "
            f"open x{config.open_runs}, writes x{config.writes}, "
            f"erase vault {config.erase_gib:g} GiB; {records.records:,} testimonies, "
            f"saves x{records.saves}, search runs x{records.search_repeats}, "
            f"GUI over {gui_records:,} testimonies, attachment {records.attachment_mib} MiB",
            flush=True,
        )

        print(f"\n[1/{steps}] Unlock (creating a calibrated vault takes a few seconds)", flush=True)
        section, floor_dir = vault_bench.bench_unlock(work, config)
        sections.append(section)
        print(f"\n[2/{steps}] Open with a raw key", flush=True)
        sections.append(vault_bench.bench_open(work, floor_dir, config))
        print(f"\n[3/{steps}] Durable small writes", flush=True)
        sections.append(vault_bench.bench_writes(work, floor_dir, config))
        if config.erase_gib > 0:
            print(f"\n[4/{steps}] Crypto-erase of a {config.erase_gib:g} GiB vault", flush=True)
            sections.append(vault_bench.bench_erase(work, config))
        else:
            print(f"\n[4/{steps}] Crypto-erase: skipped (--erase-gib 0)", flush=True)

        loaded: records_bench.LoadedVault | None = None
        if records.records > 0:
            print(
                f"\n[5/{steps}] Bulk import of {records.records:,} synthetic testimonies",
                flush=True,
            )
            section, loaded = records_bench.bench_bulk_load(work, records)
            sections.append(section)
            print(f"\n[6/{steps}] Save with revision and audit entry", flush=True)
            sections.append(records_bench.bench_saves(loaded, records))
            print(f"\n[7/{steps}] Search", flush=True)
            sections.append(search_bench.bench_search(loaded, records))
        else:
            print(f"\n[5-7/{steps}] Import, save, search: skipped (--records 0)", flush=True)
        if gui_records > 0:
            print(f"\n[8/{steps}] GUI over {gui_records:,} testimonies (offscreen)", flush=True)
            sections.append(_bench_gui(work, loaded, args.quick, gui_records))
        else:
            print(f"\n[8/{steps}] GUI: skipped (--gui-records 0)", flush=True)
        if records.attachment_mib > 0:
            print(f"\n[9/{steps}] Attachment of {records.attachment_mib} MiB", flush=True)
            sections.append(attachment_bench.bench_attachments(work, records))
        else:
            print(f"\n[9/{steps}] Attachments: skipped (--attachment-mib 0)", flush=True)

        redaction = args.redaction if args.redaction is not None else (200 if args.quick else 1000)
        if redaction > 0:
            print(f"\n[10/{steps}] Redaction of {redaction:,} testimonies", flush=True)
            from benchmarks import redaction_bench

            sections.append(redaction_bench.bench_redaction(redaction, 1 if args.quick else 3))
        else:
            print(f"\n[10/{steps}] Redaction: skipped (--redaction 0)", flush=True)
        bundle_mib = (
            args.bundle_mib if args.bundle_mib is not None else (64 if args.quick else 1024)
        )
        if bundle_mib > 0:
            print(f"\n[11/{steps}] Bundles with {bundle_mib} MiB of recordings", flush=True)
            from benchmarks import bundle_bench

            bundle_work = work / "bundles"
            bundle_work.mkdir()
            sections.append(
                bundle_bench.bench_bundles(
                    bundle_work, bundle_mib, 1 if args.quick else 3, 2 if args.quick else 8
                )
            )
        else:
            print(f"\n[11/{steps}] Bundles: skipped (--bundle-mib 0)", flush=True)

    print("\nResults (ratio = value / baseline; medians unless the name says p95)\n")
    print(render_table([row for section in sections for row in section.rows]))
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
