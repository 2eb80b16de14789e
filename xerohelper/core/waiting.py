"""A wait for Xero in the owner's words: "Xero asked xerohelper to slow down: carrying on in 42 seconds."
The pacer says why it waits (adapters/xero_pacing.py); the countdown and the command line say it this way."""

from __future__ import annotations

import math


def seconds_words(seconds: float) -> str:
    whole = max(0, math.ceil(seconds))
    if whole >= 120:
        minutes = math.ceil(whole / 60)
        return f"{minutes} minutes"
    return "1 second" if whole == 1 else f"{whole} seconds"


def wait_words(seconds: float, why: str) -> str:
    """The wait as one line: why (as the pacer says it), then how long."""
    reason = why.strip().rstrip(".") or "Xero asked xerohelper to wait"
    return f"{reason[0].upper()}{reason[1:]}: carrying on in {seconds_words(seconds)}."
