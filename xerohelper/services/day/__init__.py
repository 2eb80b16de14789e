"""A day's checklist against Xero, one job per module (services/day_checklist.py puts them together):

* day_key — which day (trading date and location);
* day_status — where a day stands, from the journal alone: its facts, its checklist, skipping a step;
* needs_attention — the explanations of the steps that need the owner, and the step running now;
* setup_cache — the organisation's accounts, tax rates and sales contact, read once and kept a while;
* day_run — one call's run: its progress listener, its Cancel, one call to Xero at a time, journal first;
* step_unit, sales_summary, approval, payments — the three steps, each for one day or many (catch-up);
* read_back — what Xero now says of the day's invoice and credit note;
* checklist_runner — walks the steps in core's order (core.checklist.ORDER);
* resend — a corrected day: payments removed, documents voided, the day sent again.
"""
