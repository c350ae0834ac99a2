#!/usr/bin/env python3
"""Every exported record matches schema/record.schema.json: ingests samples/ and the dev set's
text PDFs (../shared/corpus/dev/pdf) into one archive, exports it and validates each record
with a JSON Schema Draft 2020-12 validator. Lists every invalid record and fails on any."""
import json
import os

import jsonschema

import common


def main():
    args = common.parse_args(__doc__)
    with open(os.path.join(args.source_dir, "schema", "record.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    records = common.export_records(args.binary, os.path.join(args.source_dir, "samples"),
                                    common.dev_dir(args, "pdf"))
    if not records:
        common.fail("the export holds no records")
    bad = 0
    for rec in records:
        errors = sorted(validator.iter_errors(rec), key=lambda e: list(e.absolute_path))
        if errors:
            bad += 1
            print(f"{common.source_name(rec)} id={rec.get('id', '?')}:")
            for e in errors:
                path = "/" + "/".join(str(p) for p in e.absolute_path)
                print(f"    at {path}: {e.message}")
    print(f"{len(records)} records, {bad} invalid")
    if bad:
        common.fail(f"{bad} of {len(records)} records do not match schema/record.schema.json")
    print("PASS: every record matches the schema")


if __name__ == "__main__":
    main()
