"""« Préparation »: the workshop's details and agenda, its colleges, and who is in the room.

Three tabs, because a 1280×720 projector cannot show it all legibly at once:

* **Workshop**: the details of the workshop and of the charter, the default ballot
  settings and the agenda. Text fields are committed when editing ends (Return or leaving
  the field), not on every key, so the undo history holds one entry per field changed.
* **Colleges**: the stakeholder groups, with their colour and how many are present.
* **Participants**: the attendance table, used all day: a click or Space marks an arrival
  or a departure; a list can be pasted from a spreadsheet or imported from a CSV file.

Nothing here writes to the workshop itself: every change is ``controller.run(operation)``
and the widgets are refreshed from the ``changed`` signal. A refused value shows the
domain's message (through the controller) and the field goes back to the stored value.
"""

from ui.pages.setup.page import SetupPage

__all__ = ["SetupPage"]
