"""Sync decisions that need no database: which rows belong to whom, how an incoming change meets the
local row (fast-forward, soft or hard conflict), and whether a package fits its stream.

Everything here is pure and property-tested (``tests/unit/test_sync_domain.py``). The database side
(``db/sync.py``) gathers the inputs; the services (``services/sync/``) act on the outcome.

Conflict semantics follow ODK Central's offline entities (anchors.md §2): an incoming change carries the
``base_rev`` it was made on and the fields it changed. When the local row has not changed since that base
(edits that came from the same sender do not count: they are the same stream) the change fast-forwards.
Otherwise the two sets of changed fields are compared: disjoint (or equal values) → *soft*, merged and
flagged; the same field with different values, or a deletion against an edit → *hard*, queued for a
person and never applied silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from canbo_desktop.i18n import translate

# --------------------------------------------------------------------------- which table belongs to whom

#: Tables whose rows are owned through a column pointing at a unit, a cadre, an evaluation or a procedure.
#: The owner unit of a row decides who may send it upward (only the subtree of the sender).
OWNER_PATH: dict[str, tuple[str, str]] = {
    "org_unit": ("unit", "id"),
    "org_unit_succession": ("unit", "successor_id"),
    "cadre": ("unit", "owner_unit_id"),
    "evaluation_round": ("unit", "unit_id"),
    "confidence_vote": ("unit", "unit_id"),
    "cadre_training": ("cadre", "cadre_id"),
    "cadre_work_history": ("cadre", "cadre_id"),
    "cadre_family": ("cadre", "cadre_id"),
    "cadre_salary": ("cadre", "cadre_id"),
    "cadre_award": ("cadre", "cadre_id"),
    "cadre_discipline": ("cadre", "cadre_id"),
    "cadre_position": ("cadre", "cadre_id"),
    "cadre_document": ("cadre", "cadre_id"),
    "decision": ("cadre", "cadre_id"),
    "evaluation": ("cadre", "cadre_id"),
    "planning_entry": ("cadre", "cadre_id"),
    "appointment_procedure": ("cadre", "cadre_id"),
    "confidence_vote_result": ("cadre", "cadre_id"),
    "evaluation_product": ("evaluation", "evaluation_id"),
    "evaluation_correction": ("evaluation", "evaluation_id"),
    "appointment_step": ("procedure", "procedure_id"),
    "appointment_document": ("procedure", "procedure_id"),
}
#: Rows any office may create and that travel upward with the rows using them (courses of a training record).
SHARED_TABLES: frozenset[str] = frozenset({"training_course"})
#: Reference data: decided above, sent down in ``refdata`` packages, never sent upward.
REFDATA_TABLES: tuple[str, ...] = ("code_item", "grade", "title", "rule_set", "org_unit")

#: Order of writing: a row's parents before the row (foreign keys hold at every step).
APPLY_ORDER: tuple[str, ...] = (
    "org_unit", "org_unit_succession", "code_item", "grade", "title", "rule_set", "training_course",
    "cadre", "decision", "cadre_training", "cadre_work_history", "cadre_family", "cadre_salary", "cadre_award",
    "cadre_discipline", "cadre_position", "cadre_document", "evaluation_round", "evaluation", "evaluation_product",
    "evaluation_correction", "confidence_vote", "confidence_vote_result", "planning_entry",
    "appointment_procedure", "appointment_step", "appointment_document",
)

#: Bookkeeping columns: carried with the row image, never compared as content.
TRACKING: frozenset[str] = frozenset({"rev", "hlc", "origin_node", "updated_by", "updated_at"})
#: Columns computed locally (search texts, the search index position): never sent, recomputed on arrival.
#: (``path``/``depth`` of a unit are its place in *this* office's tree, rebuilt from the parent links.)
LOCAL_COLUMNS: frozenset[str] = frozenset({"name_sort_key", "search_fold", "search_exact", "search_info", "search_rowid",
                                           "path", "depth"})

#: Vietnamese names of the tables, for previews, receipts and conflict lists.
TABLE_LABELS: dict[str, str] = {
    "org_unit": "Đơn vị", "org_unit_succession": "Sáp nhập, chia tách đơn vị", "code_item": "Danh mục",
    "grade": "Ngạch", "title": "Chức danh", "rule_set": "Quy định", "training_course": "Khoá đào tạo",
    "cadre": "Hồ sơ cán bộ", "decision": "Quyết định", "cadre_training": "Đào tạo, bồi dưỡng",
    "cadre_work_history": "Quá trình công tác", "cadre_family": "Quan hệ gia đình", "cadre_salary": "Quá trình lương",
    "cadre_award": "Khen thưởng", "cadre_discipline": "Kỷ luật", "cadre_position": "Chức vụ đã giữ",
    "cadre_document": "Giấy tờ", "evaluation_round": "Đợt đánh giá", "evaluation": "Kết quả đánh giá",
    "evaluation_product": "Sản phẩm đánh giá", "evaluation_correction": "Đính chính đánh giá",
    "confidence_vote": "Lấy phiếu tín nhiệm", "confidence_vote_result": "Kết quả tín nhiệm",
    "planning_entry": "Quy hoạch", "appointment_procedure": "Thủ tục bổ nhiệm", "appointment_step": "Bước bổ nhiệm",
    "appointment_document": "Hồ sơ bổ nhiệm",
}


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


# --------------------------------------------------------------------------- rows and changes


@dataclass(frozen=True)
class LocalRow:
    """The local state of a row an incoming change touches."""

    rev: int
    hlc: str
    deleted: bool
    values: Mapping[str, Any]


@dataclass(frozen=True)
class IncomingChange:
    """One line of ``changes/<table>.ndjson``: the latest image of a row and what changed since ``base_rev``."""

    table: str
    row_id: str
    op: str  # I | U | D
    rev: int
    base_rev: int
    hlc: str
    origin_node: str
    changed_fields: tuple[str, ...]
    row: Mapping[str, Any]

    @property
    def deleted(self) -> bool:
        return bool(self.row.get("deleted")) or self.op == "D"


# Outcomes of ``classify``
NEW, CHANGED, DELETED, UNCHANGED, SOFT, HARD = "new", "changed", "deleted", "unchanged", "soft", "hard"


@dataclass(frozen=True)
class Outcome:
    """What to do with one incoming change.

    ``kind``: new | changed | deleted | unchanged (nothing to write) | soft (write ``merged``, flag) |
    hard (write nothing, queue). ``fields`` are the fields written (or in conflict, for hard);
    ``merged`` the full row image to write for soft conflicts.
    """

    kind: str
    fields: tuple[str, ...] = ()
    merged: Mapping[str, Any] | None = None
    local_fields: tuple[str, ...] = ()
    touch: bool = False  # unchanged content but a newer version: write it (rev, HLC) so it is forwarded upward

    @property
    def writes(self) -> bool:
        return self.kind in (NEW, CHANGED, DELETED, SOFT)


def content_fields(row: Mapping[str, Any]) -> set[str]:
    return {k for k in row if k not in TRACKING and k not in LOCAL_COLUMNS and k != "id"}


def differing(a: Mapping[str, Any], b: Mapping[str, Any], fields: Iterable[str]) -> list[str]:
    return sorted(f for f in fields if a.get(f) != b.get(f))


def classify(
    incoming: IncomingChange,
    local: LocalRow | None,
    *,
    seen: bool,
    local_changed: Iterable[str],
) -> Outcome:
    """Classify an incoming change against the local row.

    ``seen``: this exact version (rev + HLC) is already here (a re-sent row). ``local_changed``: the fields
    edited here since ``incoming.base_rev``, not counting edits received earlier from the same sender.
    """
    if local is None:
        return Outcome(DELETED if incoming.deleted else NEW, tuple(sorted(content_fields(incoming.row))))
    if seen or (incoming.rev == local.rev and incoming.hlc == local.hlc):
        return Outcome(UNCHANGED)
    mine = set(local_changed)
    theirs = set(incoming.changed_fields) & content_fields(incoming.row) if incoming.changed_fields else \
        set(differing(local.values, incoming.row, content_fields(incoming.row)))
    if not mine:  # fast-forward: the local row is the base the sender edited
        if incoming.deleted and not local.deleted:
            return Outcome(DELETED, ("deleted",))
        changed = differing(local.values, incoming.row, content_fields(incoming.row))
        if not changed and incoming.deleted == local.deleted:
            return Outcome(UNCHANGED, touch=(incoming.rev, incoming.hlc) > (local.rev, local.hlc))
        return Outcome(CHANGED, tuple(changed))
    # Both sides changed the row since the base.
    if incoming.deleted != local.deleted:
        return Outcome(HARD, ("deleted",), local_fields=tuple(sorted(mine)))
    if incoming.deleted and local.deleted:
        return Outcome(UNCHANGED)
    clash = sorted(f for f in theirs & mine if local.values.get(f) != incoming.row.get(f))
    if clash:
        return Outcome(HARD, tuple(clash), local_fields=tuple(sorted(mine)))
    take = sorted(f for f in theirs - mine if local.values.get(f) != incoming.row.get(f))
    if not take:
        return Outcome(UNCHANGED)
    merged = dict(local.values)
    for f in take:
        merged[f] = incoming.row.get(f)
    return Outcome(SOFT, tuple(take), merged=merged, local_fields=tuple(sorted(mine)))


@dataclass(frozen=True)
class LogEntry:
    """One change-log entry of a row here. ``actor`` is ``sync:<node>`` for rows written by an import."""

    seq: int
    rev: int
    hlc: str
    actor: str
    op: str
    fields: tuple[str, ...]


def sender_actor(node_id: str) -> str:
    """The change-log actor of rows written by importing a package from ``node_id``."""
    return f"sync:{node_id}"


def already_seen(history: Iterable[LogEntry], rev: int, hlc: str) -> bool:
    """This exact version of the row (rev + HLC) was written here before: the row was sent again."""
    return any(e.rev == rev and e.hlc == hlc for e in history)


def local_changes(history: Sequence[LogEntry], *, base_rev: int, sender: str) -> set[str]:
    """Fields edited here since this office received the sender's version ``base_rev`` of the row.

    Revision numbers are counted per office, so "since the base" is measured on this office's log: after the
    latest entry the sender wrote at or below ``base_rev``, every entry that no import wrote (a clerk's edit,
    a conflict resolution) is a local change. Entries the sender wrote are its own stream, never a conflict.
    """
    start = 0
    for e in history:
        if e.actor == sender and e.rev <= base_rev:
            start = max(start, e.seq)
    out: set[str] = set()
    for e in history:
        if e.seq > start and not e.actor.startswith("sync:"):
            out.update(e.fields)
            if e.op == "D":
                out.add("deleted")
    return out


# --------------------------------------------------------------------------- aggregating the change log


@dataclass
class PendingRow:
    """Change-log entries of one row folded into one outgoing change (the latest image is read separately)."""

    table: str
    row_id: str
    first_op: str
    base_rev: int
    last_seq: int
    fields: set[str] = field(default_factory=set)
    deleted: bool = False

    def op(self, deleted_now: bool) -> str:
        if deleted_now:
            return "D"
        return "I" if self.first_op == "I" else "U"


def fold_log(entries: Iterable[tuple[int, str, str, str, int, Iterable[str]]]) -> dict[tuple[str, str], PendingRow]:
    """Fold change-log entries ``(seq, table, row_id, op, base_rev, fields)`` (in seq order) per row:
    the first op, the lowest base revision, the union of changed fields."""
    out: dict[tuple[str, str], PendingRow] = {}
    for seq, table, row_id, op, base_rev, fields in entries:
        key = (table, row_id)
        p = out.get(key)
        if p is None:
            p = out[key] = PendingRow(table, row_id, op, base_rev, seq)
        else:
            p.base_rev = min(p.base_rev, base_rev)
            p.last_seq = max(p.last_seq, seq)
        p.fields.update(fields)
        if op == "D":
            p.deleted = True
    return out


# --------------------------------------------------------------------------- the package stream


@dataclass(frozen=True)
class StreamState:
    """What the receiver knows of a sender's stream of packages."""

    epoch: int
    last_seq: int
    last_sha256: str


