"""The JSON bundle: a whole workshop as one versioned JSON document, and back.

A bundle moves a workshop where a SQLite file cannot go (a diff, a review, another tool, a
support request) and archives it in a format readable without the app. The format is
documented in ``docs/bundle.md`` and described by ``resources/bundle.schema.json``.

Guarantees:

* export -> import -> export gives the same JSON text, byte for byte (``dumps_bundle``):
  row ids are kept, and the order of every list is the read model's (``snapshot.load``);
* the bundle is built from the read model, so the confidentiality rules apply: a secret
  ballot has only overall totals, and an open ballot carries nobody's choice, not even who
  has voted (after import its round restarts from zero);
* import refuses, with one bilingual line naming the JSON path of the first bad field,
  anything that does not validate, and leaves no file behind when it fails;
* import writes the audit timeline back as it was, without undo data and without adding an
  event of its own: the imported workshop starts with an empty undo history.

The package's modules, one job each: ``schema`` (format name, version, JSON Schema),
``export`` (snapshot to bundle, its text, its file), ``load`` (bounded JSON reading),
``checks`` and ``ballot_checks`` (what the schema cannot say), ``importer`` (back to a file).
"""

from workshop.bundle.checks import check_bundle
from workshop.bundle.export import bundle_of, dumps_bundle, export_bundle, write_bundle
from workshop.bundle.importer import import_bundle
from workshop.bundle.load import load_bundle
from workshop.bundle.schema import DEFAULT_NAME, FORMAT, SCHEMA_RESOURCE, VERSION, bundle_schema
from workshop.errors import BundleError

__all__ = [
    "DEFAULT_NAME",
    "FORMAT",
    "SCHEMA_RESOURCE",
    "VERSION",
    "BundleError",
    "bundle_of",
    "bundle_schema",
    "check_bundle",
    "dumps_bundle",
    "export_bundle",
    "import_bundle",
    "load_bundle",
    "write_bundle",
]
