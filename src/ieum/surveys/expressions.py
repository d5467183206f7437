"""The XLSForm expression subset Ieum evaluates: the server's judge of `relevant`, `constraint`
and `calculation` (no Django import; `static/surveys/form.js` mirrors it in the browser).

Supported: numbers, 'strings', `${name}`, `.`, `( )`, `or and = != < <= > >= + - * div mod`,
unary minus, and the functions in FUNCTIONS. Values are strings as in an XForm instance (a
select_multiple is space-separated); like XPath, an empty or non-numeric operand of a numeric
comparison makes it false.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?|\.\d+)|(?P<ref>\$\{[A-Za-z_][\w.\-]*\})|(?P<str>'[^']*'|\"[^\"]*\")"
    r"|(?P<op><=|>=|!=|=|<|>|\+|-|\*|\(|\)|,)|(?P<name>[A-Za-z_][\w\-]*(?:\(\))?)|(?P<dot>\.))"
)
BINARY = {
    "or": 1,
    "and": 2,
    "=": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "div": 6,
    "mod": 6,
}


class ExpressionError(ValueError):
    """An expression outside the supported subset; `.message` is English for logs, callers
    show their own translated sentence."""


@dataclass(frozen=True)
class Node:
    kind: str  # num, str, ref, col, dot, op, neg, call
    value: object = None
    args: tuple[Node, ...] = ()


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise ExpressionError(f"unexpected character at {pos}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise ExpressionError("unexpected end")
        self.pos += 1
        return token

    def expect(self, value: str) -> None:
        if self.take()[1] != value:
            raise ExpressionError(f"expected {value}")

    def binary_op(self) -> str | None:
        token = self.peek()
        if token is None:
            return None
        if token[0] == "op" and token[1] in BINARY:
            return token[1]
        if token[0] == "name" and token[1] in ("or", "and", "div", "mod"):
            return token[1]
        return None

    def expression(self, floor: int = 0) -> Node:
        left = self.unary()
        while (op := self.binary_op()) is not None and BINARY[op] > floor:
            self.take()
            left = Node("op", op, (left, self.expression(BINARY[op])))
        return left

    def unary(self) -> Node:
        kind, value = self.take()
        if kind == "op" and value == "-":
            return Node("neg", None, (self.unary(),))
        if kind == "num":
            return Node("num", float(value))
        if kind == "str":
            return Node("str", value[1:-1])
        if kind == "ref":
            return Node("ref", value[2:-1])
        if kind == "dot":
            return Node("dot")
        if kind == "op" and value == "(":
            inner = self.expression()
            self.expect(")")
            return inner
        if kind == "name":
            name = value.removesuffix("()")
            if name not in FUNCTIONS and not value.endswith("()") and self.peek() != ("op", "("):
                # A bare name in a choice_filter is a column of the choices sheet.
                return Node("col", name)
            if name not in FUNCTIONS:
                raise ExpressionError(f"unknown function {name}")
            args: list[Node] = []
            if not value.endswith("()"):
                self.expect("(")
                if self.peek() != ("op", ")"):
                    args.append(self.expression())
                    while self.peek() == ("op", ","):
                        self.take()
                        args.append(self.expression())
                self.expect(")")
            return Node("call", name, tuple(args))
        raise ExpressionError(f"unexpected {value}")


def parse(text: str) -> Node:
    parser = _Parser(tokenize(text))
    node = parser.expression()
    if parser.peek() is not None:
        raise ExpressionError("trailing input")
    return node


def references(node: Node) -> set[str]:
    """The `${name}`s an expression reads (to check they exist)."""
    found = {str(node.value)} if node.kind == "ref" else set()
    for arg in node.args:
        found |= references(arg)
    return found


def _number(value: object) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return math.nan


def _string(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return "" if value is None else str(value)


def truthy(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0 and not math.isnan(value)
    return bool(value)


def _compare(op: str, a: object, b: object) -> bool:
    if op in ("=", "!="):
        if isinstance(a, bool) or isinstance(b, bool):
            equal = truthy(a) == truthy(b)
        elif isinstance(a, float) or isinstance(b, float):
            equal = _number(a) == _number(b)
        else:
            equal = _string(a) == _string(b)
        return equal if op == "=" else not equal
    x, y = _number(a), _number(b)
    if math.isnan(x) or math.isnan(y):
        # Dates compare as text (ISO), like ODK's date strings.
        sa, sb = _string(a), _string(b)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", sa) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", sb):
            return {"<": sa < sb, "<=": sa <= sb, ">": sa > sb, ">=": sa >= sb}[op]
        return False
    return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]


def _arith(op: str, a: object, b: object) -> float:
    x, y = _number(a), _number(b)
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if y == 0:
        return math.nan
    return x / y if op == "div" else math.fmod(x, y)


def _selected(values: object, choice: object) -> bool:
    return _string(choice) in _string(values).split()


FUNCTIONS: dict[str, Callable[..., object]] = {
    "selected": _selected,
    "count-selected": lambda v: float(len(_string(v).split())),
    "not": lambda v: not truthy(v),
    "string-length": lambda v: float(len(_string(v))),
    "today": lambda: dt.date.today().isoformat(),
    "if": lambda c, a, b: a if truthy(c) else b,
    "regex": lambda v, p: re.fullmatch(_string(p), _string(v)) is not None,
    "int": lambda v: float(math.trunc(_number(v))) if not math.isnan(_number(v)) else math.nan,
    "number": _number,
    "string": _string,
    "coalesce": lambda a, b: a if _string(a) != "" else b,
    "concat": lambda *parts: "".join(_string(p) for p in parts),
    "true": lambda: True,
    "false": lambda: False,
    "round": lambda v, d=0.0: round(_number(v), int(_number(d))),
}


def evaluate(
    node: Node,
    values: Mapping[str, object],
    current: object = "",
    columns: Mapping[str, object] | None = None,
) -> object:
    """`values` maps question names to their answers (inside a repeat, the instance's own
    answers first); `current` is `.` (the answer a constraint checks); `columns` is the choice a
    choice_filter looks at."""
    if node.kind in ("num", "str"):
        return node.value
    if node.kind == "ref":
        return values.get(str(node.value), "")
    if node.kind == "dot":
        return current
    if node.kind == "col":
        return (values if columns is None else columns).get(str(node.value), "")
    if node.kind == "neg":
        return -_number(evaluate(node.args[0], values, current, columns))
    if node.kind == "call":
        args = [evaluate(arg, values, current, columns) for arg in node.args]
        try:
            return FUNCTIONS[str(node.value)](*args)
        except (TypeError, re.error) as exc:
            raise ExpressionError(str(exc)) from exc
    op = str(node.value)
    left = evaluate(node.args[0], values, current, columns)
    if op == "or":
        return truthy(left) or truthy(evaluate(node.args[1], values, current, columns))
    if op == "and":
        return truthy(left) and truthy(evaluate(node.args[1], values, current, columns))
    right = evaluate(node.args[1], values, current, columns)
    if op in ("=", "!=", "<", "<=", ">", ">="):
        return _compare(op, left, right)
    return _arith(op, left, right)


def check(text: str, values: Mapping[str, object], current: object = "") -> bool:
    return truthy(evaluate(parse(text), values, current))


def as_text(value: object) -> str:
    """A calculated value as stored in the instance."""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return _string(value)
