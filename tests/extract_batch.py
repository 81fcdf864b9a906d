"""The texts an extraction test module extracts, extracted in one batch before its tests run, as the pipeline extracts
articles.

A call of `extract_mentions` costs ~0.6 CPU-s whatever its size (polars plans its ~760 eager queries again on every
call), which the modules' ~800 one-text calls paid on every run. The texts are found in the module's source: the
arguments of its calls of a function whose first parameter is `text` (`events(text, title, published)` and helpers
like it), evaluated where they are built from literals, the module's names, and the test's own plain assignments,
`for` loops and comprehensions over literal lists. An article's events do not depend on the others in its batch
(bench/extract_identity.py checks it), so a batched text gives the events a call of its own gives, mention ids aside
(they are made from the batch's article ids, which no test reads). A text not found this way is extracted on its own.
"""
from __future__ import annotations

import ast
import inspect
from datetime import datetime
from types import ModuleType

import polars as pl

from transforms.extract import extract_mentions

Key = tuple[str, str, datetime]  # text, title, published
_found: dict[Key, list[dict]] = {}
_MISSING = object()
# What a text may be built with: literals, names, +, * and %, f-strings, subscripts, and string methods.
_SAFE_NODES = (
    ast.Constant, ast.Name, ast.Load, ast.BinOp, ast.Add, ast.Mult, ast.Mod, ast.JoinedStr, ast.FormattedValue,
    ast.Tuple, ast.List, ast.Subscript, ast.Slice, ast.UnaryOp, ast.USub, ast.Call, ast.Attribute, ast.keyword,
)
_STRING_METHODS = {"replace", "join", "split", "strip", "rstrip", "lstrip", "removeprefix", "removesuffix", "lower",
                   "upper", "format"}


def events(text: str, title: str, published: datetime) -> list[dict]:
    """The events `extract_mentions` finds in one article (article id "a"), from the batch where it was in it."""
    key = (text, title, published)
    if key in _found:
        return [dict(event) for event in _found[key]]
    return _extract([key])[key]


def extract_module_texts(request, default_published: datetime) -> None:
    """Extract, in one call, the texts of `request.module`'s tests not extracted yet: its parametrized `text`
    arguments and the texts its source passes to its extraction helpers (module-scoped autouse fixtures call it)."""
    module = request.module
    keys = {(p["text"], "", default_published) for item in request.session.items
            if item.module is module and hasattr(item, "callspec")
            for p in [item.callspec.params] if isinstance(p.get("text"), str)}
    keys |= _texts_in_source(module, default_published)
    _found.update(_extract([key for key in keys if key not in _found]))


def _extract(keys: list[Key]) -> dict[Key, list[dict]]:
    if not keys:
        return {}
    ids = ["a"] if len(keys) == 1 else [str(i) for i in range(len(keys))]
    articles = pl.DataFrame(
        [{"article_id": i, "title": title, "text": text, "published_at": published}
         for i, (text, title, published) in zip(ids, keys, strict=True)],
        schema={"article_id": pl.String, "title": pl.String, "text": pl.String,
                "published_at": pl.Datetime("us", "UTC")},
    )
    by_id: dict[str, list[dict]] = {i: [] for i in ids}
    for event in extract_mentions(articles).to_dicts():
        by_id[event["article_id"]].append({**event, "article_id": "a"})
    return {key: by_id[i] for i, key in zip(ids, keys, strict=True)}


def _texts_in_source(module: ModuleType, default_published: datetime) -> set[Key]:
    helpers = {name: inspect.signature(fn) for name, fn in vars(module).items()
               if inspect.isfunction(fn) and list(inspect.signature(fn).parameters)[:1] == ["text"]}
    keys: set[Key] = set()

    def value(expr: ast.expr, env: dict):
        for node in ast.walk(expr):
            if not isinstance(node, _SAFE_NODES) or isinstance(node, ast.Name) and node.id not in env:
                return _MISSING
            if isinstance(node, ast.Call) and not (
                isinstance(node.func, ast.Attribute) and node.func.attr in _STRING_METHODS
            ):
                return _MISSING
        try:
            return eval(compile(ast.Expression(expr), "<test text>", "eval"), {"__builtins__": {}}, dict(env))
        except Exception:  # a text that cannot be built here is extracted when its test runs
            return _MISSING

    def bind(target: ast.expr, item, env: dict) -> dict:
        env = dict(env)
        if isinstance(target, ast.Name):
            env[target.id] = item
        elif isinstance(target, ast.Tuple) and isinstance(item, (tuple, list)) and len(item) == len(target.elts):
            for element, part in zip(target.elts, item, strict=True):
                env = bind(element, part, env)
        else:
            env = unbind(target, env)
        return env

    def unbind(target: ast.AST, env: dict) -> dict:
        return {name: v for name, v in env.items()
                if name not in {node.id for node in ast.walk(target) if isinstance(node, ast.Name)}}

    def calls(expr: ast.AST, env: dict) -> None:
        for node in ast.walk(expr):
            if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) and len(node.generators) == 1:
                items = value(node.generators[0].iter, env)
                if isinstance(items, (list, tuple)):
                    for item in items:
                        calls(node.elt, bind(node.generators[0].target, item, env))
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers):
                continue
            args = [value(arg, env) for arg in node.args]
            kwargs = {kw.arg: value(kw.value, env) for kw in node.keywords if kw.arg}
            if _MISSING in args or _MISSING in kwargs.values():
                continue
            try:
                bound = helpers[node.func.id].bind(*args, **kwargs)
            except TypeError:
                continue
            bound.apply_defaults()
            text, title = bound.arguments.get("text"), bound.arguments.get("title", "")
            published = bound.arguments.get("published", default_published)
            if isinstance(text, str) and isinstance(title, str) and isinstance(published, datetime):
                keys.add((text, title, published))

    def walk(body: list[ast.stmt], env: dict) -> None:
        for stmt in body:
            if isinstance(stmt, ast.For):
                calls(stmt.iter, env)
                items = value(stmt.iter, env)
                if isinstance(items, (list, tuple)):
                    for item in items:
                        walk(stmt.body, bind(stmt.target, item, env))
                else:
                    walk(stmt.body, unbind(stmt.target, env))
            elif isinstance(stmt, (ast.If, ast.While)):
                calls(stmt.test, env)
                walk(stmt.body + stmt.orelse, env)
            elif isinstance(stmt, ast.With):
                walk(stmt.body, env)
            elif isinstance(stmt, ast.Try):
                walk(stmt.body + stmt.orelse + stmt.finalbody, env)
            elif not isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
                calls(stmt, env)
                one_assignment = isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                assigned = value(stmt.value, env) if one_assignment else _MISSING
                for target in getattr(stmt, "targets", []) + [getattr(stmt, "target", None)]:
                    if target is not None:
                        new = bind(target, assigned, env) if assigned is not _MISSING else unbind(target, env)
                        env.clear()
                        env.update(new)

    for node in ast.parse(inspect.getsource(module)).body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            walk(node.body, dict(vars(module)))
    return keys
