//! Round trips on generated input: observations through the columnar chunk codec and the worker's
//! packed transfer come back bit for bit, damaged bytes are refused with an error (never a panic), and
//! periods and dates print to the text they parse from, in an order consistent with their dates.
#![cfg(not(target_arch = "wasm32"))]

use proptest::collection::vec;
use proptest::prelude::*;
use vigie_core::columns::{
    chunk_rows, decode_chunk_into, decode_chunks, encode_chunk, encode_chunks, ChunkEncoder,
    ColumnsError, RowView, CHUNK_ROWS, FORMAT_VERSION, MAGIC,
};
use vigie_core::ingest::import::import_compact;
use vigie_core::ingest::transfer::{pack, pack_imported, unpack, Received, TransferError};
use vigie_core::ingest::{import, import_with, ImportOptions, ImportReport};
use vigie_core::model::{Dataset, Indicator, Observation, Provenance, Series, Text};
use vigie_core::period::{days_in_month, Date, Period};

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/// Texts: empty, ASCII codes, and any printable or control characters (non-ASCII included).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z0-9_.-]{1,8}",
        Just("é€😀\u{2028}\"\\\n\t".to_owned()),
        "\\PC{0,12}",
        ".{0,6}",
    ]
}

fn indicator_id() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec!["co2", "déchets", "気温", "a\"b", "", "x y"]).prop_map(str::to_owned),
        1 => text(),
    ]
}

/// Any period of any kind; `years` bounds the year, days exist in their month.
fn period_in(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = Period> {
    let y = years.clone();
    prop_oneof![
        y.clone().prop_map(Period::Year),
        (y.clone(), 1u8..=4).prop_map(|(y, q)| Period::Quarter(y, q)),
        (y.clone(), 1u8..=12).prop_map(|(y, m)| Period::Month(y, m)),
        (y, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| Period::Day(y, m, d.min(days_in_month(y, m)))),
    ]
}

/// Values: ordinary, negative, fractional, huge, tiny, and every f64 bit pattern (NaN payloads,
/// infinities, subnormals, negative zero): the codec stores values as their bits.
fn value() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        1 => Just(None),
        2 => (-1e6f64..1e6).prop_map(Some),
        1 => prop::sample::select(vec![
            0.0, -0.0, 1e300, -1e300, f64::MAX, f64::MIN, f64::MIN_POSITIVE, 5e-324, -5e-324,
            f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -f64::NAN, 0.1, -2.5, 1.0 / 3.0,
        ]).prop_map(Some),
        1 => any::<u64>().prop_map(|b| Some(f64::from_bits(b))),
    ]
}

fn provenance() -> impl Strategy<Value = Provenance> {
    prop::sample::select(vec![
        Provenance::Report,
        Provenance::Illustrative,
        Provenance::Imported,
    ])
}

fn observation() -> impl Strategy<Value = Observation> {
    (
        indicator_id(),
        period_in(i32::MIN..=i32::MAX),
        value(),
        provenance(),
        text(),
        prop_oneof![2 => Just(None), 1 => (0u32..5).prop_map(Some), 1 => any::<u32>().prop_map(Some)],
        prop_oneof![2 => Just(String::new()), 1 => text()],
    )
        .prop_map(
            |(indicator, period, value, provenance, note, series, flag)| Observation {
                indicator,
                period,
                value,
                provenance,
                note,
                // `u32::MAX` is the codec's mark for "no series": a series index never reaches it
                // (indexes into `Dataset::series`), so the generator stays below it.
                series: series.map(|s| s.min(u32::MAX - 1)),
                flag,
            },
        )
}

/// An observation compared bit for bit (`f64`'s `==` has NaN unequal to itself and -0 equal to 0).
type Key = (
    String,
    Period,
    Option<u64>,
    Provenance,
    String,
    Option<u32>,
    String,
);

fn key(o: &Observation) -> Key {
    (
        o.indicator.clone(),
        o.period,
        o.value.map(f64::to_bits),
        o.provenance,
        o.note.clone(),
        o.series,
        o.flag.clone(),
    )
}

fn keys(rows: &[Observation]) -> Vec<Key> {
    rows.iter().map(key).collect()
}

fn view(o: &Observation) -> RowView<'_> {
    RowView {
        indicator: &o.indicator,
        period: o.period,
        value: o.value,
        provenance: o.provenance,
        note: &o.note,
        series: o.series,
        flag: &o.flag,
    }
}

