"""The PySide6 user interface: operator window, projected window, dialogs, Qt models.

Widgets never write SQL: they call operations of ``workshop.operations`` through the
``WorkshopController``, which emits what changed so every view refreshes from it.
"""
