"""SQLite storage: the connection, migrations and one repository per aggregate."""

from storage.database import Database, Transaction

__all__ = ["Database", "Transaction"]
