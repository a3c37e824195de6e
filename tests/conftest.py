"""Shared fixtures: real SQLite files copied from migrated templates (creating them once is cheap)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CANBO_FAST_HASH"] = "1"  # cheap Argon2 parameters in tests only
# Qt settings (window state, language) of the tests go to a folder of their own, one per test process.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="canbo-test-config-")
atexit.register(shutil.rmtree, os.environ["XDG_CONFIG_HOME"], True)
os.environ.setdefault("CANBO_CLI_TRUST", "1")  # CLI tests act as --user without a password (cli/common.authenticate)

from canbo_desktop.services.database import Database, open_database  # noqa: E402
from canbo_desktop.services.demo import create_demo_database  # noqa: E402

PASSWORD = "matkhau-thu-nghiem"

# `HYPOTHESIS_PROFILE=soak` (make soak): the fuzzers (tests/unit/test_fuzz_*.py) run many more examples.
from hypothesis import settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("soak", max_examples=2000, deadline=None)
if os.environ.get("HYPOTHESIS_PROFILE"):
    _hyp_settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])

# `CANBO_TEST_BACKEND=postgres` runs the tests that take a Database fixture (empty_db, demo_db, district_db)
# against a real PostgreSQL server instead of SQLite files (`make unit-postgres`; `make test` runs both).
BACKEND = os.environ.get("CANBO_TEST_BACKEND", "sqlite")


DB_FIXTURES = frozenset({"empty_db", "demo_db", "district_db", "pg_db", "pg_server"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL run, keep the tests that work on a Database fixture, less what only means something
    for a SQLite file (its bytes, pragmas, FTS5, file-copy backups): the rest runs in the SQLite pass.
    Reported as deselected, with the count."""
    if BACKEND != "postgres":
        return

    def on_postgres(item: pytest.Item) -> bool:
        # A test that takes no Database fixture does the same work on both runs: it runs once, in the SQLite pass.
        uses_db = bool(DB_FIXTURES & set(getattr(item, "fixturenames", ())))
        return uses_db and item.get_closest_marker("sqlite_only") is None

    keep = [i for i in items if on_postgres(i)]
    dropped = [i for i in items if not on_postgres(i)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


@pytest.fixture(scope="session", autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Never touch the real user data directory from a test."""
    d = tmp_path_factory.mktemp("canbo-data")
    old = os.environ.get("CANBO_DATA_DIR")
    os.environ["CANBO_DATA_DIR"] = str(d)
    os.environ.pop("CANBO_DB", None)
    yield
    if old is None:
        os.environ.pop("CANBO_DATA_DIR", None)
    else:
        os.environ["CANBO_DATA_DIR"] = old


def _copy_db(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "empty.db"
    db = open_database(str(path), create=True)
    db.close()
    return path


@pytest.fixture(scope="session")
def small_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "small-demo.db"
    db = open_database(str(path), create=True)
    create_demo_database(db, size="small", seed=7)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def empty_db_path(empty_template: Path, tmp_path: Path) -> Path:
    return _copy_db(empty_template, tmp_path / "canbo.db")


@pytest.fixture
def demo_db_path(small_demo_template: Path, tmp_path: Path) -> Path:
    return _copy_db(small_demo_template, tmp_path / "demo.db")


@pytest.fixture
def empty_db(request: pytest.FixtureRequest) -> Iterator[Database]:
    if BACKEND == "postgres":
        yield from _pg_copy(request.getfixturevalue("pg_server"), request.getfixturevalue("pg_templates")["empty"])
        return
    db = open_database(str(request.getfixturevalue("empty_db_path")))
    yield db
    db.close()


@pytest.fixture
def demo_db(request: pytest.FixtureRequest) -> Iterator[Database]:
    if BACKEND == "postgres":
        yield from _pg_copy(request.getfixturevalue("pg_server"), request.getfixturevalue("pg_templates")["demo"])
        return
    db = open_database(str(request.getfixturevalue("demo_db_path")))
    yield db
    db.close()


@pytest.fixture(scope="session")
def district_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The district demo (2,000 cadres), shared read-only by the tests that only query it."""
    if BACKEND == "postgres":
        url = _pg_create(request.getfixturevalue("pg_server"), "canbo_tpl_district")
        db = open_database(url, create=True)
    else:
        db = open_database(str(tmp_path_factory.mktemp("tpl") / "district.db"), create=True)
    create_demo_database(db, size="district", seed=1)
    yield db
    db.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a real PostgreSQL server (started for the session unless CANBO_TEST_DB_URL is given)."""
    from tests.pg_server import TempPostgres

    server = TempPostgres()
    url = server.start()
    yield url
    server.stop()


def _pg_url(server: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _pg_admin(server: str, sql: str) -> None:
    from sqlalchemy import create_engine

    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        admin.dispose()


def _pg_create(server: str, name: str, template: str = "template0") -> str:
    _pg_admin(server, f'CREATE DATABASE {name} TEMPLATE {template} ENCODING "UTF8"')
    return _pg_url(server, name)


def _pg_copy(server: str, template: str) -> Iterator[Database]:
    """A fresh database for one test, copied from a migrated template (a file copy on the server: fast)."""
    import uuid

    name = "canbo_test_" + uuid.uuid4().hex[:12]
    db = open_database(_pg_create(server, name, template))
    yield db
    db.close()
    _pg_admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def pg_templates(pg_server: str) -> dict[str, str]:
    """Migrated template databases on the server: empty, and the small demo (the SQLite templates' twins)."""
    empty = open_database(_pg_create(pg_server, "canbo_tpl_empty"), create=True)
    empty.close()
    demo = open_database(_pg_create(pg_server, "canbo_tpl_demo"), create=True)
    create_demo_database(demo, size="small", seed=7)
    demo.close()
    return {"empty": "canbo_tpl_empty", "demo": "canbo_tpl_demo"}


@pytest.fixture
def pg_db(pg_server: str, pg_templates: dict[str, str]) -> Iterator[Database]:
    """A fresh, migrated PostgreSQL database for one test (created and dropped around it)."""
    yield from _pg_copy(pg_server, pg_templates["empty"])
