//! Compressed containers: gzip members and zip archives (for XLSX), inflated with a fixed output limit
//! so that no size declared by the input decides how much memory is taken.

/// The most bytes one inflated file may take.
pub const LIMIT: usize = 256 << 20;

/// Why a container could not be opened, as values (the sentences are in the language tables;
/// `Display` gives the English one for logs).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(tag = "fault", rename_all = "snake_case")]
pub enum ZipError {
    /// The data inflates beyond `limit_mib`, the most one file may take.
    #[error("deflate data inflates beyond {limit_mib} MiB, the most one file may take")]
    TooLarge { limit_mib: usize },
    /// The deflate data ends early or is corrupt.
    #[error("deflate data ends early or is corrupt")]
    Corrupt,
    /// No valid gzip header.
    #[error("no valid gzip header")]
    NoGzipHeader,
    /// No end of central directory: not a zip archive, or a truncated one.
    #[error("no zip end of central directory")]
    NoDirectory,
    /// The archive's directory or a header in it is cut short or broken.
    #[error("broken or truncated zip directory")]
    BrokenDirectory,
    /// An entry's data is cut short.
    #[error("zip entry `{entry}` is truncated")]
    TruncatedEntry { entry: String },
    /// An entry uses a compression method other than stored or deflate.
    #[error("zip entry `{entry}` uses compression method {method}, not stored or deflate")]
    Method { entry: String, method: usize },
    /// An entry's CRC-32 differs from the one the directory declares.
    #[error("zip entry `{entry}` is damaged (its CRC-32 differs from the archive's)")]
    Damaged { entry: String },
    /// An entry's name would leave the archive's folder.
    #[error("zip entry `{entry}` has a name outside the archive; the archive is refused")]
    EntryOutside { entry: String },
    /// An XLSX part declares a document type (where entity expansion hides).
    #[error("xlsx part `{part}` declares a document type, which no workbook needs")]
    DocumentType { part: String },
    /// No worksheet of that name.
    #[error("no worksheet named `{name}`")]
    NoSheetNamed { name: String },
    /// No worksheet at all.
    #[error("no worksheet found")]
    NoSheet,
}

impl ZipError {
    /// One value of every variant (for tests of the language tables).
    #[cfg(test)]
    pub(crate) fn examples() -> Vec<ZipError> {
        use ZipError::*;
        let s = |t: &str| t.to_owned();
        vec![
            TooLarge { limit_mib: 256 },
            Corrupt,
            NoGzipHeader,
            NoDirectory,
            BrokenDirectory,
            TruncatedEntry {
                entry: s("xl/a.xml"),
            },
            Method {
                entry: s("xl/a.xml"),
                method: 12,
            },
            Damaged {
                entry: s("xl/a.xml"),
            },
            EntryOutside { entry: s("../a") },
            DocumentType {
                part: s("xl/a.xml"),
            },
            NoSheetNamed { name: s("Data") },
            NoSheet,
        ]
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
}

/// The step by which an inflated buffer grows: small enough that the buffer never holds much more
/// than its text, large enough that growing is rare.
const GROW: usize = 8 << 20;

/// Inflates a raw deflate stream into at most `LIMIT` bytes. The output grows in `GROW` steps, not
/// by doubling, so that a bomb stopped at the limit has taken `LIMIT` and not up to twice that.
fn inflate(data: &[u8]) -> Result<Vec<u8>, ZipError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0u8; data.len().saturating_mul(4).clamp(1 << 16, GROW).min(LIMIT)];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut input, mut at) = (data, 0usize);
    loop {
        let (status, used, written) = decompress(&mut state, input, &mut out, at, flags);
        at += written;
        input = input.get(used..).unwrap_or_default();
        match status {
            TINFLStatus::Done => {
                out.truncate(at);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput if out.len() < LIMIT => {
                let len = out.len().saturating_add(GROW).min(LIMIT);
                // `reserve_exact` first: `resize` alone would double the capacity.
                out.reserve_exact(len - out.len());
                out.resize(len, 0);
            }
            TINFLStatus::HasMoreOutput => {
                return Err(ZipError::TooLarge {
                    limit_mib: LIMIT >> 20,
                })
            }
            _ => return Err(ZipError::Corrupt),
        }
    }
}

