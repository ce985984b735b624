"""Loads an export's CSV with pandas using the types of its Frictionless descriptor, as a researcher would.

usage: read_with_schema.py DATAPACKAGE.json RESOURCE FILE.csv  -> prints a JSON report on stdout
"""
import json
import sys

import pandas as pd

descriptor_path, resource_name, csv_path = sys.argv[1:4]
with open(descriptor_path, encoding="utf-8") as f:
    descriptor = json.load(f)
resource = next(r for r in descriptor["resources"] if r["name"] == resource_name)
fields = resource["schema"]["fields"]

PANDAS = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean", "array": "string"}
dtypes = {f["name"]: PANDAS[f["type"]] for f in fields if f["type"] in PANDAS}
true_values = sorted({v for f in fields for v in f.get("trueValues", [])})
false_values = sorted({v for f in fields for v in f.get("falseValues", [])})

frame = pd.read_csv(
    csv_path,
    dtype=dtypes,
    keep_default_na=False,
    na_values=resource["schema"]["missingValues"],
    true_values=true_values,
    false_values=false_values,
    encoding=resource["encoding"],
)
for f in fields:
    if f["type"] in ("datetime", "date"):
        frame[f["name"]] = pd.to_datetime(frame[f["name"]], utc=True)
lists = {}
for f in fields:
    if f["type"] == "array":
        values = [json.loads(v) for v in frame[f["name"]].dropna()]
        lists[f["name"]] = all(isinstance(v, list) for v in values)

print(json.dumps({
    "rows": len(frame),
    "columns": list(frame.columns),
    "dtypes": {name: str(dtype) for name, dtype in frame.dtypes.items()},
    "lists_are_arrays": lists,
    "sums": {f["name"]: float(frame[f["name"]].sum()) for f in fields if f["type"] == "number"},
}))
