"""One page per workshop step, plus the welcome page."""