// ---------------------------------------------------------------------------------------------
// a. The columnar chunk codec
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn chunks_decode_to_the_rows_they_encode(
        rows in vec(observation(), 0..40),
        before in vec(observation(), 0..3),
    ) {
        let chunk = encode_chunk(&rows);
        prop_assert_eq!(chunk_rows(&chunk), Some(rows.len()));
        prop_assert!(chunk.starts_with(MAGIC));
        // Decoding appends after what `out` already holds.
        let mut out = before.clone();
        decode_chunk_into(&chunk, &mut out).unwrap();
        prop_assert_eq!(keys(&out[..before.len()]), keys(&before));
        prop_assert_eq!(keys(&out[before.len()..]), keys(&rows));
        // Through the many-chunk entry points too.
        let chunks = encode_chunks(&rows);
        prop_assert_eq!(chunks.len(), rows.len().div_ceil(CHUNK_ROWS));
        let back = decode_chunks(chunks.iter().map(Vec::as_slice)).unwrap();
        prop_assert_eq!(keys(&back), keys(&rows));
    }

    /// The encoder fed row by row, by runs sharing indicator, period and provenance, or planned
    /// for more rows than it gets, writes the same bytes as `encode_chunk`.
    #[test]
    fn the_chunk_encoder_writes_the_same_bytes_however_it_is_fed(
        rows in vec(observation(), 0..30),
        slack in 0usize..5,
        runs in vec((indicator_id(), period_in(1990..=2030), provenance(), 1usize..6), 0..6),
    ) {
        let reference = encode_chunk(&rows);

        let mut e = ChunkEncoder::new(rows.len() + slack);
        for o in &rows {
            e.push(view(o));
        }
        prop_assert_eq!(e.len(), rows.len());
        prop_assert_eq!(e.is_empty(), rows.is_empty());
        let mut framed = vec![7u8];
        e.write(&mut framed, true);
        let len = u32::from_le_bytes([framed[1], framed[2], framed[3], framed[4]]) as usize;
        prop_assert_eq!(len, framed.len() - 5);
        prop_assert_eq!(&framed[5..], reference.as_slice());

        // Runs: each (indicator, period, provenance) repeated with the generated rows' values,
        // series, notes and flags.
        let expanded: Vec<Observation> = runs
            .iter()
            .flat_map(|(id, p, prov, n)| {
                (0..*n).map(|k| {
                    let src = rows.get(k % rows.len().max(1));
                    Observation {
                        indicator: id.clone(),
                        period: *p,
                        value: src.and_then(|o| o.value),
                        provenance: *prov,
                        note: src.map(|o| o.note.clone()).unwrap_or_default(),
                        series: src.and_then(|o| o.series),
                        flag: src.map(|o| o.flag.clone()).unwrap_or_default(),
                    }
                })
            })
            .collect();
        let mut e = ChunkEncoder::new(expanded.len());
        let mut at = 0;
        for (id, p, prov, n) in &runs {
            let run = &expanded[at..at + n];
            e.push_run(id, *p, *prov, *n, |k| {
                (run[k].value, run[k].series, run[k].note.as_str(), run[k].flag.as_str())
            });
            at += n;
        }
        let chunk = e.finish();
        prop_assert_eq!(&chunk, &encode_chunk(&expanded));
        prop_assert_eq!(keys(&decode_chunks([chunk.as_slice()]).unwrap()), keys(&expanded));
    }

    /// Every strict prefix, and the chunk with bytes after it, is refused.
    #[test]
    fn truncated_or_extended_chunks_are_refused(
        rows in vec(observation(), 0..12),
        extra in vec(any::<u8>(), 1..4),
    ) {
        let chunk = encode_chunk(&rows);
        for cut in 0..chunk.len() {
            let mut out = Vec::new();
            prop_assert!(decode_chunk_into(&chunk[..cut], &mut out).is_err(), "cut at {}", cut);
        }
        let mut longer = chunk.clone();
        longer.extend_from_slice(&extra);
        prop_assert_eq!(decode_chunks([longer.as_slice()]), Err(ColumnsError::Truncated));
    }

    /// Damage to the header is always refused; damage anywhere else is refused or decodes to
    /// some rows, but never panics.
    #[test]
    fn corrupted_chunks_are_errors_not_panics(
        rows in vec(observation(), 1..12),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        other_count in any::<u32>(),
        flips in vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let chunk = encode_chunk(&rows);

        let mut bad = chunk.clone();
        let i = at.index(4);
        bad[i] = bad[i].wrapping_add(byte.max(1));
        prop_assert_eq!(decode_chunks([bad.as_slice()]), Err(ColumnsError::BadMagic));
        prop_assert_eq!(chunk_rows(&bad), None);

        let mut bad = chunk.clone();
        bad[4] = FORMAT_VERSION + 1 + byte % (255 - FORMAT_VERSION);
        prop_assert_eq!(
            decode_chunks([bad.as_slice()]),
            Err(ColumnsError::NewerFormat(bad[4]))
        );

        // Another row count: every fixed-width column then has the wrong length.
        if other_count as usize != rows.len() {
            let mut bad = chunk.clone();
            bad[5..9].copy_from_slice(&other_count.to_le_bytes());
            prop_assert!(decode_chunks([bad.as_slice()]).is_err());
        }

        // One more or one fewer section than the chunk holds.
        let mut bad = chunk.clone();
        bad[9] += 1;
        prop_assert!(decode_chunks([bad.as_slice()]).is_err());
        let mut bad = chunk.clone();
        bad[9] -= 1;
        prop_assert!(decode_chunks([bad.as_slice()]).is_err());

        // Anywhere: must not panic (the result may be an error or other rows).
        let mut bad = chunk.clone();
        for (i, b) in &flips {
            let i = i.index(bad.len());
            bad[i] ^= b | 1;
        }
        let mut out = Vec::new();
        let _ = decode_chunk_into(&bad, &mut out);
        let _ = chunk_rows(&bad);
    }
}

