//! The text of a DOT file: quoted strings (everything from the graph reaches the output
//! through [`quote`], [`quote_lines`] or [`escape_into`]), labels shortened to a length,
//! attribute lists, and [`Dot`], which indents lines and writes them out a piece at a time.
//!
//! In: strings of the graph. Out: DOT text. A build writes every name and evidence sentence
//! through here, so each function makes its string in one pass, without intermediate copies.

use std::io;

/// `text` cut into lines of at most about `width` characters, at spaces.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A DOT double-quoted string showing `text` as it is: `"` and `\` are escaped (so no
/// Graphviz escape such as `\N` or `\n` can be smuggled into a label) and control characters,
/// including newlines, become spaces. (Graphviz 2.43 still expands an escaped `\N` or `\E` in
/// a tooltip to the node or edge name: a display quirk, the DOT stays valid.)
pub(super) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_into(&mut out, text);
    out.push('"');
    out
}

/// A DOT double-quoted string showing each of `lines` on a line of its own (joined with the
/// `\n` escape; each line is escaped as in [`quote`]).
pub(super) fn quote_lines(lines: &[&str]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|line| line.len() + 2).sum::<usize>() + 2);
    out.push('"');
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        escape_into(&mut out, line);
    }
    out.push('"');
    out
}

/// Appends `text` as the inside of a quoted string: see [`quote`]. Each character is escaped
/// on its own, so the escape of a text is the escapes of its pieces, one after the other.
pub(super) fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // The start of the text not yet copied: most text is printable ASCII without quotes or
    // backslashes, copied in runs.
    let mut plain = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let replacement = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            // Line and paragraph separators break lines in some renderers, like newlines.
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => " ",
            _ => {
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        i += c.len_utf8();
        plain = i;
    }
    out.push_str(&text[plain..]);
}

/// `text` on one line (whitespace runs collapsed) and at most `max` characters long.
pub(super) fn shorten(text: &str, max: usize) -> String {
    // The words (runs of characters other than whitespace and control characters) joined by
    // single spaces, up to the first character past `max`; a word is copied whole once its
    // end is found.
    let mut short = String::with_capacity(text.len().min(4 * max + 4));
    let mut count = 0;
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < text.len() && count <= max {
        let b = text.as_bytes()[i];
        let (separator, len) = if b.is_ascii() {
            // ASCII whitespace and control characters are the bytes up to space, and DEL.
            (b <= b' ' || b == 0x7f, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace() || c.is_control(), c.len_utf8())
        };
        if separator {
            if let Some(start) = word.take() {
                short.push_str(&text[start..i]);
            }
        } else {
            if word.is_none() {
                if !short.is_empty() {
                    short.push(' ');
                    count += 1;
                }
                word = Some(i);
            }
            count += 1;
        }
        i += len;
    }
    if let Some(start) = word {
        short.push_str(&text[start..i]);
    }
    if count <= max {
        return short;
    }
    let keep = max.saturating_sub(1);
    let cut = short
        .char_indices()
        .nth(keep)
        .map_or(short.len(), |(i, _)| i);
    short.truncate(cut);
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

/// ` [name=value, ...]`; values must already be DOT ids or quoted strings.
pub(super) fn attributes(list: &[(&str, String)]) -> String {
    let length: usize = list
        .iter()
        .map(|(name, value)| name.len() + value.len() + 3)
        .sum();
    let mut out = String::with_capacity(length + 3);
    out.push_str(" [");
    for (i, (name, value)) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    }
    out.push(']');
    out
}

/// DOT text with indentation, written out a piece at a time (the DOT of a large graph is
/// hundreds of megabytes); the first write error is kept for [`Dot::finish`].
pub(super) struct Dot<'w> {
    text: String,
    depth: usize,
    out: &'w mut dyn io::Write,
    error: Option<io::Error>,
}

impl<'w> Dot<'w> {
    /// How much text is gathered before it is written.
    const PIECE: usize = 1 << 16;

