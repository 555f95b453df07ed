//! Input: paths in, article texts out. Finds the `.txt` files below folders, reads each file
//! and decodes its bytes into text, saying what it did on the way.
//!
//! This is the one place besides the binary that touches the file system; the decoding rules
//! ([`decode`]) work on bytes alone. The rules, in order:
//!
//! - An empty file, or one of nothing but white space, is skipped ([`Problem::Empty`]).
//! - A file that starts like a known binary format (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF, ...)
//!   is skipped ([`Problem::Binary`]), and so is one where more than 1 byte in 20 is a control
//!   byte other than tab, line feed, form feed and carriage return.
//! - A UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark (little or big endian)
//!   is decoded, and so is UTF-16 without one when every other byte is NUL.
//! - Valid UTF-8 is taken as it is.
//! - Bytes that are not UTF-8 but contain no valid UTF-8 sequence of two or more bytes are
//!   read as Windows-1252, which agrees with Latin-1 on every printable character
//!   ([`Warning::Windows1252`]). Bytes that are mostly UTF-8 with a few bad sequences are
//!   read as UTF-8, each bad sequence replaced by U+FFFD ([`Warning::BadUtf8`]).
//! - NUL bytes within text are reported ([`Warning::NulBytes`]); `Article::parse` drops
//!   them with the other control characters. Line endings (CRLF, lone CR) are unified there too.
//! - A file longer than [`MAX_ARTICLE_BYTES`] is read only up to that size, cut at its last
//!   line break ([`Warning::Truncated`]): no news article is that long, and the extractor holds
//!   about 25 bytes per byte of text, so this bounds the memory one article takes.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The most bytes read of one file (8 MiB: a long news article is 100 KB).
pub const MAX_ARTICLE_BYTES: u64 = 8 << 20;

/// Files found below the inputs, and what could not be looked at.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The files to read, sorted, without duplicates.
    pub files: Vec<PathBuf>,
    /// Inputs, folders and entries that were skipped, and why.
    pub problems: Vec<InputError>,
}

/// A file or folder that was skipped, and why.
#[derive(Debug, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct InputError {
    pub path: PathBuf,
    pub problem: Problem,
}

/// Why a file or folder was skipped.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("empty file")]
    Empty,
    #[error("nothing but white space")]
    Blank,
    #[error("binary file ({0}), not text")]
    Binary(&'static str),
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
}

/// Something the reader did that the user should know of; the text was still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Not UTF-8, and read as Windows-1252 (Latin-1).
    Windows1252,
    /// UTF-16 without a byte-order mark, recognised by its NUL bytes.
    Utf16WithoutBom { big_endian: bool },
    /// Bad UTF-8 sequences (or bad UTF-16 units) replaced by U+FFFD.
    BadUtf8 { count: usize, first: usize },
    /// NUL bytes in the text, which are ignored.
    NulBytes(usize),
    /// Only the first `read` bytes of a file of `size` bytes (`None`: unknown, a pipe) read.
    Truncated { read: u64, size: Option<u64> },
}

impl Warning {
    /// Was part of the file's content lost (so the run should say something was skipped)?
    pub fn skips_input(&self) -> bool {
        matches!(self, Warning::BadUtf8 { .. } | Warning::Truncated { .. })
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Windows1252 => write!(f, "not UTF-8; read as Windows-1252 (Latin-1)"),
            Warning::Utf16WithoutBom { big_endian } => {
                let order = if *big_endian { "BE" } else { "LE" };
                write!(f, "no byte-order mark; read as UTF-16{order}")
            }
            Warning::BadUtf8 { count, first } => write!(
                f,
                "not valid UTF-8: {count} bad byte sequence{} (the first at byte {first}) \
                 replaced by U+FFFD",
                if *count == 1 { "" } else { "s" }
            ),
            Warning::NulBytes(n) => write!(f, "{n} NUL byte{} ignored", plural(*n)),
            Warning::Truncated { read, size } => {
                write!(f, "only the first {} read", megabytes(*read))?;
                match size {
                    Some(size) => write!(f, " of {}", megabytes(*size))?,
                    None => write!(f, " of a longer stream")?,
                }
                write!(
                    f,
                    " (one article is at most {})",
                    megabytes(MAX_ARTICLE_BYTES)
                )
            }
        }
    }
}

