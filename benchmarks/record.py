"""Open a record with all its tables: the service call that reads the whole 2C record
(``services.cadres.cadre_file``) and the record editor built, filled and shown (offscreen), against
the floor: the bare SELECTs of the same rows (``sqlite3``, the person, the unit and the twelve tables).

People: the showcase person with the richest record on the district demo, and nine people drawn at random
(seed 7) from the 100,000-cadre province; the median over the people and runs is reported.

The reader is the demo's clerk ``canbo`` (a real user, so the scope check and the masking of sensitive
fields run as for any clerk; a reader with the sensitive-data permission also writes an audit entry per
view, which would change the cached databases).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.common import entry, paired_ms

BUDGET_MS = 100
READER = "canbo"
SHOWCASE = "Công Tằng Tôn Nữ Thị Bích Ngọc"  # services/demo_showcase: the fullest record (3–4 page CV)
# (table, ORDER BY) of each table the record shows, as db/repositories.CadreRepository.file reads them
CHILD_TABLES = [("cadre_training", "position, from_date"), ("cadre_work_history", "from_date, position"),
                ("cadre_family", "side, position"), ("cadre_salary", "effective"), ("cadre_award", "year"),
                ("cadre_discipline", "decided_on"), ("cadre_position", "start_date"), ("cadre_document", "kind"),
                ("decision", "effective_date"), ("evaluation", "year")]


def bare_selects(con: sqlite3.Connection, cadre_id: str) -> int:
    """The floor: every row of the record, fetched with plain SQL. Returns the number of rows."""
    person = con.execute("SELECT * FROM cadre WHERE id = ?", (cadre_id,)).fetchone()
    n = 1 + len(con.execute("SELECT * FROM org_unit WHERE id = ?", (person["owner_unit_id"],)).fetchall())
    for table, order in CHILD_TABLES:
        n += len(con.execute(f"SELECT * FROM {table} WHERE cadre_id = ? AND deleted = 0 ORDER BY {order}",
                             (cadre_id,)).fetchall())
    return n


def pick_people(path: Path, k: int, seed: int = 7) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ids = [r[0] for r in con.execute("SELECT id FROM cadre WHERE deleted = 0 AND trashed_at IS NULL ORDER BY id")]
        showcase = [r[0] for r in con.execute("SELECT id FROM cadre WHERE full_name = ?", (SHOWCASE,))]
    finally:
        con.close()
    if k == 1 and showcase:
        return showcase[:1]
    return random.Random(seed).sample(ids, k)


def _measure(path: Path, people: list[str], *, editor: bool, repeat: int) -> dict[str, Any]:
    from canbo_desktop.services.cadres import cadre_file
    from canbo_desktop.services.database import open_database

    db = open_database(str(path))
    uowf = db.uow(READER)
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    service, floor, ui, rows = [], [], [], []
    try:
        for cid in people:
            s, f = paired_ms(partial(cadre_file, uowf, cid), partial(bare_selects, con, cid),
                             repeat=repeat, warmup=1)
            service.append(s)
            floor.append(f)
            rows.append(bare_selects(con, cid))
        if editor:
            ui = _editor_times(uowf, people, repeat)
    finally:
        con.close()
        db.close()
    return {"service": statistics.median(service), "floor": statistics.median(floor),
            "editor": statistics.median(ui) if ui else None, "rows": statistics.median(rows)}


def _editor_times(uowf: Any, people: list[str], repeat: int) -> list[float]:
    """The editor as the main window opens it: built, its record read (synchronously here), shown and
    painted; closed and deleted between runs. The editor builds the tab it shows (the first) at open and
    each other tab on its first view (issue 13), so this is the time until the clerk sees the record."""
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from canbo_desktop.services import refdata
    from canbo_desktop.ui.dialogs.cadre_editor import CadreEditor
    from canbo_desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    from canbo_desktop.ui import i18n

    i18n.install("vi")  # the Vietnamese catalogue, as the application installs it
    codes = refdata.code_choices(uowf)  # the main window reads these once at start-up
    tasks = TaskRunner(synchronous=True)
    times = []
    for cid in people:
        for i in range(repeat + 1):
            t = time.perf_counter()
            ed = CadreEditor(uowf, tasks, codes, cid)
            ed.show()
            app.processEvents()
            if i:  # the first one warms Qt's caches (fonts, styles)
                times.append((time.perf_counter() - t) * 1000)
            ed.close()
            ed.deleteLater()
            app.processEvents()
    return times


def run_record_benchmark(district: Path, province: Path, *, repeat: int = 5) -> list[dict[str, Any]]:
    out = []
    for label, path, k in (("showcase person, district", district, 1), ("random people, 100k", province, 9)):
        people = pick_people(path, k)
        m = _measure(path, people, editor=True, repeat=repeat)
        floor = "bare SELECTs of the same rows (sqlite3)"
        out.append(entry(f"open a record: service, {label}", "record", median=round(m["service"], 2), budget=BUDGET_MS,
                         floor=floor, floor_value=round(m["floor"], 3), rows=m["rows"], people=len(people)))
        out.append(entry(f"open a record: editor shown, {label}", "record", median=round(m["editor"], 1),
                         budget=BUDGET_MS, floor=floor, floor_value=round(m["floor"], 3), rows=m["rows"],
                         people=len(people)))
    return out


def main(argv: list[str]) -> int:
    from benchmarks.common import district_db, format_table, province_db

    print(format_table(run_record_benchmark(district_db(), province_db())))
    sys.stdout.flush()
    os._exit(0)  # PySide6 teardown at exit can crash; the results are printed


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
