"""Participants vote from their phones over the room's network (issue 15); no Qt here.

The contract (HTTP routes, JSON, cookies, errors, limits, and the Python interface the Qt
adapter calls) is ``docs/phone-api.md``. The server never touches a ``Session`` from its
own threads: every read and every vote is a function of the session handed to an injected
``run_on_owner(fn)``, which runs it in the thread that owns the session (the GUI thread in
the console, the main thread in ``charter-workshop serve``) and returns its result or
raises what it raised.
"""
