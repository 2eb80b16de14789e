"""Keep tokens, sign-in codes and secrets out of anything that is copied for support or logged."""

from __future__ import annotations

import re

_SECRET_NAMES = r"access_token|refresh_token|id_token|client_secret|code_verifier|code|password|secret"
_BEARER = re.compile(r"(?i)\b(bearer)\s+(?![A-Za-z_]+=)[A-Za-z0-9\-._~+/]{8,}=*")
_AUTH_HEADER = re.compile(r"(?im)^(\s*authorization\s*:)(?!\s*bearer\b)\s*\S.*$")
_QUERY_SECRET = re.compile(rf"(?i)\b({_SECRET_NAMES})=([^&\s\"']+)")
_JSON_SECRET = re.compile(rf"(?i)([\"']({_SECRET_NAMES})[\"']\s*:\s*[\"'])([^\"']*)")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")


def redact(text: str) -> str:
    """Hide tokens, sign-in codes and secrets in `text`, keeping everything else readable."""
    text = _BEARER.sub(lambda m: f"{m.group(1)} [hidden]", text)
    text = _AUTH_HEADER.sub(lambda m: f"{m.group(1)} [hidden]", text)
    text = _QUERY_SECRET.sub(lambda m: f"{m.group(1)}=[hidden]", text)
    text = _JSON_SECRET.sub(lambda m: f"{m.group(1)}[hidden]", text)
    return _JWT.sub("[hidden]", text)
