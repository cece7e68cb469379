#!/usr/bin/env python3
"""Generates python/pspkit/types.py (TypedDicts of the model) from the core's own definitions.

The source is the TypeScript that tsify derives from the core's serde types (the same text the
npm package ships), printed natively by `cargo run -p pspkit-ffi --features typegen --bin
pspkit-model-decls`. So the dict types say exactly what the core reads and writes: camelCase
fields, `type`/`provider` tags, which fields may be left out, which may be null.

    python3 python/tools/gen_types.py           # rewrite python/pspkit/types.py
    python3 python/tools/gen_types.py --check   # exit 1 if the checked-in file has drifted (CI)
    ... --decls FILE                            # read the declarations from FILE instead

Only the subset tsify emits for this model is understood (interfaces, unions of string
literals, tagged unions of object literals or `{tag} & Base`, arrays, `Record<string, T>`,
`| null`); anything else stops the generator with the line it could not read.
"""
from __future__ import annotations

import keyword
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "python" / "pspkit" / "types.py"
CARGO = ["cargo", "run", "-q", "-p", "pspkit-ffi", "--features", "typegen",
         "--bin", "pspkit-model-decls"]
PRIMITIVES = {"string": "str", "number": "int", "boolean": "bool"}


# ---- a small reader for tsify's TypeScript -------------------------------------------------

Type = Union["Named", "Lit", "Arr", "Rec", "Obj", "Inter", "Union_"]


class Named:
    def __init__(self, name: str) -> None:
        self.name = name


class Lit:
    def __init__(self, value: str) -> None:
        self.value = value


class Arr:
    def __init__(self, item: Type) -> None:
        self.item = item


class Rec:
    def __init__(self, value: Type) -> None:
        self.value = value


class Field:
    def __init__(self, name: str, optional: bool, type_: Type, doc: List[str]) -> None:
        self.name, self.optional, self.type, self.doc = name, optional, type_, doc


class Obj:
    def __init__(self, fields: List[Field]) -> None:
        self.fields = fields


class Inter:
    def __init__(self, parts: List[Type]) -> None:
        self.parts = parts


class Union_:
    def __init__(self, options: List[Type]) -> None:
        self.options = options


TOKEN = re.compile(r'\s*(/\*\*.*?\*/|"[^"]*"|[A-Za-z_][A-Za-z0-9_]*|\[\]|[{}()<>|&;:?,=])', re.S)


def tokenize(text: str) -> List[str]:
    tokens, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise SystemExit(f"gen_types: cannot read {text[pos:pos + 60]!r}")
        tokens.append(m.group(1))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return tokens


class Reader:
    def __init__(self, tokens: List[str]) -> None:
        self.t, self.i = tokens, 0

    def peek(self) -> Optional[str]:
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self, want: Optional[str] = None) -> str:
        tok = self.peek()
        if tok is None or (want is not None and tok != want):
            raise SystemExit(f"gen_types: expected {want!r}, found {tok!r} near {self.t[max(0, self.i - 5):self.i + 5]}")
        self.i += 1
        return tok

    def type_(self) -> Type:
        options = [self.inter()]
        while self.peek() == "|":
            self.take()
            options.append(self.inter())
        return options[0] if len(options) == 1 else Union_(options)

    def inter(self) -> Type:
        parts = [self.postfix()]
        while self.peek() == "&":
            self.take()
            parts.append(self.postfix())
        return parts[0] if len(parts) == 1 else Inter(parts)

    def postfix(self) -> Type:
        base = self.atom()
        while self.peek() == "[]":
            self.take()
            base = Arr(base)
        return base

    def atom(self) -> Type:
        tok = self.take()
        if tok == "(":
            inner = self.type_()
            self.take(")")
            return inner
        if tok == "{":
            return Obj(self.members("}"))
        if tok.startswith('"'):
            return Lit(tok[1:-1])
        if tok == "Record":
            self.take("<")
            self.take("string")
            self.take(",")
            value = self.type_()
            self.take(">")
            return Rec(value)
        return Named(tok)

    def members(self, close: str) -> List[Field]:
        fields: List[Field] = []
        doc: List[str] = []
        while self.peek() != close:
            tok = self.take()
            if tok.startswith("/**"):
                doc = doc_lines(tok)
                continue
            optional = self.peek() == "?"
            if optional:
                self.take()
            self.take(":")
            fields.append(Field(tok, optional, self.type_(), doc))
            doc = []
            if self.peek() == ";":
                self.take()
        self.take(close)
        return fields


