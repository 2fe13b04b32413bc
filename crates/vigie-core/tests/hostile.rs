//! The hostile-input corpus: files a stranger could hand Vigie to crash it, exhaust its memory or
//! make it read outside what it was given. Each case is built here, in memory (the big ones would
//! not belong in the repository), imported through the same entry the import worker uses, and must
//! end in a readable, located refusal (or, where the file is legitimately readable, in the right
//! values), without a panic and within the memory bound the import enforces.
//!
//! The bound: an import never takes more than `BOUND_FACTOR` times the file's size plus
//! `BOUND_FIXED` bytes at its peak (the decoded text, the scanned records and the typed columns);
//! an inflated member (gzip, an XLSX part) is cut at `ingest::zip::LIMIT` before it is read. A
//! counting allocator measures each case's peak.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use vigie_core::ingest::{import_with, ImportOptions, ImportReport, ProblemKind};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = NOW.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Ordering::Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            if new > l.size() {
                let now = NOW.fetch_add(new - l.size(), Ordering::Relaxed) + new - l.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                NOW.fetch_sub(l.size() - new, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The peak memory of an import may reach this many times the file's size…
const BOUND_FACTOR: usize = 8;
/// …plus this (an inflated member's limit and the reader's fixed tables).
const BOUND_FIXED: usize = vigie_core::ingest::zip::LIMIT + (64 << 20);

/// Cases run one at a time, their inputs built inside the lock too, so that each one's peak is
/// its own (the counter sees every thread's allocations).
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// Imports `bytes` as `name` (with companions) and returns the report and the peak bytes taken
/// above what was allocated before.
fn measured(name: &str, bytes: &[u8], companions: &[(&str, &[u8])]) -> (ImportReport, usize) {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let report = import_with(name, bytes, companions, &ImportOptions::default());
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    (report, peak)
}

/// Imports a hostile case and checks the bound; returns the report for the case's own checks.
fn hostile(name: &str, bytes: &[u8], companions: &[(&str, &[u8])]) -> ImportReport {
    let (report, peak) = measured(name, bytes, companions);
    let size = bytes.len() + companions.iter().map(|(_, b)| b.len()).sum::<usize>();
    let bound = BOUND_FACTOR * size + BOUND_FIXED;
    eprintln!(
        "{name}: {} bytes, peak {} MiB (bound {} MiB): {}",
        size,
        peak >> 20,
        bound >> 20,
        report
            .problems
            .first()
            .map(|p| p.to_string())
            .unwrap_or_else(|| format!("imported, {} observations", report.counts.observations))
    );
    assert!(
        peak <= bound,
        "{name}: peak {peak} bytes over the bound {bound}"
    );
    report
}

/// A refusal whose first problem names the file and has the kind `want`; returns its message.
fn refused(report: &ImportReport, want: fn(&ProblemKind) -> bool) -> String {
    assert!(
        report.dataset.is_none(),
        "{}: imported, expected a refusal",
        report.file
    );
    let p = report.problems.first().expect("a refusal says why");
    assert!(want(&p.kind), "{}: {p:?}", report.file);
    assert!(!p.file.is_empty());
    let message = p.to_string();
    assert!(message.contains("expected"), "{message}");
    message
}

// ---- Builders of compressed bombs and archives (no compressor is needed: the deflate stream is
// written by hand with fixed Huffman codes).

/// Writes bits least significant first, as deflate reads them.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn new() -> Bits {
        Bits {
            out: Vec::new(),
            acc: 0,
            n: 0,
        }
    }
    fn put(&mut self, value: u64, bits: u32) {
        self.acc |= value << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code, written most significant bit first.
    fn code(&mut self, code: u64, bits: u32) {
        let mut r = 0;
        for i in 0..bits {
            r |= ((code >> i) & 1) << (bits - 1 - i);
        }
        self.put(r, bits);
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A raw deflate stream inflating to `prefix` then `byte` repeated about `size` times: one fixed
/// Huffman block of a literal then 258-byte copies at distance 1 (13 bits each).
fn deflate_bomb(prefix: &[u8], byte: u8, size: usize) -> Vec<u8> {
    let mut b = Bits::new();
    b.put(1, 1); // The last block…
    b.put(1, 2); // …with fixed Huffman codes.
    let literal = |b: &mut Bits, c: u8| {
        if c < 144 {
            b.code(0x30 + c as u64, 8)
        } else {
            b.code(0x190 + (c as u64 - 144), 9)
        }
    };
    for &c in prefix {
        literal(&mut b, c);
    }
    literal(&mut b, byte);
    for _ in 0..size / 258 {
        b.code(0xC5, 8); // Length 258 (code 285)…
        b.code(0, 5); // …at distance 1.
    }
    b.code(0, 7); // End of block.
    b.finish()
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn gzip_of_deflate(deflate: &[u8], crc: u32, size: u32) -> Vec<u8> {
    let mut g = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
    g.extend_from_slice(deflate);
    g.extend_from_slice(&crc.to_le_bytes());
    g.extend_from_slice(&size.to_le_bytes());
    g
}

/// One zip entry: its name, method (0 stored, 8 deflate), data as stored, and the CRC and size
/// the directory declares.
struct ZipEntry<'a> {
    name: &'a str,
    method: u16,
    data: Vec<u8>,
    crc: u32,
    size: u32,
}

fn stored<'a>(name: &'a str, data: &[u8]) -> ZipEntry<'a> {
    ZipEntry {
        name,
        method: 0,
        data: data.to_vec(),
        crc: crc32(data),
        size: data.len() as u32,
    }
}