/// Inflates a gzip file (first member).
pub fn gunzip(b: &[u8]) -> Result<Vec<u8>, ZipError> {
    let bad = || ZipError::NoGzipHeader;
    if b.len() < 18 || b[0] != 0x1f || b[1] != 0x8b || b[2] != 8 {
        return Err(bad());
    }
    let flags = b[3];
    let mut i = 10;
    if flags & 4 != 0 {
        i += 2 + u16_at(b, i).ok_or_else(bad)?;
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            let end = b
                .get(i..)
                .and_then(|r| r.iter().position(|&c| c == 0))
                .ok_or_else(bad)?;
            i += end + 1;
        }
    }
    if flags & 2 != 0 {
        i += 2;
    }
    inflate(b.get(i..).ok_or_else(bad)?)
}

/// One file of a zip archive.
pub struct Entry<'a> {
    pub name: String,
    method: usize,
    crc: u32,
    data: &'a [u8],
}

impl Entry<'_> {
    /// The entry's bytes, inflated when compressed, checked against the CRC-32 the archive's
    /// directory declares.
    pub fn bytes(&self) -> Result<Vec<u8>, ZipError> {
        let bytes = match self.method {
            0 => self.data.to_vec(),
            8 => inflate(self.data)?,
            m => {
                return Err(ZipError::Method {
                    entry: self.name.clone(),
                    method: m,
                })
            }
        };
        let crc = crc32(&bytes);
        if crc != self.crc {
            return Err(ZipError::Damaged {
                entry: self.name.clone(),
            });
        }
        Ok(bytes)
    }
}

/// The CRC-32 of zip and gzip (IEEE polynomial, reflected), a table computed once per call.
pub fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
        *t = c;
    }
    !data.iter().fold(!0u32, |c, &b| {
        table[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// Lists a zip archive's entries from its central directory.
pub fn entries(b: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    let bad = || ZipError::BrokenDirectory;
    let from = b.len().saturating_sub(65_557);
    let eocd = (from..b.len().saturating_sub(21))
        .rev()
        .find(|&i| b.get(i..i + 4) == Some(b"PK\x05\x06"))
        .ok_or(ZipError::NoDirectory)?;
    let count = u16_at(b, eocd + 10).ok_or_else(bad)?;
    let mut at = u32_at(b, eocd + 16).ok_or_else(bad)?;
    let mut out = Vec::new();
    for _ in 0..count {
        if b.get(at..at + 4) != Some(b"PK\x01\x02") {
            return Err(bad());
        }
        let field = |o: usize, w: usize| {
            if w == 2 {
                u16_at(b, at + o)
            } else {
                u32_at(b, at + o)
            }
        };
        let (Some(method), Some(crc), Some(size), Some(n), Some(e), Some(c), Some(local)) = (
            field(10, 2),
            field(16, 4),
            field(20, 4),
            field(28, 2),
            field(30, 2),
            field(32, 2),
            field(42, 4),
        ) else {
            return Err(bad());
        };
        let name = b.get(at + 46..at + 46 + n).ok_or_else(bad)?;
        let name = String::from_utf8_lossy(name).into_owned();
        // Vigie never writes an archive's files out, but a name that would leave the archive's
        // folder (`../`, `/`, `C:`) is a sign of a hostile archive: the whole archive is refused.
        if super::paths::check(&name).is_err() {
            return Err(ZipError::EntryOutside { entry: name });
        }
        if b.get(local..local + 4) != Some(b"PK\x03\x04") {
            return Err(bad());
        }
        let (Some(ln), Some(le)) = (u16_at(b, local + 26), u16_at(b, local + 28)) else {
            return Err(bad());
        };
        let start = local + 30 + ln + le;
        let data =
            b.get(start..start.saturating_add(size))
                .ok_or_else(|| ZipError::TruncatedEntry {
                    entry: name.clone(),
                })?;
        out.push(Entry {
            name,
            method,
            crc: crc as u32,
            data,
        });
        at += 46 + n + e + c;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_broken_containers_without_panicking() {
        assert!(gunzip(b"\x1f\x8b\x08\0\0\0\0\0\0\0garbage-garbage").is_err());
        assert!(entries(b"PK\x03\x04 not really").is_err());
        let mut eocd = b"PK\x05\x06".to_vec();
        eocd.extend_from_slice(&[0, 0, 0, 0, 5, 0, 5, 0, 0, 0, 0, 0, 200, 0, 0, 0, 0, 0]);
        assert!(entries(&eocd).is_err());
    }

    #[test]
    fn reads_a_stored_gzip_block() {
        // A gzip member whose deflate block is stored (uncompressed): "hi".
        let gz = [
            0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 0, 0xfd, 0xff, b'h', b'i', 0, 0, 0, 0, 2, 0,
            0, 0,
        ];
        assert_eq!(gunzip(&gz).unwrap(), b"hi");
    }
}