proptest! {
    // Each case encodes more than a chunk's worth of rows: few cases.
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn rows_across_chunk_boundaries_come_back_in_order(
        pattern in vec(observation(), 1..20),
        over in 0usize..3,
        under in 0usize..3,
    ) {
        let n = CHUNK_ROWS + over - under;
        let rows: Vec<Observation> = (0..n).map(|i| pattern[i % pattern.len()].clone()).collect();
        let chunks = encode_chunks(&rows);
        prop_assert_eq!(chunks.len(), n.div_ceil(CHUNK_ROWS));
        prop_assert_eq!(chunk_rows(&chunks[0]), Some(n.min(CHUNK_ROWS)));
        let back = decode_chunks(chunks.iter().map(Vec::as_slice)).unwrap();
        prop_assert_eq!(back.len(), n);
        prop_assert!(back.iter().zip(&rows).all(|(a, b)| key(a) == key(b)));
    }
}

// ---------------------------------------------------------------------------------------------
// b. The worker's packed transfer
// ---------------------------------------------------------------------------------------------

/// A real report of a successful import (so that every field holds what the importer writes), its
/// dataset replaced by `ds`.
fn report_with(ds: Dataset) -> ImportReport {
    let mut r = import(
        "seed.csv",
        b"indicator,year,value\nco2,2020,1\n",
        &ImportOptions::default(),
    );
    assert!(r.ok(), "{:?}", r.problems);
    r.dataset = Some(ds);
    r
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        vec((indicator_id(), text()), 0..4),
        vec((indicator_id(), vec((text(), text()), 0..3)), 0..4),
        vec(observation(), 0..30),
        text(),
    )
        .prop_map(|(inds, series, observations, name)| {
            let mut ds = Dataset {
                indicators: inds
                    .iter()
                    .map(|(id, name)| Indicator::new(id, Text::new(name, "")))
                    .collect(),
                series: series
                    .into_iter()
                    .map(|(indicator, dimensions)| Series {
                        indicator,
                        dimensions,
                    })
                    .collect(),
                observations,
                ..Dataset::default()
            };
            ds.programme.name = Text::new(&name, "en");
            ds
        })
}

fn same_dataset(a: &Dataset, b: &Dataset) -> bool {
    a.programme == b.programme
        && a.axes == b.axes
        && a.projects == b.projects
        && a.indicators == b.indicators
        && a.series == b.series
        && keys(&a.observations) == keys(&b.observations)
}

