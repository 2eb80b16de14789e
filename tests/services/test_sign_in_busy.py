"""When Xero's sign-in service is busy (it answers 429 or 503 with Retry-After while the access token is
renewed), xerohelper waits as long as Xero asked, and if it gives up it says that nothing was sent."""

from __future__ import annotations

from tests.services.connected_shop import connected_shop
from xerohelper.core.checklist import StepState


def test_the_sign_in_services_retry_after_is_honoured(tmp_path):
    with connected_shop(tmp_path) as shop:
        shop.service.save_day(shop.the_day())
        shop.control("tokens/expire", {})
        shop.control(
            "faults", {"kind": "503", "count": 2, "path_contains": "/connect/token", "retry_after": 30}
        )
        checklist = shop.service.run_day(shop.today)
        assert shop.waits[:2] == [30, 30]  # Xero's Retry-After, not the pacer's own 1, 2, 4… seconds
        assert checklist.steps[0].state is StepState.DONE
        assert len(shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}")) == 1


def test_when_the_sign_in_service_stays_busy_the_words_say_nothing_was_sent(tmp_path):
    with connected_shop(tmp_path) as shop:
        shop.service.save_day(shop.the_day())
        shop.control("tokens/expire", {})
        shop.control(
            "faults", {"kind": "429", "count": 20, "path_contains": "/connect/token", "retry_after": 5}
        )
        checklist = shop.service.run_day(shop.today)
        first = checklist.steps[0]
        assert first.state is StepState.NEEDS_ATTENTION
        words = first.attention.as_text()
        assert "nothing was sent" in words.lower()
        for wrong in ("may or may not", "doesn't know whether", "broke", "internet connection"):
            assert wrong not in words, words
        assert 5 in shop.waits
        assert shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}") == []
