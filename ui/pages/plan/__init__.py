"""Step « plan » (the accompaniment plan): ``table`` (columns, model, view, kind combo),
``due_date`` (the due-date editor and its delegate), ``suggestions`` (a suggestion's card)
and ``page`` (the step page that puts them together)."""

from ui.pages.plan.due_date import DateField, DueDateDelegate, DueDateEditor
from ui.pages.plan.page import SIDE_PANEL, WIDE_PAGE, PlanPage
from ui.pages.plan.suggestions import SuggestionCard
from ui.pages.plan.table import (
    AUDIENCE,
    COLUMNS,
    DESCRIPTION,
    DUE,
    ID_ROLE,
    KIND,
    OWNER,
    TITLE,
    ActionsModel,
    ActionsTable,
    KindDelegate,
)

__all__ = [
    "AUDIENCE",
    "COLUMNS",
    "DESCRIPTION",
    "DUE",
    "ID_ROLE",
    "KIND",
    "OWNER",
    "SIDE_PANEL",
    "TITLE",
    "WIDE_PAGE",
    "ActionsModel",
    "ActionsTable",
    "DateField",
    "DueDateDelegate",
    "DueDateEditor",
    "KindDelegate",
    "PlanPage",
    "SuggestionCard",
]