@dataclass(frozen=True)
class PriorPackage:
    """A package with the same id already recorded here."""

    sha256: str
    status: str
    at_text: str  # dd/MM/yyyy


ACCEPT, ALREADY, REJECT, HOLD = "accept", "already_imported", "rejected", "held"


@dataclass(frozen=True)
class SequenceDecision:
    action: str
    reason: str = ""
    missing_seq: int | None = None
    new_epoch: bool = False


def decide_sequence(
    *,
    kind: str,
    package_id: str,
    sha256: str,
    epoch: int,
    seq: int,
    prev_sha256: str,
    state: StreamState,
    prior: PriorPackage | None,
) -> SequenceDecision:
    """The sequence checks of sync.md, in order.

    * the same package id already imported: the same file → nothing to do; another file → tampered;
    * data packages (delta, full) form a hash chain: a gap or a fork is held and names the missing package;
      a full package may skip numbers (it carries everything); a new epoch (a restored sender) needs a full one;
    * packages coming down (ack, refdata) are cumulative: a newer one replaces the older; an older one is refused.
    """
    if prior is not None:
        if prior.sha256 == sha256:
            return SequenceDecision(ALREADY, translate("domain.sync", "This package was already imported on {at_text}; nothing has changed.").format(at_text=prior.at_text))
        return SequenceDecision(
            REJECT, translate("domain.sync", "Another package with the same package ID but different content already exists: this package may have been altered. Not imported.")
        )
    if kind in ("ack", "refdata"):
        if epoch == state.epoch and seq <= state.last_seq:
            return SequenceDecision(REJECT, translate("domain.sync", "Package no. {seq} is older than package no. {last_seq} already received: not imported again.").format(seq=seq, last_seq=state.last_seq))
        return SequenceDecision(ACCEPT, new_epoch=epoch != state.epoch)
    if epoch < state.epoch:
        return SequenceDecision(
            REJECT, translate("domain.sync", "The package belongs to an old chain (initialisation {epoch}, now {current_epoch}) of the sending unit: not imported.").format(epoch=epoch, current_epoch=state.epoch)
        )
    if epoch > state.epoch and state.last_seq > 0:
        if kind != "full":
            return SequenceDecision(
                HOLD,
                translate("domain.sync", "The sending unit restored its data from a backup (new package chain): a FULL package is needed. Ask the sending unit to export a full package."),
            )
        return SequenceDecision(ACCEPT, new_epoch=True)
    if seq <= state.last_seq:
        return SequenceDecision(
            REJECT, translate("domain.sync", "Package no. {seq} is old (packages up to no. {last_seq} received): it may have been sent again. Not imported.").format(seq=seq, last_seq=state.last_seq)
        )
    if kind == "full":
        return SequenceDecision(ACCEPT, new_epoch=epoch != state.epoch)
    if seq > state.last_seq + 1:
        missing = state.last_seq + 1
        return SequenceDecision(
            HOLD,
            translate("domain.sync", "Package no. {missing} is missing (packages up to no. {last_seq} received, this is package no. {seq}). Import package no. {missing} first, then import this package again.").format(missing=missing, last_seq=state.last_seq, seq=seq),
            missing_seq=missing,
        )
    if state.last_seq > 0 and prev_sha256 != state.last_sha256:
        return SequenceDecision(
            HOLD,
            translate("domain.sync", "Package no. {seq} does not follow package no. {last_seq} already received (a fork). Ask the sending unit to export a full package.").format(seq=seq, last_seq=state.last_seq),
            missing_seq=state.last_seq,
        )
    return SequenceDecision(ACCEPT)
