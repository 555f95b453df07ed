//! A small layer over `quick-xml`'s writer for the XML formats (GraphML, GEXF): elements
//! with attributes and text, indented by two spaces. quick-xml escapes markup (`<`, `&`,
//! quotes) in attribute values and text; this layer also replaces the characters XML 1.0
//! cannot carry at all, so any article text yields well-formed XML.

use std::borrow::Cow;
use std::io;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

pub struct Xml<'w> {
    writer: quick_xml::Writer<&'w mut dyn io::Write>,
}

impl<'w> Xml<'w> {
    /// Starts a document with the XML declaration.
    pub fn new(out: &'w mut dyn io::Write) -> io::Result<Xml<'w>> {
        let mut writer = quick_xml::Writer::new_with_indent(out, b' ', 2);
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(Xml { writer })
    }

    /// `<name attrs...>`
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.writer
            .write_event(Event::Start(start(name, attributes)))
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name attrs.../>`
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.writer
            .write_event(Event::Empty(start(name, attributes)))
    }

    /// `<name attrs...>text</name>`
    pub fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.writer
            .write_event(Event::Start(start(name, attributes)))?;
        self.writer
            .write_event(Event::Text(BytesText::new(&xml_safe(text))))?;
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    /// Ends the document with a newline.
    pub fn finish(self) -> io::Result<()> {
        self.writer.into_inner().write_all(b"\n")
    }
}

fn start<'a>(name: &'a str, attributes: &[(&str, &str)]) -> BytesStart<'a> {
    let mut element = BytesStart::new(name);
    for (key, value) in attributes {
        element.push_attribute((*key, xml_safe(value).as_ref()));
    }
    element
}

/// Text safe for XML 1.0: characters XML cannot carry at all (C0 controls other than tab,
/// newline and carriage return; U+FFFE, U+FFFF) become spaces. Markup characters are left to
/// the writer, which escapes them.
pub fn xml_safe(text: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if text.chars().any(bad) {
        Cow::Owned(text.chars().map(|c| if bad(c) { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_safe_replaces_what_xml_cannot_carry() {
        assert_eq!(xml_safe("a\u{1b}[31m\0b\tc\nd\u{FFFF}"), "a [31m b\tc\nd ");
        assert_eq!(xml_safe("<&\"'>"), "<&\"'>");
    }

    #[test]
    fn markup_in_text_and_attributes_is_escaped() {
        let mut out = Vec::new();
        let mut xml = Xml::new(&mut out).unwrap();
        xml.open("a", &[("x", "\"'<&>\u{7}")]).unwrap();
        xml.text("b", &[], "</b><script>&amp;\0").unwrap();
        xml.close("a").unwrap();
        xml.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("<script>") && !text.contains('\0') && !text.contains('\u{7}'));
        assert!(text.contains("&lt;/b&gt;&lt;script&gt;&amp;amp;"), "{text}");
        assert!(text.contains("x=\"&quot;&apos;&lt;&amp;&gt; \""), "{text}");
    }
}
