//! Numbering what rows repeat, so that millions of observations cost no text each: the series table
//! (an indicator and its dimensions, one buffer of keys), the interner of notes and flags, and the Fx
//! hasher their maps use. Knows nothing of roles, shapes or files.

use crate::model::Series;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the Fx hash of rustc) for the import's own maps.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
            self.write_u64(u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]));
            rest = tail;
        }
        if !rest.is_empty() {
            let mut w = 0u64;
            for (k, &byte) in rest.iter().enumerate() {
                w |= u64::from(byte) << (8 * k);
            }
            self.write_u64(w);
        }
    }

    #[inline(always)]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }

    #[inline(always)]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits, which pick the bucket, depending only on the input's
        // low bits: fold the high bits down (as MurmurHash3's finaliser does).
        let h = self.0 ^ (self.0 >> 33);
        h.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ (h >> 29)
    }
}

pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Texts numbered in order of first appearance; 0 is the empty text.
#[derive(Debug, Clone)]
pub(super) struct Interner {
    pub(super) texts: Vec<String>,
    ids: FxMap<String, u32>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            texts: vec![String::new()],
            ids: FxMap::default(),
        }
    }
}

impl Interner {
    #[inline(always)]
    pub(super) fn id(&mut self, s: &str) -> u32 {
        if s.is_empty() {
            return 0;
        }
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.texts.len() as u32;
        self.texts.push(s.to_owned());
        self.ids.insert(s.to_owned(), i);
        i
    }
}

fn fx_hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// The distinct series (indicator and dimensions), numbered in order of first appearance; each key
/// is the indicator's number (u32) then the dimensions as `push_text` wrote them, kept in one buffer.
#[derive(Debug, Clone, Default)]
pub struct SeriesTable {
    keys: Vec<u8>,
    /// Per series: where its key lies in `keys`, and the next series with the same hash.
    spans: Vec<(usize, usize, u32)>,
    /// Key hash → the last series with that hash.
    heads: FxMap<u64, u32>,
}

impl SeriesTable {
    /// The number of the series with `key`, added when new.
    pub(super) fn id(&mut self, key: &[u8]) -> u32 {
        let h = fx_hash(key);
        let head = self.heads.get(&h).copied();
        let mut at = head;
        while let Some(s) = at {
            let (a, b, next) = self.spans[s as usize];
            if &self.keys[a..b] == key {
                return s;
            }
            at = (next != u32::MAX).then_some(next);
        }
        let s = self.spans.len() as u32;
        let a = self.keys.len();
        self.keys.extend_from_slice(key);
        self.spans
            .push((a, self.keys.len(), head.unwrap_or(u32::MAX)));
        self.heads.insert(h, s);
        s
    }

    /// How many series.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there is no series.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Each series as its indicator's number and its (name, value) pairs.
    pub(super) fn each(&self) -> impl Iterator<Item = (usize, DimsRef<'_>)> {
        self.spans.iter().map(move |&(a, b, _)| {
            let k = &self.keys[a..b];
            (
                u32::from_le_bytes([k[0], k[1], k[2], k[3]]) as usize,
                DimsRef(&k[4..]),
            )
        })
    }

    /// The series as the model holds them.
    pub fn to_series(&self, ids: &[String]) -> Vec<Series> {
        self.each()
            .map(|(i, dims)| Series {
                indicator: ids.get(i).cloned().unwrap_or_default(),
                dimensions: dims
                    .pairs()
                    .map(|(n, v)| (n.to_owned(), v.to_owned()))
                    .collect(),
            })
            .collect()
    }
}

/// Dimensions as `push_text` wrote them.
#[derive(Debug, Clone, Copy)]
pub struct DimsRef<'a>(&'a [u8]);

impl<'a> DimsRef<'a> {
    /// The (name, value) pairs.
    pub fn pairs(self) -> impl Iterator<Item = (&'a str, &'a str)> {
        // Written from `&str`s, so always UTF-8.
        self.raw_pairs()
            .filter_map(|(n, v)| Some((std::str::from_utf8(n).ok()?, std::str::from_utf8(v).ok()?)))
    }

    /// The (name, value) pairs as the UTF-8 bytes they were written from.
    pub fn raw_pairs(self) -> RawPairs<'a> {
        RawPairs(self.0)
    }
}

/// The pairs of a `DimsRef`, as bytes.
pub struct RawPairs<'a>(&'a [u8]);

impl<'a> RawPairs<'a> {
    #[inline(always)]
    fn text(&mut self) -> Option<&'a [u8]> {
        let r = self.0;
        if r.len() < 4 {
            return None;
        }
        let len = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize;
        let (s, tail) = r[4..].split_at_checked(len)?;
        self.0 = tail;
        Some(s)
    }
}

impl<'a> Iterator for RawPairs<'a> {
    type Item = (&'a [u8], &'a [u8]);

    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        Some((self.text()?, self.text()?))
    }
}

/// A series borrowed from a `SeriesTable`.
pub struct SeriesRef<'a> {
    pub indicator: &'a str,
    pub dimensions: DimsRef<'a>,
}

#[inline(always)]
pub(super) fn push_text(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}
