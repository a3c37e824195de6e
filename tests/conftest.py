"""Shared fixtures: real SQLite files copied from migrated templates (creating them once is cheap)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CANBO_FAST_HASH"] = "1"  # cheap Argon2 parameters in tests only

from canbo_desktop.services.database import Database, open_database  # noqa: E402
from canbo_desktop.services.demo import create_demo_database  # noqa: E402

PASSWORD = "matkhau-thu-nghiem"


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


@pytest.fixture(scope="session")
def district_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The district demo (2,000 cadres), shared read-only by the tests that only query it."""
    path = tmp_path_factory.mktemp("tpl") / "district.db"
    db = open_database(str(path), create=True)
    create_demo_database(db, size="district", seed=1)
    yield db
    db.close()


@pytest.fixture
def empty_db_path(empty_template: Path, tmp_path: Path) -> Path:
    return _copy_db(empty_template, tmp_path / "canbo.db")


@pytest.fixture
def empty_db(empty_db_path: Path) -> Iterator[Database]:
    db = open_database(str(empty_db_path))
    yield db
    db.close()


@pytest.fixture
def demo_db_path(small_demo_template: Path, tmp_path: Path) -> Path:
    return _copy_db(small_demo_template, tmp_path / "demo.db")


@pytest.fixture
def demo_db(demo_db_path: Path) -> Iterator[Database]:
    db = open_database(str(demo_db_path))
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


@pytest.fixture
def pg_db(pg_server: str) -> Iterator[Database]:
    """A fresh, migrated PostgreSQL database for one test (created and dropped around it)."""
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = "canbo_test_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE {name} TEMPLATE template0 ENCODING "UTF8"')
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    db = open_database(url, create=True)
    yield db
    db.close()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.dispose()
