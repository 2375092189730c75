"""Two of the Pinterest analytics queries over the Delta tables written by the example jobs.

Run from the repository root after the jobs (scripts/demo.sh), with the interop venv that
scripts/test.sh creates:

    .venv-interop/bin/python Examples/pinterest/analytics.py [tables]

It reads the tables twice, independently of Sluice: with DuckDB's delta extension (SQL) and
with delta-rs + pyarrow, and prints both results.
"""
import os
import sys

import duckdb
import duckdb_extension_delta
from deltalake import DeltaTable

root = sys.argv[1] if len(sys.argv) > 1 else "tables"
extension = os.path.join(
    os.path.dirname(duckdb_extension_delta.__file__), "extensions", "v1.5.5", "delta.duckdb_extension"
)
con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
con.execute(f"LOAD '{extension}'")

print("Q1 most popular category per country (pin ⋈ geo, deduplicated, ties kept) — DuckDB")
print(con.sql(f"""
    WITH pin AS (SELECT DISTINCT * FROM delta_scan('{root}/pin')),
         geo AS (SELECT DISTINCT * FROM delta_scan('{root}/geo')),
         counts AS (SELECT g.country, p.category, count(*) AS category_count
                    FROM pin p JOIN geo g ON p.ind = g.ind GROUP BY ALL)
    SELECT country, category, category_count FROM counts
    QUALIFY rank() OVER (PARTITION BY country ORDER BY category_count DESC) = 1
    ORDER BY country, category LIMIT 10"""))

print("Q6 users joined per year, 2015-2020 (user rows, deduplicated) — DuckDB")
print(con.sql(f"""
    SELECT year(date_joined) AS post_year, count(*) AS number_users_joined
    FROM (SELECT DISTINCT * FROM delta_scan('{root}/user'))
    WHERE year(date_joined) BETWEEN 2015 AND 2020
    GROUP BY ALL ORDER BY post_year"""))

print("Q6 again with delta-rs + pyarrow")
users = DeltaTable(f"{root}/user").to_pyarrow_table().to_pandas().drop_duplicates()
years = users["date_joined"].dt.year
print(years[(years >= 2015) & (years <= 2020)].value_counts().sort_index().rename("number_users_joined"))
