"""rileva's condition syntax (`soddisfazione <= 2 and not answered motivi`) parsed into the
IR's `Expr` JSON ({"op": "compare", "question": ..., "cmp": "<=", "value": 2}), written
independently of the Rust code so that the DDI round trip compares meaning, not text.

Grammar (docs/language.md §7): or := and ("or" and)* ; and := not ("and" not)* ;
not := "not" not | atom ; atom := "(" or ")" | "answered" ID | ID CMP INT
| ID "in" "[" INT ("," INT)* "]" | ID "has" INT.
"""

import re

TOKEN = re.compile(r"\s*(<=|>=|!=|=|<|>|\(|\)|\[|\]|,|-?\d+|[A-Za-z_][A-Za-z0-9_]*)")
CMPS = {"=", "!=", "<", "<=", ">", ">="}


def tokens(text):
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"cannot read {text[pos:]!r} in {text!r}")
        out.append(m.group(1))
        pos = m.end()
    return out


class Parser:
    def __init__(self, text):
        self.toks, self.i, self.text = tokens(text), 0, text

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, expected=None):
        tok = self.peek()
        if tok is None or (expected is not None and tok != expected):
            raise ValueError(f"expected {expected!r}, found {tok!r} in {self.text!r}")
        self.i += 1
        return tok

    def joined(self, word, inner):
        operands = [inner()]
        while self.peek() == word:
            self.take()
            operands.append(inner())
        return operands[0] if len(operands) == 1 else {"op": word, "operands": operands}

    def or_(self):
        return self.joined("or", self.and_)

    def and_(self):
        return self.joined("and", self.not_)

    def not_(self):
        if self.peek() == "not":
            self.take()
            return {"op": "not", "operand": self.not_()}
        return self.atom()

    def atom(self):
        tok = self.take()
        if tok == "(":
            inner = self.or_()
            self.take(")")
            return inner
        if tok == "answered":
            return {"op": "answered", "question": self.take()}
        op = self.take()
        if op in CMPS:
            return {"op": "compare", "question": tok, "cmp": op, "value": int(self.take())}
        if op == "in":
            self.take("[")
            values = [int(self.take())]
            while self.peek() == ",":
                self.take()
                values.append(int(self.take()))
            self.take("]")
            return {"op": "in", "question": tok, "values": values}
        if op == "has":
            return {"op": "has", "question": tok, "code": int(self.take())}
        raise ValueError(f"unknown operator {op!r} in {self.text!r}")


def parse_condition(text):
    parser = Parser(text)
    expr = parser.or_()
    if parser.peek() is not None:
        raise ValueError(f"unexpected {parser.peek()!r} in {text!r}")
    return normalise(expr)


def normalise(expr):
    """`a or (b or c)` and `(a or b) or c` as one `or` of three: the text cannot tell them apart."""
    op = expr["op"]
    if op in ("or", "and"):
        flat = []
        for e in (normalise(x) for x in expr["operands"]):
            flat += e["operands"] if e["op"] == op else [e]
        return {"op": op, "operands": flat}
    if op == "not":
        return {"op": "not", "operand": normalise(expr["operand"])}
    return dict(expr)


if __name__ == "__main__":
    assert parse_condition("not (motivi has 3 and problemi_tecnici = 2)") == {
        "op": "not",
        "operand": {"op": "and", "operands": [
            {"op": "has", "question": "motivi", "code": 3},
            {"op": "compare", "question": "problemi_tecnici", "cmp": "=", "value": 2},
        ]},
    }
    print("ok")