/// An article's text as read, with what the reader had to do to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub warnings: Vec<Warning>,
}

/// The `.txt` files below `inputs`: a file given is taken whatever its name; a folder is read
/// recursively, following symbolic links but reading each real folder once (a link loop ends).
/// Entries that cannot be looked at are reported in [`Inputs::problems`], and the rest is
/// still collected.
pub fn collect(inputs: &[PathBuf]) -> Inputs {
    let mut found = Inputs::default();
    let mut seen = HashSet::new();
    for input in inputs {
        match fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk(input, &mut seen, &mut found),
            Ok(_) => found.files.push(input.clone()),
            Err(error) => found.problems.push(InputError::io(input, error)),
        }
    }
    found.files.sort();
    found.files.dedup();
    found
}

/// Reads and decodes one article, at most [`MAX_ARTICLE_BYTES`] of it.
pub fn read_article(path: &Path) -> Result<Text, InputError> {
    read_article_limited(path, MAX_ARTICLE_BYTES)
}

/// Reads and decodes one article, at most `limit` bytes of it.
pub fn read_article_limited(path: &Path, limit: u64) -> Result<Text, InputError> {
    let fail = |problem: Problem| InputError {
        path: path.to_path_buf(),
        problem,
    };
    let file = fs::File::open(path).map_err(|e| InputError::io(path, e))?;
    let meta = file.metadata().map_err(|e| InputError::io(path, e))?;
    if meta.is_dir() {
        return Err(fail(Problem::NotRegular("a folder")));
    }
    let mut bytes = Vec::new();
    // One byte more than the limit tells whether there was more.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::io(path, e))?;
    let truncated = bytes.len() as u64 > limit;
    if truncated {
        bytes.truncate(limit as usize);
    }
    let mut text = decode_part(bytes, !truncated).map_err(fail)?;
    if truncated {
        // Cut at the last line break, so no sentence is cut in two (unless there is none in
        // the last quarter).
        if let Some(end) = text.text.rfind('\n') {
            if end >= text.text.len() / 4 * 3 {
                text.text.truncate(end + 1);
            }
        }
        let size = meta.is_file().then_some(meta.len());
        text.warnings.push(Warning::Truncated { read: limit, size });
    }
    Ok(text)
}

/// Decodes the bytes of a whole file into text by the rules in the module documentation.
pub fn decode(bytes: Vec<u8>) -> Result<Text, Problem> {
    decode_part(bytes, true)
}

impl InputError {
    fn io(path: &Path, error: io::Error) -> InputError {
        InputError {
            path: path.to_path_buf(),
            problem: Problem::Io(error),
        }
    }
}

/// Adds the `.txt` files below `dir` to `found`.
fn walk(dir: &Path, seen: &mut HashSet<FolderKey>, found: &mut Inputs) {
    // Explicit stack, not recursion: a deep tree cannot overflow the call stack.
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        // A symlink loop would revisit a folder: each real folder is read once.
        let key = match folder_key(&dir) {
            Ok(key) => key,
            Err(error) => {
                found.problems.push(InputError::io(&dir, error));
                continue;
            }
        };
        if !seen.insert(key) {
            continue;
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                found.problems.push(InputError::io(&dir, error));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    found.problems.push(InputError::io(&dir, error));
                    continue;
                }
            };
            let path = entry.path();
            let is_txt = path.extension().is_some_and(|e| e == "txt");
            // Follows a symbolic link; a broken one (its target gone) fails here.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => stack.push(path),
                Ok(meta) if is_txt && meta.is_file() => found.files.push(path),
                Ok(meta) if is_txt => found.problems.push(InputError {
                    path,
                    problem: Problem::NotRegular(file_type_name(&meta)),
                }),
                Ok(_) => {}
                // A broken link by another name could have been anything: it is left alone.
                Err(error) if is_txt || error.kind() != io::ErrorKind::NotFound => {
                    found.problems.push(InputError::io(&path, error))
                }
                Err(_) => {}
            }
        }
    }
}

