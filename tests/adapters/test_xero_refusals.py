"""Xero's refusals handed on by the adapters as their own XeroRefused: Xero's status and body for the
journal, the SDK's exception kept so the explanation is the same as for the SDK's own error."""

from __future__ import annotations

import json

import pytest
import urllib3
from xero_python.exceptions import AccountingBadRequestException, ApiException
from xero_python.rest import RESTResponse

from xerohelper.adapters.xero_errors import failed_call_from_exception, xero_refusals_translated
from xerohelper.adapters.xero_shapes import Refusal, XeroRefused
from xerohelper.core.connection import XeroUnreachable


def answer(status: int, body: bytes, **headers: str) -> RESTResponse:
    """An HTTP answer exactly as the SDK wraps it."""
    raw = urllib3.HTTPResponse(
        body=body, headers={k.replace("_", "-"): v for k, v in headers.items()}, status=status
    )
    return RESTResponse(raw)


def test_a_refusal_is_handed_on_with_xeros_answer_and_the_sdks_error():
    body = {
        "ErrorNumber": 10,
        "Type": "ValidationException",
        "Message": "A validation exception occurred",
        "Elements": [{"ValidationErrors": [{"Message": "Invoice not of valid status for modification"}]}],
    }
    error = AccountingBadRequestException(
        http_resp=answer(400, json.dumps(body).encode(), Xero_Correlation_Id="c7")
    )
    with pytest.raises(XeroRefused) as caught, xero_refusals_translated():
        raise error
    refused = caught.value
    assert refused.error is error and refused.__cause__ is error
    assert refused.refusal.status == 400 and json.loads(refused.refusal.body) == body
    # explained exactly as the SDK's own error would be (its headers included)
    assert failed_call_from_exception(refused) == failed_call_from_exception(error)
    assert failed_call_from_exception(refused).header("xero-correlation-id") == "c7"


def test_a_refusal_whose_body_is_not_json_keeps_its_status_and_words():
    # AccountingBadRequestException.status parses the body and raises on text: the adapter must not use it.
    error = AccountingBadRequestException(http_resp=answer(400, b"Invoice # must be unique."))
    with pytest.raises(XeroRefused) as caught, xero_refusals_translated():
        raise error
    assert caught.value.refusal == Refusal(400, "Invoice # must be unique.")


def test_a_refusal_without_an_answer_has_no_status():
    with pytest.raises(XeroRefused) as caught, xero_refusals_translated():
        raise ApiException(status=0, reason="could not build the request")
    assert caught.value.refusal == Refusal(None, "")


def test_only_xeros_refusals_are_translated():
    with pytest.raises(XeroUnreachable), xero_refusals_translated():
        raise XeroUnreachable("reset")
