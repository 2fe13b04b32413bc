//! Compressed containers: gzip members and zip archives (for XLSX), inflated with a fixed output limit
//! so that no size declared by the input decides how much memory is taken.

use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// The most bytes one inflated file may take.
pub const LIMIT: usize = 256 << 20;

/// Why a container could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ZipError(pub String);

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
}

fn inflate(data: &[u8]) -> Result<Vec<u8>, ZipError> {
    decompress_to_vec_with_limit(data, LIMIT).map_err(|e| {
        ZipError(format!(
            "deflate data ends early, is corrupt or inflates beyond {} MiB: {:?}",
            LIMIT >> 20,
            e.status
        ))
    })
}

/// Inflates a gzip file (first member).
pub fn gunzip(b: &[u8]) -> Result<Vec<u8>, ZipError> {
    let bad = || ZipError("no valid gzip header".into());
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
    data: &'a [u8],
}

impl Entry<'_> {
    /// The entry's bytes, inflated when compressed.
    pub fn bytes(&self) -> Result<Vec<u8>, ZipError> {
        match self.method {
            0 => Ok(self.data.to_vec()),
            8 => inflate(self.data),
            m => Err(ZipError(format!(
                "zip: `{}` uses compression method {m}, not stored or deflate",
                self.name
            ))),
        }
    }
}

/// Lists a zip archive's entries from its central directory.
pub fn entries(b: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    let bad = |what: &str| ZipError(format!("zip: {what}"));
    let from = b.len().saturating_sub(65_557);
    let eocd = (from..b.len().saturating_sub(21))
        .rev()
        .find(|&i| b.get(i..i + 4) == Some(b"PK\x05\x06"))
        .ok_or_else(|| bad("no end of central directory"))?;
    let count = u16_at(b, eocd + 10).ok_or_else(|| bad("truncated directory"))?;
    let mut at = u32_at(b, eocd + 16).ok_or_else(|| bad("truncated directory"))?;
    let mut out = Vec::new();
    for _ in 0..count {
        if b.get(at..at + 4) != Some(b"PK\x01\x02") {
            return Err(bad("broken central directory"));
        }
        let field = |o: usize, w: usize| {
            if w == 2 {
                u16_at(b, at + o)
            } else {
                u32_at(b, at + o)
            }
        };
        let (Some(method), Some(size), Some(n), Some(e), Some(c), Some(local)) = (
            field(10, 2),
            field(20, 4),
            field(28, 2),
            field(30, 2),
            field(32, 2),
            field(42, 4),
        ) else {
            return Err(bad("truncated directory entry"));
        };
        let name = b
            .get(at + 46..at + 46 + n)
            .ok_or_else(|| bad("truncated name"))?;
        let name = String::from_utf8_lossy(name).into_owned();
        if b.get(local..local + 4) != Some(b"PK\x03\x04") {
            return Err(bad("broken local header"));
        }
        let (Some(ln), Some(le)) = (u16_at(b, local + 26), u16_at(b, local + 28)) else {
            return Err(bad("truncated local header"));
        };
        let start = local + 30 + ln + le;
        let data = b
            .get(start..start.saturating_add(size))
            .ok_or_else(|| bad("truncated entry"))?;
        out.push(Entry { name, method, data });
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