/// What identifies a folder whatever the path to it: its device and inode (canonicalising the
/// path instead took time quadratic in the depth of the tree).
#[cfg(unix)]
type FolderKey = (u64, u64);
#[cfg(not(unix))]
type FolderKey = PathBuf;

#[cfg(unix)]
fn folder_key(dir: &Path) -> io::Result<FolderKey> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(dir)?;
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn folder_key(dir: &Path) -> io::Result<FolderKey> {
    fs::canonicalize(dir)
}

fn decode_part(bytes: Vec<u8>, complete: bool) -> Result<Text, Problem> {
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    if let Some(format) = binary_format(&bytes) {
        return Err(Problem::Binary(format));
    }
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8(rest.to_vec(), complete, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, false, complete, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, true, complete, &mut warnings)
    } else if let Some(big_endian) = utf16_without_bom(&bytes) {
        warnings.push(Warning::Utf16WithoutBom { big_endian });
        utf16(&bytes, big_endian, complete, &mut warnings)
    } else {
        utf8(bytes, complete, &mut warnings)
    };
    let controls = text.chars().filter(|&c| is_control(c)).count();
    if controls * 20 > text.chars().count() {
        return Err(Problem::Binary("NUL and control bytes"));
    }
    if text.chars().all(|c| c.is_whitespace() || c.is_control()) {
        return Err(Problem::Blank);
    }
    let nuls = text.chars().filter(|&c| c == '\0').count();
    if nuls > 0 {
        warnings.push(Warning::NulBytes(nuls));
    }
    Ok(Text { text, warnings })
}

/// UTF-8, or Windows-1252 when the bytes have no multi-byte UTF-8 at all. `complete`: false
/// when the bytes were cut off, so a sequence cut at the end is dropped, not an error.
fn utf8(mut bytes: Vec<u8>, complete: bool, warnings: &mut Vec<Warning>) -> String {
    if !complete {
        if let Err(error) = std::str::from_utf8(&bytes) {
            let cut_at_end = error.error_len().is_none();
            if cut_at_end {
                bytes.truncate(error.valid_up_to());
            }
        }
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return text,
        Err(error) => error.into_bytes(),
    };
    let (good, bad, first) = utf8_sequences(&bytes);
    if good >= bad && good > 0 {
        warnings.push(Warning::BadUtf8 { count: bad, first });
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    warnings.push(Warning::Windows1252);
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    text.into_owned()
}

/// UTF-16 of the given byte order. `complete`: false when the bytes were cut off, so a unit or
/// surrogate pair cut at the end is dropped, not an error.
fn utf16(bytes: &[u8], big_endian: bool, complete: bool, warnings: &mut Vec<Warning>) -> String {
    let mut bytes = bytes;
    if !complete {
        bytes = &bytes[..bytes.len() / 2 * 2];
        let last = bytes.len().checked_sub(2).map(|i| {
            let pair = [bytes[i], bytes[i + 1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        if last.is_some_and(|unit| (0xd800..0xdc00).contains(&unit)) {
            bytes = &bytes[..bytes.len() - 2];
        }
    }
    let encoding = if big_endian {
        encoding_rs::UTF_16BE
    } else {
        encoding_rs::UTF_16LE
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let count = text.chars().filter(|&c| c == '\u{fffd}').count();
        let first = text.find('\u{fffd}').unwrap_or(0);
        warnings.push(Warning::BadUtf8 { count, first });
    }
    text.into_owned()
}

/// UTF-16 without a byte-order mark: at least 9 in 10 of the high bytes (every other byte)
/// are NUL, as in text of Latin letters, and the other bytes are not.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zeros = |offset: usize| {
        bytes
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 9 && even * 10 < pairs {
        Some(false)
    } else if even * 10 >= pairs * 9 && odd * 10 < pairs {
        Some(true)
    } else {
        None
    }
}

/// Counts valid multi-byte UTF-8 sequences and invalid ones, and the offset of the first bad.
fn utf8_sequences(mut bytes: &[u8]) -> (usize, usize, usize) {
    let (mut good, mut bad, mut first, mut offset) = (0, 0, None, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                good += rest.chars().filter(|c| c.len_utf8() > 1).count();
                return (good, bad, first.unwrap_or(0));
            }
            Err(error) => {
                let valid = error.valid_up_to();
                let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
                good += prefix.chars().filter(|c| c.len_utf8() > 1).count();
                bad += 1;
                first.get_or_insert(offset + valid);
                let skip = valid + error.error_len().unwrap_or(bytes.len() - valid);
                bytes = &bytes[skip..];
                offset += skip;
            }
        }
    }
}

/// ASCII control characters that do not occur in text (all but tab, line feed, form feed and
/// carriage return).
fn is_control(c: char) -> bool {
    c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\x0c' | '\r')
}

/// The binary format `bytes` start with, by its magic number.
fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x00asm", "WebAssembly"),
        (b"\x1f\x8b", "gzip"),
        (b"\x28\xb5\x2f\xfd", "Zstandard"),
        (b"\x7fELF", "ELF executable"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "Microsoft Office document",
        ),
        (b"\xfd7zXZ\x00", "xz"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"%PDF-", "PDF document"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"PK\x05\x06", "ZIP archive"),
        (b"PK\x07\x08", "ZIP archive"),
        (b"SQLite format 3\x00", "SQLite database"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4 or QuickTime media");
    }
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, name)| name)
}

