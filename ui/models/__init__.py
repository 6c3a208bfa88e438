"""Qt item models over the controller's snapshot; their edits go through ``controller.run``."""
