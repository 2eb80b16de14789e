"""`xerohelper explain`: what a Xero error means, in plain words, with the Xero screen that fixes it.

    xerohelper explain --status N [--body FILE|-] [--header 'Name: value']... [--short-code CODE] [--json]

For support staff and tests (a stable contract): give Xero's HTTP status, its answer and any headers (for a
429: Retry-After, X-Rate-Limit-Problem). Prints the explanation of the thing to fix first, and by title the
rest. With --json, exactly one object: {"title", "explanation", "steps", "action",
"screen": {"name", "menu", "path", "url"} | null, "xero_messages"}.
Exit 0 for any input it could read, 2 (with a message) for input it could not read.
"""

from __future__ import annotations

import argparse
import sys

NAME = "explain"
HELP = "explain a Xero error in plain words, with the Xero screen that fixes it"
EXIT_UNREADABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", type=int, required=True, metavar="N", help="Xero's HTTP status, e.g. 400")
    parser.add_argument(
        "--body", metavar="FILE", help="a file holding Xero's answer (JSON or text); '-' reads standard input"
    )
    parser.add_argument(
        "--header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="a header of Xero's answer, e.g. 'Retry-After: 40' (repeat for more)",
    )
    parser.add_argument(
        "--short-code",
        metavar="CODE",
        help="the organisation's short code (e.g. !abc12), so the Xero link opens the right organisation",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")


class Unreadable(Exception):
    """The input can't be read; the message says which part and why."""


def run(args: argparse.Namespace) -> int:
    try:
        status = _status(args.status)
        headers = [_header(h) for h in args.header]
        body = _body(args.body)
    except Unreadable as problem:
        print(f"xerohelper explain: {problem}", file=sys.stderr)
        return EXIT_UNREADABLE

    from xerohelper.core.explain import render_text
    from xerohelper.services.explaining import explain_answer

    explanations = explain_answer(status, body, headers, short_code=args.short_code)
    if args.json:
        import json

        _write(json.dumps(explanations[0].to_json_dict(), indent=2, ensure_ascii=False), ascii_fallback=True)
        return 0
    _write(render_text(explanations))
    return 0


def _status(value: int) -> int:
    if not 100 <= value <= 599:
        raise Unreadable(f"--status {value} is not an HTTP status (they run from 100 to 599, e.g. 400).")
    return value


def _header(text: str) -> tuple[str, str]:
    name, colon, value = text.partition(":")
    if not colon or not name.strip() or " " in name.strip():
        raise Unreadable(f"--header {text!r} should look like 'Name: value', e.g. 'Retry-After: 40'.")
    return name.strip(), value.strip()


def _body(source: str | None) -> str:
    if source is None:
        return ""
    where = "standard input" if source == "-" else f"the file '{source}'"
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as handle:
                data = handle.read()
    except FileNotFoundError:
        raise Unreadable(f"can't read {where}: there is no such file.") from None
    except IsADirectoryError:
        raise Unreadable(f"can't read {where}: it is a folder, not a file.") from None
    except PermissionError:
        raise Unreadable(f"can't read {where}: permission denied.") from None
    except OSError as exc:
        raise Unreadable(f"can't read {where}: {exc.strerror or exc}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(f"{where} is not text (Xero's answers are UTF-8 JSON or text).") from None
    if "\x00" in text:
        raise Unreadable(f"{where} is not text (Xero's answers are UTF-8 JSON or text).")
    return text


def _write(text: str, ascii_fallback: bool = False) -> None:
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:
        if ascii_fallback:  # JSON stays valid with \u escapes
            import json

            sys.stdout.write(json.dumps(json.loads(text), indent=2, ensure_ascii=True) + "\n")
        else:
            encoding = sys.stdout.encoding or "ascii"
            sys.stdout.write(text.encode(encoding, errors="replace").decode(encoding) + "\n")
