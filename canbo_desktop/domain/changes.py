"""What an operation changed: the UI broadcasts it and each view decides whether to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChangeSet:
    created: dict[str, set[str]] = field(default_factory=dict)
    updated: dict[str, set[str]] = field(default_factory=dict)
    deleted: dict[str, set[str]] = field(default_factory=dict)

    def add(self, kind: str, table: str, row_id: str) -> None:
        getattr(self, kind).setdefault(table, set()).add(row_id)

    def touches(self, table: str) -> bool:
        return any(table in d for d in (self.created, self.updated, self.deleted))

    def ids(self, table: str) -> set[str]:
        out: set[str] = set()
        for d in (self.created, self.updated, self.deleted):
            out |= d.get(table, set())
        return out

    def merge(self, other: ChangeSet) -> None:
        for kind in ("created", "updated", "deleted"):
            mine: dict[str, set[str]] = getattr(self, kind)
            for table, ids in getattr(other, kind).items():
                mine.setdefault(table, set()).update(ids)

    def is_empty(self) -> bool:
        return not (self.created or self.updated or self.deleted)