fn zip(entries: &[ZipEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut dir = Vec::new();
    for e in entries {
        let local = out.len() as u32;
        let head = |sig: &[u8], out: &mut Vec<u8>, central: bool| {
            out.extend_from_slice(sig);
            if central {
                out.extend_from_slice(&20u16.to_le_bytes());
            }
            out.extend_from_slice(&20u16.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&e.method.to_le_bytes());
            out.extend_from_slice(&[0, 0, 0x21, 0]);
            out.extend_from_slice(&e.crc.to_le_bytes());
            out.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
            out.extend_from_slice(&e.size.to_le_bytes());
            out.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            if central {
                out.extend_from_slice(&[0; 10]);
                out.extend_from_slice(&local.to_le_bytes());
            }
            out.extend_from_slice(e.name.as_bytes());
        };
        head(b"PK\x03\x04", &mut out, false);
        out.extend_from_slice(&e.data);
        head(b"PK\x01\x02", &mut dir, true);
    }
    let at = out.len() as u32;
    out.extend_from_slice(&dir);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(dir.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;
const WORKBOOK: &str = r#"<?xml version="1.0"?><workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

fn sheet(rows: &str) -> String {
    format!(r#"<?xml version="1.0"?><worksheet><sheetData>{rows}</sheetData></worksheet>"#)
}

fn good_sheet() -> String {
    sheet(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c></row><row r="2"><c r="A2"><v>2020</v></c><c r="B2"><v>1.5</v></c></row>"#,
    )
}

fn xlsx(extra: Vec<ZipEntry>, sheet_entry: ZipEntry) -> Vec<u8> {
    let mut e = vec![
        stored("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        stored("xl/workbook.xml", WORKBOOK.as_bytes()),
        sheet_entry,
    ];
    e.extend(extra);
    zip(&e)
}

// ---- The cases.

#[test]
fn the_builders_make_what_a_reader_accepts() {
    let _one = serial();
    // A good workbook from the same builders imports: the refusals below are the hostile parts'.
    let book = xlsx(
        vec![],
        stored("xl/worksheets/sheet1.xml", good_sheet().as_bytes()),
    );
    let r = hostile("good.xlsx", &book, &[]);
    assert!(r.dataset.is_some(), "{:?}", r.problems);
    // And a small deflate stream from the bomb builder inflates to what it says.
    let d = deflate_bomb(b"year,value\n2020,", b'1', 258 * 4);
    let gz = gzip_of_deflate(&d, 0, 0);
    let inflated = vigie_core::ingest::zip::gunzip(&gz).unwrap();
    assert_eq!(inflated.len(), "year,value\n2020,".len() + 1 + 258 * 4);
}

#[test]
fn a_gzip_bomb_is_cut_at_the_inflate_limit() {
    let _one = serial();
    // 6.5 MB that would inflate to 1 GiB.
    let d = deflate_bomb(b"year,value\n2020,", b'1', 1 << 30);
    let r = hostile("bomb.csv.gz", &gzip_of_deflate(&d, 0, 0), &[]);
    let m = refused(&r, |k| matches!(k, ProblemKind::UnreadableGzip { .. }));
    assert!(m.contains("256 MiB"), "{m}");
}

#[test]
fn an_xlsx_bomb_is_cut_at_the_inflate_limit() {
    let _one = serial();
    let d = deflate_bomb(
        b"<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>",
        b'9',
        1 << 30,
    );
    let entry = ZipEntry {
        name: "xl/worksheets/sheet1.xml",
        method: 8,
        data: d,
        crc: 0,
        size: u32::MAX,
    };
    let r = hostile("bomb.xlsx", &xlsx(vec![], entry), &[]);
    let m = refused(&r, |k| matches!(k, ProblemKind::UnreadableXlsx { .. }));
    assert!(m.contains("256 MiB"), "{m}");
}

#[test]
fn xml_entity_declarations_in_an_xlsx_part_are_refused() {
    let _one = serial();
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"#;
    let r = hostile(
        "laughs.xlsx",
        &xlsx(
            vec![],
            stored("xl/worksheets/sheet1.xml", laughs.as_bytes()),
        ),
        &[],
    );
    let m = refused(&r, |k| matches!(k, ProblemKind::UnreadableXlsx { .. }));
    assert!(
        m.contains("DOCTYPE") && m.contains("xl/worksheets/sheet1.xml"),
        "{m}"
    );
}

#[test]
fn zip_entries_with_traversal_names_bad_crcs_or_a_truncated_directory_are_refused() {
    let _one = serial();
    let good = good_sheet();
    let traversal = xlsx(
        vec![stored("../../../../tmp/evil.sh", b"rm -rf /")],
        stored("xl/worksheets/sheet1.xml", good.as_bytes()),
    );
    let m = refused(&hostile("traversal.xlsx", &traversal, &[]), |k| {
        matches!(k, ProblemKind::UnreadableXlsx { .. })
    });
    assert!(m.contains("../../../../tmp/evil.sh"), "{m}");

    let mut bad = stored("xl/worksheets/sheet1.xml", good.as_bytes());
    bad.crc ^= 1;
    let m = refused(&hostile("bad_crc.xlsx", &xlsx(vec![], bad), &[]), |k| {
        matches!(k, ProblemKind::UnreadableXlsx { .. })
    });
    assert!(m.contains("checksum"), "{m}");

    let whole = xlsx(vec![], stored("xl/worksheets/sheet1.xml", good.as_bytes()));
    for cut in [whole.len() - 10, whole.len() - 30, whole.len() / 2, 40] {
        let r = hostile("truncated.xlsx", &whole[..cut], &[]);
        refused(&r, |k| matches!(k, ProblemKind::UnreadableXlsx { .. }));
    }
    // The end record kept, the directory before it cut short: its entries run past the end.
    let eocd = whole.len() - 22;
    let mut short = whole[..eocd - 30].to_vec();
    short.extend_from_slice(&whole[eocd..]);
    let m = refused(&hostile("short_directory.xlsx", &short, &[]), |k| {
        matches!(k, ProblemKind::UnreadableXlsx { .. })
    });
    assert!(m.contains("directory") || m.contains("truncated"), "{m}");
}

#[test]
fn json_nested_a_million_deep_is_refused_where_the_depth_runs_out() {
    let _one = serial();
    let mut deep = "[".repeat(1_000_000);
    deep += &"]".repeat(1_000_000);
    let r = hostile("deep.json", deep.as_bytes(), &[]);
    refused(&r, |k| matches!(k, ProblemKind::InvalidJson { .. }));
    let p = &r.problems[0];
    assert_eq!(p.line, 1);
    assert!(p.column > 1 && p.column < 1000, "{p:?}");
    // The same as a Data Package descriptor's field.
    let pkg = format!("{{\"resources\": {}}}", "[".repeat(1_000_000));
    refused(&hostile("datapackage.json", pkg.as_bytes(), &[]), |k| {
        matches!(k, ProblemKind::InvalidJson { .. })
    });
}

#[test]
fn a_200_mb_line_is_read_within_the_bound() {
    let _one = serial();
    let mut line = b"year,value\n2020,".to_vec();
    line.resize(line.len() + 200_000_000, b'7');
    line.push(b'\n');
    let r = hostile("long_line.csv", &line, &[]);
    let m = refused(&r, |_| true);
    assert!(m.starts_with("long_line.csv:2:"), "{m}");
}

#[test]
fn a_million_columns_are_refused_at_the_header() {
    let _one = serial();
    let mut text = String::from("year");
    for i in 0..1_000_000 {
        text += &format!(",c{i}");
    }
    text += "\n2020";
    text += &",1".repeat(1_000_000);
    text += "\n";
    let r = hostile("wide.csv", text.as_bytes(), &[]);
    let m = refused(&r, |k| matches!(k, ProblemKind::TooManyColumns { .. }));
    assert!(m.starts_with("wide.csv:1:"), "{m}");
}

fn utf16(text: &str, big: bool) -> Vec<u8> {
    let mut out = if big {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn utf32(text: &str, big: bool) -> Vec<u8> {
    let mut out = if big {
        vec![0, 0, 0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE, 0, 0]
    };
    for c in text.chars() {
        let u = c as u32;
        out.extend_from_slice(&if big {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_and_utf32_files_are_read_with_their_values() {
    let _one = serial();
    let text = "année;valeur\n2019;1,5\n2020;2,25\n";
    for (name, bytes) in [
        ("u16le.csv", utf16(text, false)),
        ("u16be.csv", utf16(text, true)),
        ("u32le.csv", utf32(text, false)),
        ("u32be.csv", utf32(text, true)),
    ] {
        let r = hostile(name, &bytes, &[]);
        let ds = r
            .dataset
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: {:?}", r.problems));
        let values: Vec<f64> = ds
            .observations
            .iter()
            .map(|o| o.value.unwrap_or(f64::NAN))
            .collect();
        assert_eq!(values, [1.5, 2.25], "{name}");
    }
}

#[test]
fn nul_bytes_are_refused_where_the_first_one_is() {
    let _one = serial();
    let mut bytes = b"year,value\n".to_vec();
    for y in 2000..3000 {
        bytes.extend_from_slice(format!("{y},1\n").as_bytes());
    }
    bytes.extend_from_slice(b"3000,1\0\n");
    let r = hostile("nul.csv", &bytes, &[]);
    let m = refused(&r, |k| matches!(k, ProblemKind::BinaryFile));
    assert!(m.starts_with("nul.csv:1002:7:"), "{m}");
}

#[test]
fn cr_only_line_ends_are_read_as_lines() {
    let _one = serial();
    let r = hostile("mac.csv", b"year,value\r2019,1.5\r2020,2.5\r", &[]);
    let ds = r
        .dataset
        .as_ref()
        .unwrap_or_else(|| panic!("{:?}", r.problems));
    assert_eq!(ds.observations.len(), 2);
    let bad = hostile("mac_bad.csv", b"year,value\r2019,1.5\r2020,abc\r", &[]);
    let p = bad
        .problems
        .iter()
        .chain(&bad.warnings)
        .next()
        .expect("the bad cell is named");
    assert_eq!((p.line, p.column), (3, 6), "{p:?}");
}

const OPEN_SDG: &[u8] = b"Year,Value\n2015,10\n2020,12\n";

#[test]
fn yaml_alias_bombs_in_open_sdg_metadata_are_not_expanded() {
    let _one = serial();
    let mut yaml = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='j' {
        yaml += &format!(
            "{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        );
        prev = c;
    }
    yaml += "indicator_name: Bomb\ncomputation_units: kt\n---\n";
    let r = hostile(
        "indicator_1-1-1.csv",
        OPEN_SDG,
        &[("1-1-1.md", yaml.as_bytes())],
    );
    let ds = r
        .dataset
        .as_ref()
        .unwrap_or_else(|| panic!("{:?}", r.problems));
    assert!(format!("{:?}", ds.indicators[0].unit).contains("kt"));
}

#[test]
fn ten_mb_of_front_matter_is_read_within_the_bound() {
    let _one = serial();
    let mut md = String::from("---\nindicator_name: Big\ncomputation_units: kt\n");
    while md.len() < 10 << 20 {
        md += "national_geographical_coverage: >-\n  Le Havre Seine Métropole, a very long note repeated to fill the front matter\n";
    }
    md += "---\n";
    let r = hostile(
        "indicator_1-1-1.csv",
        OPEN_SDG,
        &[("1-1-1.md", md.as_bytes())],
    );
    assert!(r.dataset.is_some() || !r.problems.is_empty());
    if let Some(ds) = &r.dataset {
        assert_eq!(ds.observations.len(), 2);
    }
}