fn file_type_name(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "not a file or folder"
}

fn megabytes(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{bytes} bytes")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], text: &str, warnings: &[Warning]) {
        let got = decode(bytes.to_vec()).unwrap_or_else(|e| panic!("{bytes:?}: {e}"));
        assert_eq!(got.text, text, "text of {bytes:?}");
        assert_eq!(got.warnings, warnings, "warnings of {bytes:?}");
    }

    #[track_caller]
    fn check_skipped(bytes: &[u8], message: &str) {
        match decode(bytes.to_vec()) {
            Ok(text) => panic!("{bytes:?} decoded as {:?}", text.text),
            Err(problem) => assert_eq!(problem.to_string(), message, "{bytes:?}"),
        }
    }

    #[test]
    fn utf8_is_taken_as_it_is_and_its_bom_dropped() {
        check("Zürich – “quoted”\n".as_bytes(), "Zürich – “quoted”\n", &[]);
        check(b"\xef\xbb\xbfBOM\r\n", "BOM\r\n", &[]);
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Zürich\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        check(&le, "Zürich\r\n", &[]);
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Zürich €".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        check(&be, "Zürich €", &[]);
        // An odd trailing byte is a bad unit, replaced.
        check(
            b"\xff\xfea\x00b",
            "a\u{fffd}",
            &[Warning::BadUtf8 { count: 1, first: 1 }],
        );
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_nul_bytes() {
        let le: Vec<u8> = "Kyiv talks\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        check(
            &le,
            "Kyiv talks\n",
            &[Warning::Utf16WithoutBom { big_endian: false }],
        );
        let be: Vec<u8> = "Kyiv talks\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        check(
            &be,
            "Kyiv talks\n",
            &[Warning::Utf16WithoutBom { big_endian: true }],
        );
    }

    #[test]
    fn latin1_and_windows1252_are_read_as_windows1252() {
        check(
            b"Caf\xe9 in Z\xfcrich, \x93quoted\x94 \x96 \x80 5\n",
            "Café in Zürich, “quoted” – € 5\n",
            &[Warning::Windows1252],
        );
    }

    #[test]
    fn mostly_utf8_with_bad_bytes_is_read_as_utf8_with_replacements() {
        check(
            "Zürich "
                .as_bytes()
                .iter()
                .chain(b"\xc3\x28 x")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
            "Zürich \u{fffd}( x",
            &[Warning::BadUtf8 { count: 1, first: 8 }],
        );
    }

    #[test]
    fn nul_bytes_within_text_are_reported() {
        check(
            b"Lloyd Austin\0 met Defense Minister\0 Sergei Shoigu.",
            "Lloyd Austin\0 met Defense Minister\0 Sergei Shoigu.",
            &[Warning::NulBytes(2)],
        );
    }

    #[test]
    fn empty_blank_and_binary_files_are_skipped() {
        check_skipped(b"", "empty file");
        check_skipped(b" \r\n\t\n  \x0c", "nothing but white space");
        check_skipped(
            b"\0\0\0\0\0",
            "binary file (NUL and control bytes), not text",
        );
        check_skipped(
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "binary file (PNG image), not text",
        );
        check_skipped(b"PK\x03\x04\x14\0", "binary file (ZIP archive), not text");
        check_skipped(
            b"\x01\x02\x03\x04 some text that is not",
            "binary file (NUL and control bytes), not text",
        );
        // UTF-16 that decodes to control characters.
        check_skipped(
            b"\xff\xfe\x01\x00\x02\x00\x03\x00",
            "binary file (NUL and control bytes), not text",
        );
    }

    #[test]
    fn a_file_cut_at_the_limit_ends_at_a_line_break_and_whole_characters() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "ääää\nbbbb\nccccää").unwrap();
        let got = read_article_limited(&path, 15).unwrap();
        assert_eq!(got.text, "ääää\nbbbb\n");
        assert_eq!(
            got.warnings,
            [Warning::Truncated {
                read: 15,
                size: Some(22)
            }]
        );
        let got = read_article_limited(&path, 3).unwrap();
        assert_eq!(got.text, "ä");
        // UTF-16 cut in a unit, and in a surrogate pair.
        fs::write(&path, b"\xff\xfea\x00b\x00c\x00").unwrap();
        assert_eq!(read_article_limited(&path, 5).unwrap().text, "a");
        fs::write(&path, b"\xff\xfea\x00\x3d\xd8\x00\xde").unwrap();
        assert_eq!(read_article_limited(&path, 7).unwrap().text, "a");
        assert_eq!(read_article_limited(&path, 8).unwrap().text, "a😀");
    }

    #[test]
    fn collect_reports_what_it_cannot_read_and_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("in/sub")).unwrap();
        fs::write(root.join("in/a.txt"), "A").unwrap();
        fs::write(root.join("in/sub/b.txt"), "B").unwrap();
        fs::write(root.join("in/notes.md"), "ignored").unwrap();
        std::os::unix::fs::symlink("gone", root.join("in/broken.txt")).unwrap();
        std::os::unix::fs::symlink("..", root.join("in/sub/loop")).unwrap();
        let inputs = collect(&[root.join("in"), root.join("missing.txt")]);
        assert_eq!(
            inputs.files,
            [root.join("in/a.txt"), root.join("in/sub/b.txt")]
        );
        let problems: Vec<String> = inputs.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].ends_with("broken.txt: No such file or directory (os error 2)"),
            "{problems:?}"
        );
        assert!(
            problems[1].ends_with("missing.txt: No such file or directory (os error 2)"),
            "{problems:?}"
        );
    }

    /// A file deleted between listing its folder and reading it is reported, not fatal.
    #[test]
    fn a_file_that_vanishes_after_listing_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "A").unwrap();
        fs::write(dir.path().join("b.txt"), "B").unwrap();
        let inputs = collect(&[dir.path().to_path_buf()]);
        fs::remove_file(dir.path().join("a.txt")).unwrap();
        let error = read_article(&inputs.files[0]).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("a.txt: No such file or directory (os error 2)"),
            "{error}"
        );
        assert_eq!(read_article(&inputs.files[1]).unwrap().text, "B");
    }
}
