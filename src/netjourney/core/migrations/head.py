"""The newest migration's revision, for the plain sqlite3 reading (core/quick_read.py),
which must not glob the migrations nor import Alembic to know it. A new migration
changes it too; tests/core/test_quick_read.py fails until it does."""

HEAD_REVISION = "0008_decisions"
HEAD_USER_VERSION = int(HEAD_REVISION.split("_", 1)[0])  # each migration sets PRAGMA user_version