def doc_lines(comment: str) -> List[str]:
    body = comment[3:-2]
    lines = [re.sub(r"^\s*\*\s?", "", line).rstrip() for line in body.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


Decl = Tuple[str, List[str], Union[Obj, Type]]


def read_decls(text: str) -> List[Decl]:
    """(name, doc, body) of every `export interface` / `export type` in tsify's output."""
    decls: List[Decl] = []
    tokens = tokenize(re.sub(r"^//.*$", "", text, flags=re.M))
    r = Reader(tokens)
    doc: List[str] = []
    while r.peek() is not None:
        tok = r.take()
        if tok.startswith("/**"):
            doc = doc_lines(tok)
            continue
        if tok != "export":
            raise SystemExit(f"gen_types: unexpected {tok!r}")
        kind, name = r.take(), r.take()
        if kind == "interface":
            r.take("{")
            decls.append((name, doc, Obj(r.members("}"))))
        elif kind == "type":
            r.take("=")
            decls.append((name, doc, r.type_()))
            r.take(";")
        else:
            raise SystemExit(f"gen_types: unexpected declaration {kind!r}")
        doc = []
    return decls


# ---- Python output ------------------------------------------------------------------------


def pascal(tag: str) -> str:
    return "".join(part.capitalize() for part in tag.split("_"))


def py(t: Type) -> str:
    if isinstance(t, Named):
        return PRIMITIVES.get(t.name, t.name)
    if isinstance(t, Lit):
        return f'Literal["{t.value}"]'
    if isinstance(t, Arr):
        return f"List[{py(t.item)}]"
    if isinstance(t, Rec):
        return f"Dict[str, {py(t.value)}]"
    if isinstance(t, Union_):
        others = [o for o in t.options if not (isinstance(o, Named) and o.name == "null")]
        if all(isinstance(o, Lit) for o in others):
            inner = "Literal[" + ", ".join(f'"{o.value}"' for o in others) + "]"  # type: ignore[union-attr]
        else:
            inner = others[0] if len(others) == 1 else None  # type: ignore[assignment]
            inner = py(inner) if inner is not None else "Union[" + ", ".join(py(o) for o in others) + "]"  # type: ignore[arg-type]
        return f"Optional[{inner}]" if len(others) < len(t.options) else inner
    raise SystemExit(f"gen_types: no Python form for {type(t).__name__} inside a field")


def comment(lines: List[str], indent: str) -> List[str]:
    return [f"{indent}#: {line}".rstrip() for line in lines]


def docstring(lines: List[str], indent: str = "    ") -> List[str]:
    if not lines:
        return []
    text = "\n".join(lines).replace('"""', "'''").replace("\\", "\\\\")
    body = text.split("\n")
    if len(body) == 1:
        return [f'{indent}"""{body[0]}"""']
    return [f'{indent}"""{body[0]}'] + [f"{indent}{b}" if b else "" for b in body[1:]] + [f'{indent}"""']


def typed_dict(name: str, doc: List[str], fields: List[Field], bases: str = "TypedDict") -> List[str]:
    if any(keyword.iskeyword(f.name) for f in fields):
        # A key that is a Python keyword (`from`) needs the functional form.
        out = comment(doc, "") + [f'{name} = TypedDict("{name}", {{']
        for f in fields:
            out += comment(f.doc, "    ")
            ann = py(f.type)
            out.append(f'    "{f.name}": {"NotRequired[" + ann + "]" if f.optional else ann},')
        return out + ["})"]
    out = [f"class {name}({bases}):"]
    out += docstring(doc)
    for f in fields:
        out += comment(f.doc, "    ")
        ann = py(f.type)
        out.append(f"    {f.name}: {'NotRequired[' + ann + ']' if f.optional else ann}")
    if len(out) == 1 + len(docstring(doc)):
        out.append("    pass")
    return out


def tag_of(obj: Obj) -> Tuple[str, str]:
    first = obj.fields[0] if obj.fields else None
    if first is None or not isinstance(first.type, Lit):
        raise SystemExit("gen_types: a union member without a literal tag")
    return first.name, first.type.value


def render(decls: List[Decl]) -> str:
    # Interfaces and aliases first: the tagged unions' variant classes subclass interfaces, and
    # a module-level `Union[...]` needs its members defined (field annotations are lazy).
    simple: List[List[str]] = []
    blocks: List[List[str]] = []
    exports: List[str] = []
    for name, doc, body in decls:
        if isinstance(body, Obj):
            simple.append(typed_dict(name, doc, body.fields))
            exports.append(name)
        elif isinstance(body, Union_) and all(isinstance(o, Lit) for o in body.options):
            values = ", ".join(f'"{o.value}"' for o in body.options)  # type: ignore[union-attr]
            simple.append(comment(doc, "") + [f"{name} = Literal[{values}]"])
            exports.append(name)
        elif isinstance(body, Named):
            simple.append(comment(doc, "") + [f"{name} = {py(body)}"])
            exports.append(name)
        elif isinstance(body, Union_):
            variants: List[str] = []
            for option in body.options:
                if isinstance(option, Inter) and len(option.parts) == 2 and isinstance(option.parts[0], Obj) \
                        and isinstance(option.parts[1], Named):
                    key, tag = tag_of(option.parts[0])
                    vname = pascal(tag) + name
                    blocks.append([f"class {vname}({option.parts[1].name}):",
                                   f'    """`{name}` with `{key}: "{tag}"` and the fields of `{option.parts[1].name}`."""',
                                   f'    {key}: Literal["{tag}"]'])
                elif isinstance(option, Obj):
                    key, tag = tag_of(option)
                    vname = pascal(tag) + name
                    blocks.append(typed_dict(vname, [f'`{name}` with `{key}: "{tag}"`.'], option.fields))
                else:
                    raise SystemExit(f"gen_types: {name}: a union member of an unknown shape")
                variants.append(vname)
                exports.append(vname)
            blocks.append(comment(doc, "") + [f"{name} = Union[", *[f"    {v}," for v in variants], "]"])
            exports.append(name)
        else:
            raise SystemExit(f"gen_types: {name}: a declaration of an unknown shape")
    head = [
        '"""The model as plain-data types (TypedDicts): what `pspkit.Gateway` takes and returns.',
        "",
        "GENERATED by python/tools/gen_types.py from the TypeScript that tsify derives from the",
        "core's serde definitions (core/src/model, core/src/config.rs, ...). Do not edit: change the",
        "Rust type and run `python3 python/tools/gen_types.py`; CI checks this file for drift.",
        "",
        "Keys are the canonical JSON names (camelCase); tagged unions (`Operation`, `Outcome`,",
        "`GatewayConfig`, ...) narrow on their `type`/`provider` key. `NotRequired` keys may be left",
        "out; `Optional` values may be None.",
        '"""',
        "from __future__ import annotations",
        "",
        "import sys",
        "from typing import Dict, List, Optional, Union",
        "",
        "if sys.version_info >= (3, 11):",
        "    from typing import Literal, NotRequired, TypedDict",
        "else:  # pragma: no cover",
        "    from typing_extensions import Literal, NotRequired, TypedDict",
        "",
        "__all__ = [",
        *[f'    "{e}",' for e in sorted(exports)],
        "]",
    ]
    text = "\n".join(head) + "\n"
    for block in simple + blocks:
        text += "\n\n" + "\n".join(block) + "\n"
    return text


def main(argv: List[str]) -> int:
    check = "--check" in argv
    if "--decls" in argv:
        decls_text = Path(argv[argv.index("--decls") + 1]).read_text()
    else:
        decls_text = subprocess.run(CARGO, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    text = render(read_decls(decls_text))
    if check:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT.relative_to(ROOT)} is out of date with the core's model: "
                  "run python3 python/tools/gen_types.py", file=sys.stderr)
            return 1
        print("python/pspkit/types.py matches the core's model")
        return 0
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
