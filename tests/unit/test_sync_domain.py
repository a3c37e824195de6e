"""Pure sync decisions: conflict classification, the local-change rule, folding the change log, the stream."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from canbo_desktop.domain.sync import (
    ACCEPT,
    ALREADY,
    HOLD,
    REJECT,
    IncomingChange,
    LocalRow,
    LogEntry,
    PriorPackage,
    StreamState,
    already_seen,
    classify,
    decide_sequence,
    fold_log,
    local_changes,
)

FIELDS = ("phone", "email", "hometown", "given_name")


def change(row: dict[str, Any], *, rev: int = 2, base: int = 1, fields: tuple[str, ...] = (), op: str = "U",
           hlc: str = "0000000000000002-00000") -> IncomingChange:
    return IncomingChange("cadre", "c1", op, rev, base, hlc, "nodeA", fields, {"id": "c1", **row})


def local(row: dict[str, Any], rev: int = 1, deleted: bool = False) -> LocalRow:
    return LocalRow(rev, "0000000000000001-00000", deleted, {"id": "c1", "deleted": deleted, **row})


def test_new_row() -> None:
    out = classify(change({"phone": "1"}, op="I", base=0), None, seen=False, local_changed=())
    assert out.kind == "new"


def test_fast_forward_changes_only_differing_fields() -> None:
    out = classify(change({"phone": "2", "email": "a"}, fields=("phone",)), local({"phone": "1", "email": "a"}),
                   seen=False, local_changed=())
    assert (out.kind, out.fields) == ("changed", ("phone",))


def test_seen_version_is_unchanged() -> None:
    out = classify(change({"phone": "2"}), local({"phone": "1"}), seen=True, local_changed=())
    assert out.kind == "unchanged"


def test_soft_merge_keeps_both_sides() -> None:
    out = classify(change({"phone": "1", "email": "new@x"}, fields=("email",)), local({"phone": "9", "email": ""}),
                   seen=False, local_changed=("phone",))
    assert out.kind == "soft" and out.fields == ("email",)
    assert out.merged is not None and out.merged["phone"] == "9" and out.merged["email"] == "new@x"


def test_same_field_different_values_is_hard() -> None:
    out = classify(change({"phone": "2"}, fields=("phone",)), local({"phone": "9"}), seen=False, local_changed=("phone",))
    assert (out.kind, out.fields) == ("hard", ("phone",))


def test_same_field_same_value_is_no_conflict() -> None:
    out = classify(change({"phone": "9"}, fields=("phone",)), local({"phone": "9"}), seen=False, local_changed=("phone",))
    assert out.kind == "unchanged"


def test_delete_against_edit_is_hard_both_ways() -> None:
    out = classify(change({"phone": "1", "deleted": True}, op="D"), local({"phone": "9"}), seen=False,
                   local_changed=("phone",))
    assert (out.kind, out.fields) == ("hard", ("deleted",))
    out2 = classify(change({"phone": "2"}, fields=("phone",)), local({"phone": "1"}, deleted=True), seen=False,
                    local_changed=("deleted",))
    assert out2.kind == "hard"


def test_local_changes_ignore_the_senders_own_stream() -> None:
    hist = [LogEntry(1, 1, "h1", "sync:A", "I", ()), LogEntry(2, 2, "h2", "sync:A", "U", ("phone",)),
            LogEntry(3, 3, "h3", "clerk", "U", ("email",))]
    assert local_changes(hist, base_rev=1, sender="sync:A") == {"email"}
    assert local_changes(hist[:2], base_rev=1, sender="sync:A") == set()  # only the sender's own later edit
    assert already_seen(hist, 2, "h2") and not already_seen(hist, 2, "hX")


def test_fold_log_keeps_first_op_lowest_base_and_all_fields() -> None:
    out = fold_log([(1, "cadre", "c1", "I", 0, ["phone"]), (5, "cadre", "c1", "U", 1, ["email"]),
                    (7, "cadre", "c2", "U", 3, ["phone"]), (9, "cadre", "c2", "D", 4, [])])
    c1, c2 = out[("cadre", "c1")], out[("cadre", "c2")]
    assert (c1.first_op, c1.base_rev, c1.fields, c1.last_seq) == ("I", 0, {"phone", "email"}, 5)
    assert c1.op(False) == "I" and c2.op(True) == "D" and c2.base_rev == 3


values = st.sampled_from(["", "a", "b", "c"])
rows = st.fixed_dictionaries({f: values for f in FIELDS})


@settings(max_examples=200, deadline=None)
@given(base=rows, mine=rows, theirs=rows)
def test_classification_never_loses_a_value(base: dict[str, str], mine: dict[str, str], theirs: dict[str, str]) -> None:
    """Three-way: whatever both sides did, a written result keeps every local change and every incoming change
    unless they clash, and a clash is never written silently."""
    my_fields = tuple(f for f in FIELDS if mine[f] != base[f])
    their_fields = tuple(f for f in FIELDS if theirs[f] != base[f])
    assume(their_fields)  # an empty list means "every field" (a full package): covered by the hard-conflict tests
    out = classify(change(theirs, fields=their_fields), local(mine, rev=5), seen=False, local_changed=my_fields)
    clash = [f for f in set(my_fields) & set(their_fields) if mine[f] != theirs[f]]
    if clash:
        assert out.kind == "hard" and set(out.fields) == set(clash)
        return
    if not my_fields:
        result = {f: theirs[f] for f in FIELDS} if out.kind == "changed" else dict(mine)
    elif out.kind == "soft":
        assert out.merged is not None
        result = {f: out.merged[f] for f in FIELDS}
    else:
        assert out.kind == "unchanged"
        result = dict(mine)
    for f in FIELDS:
        want = mine[f] if f in my_fields else theirs[f] if f in their_fields else base[f]
        if not my_fields and not their_fields:
            want = mine[f]
        assert result[f] == want, (f, base, mine, theirs, out)


def state(last: int = 3, sha: str = "s3", epoch: int = 1) -> StreamState:
    return StreamState(epoch, last, sha)


def test_sequence_in_order_is_accepted() -> None:
    d = decide_sequence(kind="delta", package_id="p4", sha256="s4", epoch=1, seq=4, prev_sha256="s3", state=state(),
                        prior=None)
    assert d.action == ACCEPT


def test_sequence_same_package_again_and_tampered_copy() -> None:
    prior = PriorPackage("s4", "applied", "21/11/2026")
    same = decide_sequence(kind="delta", package_id="p4", sha256="s4", epoch=1, seq=4, prev_sha256="s3",
                           state=state(4, "s4"), prior=prior)
    assert same.action == ALREADY and "21/11/2026" in same.reason
    other = decide_sequence(kind="delta", package_id="p4", sha256="sX", epoch=1, seq=4, prev_sha256="s3",
                            state=state(4, "s4"), prior=prior)
    assert other.action == REJECT and "sửa" in other.reason


def test_sequence_gap_fork_replay_and_epochs() -> None:
    gap = decide_sequence(kind="delta", package_id="p6", sha256="s6", epoch=1, seq=6, prev_sha256="s5", state=state(),
                          prior=None)
    assert gap.action == HOLD and gap.missing_seq == 4 and "Thiếu gói số 4" in gap.reason
    fork = decide_sequence(kind="delta", package_id="p4", sha256="s4", epoch=1, seq=4, prev_sha256="zz",
                           state=state(), prior=None)
    assert fork.action == HOLD
    old = decide_sequence(kind="delta", package_id="pX", sha256="sX", epoch=1, seq=2, prev_sha256="s1", state=state(),
                          prior=None)
    assert old.action == REJECT
    full_skips = decide_sequence(kind="full", package_id="p9", sha256="s9", epoch=1, seq=9, prev_sha256="",
                                 state=state(), prior=None)
    assert full_skips.action == ACCEPT
    restored_delta = decide_sequence(kind="delta", package_id="q1", sha256="q", epoch=2, seq=2, prev_sha256="",
                                     state=state(), prior=None)
    assert restored_delta.action == HOLD and "ĐẦY ĐỦ" in restored_delta.reason
    restored_full = decide_sequence(kind="full", package_id="q1", sha256="q", epoch=2, seq=2, prev_sha256="",
                                    state=state(), prior=None)
    assert restored_full.action == ACCEPT and restored_full.new_epoch
    older_epoch = decide_sequence(kind="full", package_id="q0", sha256="q", epoch=0, seq=9, prev_sha256="",
                                  state=state(), prior=None)
    assert older_epoch.action == REJECT


def test_down_packages_are_cumulative() -> None:
    newer = decide_sequence(kind="ack", package_id="a9", sha256="x", epoch=1, seq=9, prev_sha256="", state=state(),
                            prior=None)
    older = decide_sequence(kind="ack", package_id="a2", sha256="y", epoch=1, seq=2, prev_sha256="", state=state(),
                            prior=None)
    assert newer.action == ACCEPT and older.action == REJECT


@settings(max_examples=100, deadline=None)
@given(last=st.integers(0, 50), seq=st.integers(1, 60), linked=st.booleans())
def test_sequence_decisions_are_total(last: int, seq: int, linked: bool) -> None:
    d = decide_sequence(kind="delta", package_id="p", sha256="s", epoch=1, seq=seq,
                        prev_sha256="h" if linked else "other", state=StreamState(1, last, "h" if last else ""), prior=None)
    if seq <= last:
        assert d.action == REJECT
    elif seq > last + 1:
        assert d.action == HOLD and d.missing_seq == last + 1
    elif last == 0 or linked:
        assert d.action == ACCEPT
    else:
        assert d.action == HOLD
