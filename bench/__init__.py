"""Performance harness for Charter Workshop: `make bench` (full) and `make bench-quick` (S only).

Kept free of imports so that the start-up child process (``bench.child``) pays nothing for it.
"""