/// Checks that `packed` reads back as `expect` through every reader, and that no strict prefix of
/// it is taken for an answer.
fn check_packed(packed: &[u8], expect: &ImportReport) -> Result<(), TestCaseError> {
    let ds = expect.dataset.as_ref().expect("a dataset");
    let whole = unpack(packed).unwrap();
    prop_assert!(same_dataset(whole.dataset.as_ref().unwrap(), ds));
    let mut without = whole.clone();
    without.dataset = None;
    let mut expect_without = expect.clone();
    expect_without.dataset = None;
    prop_assert_eq!(&without, &expect_without);

    let got = Received::read(packed).unwrap();
    prop_assert!(got.ok());
    prop_assert!(got.report.dataset.is_none());
    prop_assert_eq!(&got.report, &expect_without);
    prop_assert_eq!(got.observations(), ds.observations.len());
    prop_assert_eq!(
        got.chunks().len(),
        ds.observations.len().div_ceil(CHUNK_ROWS)
    );
    let head = got.head(packed).unwrap().unwrap();
    prop_assert_eq!(&head.indicators, &ds.indicators);
    prop_assert_eq!(&head.series, &ds.series);
    prop_assert!(same_dataset(&got.dataset(packed).unwrap().unwrap(), ds));

    let piecewise = Received::read_with(packed.len(), |at, n| {
        packed.get(at..at.checked_add(n)?).map(<[u8]>::to_vec)
    })
    .unwrap();
    prop_assert_eq!(piecewise.chunks(), got.chunks());

    for cut in 0..packed.len() {
        let part = &packed[..cut];
        prop_assert!(
            matches!(
                Received::read(part),
                Err(TransferError::Truncated | TransferError::BadMagic | TransferError::Json(_))
            ),
            "Received::read accepts the answer cut at {} of {}",
            cut,
            packed.len()
        );
        prop_assert!(
            unpack(part).is_err(),
            "unpack accepts the answer cut at {} of {}",
            cut,
            packed.len()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A dataset built from generated observations goes through `pack` and comes back equal.
    #[test]
    fn a_packed_dataset_reads_back_equal(ds in dataset()) {
        let report = report_with(ds);
        let packed = pack(report.clone());
        check_packed(&packed, &report)?;
    }

    /// A generated CSV, imported and packed from the reader's compact rows, reads back as the
    /// direct import, whose observations are the generated rows.
    #[test]
    fn a_packed_csv_import_reads_back_as_the_direct_import(
        rows in vec(
            (
                prop::sample::select(vec!["co2", "déchets", "eau_potable", "A-1"]),
                prop::sample::select(vec!["AT", "FR", "Île-de-France", "x, \"y\""]),
                1900i32..2100,
                -100_000_000i64..100_000_000,
                prop::sample::select(vec!["", "p", "e", "b"]),
            ),
            1..40,
        ),
    ) {
        // One row per (indicator, geo, year): a duplicate would be a problem, not an observation.
        let mut seen = std::collections::HashSet::new();
        let rows: Vec<_> = rows.into_iter().filter(|r| seen.insert((r.0, r.1, r.2))).collect();
        let mut csv = String::from("indicator,geo,year,value,flag\n");
        for (ind, geo, year, cents, flag) in &rows {
            let geo = if geo.contains(['"', ',']) {
                format!("\"{}\"", geo.replace('"', "\"\""))
            } else {
                geo.to_string()
            };
            csv.push_str(&format!("{ind},{geo},{year},{},{flag}\n", *cents as f64 / 100.0));
        }
        let opts = ImportOptions::default();
        let direct = import_with("gen.csv", csv.as_bytes(), &[], &opts);
        prop_assert!(direct.ok(), "{:?}\n{}", direct.problems, csv);
        let ds = direct.dataset.as_ref().unwrap();
        prop_assert_eq!(ds.observations.len(), rows.len());
        for (ind, geo, year, cents, flag) in &rows {
            let found = ds.observations.iter().any(|o| {
                o.indicator == *ind
                    && o.period == Period::Year(*year)
                    && o.value == Some(*cents as f64 / 100.0)
                    && o.flag == *flag
                    && ds.dimensions_of(o).iter().any(|(n, v)| n == "geo" && v == geo)
            });
            prop_assert!(found, "{} {} {} {} not imported", ind, geo, year, cents);
        }

        let compact = import_compact("gen.csv", csv.as_bytes(), &[], &opts, &mut |_, _| true);
        prop_assert!(compact.rows.is_some());
        let packed = pack_imported(compact);
        prop_assert_eq!(&packed, &pack(direct.clone()));
        check_packed(&packed, &direct)?;
    }
}

#[test]
fn a_refused_answer_reads_back_and_its_prefixes_are_refused() {
    let refused = import("bad.csv", b"a,b\n1,\"open\n", &ImportOptions::default());
    assert!(!refused.ok());
    let packed = pack(refused.clone());
    assert_eq!(unpack(&packed).unwrap(), refused);
    let got = Received::read(&packed).unwrap();
    assert!(!got.ok() && got.chunks().is_empty());
    assert_eq!(got.dataset(&packed).unwrap(), None);
    for cut in 0..packed.len() {
        assert!(Received::read(&packed[..cut]).is_err(), "cut at {cut}");
        assert!(unpack(&packed[..cut]).is_err(), "cut at {cut}");
    }
}

// ---------------------------------------------------------------------------------------------
// c. Periods and dates
// ---------------------------------------------------------------------------------------------

/// Years `Period::parse` reads: four digits.
const PARSED_YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

fn date_in(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = Date> {
    (years, 1u8..=12, 1u8..=31)
        .prop_map(|(y, m, d)| Date::new(y, m, d.min(days_in_month(y, m))).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn periods_print_to_the_text_they_parse_from(p in period_in(PARSED_YEARS)) {
        let text = p.to_string();
        prop_assert_eq!(Period::parse(&text), Ok(p), "{}", text);
        prop_assert_eq!(Period::parse(&format!(" {text}\t")), Ok(p));
    }

    /// Any text in the canonical shapes that parses prints back to a text that parses the same.
    #[test]
    fn parsed_periods_print_back_to_the_same_period(
        text in "[0-9]{4}(-[QT][0-9]|-[0-9]{2}(-[0-9]{2})?)?",
    ) {
        if let Ok(p) = Period::parse(&text) {
            prop_assert_eq!(Period::parse(&p.to_string()), Ok(p));
            if !text.contains('T') {
                prop_assert_eq!(p.to_string(), text);
            }
        }
    }

    #[test]
    fn periods_order_by_their_start_dates(
        p in period_in(-3000..=3000),
        q in period_in(-3000..=3000),
    ) {
        let (a, b) = (p.first_day(), q.first_day());
        if a < b {
            prop_assert!(p < q, "{} starts before {}", p, q);
        }
        if p < q {
            prop_assert!(a <= b, "{} sorts before {}", p, q);
        }
        prop_assert_eq!(p == q, p.cmp(&q) == std::cmp::Ordering::Equal);
        prop_assert_eq!(p.cmp(&q), q.cmp(&p).reverse());
        // The start on the fractional-year axis follows the same order.
        if a < b {
            prop_assert!(p.as_year_fraction() < q.as_year_fraction());
        }
    }

    #[test]
    fn periods_span_from_their_first_to_their_last_day(p in period_in(-3000..=3000)) {
        let (first, last) = (p.first_day(), p.last_day());
        prop_assert!(first <= last);
        prop_assert_eq!(p.start(), (first.year, first.month, first.day));
        prop_assert!(p.is_over_by(last));
        prop_assert!(!p.is_over_by(Date::from_days(last.days() - 1)));
        prop_assert_eq!(p.end_year_fraction(), last.next_day().year_fraction(), "{}", p);
        let len = last.days() - first.days() + 1;
        let expected = match p {
            Period::Year(_) => 365..=366,
            Period::Quarter(..) => 90..=92,
            Period::Month(..) => 28..=31,
            Period::Day(..) => 1..=1,
        };
        prop_assert!(expected.contains(&len), "{} lasts {} days", p, len);
    }

    #[test]
    fn dates_print_to_the_text_they_parse_from(d in date_in(PARSED_YEARS)) {
        prop_assert_eq!(Date::parse(&d.to_string()), Ok(d), "{}", d);
    }

    #[test]
    fn dates_order_like_their_day_numbers(
        d in date_in(-9999..=9999),
        e in date_in(-9999..=9999),
        months in -2400i32..2400,
    ) {
        prop_assert_eq!(d.cmp(&e), d.days().cmp(&e.days()));
        prop_assert_eq!(Date::from_days(d.days()), d);
        prop_assert_eq!(d.next_day().days(), d.days() + 1);
        prop_assert_eq!(Date::from_year_fraction(d.year_fraction()), Some(d), "{}", d);
        let later = d.add_months(months);
        prop_assert!(Date::new(later.year, later.month, later.day).is_some());
        prop_assert_eq!(
            later.year * 12 + i32::from(later.month),
            d.year * 12 + i32::from(d.month) + months
        );
        prop_assert_eq!(later.day, d.day.min(days_in_month(later.year, later.month)));
    }
}
