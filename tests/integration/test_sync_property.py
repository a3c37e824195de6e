"""Property: random edits in two communes and packages carried to the district in any order (late, twice, out
of order) converge: once everything has arrived, the district holds exactly each commune's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canbo_desktop.db import models as m
from tests.integration.sync_fixtures import Office, clone, sync_trio  # noqa: F401 (fixture)

OFFICES = ("A", "B")
FIELDS = ("phone", "hometown", "email")

op = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(OFFICES)),
    st.tuples(st.just("edit"), st.sampled_from(OFFICES), st.integers(0, 9), st.sampled_from(FIELDS),
              st.sampled_from(["0912000111", "Nghệ An", "x@ubnd.vn", "Hà Tĩnh", ""])),
    st.tuples(st.just("delete"), st.sampled_from(OFFICES), st.integers(0, 9)),
    st.tuples(st.just("export"), st.sampled_from(OFFICES)),
    st.tuples(st.just("deliver"), st.sampled_from(OFFICES), st.integers(0, 9)),
)


def _content(office: Office, tables: tuple[str, ...] = ("cadre", "evaluation", "cadre_family")) -> dict[str, dict[str, object]]:
    snap = office.snapshot(tables)
    return {t: {i: r for i, r in rows.items()} for t, rows in snap.items()}


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(ops=st.lists(op, max_size=8))
def test_any_order_of_syncs_converges(sync_trio: dict[str, Office], tmp_path_factory: pytest.TempPathFactory,  # noqa: F811
                                      ops: list[tuple[object, ...]]) -> None:
    o = clone(sync_trio, tmp_path_factory.mktemp("prop"))
    try:
        d = o["D"]
        people: dict[str, list[str]] = {k: sorted(o[k].cadre_ids()) for k in OFFICES}
        pending: dict[str, list[Path]] = {k: [] for k in OFFICES}
        n = 0
        for step in ops:
            kind, who = str(step[0]), str(step[1])
            office = o[who]
            if kind == "add":
                n += 1
                people[who].append(office.add_cadre(f"Nguyễn Văn Thử {who}{n}"))
            elif kind == "edit" and people[who]:
                cid = people[who][int(step[2]) % len(people[who])]  # type: ignore[call-overload]
                office.edit(m.CadreRecord, cid, **{str(step[3]): step[4]})
            elif kind == "delete" and people[who]:
                cid = people[who][int(step[2]) % len(people[who])]  # type: ignore[call-overload]
                office.edit(m.CadreRecord, cid, deleted=True)
            elif kind == "export":
                pending[who].append(office.export().path)
            elif kind == "deliver" and pending[who]:
                path = pending[who][int(step[2]) % len(pending[who])]  # type: ignore[call-overload]
                res = d.import_(path)
                assert res.status in ("applied", "already_imported", "held", "rejected"), res.reason
                assert res.counts.get("hard", 0) == 0 and res.counts.get("soft", 0) == 0  # nobody edits at D
                if res.status != "held":
                    pending[who].remove(path)
        # Everything still on the sticks arrives in order, then one last package from each commune.
        for who in OFFICES:
            for path in pending[who]:
                d.import_(path)
            last = d.import_(o[who].export().path)
            assert last.status == "applied", last.reason
        mine = _content(d)
        for who in OFFICES:
            theirs = _content(o[who])
            for table, rows in theirs.items():
                for row_id, row in rows.items():
                    if table == "cadre" and row["owner_unit_id"] != o[who].unit_id():
                        continue
                    assert mine[table].get(row_id) == row, (who, table, row_id)
        union = o["A"].cadre_ids() | o["B"].cadre_ids()
        assert d.cadre_ids() - union == set()  # nothing else appears (the ids are the rows' own: no duplicates)
    finally:
        for x in o.values():
            x.db.close()
