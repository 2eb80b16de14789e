"""Names that are safe to show: what a till file or Xero calls something, without the invisible characters
that would move the cursor, clear a terminal, change a window title or reverse the text around them.

Tills export whatever was typed at them; a category named "Coffee" followed by an escape sequence would
otherwise reach the owner's terminal, the support report and the window as it is.
"""

from __future__ import annotations

import unicodedata

# Characters that only steer how text is laid out or shown (Unicode categories Cc and Cf: controls, and the
# format characters such as right-to-left overrides and zero-width joiners).
_INVISIBLE = {"Cc", "Cf"}
_SPACES = {"\t", "\n", "\r", "\v", "\f", "\x85", "\u2028", "\u2029"}


def shown_name(text: str) -> str:
    """`text` without control and format characters (line breaks and tabs become one space)."""
    if text.isprintable():
        return text
    kept = []
    for ch in text:
        if ch in _SPACES:
            kept.append(" ")
        elif unicodedata.category(ch) not in _INVISIBLE:
            kept.append(ch)
    return " ".join("".join(kept).split()) if any(ch in _SPACES for ch in text) else "".join(kept)
