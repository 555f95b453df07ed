//! Reading the lexicon's data files: text in, its meaningful lines (with their numbers, for
//! error messages) and sets of words out.
//!
//! The built-in lists (45,000 lines, most of them one short word) are read at every start of
//! the program, so this is written for speed: a byte loop to find the end of a short line,
//! and words borrowed from the embedded text, never copied.

use rustc_hash::FxHashSet as HashSet;

/// The meaningful lines of a data file with their 1-based numbers: trailing `\r`s removed,
/// blank lines and comments (`#` after optional whitespace) skipped.
pub(super) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut number = 0;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let (line, next) = match rest.bytes().position(|b| b == b'\n') {
            Some(end) => (&rest[..end], &rest[end + 1..]),
            None => (rest, ""),
        };
        rest = next;
        number += 1;
        let line = line.trim_end_matches('\r');
        // Nearly every line starts with a letter, which answers at once.
        let entry = match line.as_bytes().first() {
            Some(b) if b.is_ascii_graphic() => *b != b'#',
            _ => !line.trim().is_empty() && !line.trim_start().starts_with('#'),
        };
        if entry {
            return Some((number, line));
        }
    })
}

/// The words of a built-in list, one a line, borrowed from the list itself; the table gets
/// its room at once.
pub(super) fn word_set(text: &'static str) -> HashSet<&'static str> {
    let mut set = HashSet::with_capacity_and_hasher(line_count(text), Default::default());
    set.extend(lines(text).map(|(_, word)| word));
    set
}

/// At least the number of lines of `text` (room for one entry a line).
pub(super) fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `lines` gave when it was written with `str::lines`.
    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .collect()
    }

    #[test]
    fn lines_are_those_of_str_lines_without_blanks_and_comments() {
        for text in [
            "",
            "\n",
            "one",
            "one\n",
            "one\ntwo",
            "one\r\ntwo\r\n",
            "one\r\r\n\r\ntwo\r",
            "# comment\none\n  # indented comment\n\t\n   \ntwo\n\n",
            " leading space\n\ttab\tinside\n",
            "\u{a0}\n\u{a0}#not a comment\u{a0}\n\u{2003}# comment\nÉlysée\n",
            "a#b\n#\n##\n",
            "\n\n\nlast",
        ] {
            let ours: Vec<(usize, &str)> = lines(text).collect();
            assert_eq!(ours, reference(text), "{text:?}");
        }
    }

    #[test]
    fn word_sets_hold_each_line() {
        let set = word_set("# names\nAda\n\nGrace\r\nAda\n");
        let mut words: Vec<&str> = set.into_iter().collect();
        words.sort();
        assert_eq!(words, ["Ada", "Grace"]);
    }
}
