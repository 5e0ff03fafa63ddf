# Tests: tokenizer + recursive-descent calculator with precedence, unary minus, errors
from typing import List, Union

Token = Union[float, str]


def tokenize(src: str) -> List[Token]:
    tokens: List[Token] = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(float(src[i:j]))
            i = j
        elif ch in "+-*/()^":
            tokens.append(ch)
            i += 1
        else:
            raise SyntaxError(f"unexpected character {ch!r} at {i}")
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expr(self) -> float:
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self) -> float:
        value = self.factor()
        while self.peek() in ("*", "/"):
            op = self.take()
            rhs = self.factor()
            value = value * rhs if op == "*" else value / rhs
        return value

    def factor(self) -> float:
        base = self.unary()
        if self.peek() == "^":
            self.take()
            return base ** self.factor()
        return base

    def unary(self):
        tok = self.take()
        if tok == "-":
            return -self.unary()
        if tok == "(":
            value = self.expr()
            if self.take() != ")":
                raise SyntaxError("expected ')'")
            return value
        if isinstance(tok, float):
            return tok
        raise SyntaxError(f"unexpected token {tok!r}")


def evaluate(src: str) -> float:
    p = Parser(tokenize(src))
    result = p.expr()
    if p.peek() is not None:
        raise SyntaxError(f"trailing token {p.peek()!r}")
    return result


for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "--3", "7 - 2 - 1",
            "2 * (3 + 4) * .5", "1 / 0", "2 +", "3 $ 4", "(1 + 2", "4 4"]:
    try:
        print(f"{src:<18} = {evaluate(src)}")
    except ZeroDivisionError as e:
        print(f"{src:<18} ! {e}")
    except SyntaxError as e:
        print(f"{src:<18} ! syntax error: {e}")
