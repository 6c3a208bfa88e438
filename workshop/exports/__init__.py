"""Exports: what leaves the room (draft charter DOCX, minutes PDF, votes CSV, JSON bundle).

Every export reads a ``snapshot.Snapshot`` (so open ballots never carry tallies), never
changes the workshop, and writes its file atomically (``common.atomic_write``).
"""
