"""The JSON bundle as an export of the registry: complete, or pseudonymised.

The complete bundle is a backup and goes out whole. The pseudonymised one is built from
the snapshot the registry filtered (``names.filtered_snapshot``): participants carry their
pseudonym as their name and no function, the facilitator is « l’équipe d’animation »,
and every free text (audit included) has the names replaced; it still imports.
"""

from __future__ import annotations

import os
from pathlib import Path

from workshop.bundle import bundle_of, dumps_bundle
from workshop.exports.common import ExportOptions, atomic_write
from workshop.exports.identifier import for_export
from workshop.snapshot import Snapshot


def write_json(
    snap: Snapshot, target: str | os.PathLike, options: ExportOptions = ExportOptions()
) -> Path:
    """Write the bundle of ``snap`` at ``target`` (UTF-8, canonical text), atomically,
    with the export identifier the other documents of the same state print."""
    export_id = for_export(snap, options)
    bundle = {**bundle_of(snap), "export": {"id": export_id.code, "at": export_id.at}}
    data = dumps_bundle(bundle).encode("utf-8")
    return atomic_write(target, lambda tmp: tmp.write_bytes(data))
