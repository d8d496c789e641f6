"""Parsing: raw wire input (plain text, JSON, JSONL) → ``Article``.

Called by ``wirewatch ingest`` for every input file or line, and by the worker for every message
on the articles topic. Bad input raises an ``InputError`` subclass naming the source, field and
reason; nothing else escapes for user data.

Plain-text wire layout (as in ``seeds/articles/``)::

    An Iraqi family flees ...                  ← headline / caption paragraph
                                               ← blank line
    beirut - US-backed forces have ...         ← dateline lede: "<place> - " (or "BEIRUT (Reuters) -")
    Air strikes by ...                         ← body
                                               ← blank line
    source: Khaleejtimes                       ← trailing source line

    >>> a = parse_text("Wall breached\\n\\nbeirut - Forces broke in.\\n\\nsource: Wire")
    >>> (a.headline, a.dateline, a.body, a.source)
    ('Wall breached', 'beirut', 'Forces broke in.', 'Wire')
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import ValidationError

from streams.article import Article
from streams.errors import EncodingError, InputError, InvalidArticleError, TooLargeError

DEFAULT_MAX_BYTES = 1024 * 1024
_HEADLINE_MAX = 400

_SOURCE_LINE = re.compile(r"\n[ \t]*source[ \t]*:[ \t]*(?P<source>[^\n]{1,200}?)[ \t]*\Z", re.I)
# "beirut - ", "BEIRUT (Reuters) - ", "NEW YORK, July 4 (AP) — ": a short place phrase, optional
# parenthesised agency/date, then a dash surrounded by spaces.
_DATELINE = re.compile(
    r"\A(?P<place>[A-Za-z][A-Za-z.'’ -]{0,38}?[A-Za-z.])"
    r"(?:,[ \t]+[A-Za-z0-9 .,]{1,30}?)?"
    r"(?:[ \t]*\((?P<agency>[^()\n]{1,40})\))?"
    r"[ \t]+[-–—]{1,2}[ \t]+"
)
_BLANK = re.compile(r"\n[ \t]*\n")


def article_id_for(text: str) -> str:
    """Stable id from content, so re-ingesting the same story yields the same key downstream."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    if len(data) > max_bytes:
        raise TooLargeError(f"{len(data)} bytes is over the limit of {max_bytes} bytes", source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise EncodingError(f"not UTF-8 (invalid byte at offset {e.start})", source=source) from None
    return text.removeprefix("\ufeff")


def parse_text(
    text: str,
    *,
    id: str | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    meta: dict[str, Any] | None = None,
) -> Article:
    """Parse one plain-text wire article. ``meta`` overrides parsed fields (source, url, ...)."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise TooLargeError(f"text is over the limit of {max_bytes} bytes", source=source, field="text")
    if "\x00" in text:
        raise InvalidArticleError("text contains NUL characters", source=source, field="text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    outlet = None
    m = _SOURCE_LINE.search("\n" + text)
    if m:
        outlet = m.group("source").strip()
        text = ("\n" + text)[: m.start()].strip()
    blocks = [b.strip() for b in _BLANK.split(text) if b.strip()]
    if not blocks:
        raise InvalidArticleError("body is empty", source=source, field="body")

    headline_blocks: list[str] = []
    dateline = None
    body_blocks = blocks
    for i, block in enumerate(blocks[:3]):
        d = _DATELINE.match(block)
        if d and len(block) > d.end():
            headline_blocks = blocks[:i]
            dateline = d.group("place").strip()
            body_blocks = [block[d.end():], *blocks[i + 1:]]
            break
    else:
        if len(blocks) > 1 and len(blocks[0]) <= _HEADLINE_MAX and "\n" not in blocks[0]:
            headline_blocks, body_blocks = blocks[:1], blocks[1:]
    fields: dict[str, Any] = {
        "id": id or article_id_for(text),
        "headline": " ".join(headline_blocks),
        "dateline": dateline,
        "body": "\n\n".join(body_blocks),
        "source": outlet,
    }
    fields.update({k: v for k, v in (meta or {}).items() if v is not None})
    return _validate(fields, source)


def parse_record(obj: Any, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One JSON record: the ``Article`` fields, or ``{"id", "text", ...}`` holding a whole wire article."""
    if not isinstance(obj, dict):
        raise InvalidArticleError(f"expected a JSON object, got {type(obj).__name__}", source=source)
    if "text" in obj:
        text = obj["text"]
        if not isinstance(text, str):
            raise InvalidArticleError("must be a string", source=source, field="text")
        rid = obj.get("id")
        if rid is not None and not isinstance(rid, str | int):
            raise InvalidArticleError("must be a string", source=source, field="id")
        extra = set(obj) - {"text", *Article.model_fields}
        if extra:
            raise InvalidArticleError(f"unknown field(s) {sorted(extra)}", source=source)
        meta = {k: v for k, v in obj.items() if k not in ("text", "id")}
        return parse_text(text, id=str(rid) if rid is not None else None, source=source,
                          max_bytes=max_bytes, meta=meta)
    fields = dict(obj)
    if "id" not in fields and isinstance(fields.get("body"), str):
        fields["id"] = article_id_for(f"{fields.get('headline', '')}\n\n{fields['body']}")
    return _validate(fields, source)


def parse_json_bytes(data: bytes, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One JSON document (a Kafka message value, or a .json file) → Article."""
    text = decode(data, source=source, max_bytes=max_bytes)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise InvalidArticleError(f"invalid JSON ({e.msg} at line {e.lineno} column {e.colno})",
                                  source=source) from None
    return parse_record(obj, source=source, max_bytes=max_bytes)


def iter_jsonl(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Each non-blank line of a JSONL document → an Article, or the InputError that rejected it."""
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield parse_json_bytes(line, source=f"{source}:{lineno}", max_bytes=max_bytes)
        except InputError as e:
            yield e


InputKind = Literal["jsonl", "json", "text"]


def kind_of(data: bytes, source: str) -> InputKind:
    """By file suffix; for a name without one (stdin), by content: several lines starting with '{' are
    JSONL, a document starting with '{' or '[' is JSON, anything else is one plain-text article."""
    name = source.lower()
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".json"):
        return "json"
    if name.startswith("<"):
        head = data.lstrip()[:1]
        if head == b"{" and len(data.strip().splitlines()) > 1:
            return "jsonl"
        if head in (b"{", b"["):
            return "json"
    return "text"


def parse_file_bytes(
    data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """A file's (or stdin's) content → articles, one per line for JSONL, one object or a list for JSON,
    one plain-text wire article otherwise (see ``kind_of``)."""
    kind = kind_of(data, source)
    try:
        if kind == "jsonl":
            yield from iter_jsonl(data, source=source, max_bytes=max_bytes)
        elif kind == "json":
            text = decode(data, source=source, max_bytes=max_bytes * 100)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as e:
                raise InvalidArticleError(f"invalid JSON ({e.msg} at line {e.lineno})", source=source) from None
            for i, rec in enumerate(obj if isinstance(obj, list) else [obj]):
                try:
                    yield parse_record(rec, source=f"{source}[{i}]" if isinstance(obj, list) else source,
                                       max_bytes=max_bytes)
                except InputError as e:
                    yield e
        else:
            yield parse_text(decode(data, source=source, max_bytes=max_bytes), source=source, max_bytes=max_bytes)
    except InputError as e:
        yield e


def _validate(fields: dict[str, Any], source: str | None) -> Article:
    try:
        return Article.model_validate(fields)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or None
        msg = err["msg"].removeprefix("Value error, ")
        raise InvalidArticleError(msg, source=source, field=field) from None
