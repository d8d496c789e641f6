"""YAML rule files with line numbers, and pydantic errors turned into ``RuleError(file, line, field)``.

Called by ``streams.milestones.rules`` when a rule pack or a filter-list file is loaded: ``load_yaml``
composes the YAML node tree (PyYAML's safe loader keeps a start mark on every node), builds the plain
data, and remembers the line of every path (``("milestones", 2, "match", "triggers")``) so that an
error found later — by pydantic or by the compile step — can name the exact line.

    >>> doc = load_yaml_text("milestones:\\n  - id: x\\n", source="pack.yaml")
    >>> doc.line(("milestones", 0, "id"))
    2
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from streams.errors import RuleError

PathKey = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass
class YamlDocument:
    """Plain data from one YAML file plus the 1-based line of every mapping key and list item."""

    source: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line(self, path: Sequence[str | int]) -> int | None:
        """Line of ``path``, or of its closest ancestor that has one."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)

    def error(self, message: str, path: Sequence[str | int]) -> RuleError:
        return RuleError(message, source=self.source, line=self.line(path), field=format_path(path) or None)

    def validate(self, model: type[M], data: Any = None, base: PathKey = ()) -> M:
        """``model.model_validate`` whose errors become one ``RuleError`` naming file, line and field."""
        try:
            return model.model_validate(self.data if data is None else data)
        except ValidationError as exc:
            first = exc.errors()[0]
            path = base + self._data_path(base, first["loc"])
            msg = first["msg"]
            if first["type"] == "extra_forbidden":
                msg = "unknown field"
            raise self.error(msg, path) from None

    def _data_path(self, base: PathKey, loc: Sequence[str | int]) -> PathKey:
        """Drop pydantic's union-tag entries from ``loc`` so only real data keys remain."""
        node: Any = self.data
        for k in base:
            node = node[k]
        out: list[str | int] = []
        for part in loc:
            if isinstance(node, dict) and part in node:
                node = node[part]
                out.append(part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
                out.append(part)
            elif isinstance(node, dict | list):
                continue  # a union tag such as 'lexicon' or a missing key: keep looking
            else:
                break
        if loc and isinstance(loc[-1], str) and loc[-1] not in out and isinstance(node, dict):
            out.append(loc[-1])  # a missing required field: name it
        return tuple(out)


def format_path(path: Sequence[str | int]) -> str:
    """``("milestones", 2, "match", "triggers")`` → ``milestones[2].match.triggers``."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def load_yaml(path: Path) -> YamlDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror}", source=str(path)) from None
    return load_yaml_text(text, source=str(path))


def load_yaml_text(text: str, *, source: str) -> YamlDocument:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RuleError(f"invalid YAML: {exc.problem}", source=source, line=line) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", source=source) from None
    doc = YamlDocument(source=source, data=None)
    if root is None:
        doc.data = {}
        return doc
    doc.lines[()] = root.start_mark.line + 1
    doc.data = _build(root, (), doc.lines, source)
    return doc


def _build(node: yaml.Node, path: PathKey, lines: dict[PathKey, int], source: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader.construct_scalar(_SCALARS, key_node)
            if key in out:
                raise RuleError(f"duplicate key '{key}'", source=source, line=key_node.start_mark.line + 1,
                                field=format_path((*path, key)))
            lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, (*path, key), lines, source)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            items.append(_build(item, (*path, i), lines, source))
        return items
    return _SCALARS.construct_object(node, deep=True)


_SCALARS = yaml.SafeLoader("")
