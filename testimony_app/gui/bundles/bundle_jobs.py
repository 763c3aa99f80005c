"""The open-bundle window's work on the vault thread: read the identity, verify, import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from testimony_app.gui.editor.attachment_viewer import throttled
from testimony_app.gui.workers.database_worker import JobContext
from testimony_app.services.bundles import OpenedBundle


@dataclass(frozen=True)
class CheckedBundle:
    opened: OpenedBundle
    already_imported: bool


def _progress(context: JobContext, bundle: Path) -> Callable[[int], None]:
    """Bytes read out of the file's size (the plaintext is about as long)."""
    size = max(bundle.stat().st_size, 1)
    report = throttled(context.progress)
    return lambda done: report(min(done, size), size)


def check_job(bundle: Path, identity_file: Path) -> Callable[[JobContext], CheckedBundle]:
    def job(context: JobContext) -> CheckedBundle:
        from testimony_app.bundle.keys import read_identity_file
        from testimony_app.services.bundles import BundleService

        identity = read_identity_file(identity_file)
        service = BundleService(context.state.require().records)
        opened = service.verify(bundle, identity, progress=_progress(context, bundle))
        seen = any(item.bundle_id == opened.manifest.bundle_id for item in service.received())
        return CheckedBundle(opened, seen)

    return job


def import_job(
    bundle: Path, identity_file: Path, trust: tuple[str, str] | None
) -> Callable[[JobContext], OpenedBundle]:
    def job(context: JobContext) -> OpenedBundle:
        from testimony_app.bundle.keys import read_identity_file
        from testimony_app.services.bundles import BundleService

        identity = read_identity_file(identity_file)
        return BundleService(context.state.require().records).import_bundle(
            bundle,
            identity,
            trust=trust,
            progress=_progress(context, bundle),
            cancel=context.cancel,
        )

    return job
