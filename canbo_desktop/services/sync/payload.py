"""The inner payload of a package, as a plain directory (the container encrypts and signs it).

Layout::

    changes/<table>.ndjson   one change per line: {"row_id", "op", "rev", "base_rev", "hlc", "origin_node",
                             "changed_fields", "actor", "row": {full row image, JSON-ready}}
    attachments/<sha256>     content-addressed files (photos, scans) the rows refer to
    attachments.ndjson       {"sha256", "mime", "size"} per attachment
    audit.ndjson             the sender's audit entries (hash-chained) since its last export to this peer
    ack.json                 for ``ack`` packages: what the receiver took

NDJSON is streamed: no file is held whole in memory, a province (millions of rows) included.
Reading validates every line's shape; a malformed line stops the import with its file and line number.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.sync import APPLY_ORDER, IncomingChange
from canbo_desktop.i18n import translate

_SHA = re.compile(r"^[0-9a-f]{64}$")
_TABLE = re.compile(r"^[a-z_]{1,60}$")


class PayloadError(CanboError):
    """The decrypted payload is not what the manifest promised (counts, a malformed line, a hash)."""


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class PayloadWriter:
    """Writes a payload directory table by table; counts lines per table."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "changes").mkdir(parents=True, exist_ok=True)
        self.counts: dict[str, int] = {}
        self._files: dict[str, IO[str]] = {}
        self.attachments: set[str] = set()

    def change(
        self,
        table: str,
        row_id: str,
        op: str,
        rev: int,
        base_rev: int,
        hlc: str,
        origin_node: str,
        fields: Iterable[str],
        actor: str,
        row: Mapping[str, Any],
    ) -> None:
        f = self._files.get(table)
        if f is None:
            f = self._files[table] = (self.root / "changes" / f"{table}.ndjson").open(
                "w", encoding="utf-8", newline="\n"
            )
        f.write(
            _dumps(
                {
                    "row_id": row_id,
                    "op": op,
                    "rev": rev,
                    "base_rev": base_rev,
                    "hlc": hlc,
                    "origin_node": origin_node,
                    "changed_fields": sorted(fields),
                    "actor": actor,
                    "row": row,
                }
            )
        )
        f.write("\n")
        self.counts[table] = self.counts.get(table, 0) + 1

    def attachment(self, sha256: str, mime: str, data: bytes) -> None:
        if sha256 in self.attachments:
            return
        folder = self.root / "attachments"
        folder.mkdir(exist_ok=True)
        (folder / sha256).write_bytes(data)
        with (self.root / "attachments.ndjson").open("a", encoding="utf-8", newline="\n") as f:
            f.write(_dumps({"sha256": sha256, "mime": mime, "size": len(data)}) + "\n")
        self.attachments.add(sha256)

    def audit(self, entries: Iterable[Mapping[str, Any]]) -> int:
        n = 0
        with (self.root / "audit.ndjson").open("w", encoding="utf-8", newline="\n") as f:
            for e in entries:
                f.write(_dumps(e) + "\n")
                n += 1
        return n

    def json_file(self, name: str, data: Any) -> None:
        (self.root / name).write_text(_dumps(data), encoding="utf-8")

    def close(self) -> None:
        for f in self._files.values():
            f.close()
        self._files.clear()


@dataclass(frozen=True)
class AttachmentRef:
    sha256: str
    mime: str
    size: int
    path: Path


class PayloadReader:
    """Reads an extracted payload directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def tables(self) -> list[str]:
        folder = self.root / "changes"
        if not folder.is_dir():
            return []
        names = [p.stem for p in folder.glob("*.ndjson") if _TABLE.match(p.stem)]
        order = {t: i for i, t in enumerate(APPLY_ORDER)}
        return sorted(names, key=lambda t: (order.get(t, 999), t))

    def changes(self, table: str, progress: Callable[[int], None] | None = None) -> Iterator[IncomingChange]:
        path = self.root / "changes" / f"{table}.ndjson"
        with path.open("r", encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    ch = IncomingChange(
                        table=table,
                        row_id=_str(d["row_id"], 36),
                        op=_choice(d["op"], ("I", "U", "D")),
                        rev=_int(d["rev"]),
                        base_rev=_int(d["base_rev"]),
                        hlc=_str(d["hlc"], 24),
                        origin_node=_str(d["origin_node"], 36),
                        changed_fields=tuple(_str(x, 60) for x in _list(d.get("changed_fields", []))),
                        row=_dict(d["row"]),
                    )
                    if ch.row.get("id") != ch.row_id:
                        raise ValueError("row id differs")
                except (KeyError, TypeError, ValueError) as exc:
                    raise PayloadError(
                        translate("services.sync.payload", "The package has an invalid data line ({file}, line {line}): {error}. "
                                  "Nothing was imported.").format(file=f"{table}.ndjson", line=n, error=exc)
                    ) from exc
                if progress is not None and n % 5000 == 0:
                    progress(n)
                yield ch

    def count_lines(self, table: str) -> int:
        n = 0
        with (self.root / "changes" / f"{table}.ndjson").open("rb") as f:
            for line in f:
                if line.strip():
                    n += 1
        return n

    def attachments(self) -> list[AttachmentRef]:
        idx = self.root / "attachments.ndjson"
        if not idx.is_file():
            return []
        out: list[AttachmentRef] = []
        for line in idx.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            sha = str(d.get("sha256", ""))
            if not _SHA.match(sha):
                raise PayloadError(translate("services.sync.payload", "The package has an attachment with an invalid name. "
                                             "Nothing was imported."))
            path = self.root / "attachments" / sha
            if not path.is_file():
                raise PayloadError(translate("services.sync.payload",
                                             "The package is missing attachment {sha}…. Nothing was imported.")
                                   .format(sha=sha[:12]))
            h = hashlib.sha256()
            with path.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            if h.hexdigest() != sha:
                raise PayloadError(translate("services.sync.payload",
                                             "Attachment {sha}… does not match its checksum. Nothing was imported.")
                                   .format(sha=sha[:12]))
            out.append(
                AttachmentRef(
                    sha, str(d.get("mime", "application/octet-stream"))[:80], path.stat().st_size, path
                )
            )
        return out

    def audit_path(self) -> Path | None:
        p = self.root / "audit.ndjson"
        return p if p.is_file() else None

    def json_file(self, name: str) -> Any:
        p = self.root / name
        if not p.is_file():
            return None
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise PayloadError(translate("services.sync.payload", "The file {name} in the package is not valid. Nothing was imported.")
                               .format(name=name)) from exc


def _str(v: Any, maxlen: int) -> str:
    if not isinstance(v, str) or len(v) > maxlen:
        raise ValueError(f"expected text ≤ {maxlen}")
    return v


def _int(v: Any) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise ValueError("expected a non-negative integer")
    return v


def _choice(v: Any, allowed: tuple[str, ...]) -> str:
    if v not in allowed:
        raise ValueError(f"expected one of {allowed}")
    return str(v)


def _list(v: Any) -> list[Any]:
    if not isinstance(v, list):
        raise ValueError("expected a list")
    return v


def _dict(v: Any) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise ValueError("expected an object")
    return v
