"""The gazetteer of organizations and models: data (gazetteer.toml), validated on load, compiled to regexes."""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("gazetteer.toml")
ORG_KINDS = {"lab", "big_tech", "chipmaker", "cloud", "investor", "regulator", "government", "startup", "media",
             "other"}


class GazetteerError(ValueError):
    pass


def alias_key(text: str) -> str:
    """Spelling-insensitive key: 'GPT 4o', 'gpt-4o' and 'GPT4o' share one."""
    return re.sub(r"[\s\-_’']+", "", text).lower()


def _alias_regex(alias: str) -> str:
    """Regex for one alias: separators optional, digits-bearing names case-insensitive, word-bounded."""
    pieces = [re.escape(p) for p in re.split(r"[\s\-]+", alias) if p]
    body = r"[\s\-]?".join(pieces)
    if any(ch.isdigit() for ch in alias):
        body = f"(?i:{body})"
    if re.match(r"\w", alias, re.ASCII):
        body = r"\b" + body
    if re.search(r"\d$", alias):
        # "GPT-4" must not match inside "GPT-4.5": take the minor version too, so an unknown one finds no entry.
        body = body + r"(?:\.\d+)?"
    if re.search(r"\w$", alias, re.ASCII):
        body = body + r"\b"
    return body


@dataclass(frozen=True)
class Gazetteer:
    orgs: dict[str, dict]            # canonical org name -> entry
    models: dict[str, dict]          # canonical model name -> entry
    org_by_key: dict[str, str]       # alias key -> canonical org
    model_by_key: dict[str, str]     # alias key -> canonical model
    short_model_keys: frozenset[str]  # alias keys that only count when the model's org is in the article
    org_pattern: str
    model_pattern: str
    # The same patterns without the aliases that are not ASCII ("深度求索", "Condé Nast"), and a character class of what
    # those can match: a text without such a character is matched by the ASCII pattern exactly as by the whole one.
    # (Most real text has a curly quote; the whole patterns' Unicode word boundaries make the regex engine read every
    # such text ~100x slower, measured on tests/realset.)
    org_pattern_ascii: str = ""
    model_pattern_ascii: str = ""
    non_ascii_alias_char: str = "[^\\x00-\\x7F]"

    def model_org(self, model: str) -> str | None:
        entry = self.models.get(model)
        return entry["org"] if entry else None


_SEP = "\x00"  # a separator slot in an alias: "GPT-4o", "GPT 4o" and "GPT4o" are one name


def _trie_regex(aliases: list[str]) -> str:
    """One regex for many aliases, as a trie: shared prefixes are written once ("GPT[\\s\\-]?(?:4(?:o|...)|5...)").

    A name that goes on is tried before the name it extends, so the longest alias wins as it does in a list sorted
    longest first; the regex is a third of that list's size and compiles about twice as fast. polars keeps only 32
    compiled regexes per thread, so the gazetteer's patterns are compiled again on every call: their size is a fixed
    cost of each batch."""
    root: dict = {}
    for alias in aliases:
        node = root
        pieces = [p for p in re.split(r"[\s\-]+", alias) if p]
        for i, piece in enumerate(pieces):
            for ch in ([_SEP] if i else []) + list(piece):
                node = node.setdefault(ch, {})
        if None not in node or len(alias) > len(node[None]):
            node[None] = alias

    def emit(node: dict) -> str:
        alts = [(r"[\s\-]?" if ch == _SEP else re.escape(ch)) + emit(node[ch])
                for ch in sorted((k for k in node if k is not None), key=lambda k: (k == _SEP, k))]
        if None in node:
            alias = node[None]
            end = r"(?:\.\d+)?" if re.search(r"\d$", alias) else ""  # "GPT-4" is not read inside "GPT-4.5"
            alts.append(end + (r"\b" if re.search(r"\w$", alias, re.ASCII) else ""))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def _alternation(aliases: list[str]) -> str:
    """One pattern for all aliases (see _alias_regex for how one alias is matched), longest alias first.

    ASCII aliases are matched with ASCII-only classes and word boundaries ((?-u:...)): with Unicode ones, polars'
    regex engine fell back to a path ~100x slower on this many alternatives (measured in bench/). They are grouped by
    whether they bear a digit (matched case-insensitively, so written lower-case) and start with a word character
    (\\b before), each group a trie (_trie_regex). Non-ASCII aliases (深度求索) keep Unicode matching."""
    unique = sorted(set(aliases))
    ascii_aliases = [a for a in unique if a.isascii()]
    groups = []
    for has_digit in (True, False):
        for word_start in (True, False):
            chosen = [a for a in ascii_aliases
                      if any(c.isdigit() for c in a) == has_digit and bool(re.match(r"\w", a, re.ASCII)) == word_start]
            if not chosen:
                continue
            body = _trie_regex([a.lower() for a in chosen] if has_digit else chosen)
            if has_digit:
                body = f"(?i:{body})"
            groups.append((r"\b" if word_start else "") + body)
    parts = [f"(?-u:{'|'.join(groups)})"] if groups else []
    unicode_part = "|".join(_alias_regex(a)
                            for a in sorted((a for a in unique if not a.isascii()), key=lambda a: (-len(a), a)))
    if unicode_part:
        parts.append(unicode_part)
    return "(?:" + "|".join(parts) + ")"


