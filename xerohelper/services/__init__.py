"""Services: one per thing the shop owner does (connect, import a day, run a day's checklist, catch up)."""
