//! Fuzzes the Open SDG indicator metadata reader: the YAML front matter of `meta/<id>.md` and flat
//! `<id>.yml` files, read directly and attached to a small valid CSV (`indicator_1-1-1.csv`) during
//! an import, as the import page and `vigie-check` do.
//!
//! Metadata may rename an indicator and give its unit, but never make a valid data file fail.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::i18n::Lang;
use vigie_core::ingest::{decode, import, import_with, meta, ImportOptions, ProblemKind};

/// The Open SDG starter's indicator 1.1.1 data file (tests/fixtures/real/open-sdg-starter).
const CSV: &[u8] = b"Year,Group,Value\n2015,A,1\n2015,B,3\n2015,,2\n2016,A,1\n2016,B,3\n2016,,2\n";

fuzz_target!(|data: &[u8]| {
    let (text, _) = decode::decode(data, None);
    let fields = meta::front_matter(&text);
    for (k, v) in &fields {
        assert_eq!(k.trim(), k, "keys are trimmed");
        assert!(!k.contains('\n') && !v.contains('\n'), "{k:?}: {v:?}");
    }
    let (name, unit) = meta::name_and_unit(&fields);
    assert_eq!(name.trim(), name);
    assert_eq!(unit.trim(), unit);

    let opts = ImportOptions::default();
    for companion in ["1-1-1.md", "meta/1-1-1.yml", "1-1-1.yaml"] {
        let r = import_with("indicator_1-1-1.csv", CSV, &[(companion, data)], &opts);
        let ds = r
            .dataset
            .as_ref()
            .expect("metadata never refuses valid data");
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(ds.observations.len(), 6);
        for ind in &ds.indicators {
            if !name.is_empty() {
                assert_eq!(
                    (ind.name.fr.as_str(), ind.name.en.as_str()),
                    (name.as_str(), name.as_str())
                );
            }
            if !unit.is_empty() {
                assert_eq!(ind.unit.fr, unit);
            }
        }
    }

    // Alone, a metadata file is refused with a sentence saying to import it with its data.
    let r = import("1-1-1.md", data, &opts);
    assert!(!r.ok());
    if let Some(p) = r.problems.first() {
        if p.kind == ProblemKind::MetadataOnly {
            assert!(!Lang::Fr.problem(p).is_empty() && !Lang::En.problem(p).is_empty());
        }
    }
});
