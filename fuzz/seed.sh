#!/bin/sh
# Seeds each fuzz target's corpus from ../../shared/data (files under 64 KiB) and the test fixtures.
# Run from the fuzz/ folder: ./seed.sh
set -e
for t in import_any sniff csv_scan periods_numbers containers; do mkdir -p corpus/$t; done
find ../../shared/data ../tests/fixtures -type f -size -64k ! -name PROVENANCE.txt | while read -r f; do
  n=$(echo "$f" | sed 's|^[./]*||' | tr '/' '_')
  for t in import_any sniff csv_scan; do cp "$f" "corpus/$t/$n"; done
done
cp ../tests/fixtures/containers/* ../tests/fixtures/bad/sheet.xlsx ../tests/fixtures/bad/data.csv.gz corpus/containers/ 2>/dev/null || true
for p in 2019 2019/2020 2019/20 2019-Q1 2019-T1 "T1 - 2019" 2019-03 2019M03 "janv. 2019" 2019-03-18 18/03/2019 "79.2 e" ": c" "1 234,5" "1.234.567,5"; do
  printf '%s' "$p" > "corpus/periods_numbers/$(printf '%s' "$p" | md5sum | cut -c1-8)"
done
