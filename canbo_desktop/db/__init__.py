"""Data access: SQLAlchemy models, engine, unit of work, repositories, migrations runner."""
