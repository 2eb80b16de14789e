"""Xero's ``where`` and ``order`` query parameters, read the way Xero reads them.

``where`` is a small C#-like expression over a resource's fields:
``Type=="BANK" AND Status=="ACTIVE"``, ``Contact.ContactID==Guid("…")``, ``Date>=DateTime(2024, 05, 01)``,
``Name.Contains("Sales")``, ``Name.ToLower()=="pos sales"``, ``EnablePaymentsToAccount==true``, with
``AND``/``&&``, ``OR``/``||``, ``!`` and parentheses. Strings compare without regard to case.
A field the resource does not have is a QueryParseException:
"No property or field 'hi' exists in type 'Employee' (at index 0)".
``order`` is ``Field [ASC|DESC], …``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from xerohelper.sandbox import messages
from xerohelper.sandbox.xero_wire import wire_value_to_sortable


class QueryError(ValueError):
    """A where/order Xero would refuse; the text is what Xero would say."""


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*")
      | (?P<number>-?\d+(?:\.\d+)?)
      | (?P<op>==|!=|>=|<=|&&|\|\||[<>!().,=])
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)


@dataclass
class _Tok:
    kind: str
    text: str
    at: int


def _tokens(text: str) -> list[_Tok]:
    found: list[_Tok] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            if text[position:].strip() == "":
                break
            raise QueryError(messages.QUERY_UNREADABLE.format(detail=f"unexpected text at index {position}"))
        kind = match.lastgroup or "op"
        found.append(_Tok(kind, match.group(kind), match.start(kind)))
        position = match.end()
    return found


Predicate = Callable[[dict], bool]
Getter = Callable[[dict], Any]


class _Parser:
    def __init__(self, text: str, type_name: str, fields: set[str]) -> None:
        self.toks = _tokens(text)
        self.i = 0
        self.type_name = type_name
        self.fields = {f.lower(): f for f in fields}

    def peek(self, offset: int = 0) -> _Tok | None:
        index = self.i + offset
        return self.toks[index] if index < len(self.toks) else None

    def take(self, text: str | None = None) -> _Tok:
        tok = self.peek()
        if tok is None or (text is not None and tok.text.upper() != text.upper()):
            wanted = f"'{text}'" if text else "more"
            raise QueryError(messages.QUERY_UNREADABLE.format(detail=f"expected {wanted}"))
        self.i += 1
        return tok

    def parse(self) -> Predicate:
        predicate = self.or_()
        if self.peek() is not None:
            raise QueryError(messages.QUERY_UNREADABLE.format(detail=f"unexpected '{self.peek().text}'"))
        return predicate

    def or_(self) -> Predicate:
        left = self.and_()
        while (tok := self.peek()) is not None and tok.text.upper() in ("OR", "||"):
            self.i += 1
            right = self.and_()
            left = (lambda a, b: lambda row: a(row) or b(row))(left, right)
        return left

    def and_(self) -> Predicate:
        left = self.not_()
        while (tok := self.peek()) is not None and tok.text.upper() in ("AND", "&&"):
            self.i += 1
            right = self.not_()
            left = (lambda a, b: lambda row: a(row) and b(row))(left, right)
        return left

    def not_(self) -> Predicate:
        tok = self.peek()
        if tok is not None and (tok.text == "!" or tok.text.upper() == "NOT"):
            self.i += 1
            inner = self.not_()
            return lambda row: not inner(row)
        return self.comparison()

    def comparison(self) -> Predicate:
        tok = self.peek()
        if tok is not None and tok.text == "(":
            self.i += 1
            inner = self.or_()
            self.take(")")
            return inner
        left = self.operand()
        tok = self.peek()
        if tok is not None and tok.text in ("==", "!=", ">", ">=", "<", "<=", "="):
            self.i += 1
            right = self.operand()
            return _compare(left, tok.text, right)
        return lambda row: bool(left(row))

    def operand(self) -> Getter:
        tok = self.take()
        if tok.kind == "string":
            value = tok.text[1:-1].replace('\\"', '"')
            return self.methods(lambda row, v=value: v)
        if tok.kind == "number":
            number = Decimal(tok.text)
            return lambda row: number
        if tok.kind != "word":
            raise QueryError(messages.QUERY_UNREADABLE.format(detail=f"unexpected '{tok.text}'"))
        word = tok.text
        upper = word.upper()
        if upper in ("TRUE", "FALSE"):
            flag = upper == "TRUE"
            return lambda row: flag
        if upper == "NULL":
            return lambda row: None
        if upper in ("DATETIME", "DATETIMEOFFSET") and self.peek() is not None and self.peek().text == "(":
            return self.datetime_literal()
        if upper == "GUID" and self.peek() is not None and self.peek().text == "(":
            self.take("(")
            literal = self.take()
            self.take(")")
            value = literal.text.strip('"').lower()
            return lambda row: value
        return self.methods(self.field_path(word, tok.at))

    def datetime_literal(self) -> Getter:
        self.take("(")
        parts: list[int] = []
        while True:
            tok = self.take()
            if tok.kind != "number":
                raise QueryError(messages.QUERY_UNREADABLE.format(detail="DateTime needs numbers"))
            parts.append(int(Decimal(tok.text)))
            if self.take().text == ")":
                break
        try:
            moment = datetime(*parts, tzinfo=UTC)
        except (TypeError, ValueError) as exc:
            raise QueryError(messages.QUERY_UNREADABLE.format(detail="not a date")) from exc
        millis = int(moment.timestamp() * 1000)
        return lambda row: millis

    def field_path(self, first: str, at: int) -> Getter:
        canonical = self.fields.get(first.lower())
        if canonical is None:
            raise QueryError(messages.QUERY_UNKNOWN_FIELD.format(field=first, type=self.type_name, index=at))
        path = [canonical]
        while (
            self.peek() is not None
            and self.peek().text == "."
            and self.peek(1) is not None
            and self.peek(1).kind == "word"
            and not (self.peek(2) is not None and self.peek(2).text == "(")
        ):
            self.i += 1
            path.append(self.take().text)

        def get(row: dict) -> Any:
            value: Any = row
            for key in path:
                if not isinstance(value, dict):
                    return None
                value = _lookup(value, key)
            return wire_value_to_sortable(value)

        return get

    def methods(self, getter: Getter) -> Getter:
        while self.peek() is not None and self.peek().text == "." and self.peek(1) is not None:
            self.i += 1
            name = self.take().text.lower()
            self.take("(")
            argument: Getter | None = None
            if self.peek() is not None and self.peek().text != ")":
                argument = self.operand()
            self.take(")")
            getter = _method(getter, name, argument)
        return getter


def _lookup(row: dict, key: str) -> Any:
    if key in row:
        return row[key]
    lowered = key.lower()
    return next((value for name, value in row.items() if name.lower() == lowered), None)


def _method(getter: Getter, name: str, argument: Getter | None) -> Getter:
    def text(value: Any) -> str:
        return "" if value is None else str(value)

    if name == "tolower":
        return lambda row: text(getter(row)).lower()
    if name == "toupper":
        return lambda row: text(getter(row)).upper()
    if name in ("contains", "startswith", "endswith") and argument is not None:
        test = {"contains": str.__contains__, "startswith": str.startswith, "endswith": str.endswith}[name]
        return lambda row: test(text(getter(row)).lower(), text(argument(row)).lower())
    raise QueryError(messages.QUERY_UNREADABLE.format(detail=f"unknown method '{name}'"))


def _normal(value: Any) -> Any:
    if isinstance(value, str):
        return value.lower()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(value)
    return value


def _compare(left: Getter, op: str, right: Getter) -> Predicate:
    def test(row: dict) -> bool:
        a, b = _normal(left(row)), _normal(right(row))
        if op in ("==", "="):
            return a == b
        if op == "!=":
            return a != b
        if a is None or b is None:
            return False
        try:
            return {">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b}[op]
        except TypeError:
            return False

    return test


def where_filter(text: str | None, type_name: str, fields: set[str]) -> Predicate | None:
    if not text or not text.strip():
        return None
    return _Parser(text, type_name, fields).parse()


def order_rows(rows: list[dict], text: str | None, type_name: str, fields: set[str]) -> list[dict]:
    if not text or not text.strip():
        return rows
    lookup = {f.lower(): f for f in fields}
    for part in reversed([p.strip() for p in text.split(",") if p.strip()]):
        words = part.split()
        name = lookup.get(words[0].lower())
        if name is None:
            raise QueryError(messages.QUERY_UNKNOWN_FIELD.format(field=words[0], type=type_name, index=0))
        descending = len(words) > 1 and words[1].upper() == "DESC"

        def key(row: dict, field: str = name) -> tuple:
            value = _normal(wire_value_to_sortable(_lookup(row, field)))
            return (value is not None, value if value is not None else 0)

        try:
            rows = sorted(rows, key=key, reverse=descending)
        except TypeError:
            rows = sorted(rows, key=lambda row, field=name: str(_lookup(row, field)), reverse=descending)
    return rows