    pub(super) fn new(out: &'w mut dyn io::Write) -> Dot<'w> {
        Dot {
            text: String::with_capacity(Self::PIECE),
            depth: 0,
            out,
            error: None,
        }
    }

    pub(super) fn line(&mut self, line: &str) {
        self.line_ending(line, "");
    }

    /// `line`, then `end`, on a line of its own.
    fn line_ending(&mut self, line: &str, end: &str) {
        for _ in 0..self.depth {
            self.text.push_str("  ");
        }
        self.text.push_str(line);
        self.text.push_str(end);
        self.text.push('\n');
        if self.text.len() >= Self::PIECE {
            self.write_out();
        }
    }

    fn write_out(&mut self) {
        if self.error.is_none() {
            self.error = self.out.write_all(self.text.as_bytes()).err();
        }
        self.text.clear();
    }

    /// Writes what is left; the first error met, if any.
    pub(super) fn finish(mut self) -> io::Result<()> {
        self.write_out();
        match self.error {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    pub(super) fn statement(&mut self, statement: &str) {
        self.line_ending(statement, ";");
    }

    pub(super) fn blank(&mut self) {
        self.text.push('\n');
    }

    pub(super) fn open(&mut self, head: &str) {
        self.line(&format!("{head} {{"));
        self.depth += 1;
    }

    pub(super) fn close(&mut self) {
        self.depth -= 1;
        self.line("}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_quotes_backslashes_and_control_characters() {
        let cases = [
            ("plain", r#""plain""#),
            ("", r#""""#),
            (r#"say "hi""#, r#""say \"hi\"""#),
            (r"back\slash", r#""back\\slash""#),
            (r"trailing\", r#""trailing\\""#),
            (r#"\""#, r#""\\\"""#),
            (r"\N \G \n \l", r#""\\N \\G \\n \\l""#),
            ("two\nlines\r\n", r#""two lines  ""#),
            ("tab\tbell\u{7}nul\0del\u{7f}", r#""tab bell nul del ""#),
            ("sep\u{2028}", r#""sep ""#),
            (
                "{<script>alert(1)</script>}",
                r#""{<script>alert(1)</script>}""#,
            ),
            ("Zürich – “quoted”", r#""Zürich – “quoted”""#),
        ];
        for (text, expected) in cases {
            assert_eq!(quote(text), expected, "quote({text:?})");
        }
    }

    #[test]
    fn quote_lines_breaks_only_between_lines() {
        assert_eq!(
            quote_lines(&["Valery Gerasimov", "Chief"]),
            r#""Valery Gerasimov\nChief""#
        );
        assert_eq!(quote_lines(&["a\nb", r"c\n"]), r#""a b\nc\\n""#);
    }

    #[test]
    fn shorten_collapses_whitespace_and_truncates() {
        assert_eq!(shorten("  a \n b\t", 10), "a b");
        assert_eq!(shorten("abcdefghij", 10), "abcdefghij");
        assert_eq!(shorten("abcde fghijk", 10), "abcde fgh…");
        assert_eq!(shorten("abcdefgh  ijk", 10), "abcdefgh…");
        assert_eq!(shorten("ééééééééééé", 5), "éééé…");
    }

    /// The first versions of `escape` and `shorten` (through iterators and copies), which the
    /// one-pass versions must equal on any text.
    mod reference {
        pub fn escape(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
                    c => out.push(c),
                }
            }
            out
        }

        pub fn shorten(text: &str, max: usize) -> String {
            let words = text
                .split(|c: char| c.is_whitespace() || c.is_control())
                .filter(|w| !w.is_empty());
            let mut short = String::new();
            let mut count = 0;
            for word in words {
                if !short.is_empty() {
                    short.push(' ');
                    count += 1;
                }
                short.push_str(word);
                count += word.chars().count();
                if count > max {
                    break;
                }
            }
            if count <= max {
                return short;
            }
            let cut = short
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(short.len(), |(i, _)| i);
            short.truncate(cut);
            short.truncate(short.trim_end().len());
            short.push('…');
            short
        }
    }

    /// Characters that matter here: separators of every kind, quotes, backslashes, control
    /// characters, multi-byte letters.
    fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::string::string_regex(
            "[a-z \"\\\\\t\n\r\u{0}\u{7f}\u{85}\u{a0}\u{2028}\u{2029}\u{3000}éŽ–“”]{0,60}",
        )
        .expect("a valid pattern")
    }

    proptest::proptest! {
        #[test]
        fn one_pass_escape_equals_the_first_version(text in hostile_text()) {
            let mut ours = String::new();
            escape_into(&mut ours, &text);
            proptest::prop_assert_eq!(ours, reference::escape(&text));
        }

        #[test]
        fn one_pass_shorten_equals_the_first_version(text in hostile_text(), max in 0usize..30) {
            proptest::prop_assert_eq!(shorten(&text, max), reference::shorten(&text, max));
        }
    }
}
