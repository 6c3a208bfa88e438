"""« Revue des clauses »: choose the clauses, settle each one's wording, and vote on it.

The page is what the room looks at for most of the day (the projector mirrors this
window), so the clause under discussion is shown large; the list on the left says where
each clause stands in words and marks, not by colour alone. Every change goes through
``controller.run``; the page redraws from the controller's ``changed`` signal.
"""

from ui.pages.clauses.page import ClausesPage

__all__ = ["ClausesPage"]
