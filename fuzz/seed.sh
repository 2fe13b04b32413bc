#!/bin/sh
# Seeds each fuzz target's corpus from ../../shared/data (files under 64 KiB), the test fixtures and
# the default Data Package (public/data/lhsm).
# Run from the fuzz/ folder: ./seed.sh
set -e
for t in import_any sniff csv_scan periods_numbers containers datapackage metadata; do mkdir -p corpus/$t; done
find ../../shared/data ../tests/fixtures -type f -size -64k ! -name PROVENANCE.txt | while read -r f; do
  n=$(echo "$f" | sed 's|^[./]*||' | tr '/' '_')
  for t in import_any sniff csv_scan; do cp "$f" "corpus/$t/$n"; done
done
cp ../tests/fixtures/containers/* ../tests/fixtures/bad/sheet.xlsx ../tests/fixtures/bad/data.csv.gz corpus/containers/ 2>/dev/null || true
for p in 2019 2019/2020 2019/20 2019-Q1 2019-T1 "T1 - 2019" 2019-03 2019M03 "janv. 2019" 2019-03-18 18/03/2019 "79.2 e" ": c" "1 234,5" "1.234.567,5"; do
  printf '%s' "$p" > "corpus/periods_numbers/$(printf '%s' "$p" | md5sum | cut -c1-8)"
done

# The datapackage target reads the descriptor, then its resources, separated by NUL bytes: each real
# package is seeded whole and cut to its first lines (faster runs, same structure).
mkdir -p corpus/datapackage corpus/metadata
pack() {
  out=$1; dir=$2; shift 2
  { cat "$dir/datapackage.json"; for f in "$@"; do printf '\000'; $CUT "$dir/$f"; done; } > "$out"
}
CUT=cat pack corpus/datapackage/lhsm ../public/data/lhsm axes.csv projects.csv indicators.csv observations.csv
CUT="head -n 4" pack corpus/datapackage/lhsm-head ../public/data/lhsm axes.csv projects.csv indicators.csv observations.csv
CUT="head -n 12" pack corpus/datapackage/gdp-2014 ../tests/fixtures/real/frictionless-gdp-2014 data/gdp_2014.csv
cp ../tests/fixtures/bad/datapackage.json corpus/datapackage/bad
# The metadata target reads one Open SDG metadata file (Markdown front matter or flat YAML).
cp ../tests/fixtures/real/open-sdg-*/meta/* corpus/metadata/
