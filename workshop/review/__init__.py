"""Reading a lawyer's review of the draft charter back (``charter-workshop review``).

``package`` opens the reviewed DOCX as hostile input; ``blocks`` reads its paragraphs with
every tracked change two ways; ``comments`` its comments and replies; ``reader`` matches
them to clauses by their stable reference; ``proposals`` sets them against the workshop;
``report`` writes them as lines; ``command`` is the subcommand. Recording goes through
``workshop.operations.review``. Qt-free, like the rest of the domain.
"""

from workshop.review.reader import Review, ReviewedClause, read_review

__all__ = ["Review", "ReviewedClause", "read_review"]
