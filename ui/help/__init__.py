"""Help ▸ Guide and Help ▸ About: the facilitator's guide and what the app is made of."""
