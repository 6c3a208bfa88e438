"""Operations: the only code that changes a workshop.

Each function takes a Session, validates its input (raising a one-line WorkshopError before
anything is written), and changes the file through ``Session.run``: one transaction, one
audit event, and a ``Changes`` value for the views. Grouped by workshop step.
"""
