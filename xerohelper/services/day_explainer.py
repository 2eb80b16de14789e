"""The old name of services.explaining.Explainer, kept while callers move over; new code imports
`Explainer` from xerohelper.services.explaining."""

from __future__ import annotations

from xerohelper.services.explaining import Explainer as DayExplainer

__all__ = ["DayExplainer"]