def load(path: Path | str | None = None) -> Gazetteer:
    path = Path(path) if path else DEFAULT_PATH
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GazetteerError(f"cannot read gazetteer {path}: {exc}") from exc
    orgs = {}
    for i, org in enumerate(data.get("org", [])):
        name = org.get("name")
        if not name:
            raise GazetteerError(f"{path}: org #{i + 1} has no name")
        if name in orgs:
            raise GazetteerError(f"{path}: org {name!r} is listed twice")
        if org.get("kind", "other") not in ORG_KINDS:
            raise GazetteerError(f"{path}: org {name!r} has unknown kind {org.get('kind')!r}")
        orgs[name] = org
    models = {}
    for i, model in enumerate(data.get("model", [])):
        name = model.get("name")
        if not name:
            raise GazetteerError(f"{path}: model #{i + 1} has no name")
        if name in models:
            raise GazetteerError(f"{path}: model {name!r} is listed twice")
        if model.get("org") not in orgs:
            raise GazetteerError(f"{path}: model {name!r} names unknown org {model.get('org')!r}")
        models[name] = model
    org_by_key: dict[str, str] = {}
    model_by_key: dict[str, str] = {}
    short = set()
    for name, org in orgs.items():
        for alias in [name, *org.get("aliases", [])]:
            org_by_key.setdefault(alias_key(alias), name)
    for name, model in models.items():
        for alias in [name, *model.get("aliases", [])]:
            if alias not in model.get("short", []):
                model_by_key.setdefault(alias_key(alias), name)
    for name, model in models.items():
        for alias in model.get("short", []):
            if alias_key(alias) not in model_by_key:
                model_by_key[alias_key(alias)] = name
                short.add(alias_key(alias))
    org_aliases = [a for o in orgs.values() for a in [o["name"], *o.get("aliases", [])]]
    # A canonical name that is itself listed as short ("o1") only counts where its maker is in the article.
    model_aliases = [a for m in models.values() for a in [m["name"], *m.get("aliases", []), *m.get("short", [])]]
    return Gazetteer(
        orgs=orgs, models=models, org_by_key=org_by_key, model_by_key=model_by_key,
        short_model_keys=frozenset(short),
        org_pattern=_alternation(org_aliases), model_pattern=_alternation(model_aliases),
        org_pattern_ascii=_alternation([a for a in org_aliases if a.isascii()]),
        model_pattern_ascii=_alternation([a for a in model_aliases if a.isascii()]),
        non_ascii_alias_char=_char_class(c for a in org_aliases + model_aliases for c in a if not c.isascii()),
    )


def _char_class(chars) -> str:
    """A regex class of these characters and every character of the same letter in another case (digit-bearing
    aliases match case-insensitively: "TÜLU 3" is "Tülu 3")."""
    wanted = set(chars)
    forms = {f for c in wanted for f in (c, c.lower(), c.upper(), c.casefold())}
    wanted |= {chr(i) for i in range(0x80, 0x10000)
               if not 0xD800 <= i < 0xE000 and {chr(i).lower(), chr(i).upper(), chr(i).casefold()} & forms}
    return "[" + "".join(re.escape(c) for c in sorted(wanted)) + "]"


@lru_cache(maxsize=4)
def _load_cached(path: str) -> Gazetteer:
    return load(path)


def default() -> Gazetteer:
    """The bundled gazetteer, or the file named by RADAR_GAZETTEER (a user's extended copy)."""
    return _load_cached(os.environ.get("RADAR_GAZETTEER") or str(DEFAULT_PATH))
