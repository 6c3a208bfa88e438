"""Reusable widgets shared by the operator's pages and the projected view.

They take plain data (dataclasses) and report what the user did through signals; they
never read the workshop file nor call operations themselves.
"""
