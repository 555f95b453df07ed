//! Exporters: the graph in, a file format out, written to any `io::Write`. Each format owns
//! its file; none touches the file system.

pub mod dot;
pub mod json;

pub use dot::write_dot;
pub use json::{read_json, write_json, GraphFile, ReadError};
