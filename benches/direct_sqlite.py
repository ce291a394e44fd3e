"""The direct insert `benches/scale.sh` puts beside `rileva load` on SQLite: the rows `load`
stored, read back from SOURCE, inserted into an empty copy of the same tables in DEST through
one prepared statement (`executemany`) in one transaction, as a DBA would. Prints the seconds
the insert and its commit took (reading and creating the tables are not counted).

usage: python benches/direct_sqlite.py SOURCE.db DEST.db TABLE
"""
import sqlite3
import subprocess
import sys
import time

source, dest, table = sys.argv[1:4]
schema = subprocess.run(["sqlite3", source, ".schema"], capture_output=True, text=True, check=True).stdout
rows = sqlite3.connect(source).execute(f'SELECT * FROM "{table}"').fetchall()
db = sqlite3.connect(dest, isolation_level=None)
db.executescript(schema)
marks = ", ".join("?" * len(rows[0]))
start = time.perf_counter()
db.execute("BEGIN")
db.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
db.execute("COMMIT")
print(f"{time.perf_counter() - start:.2f}")
