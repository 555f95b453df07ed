//! The integration tests: one binary (`autotests = false`, one `[[test]]` in Cargo.toml), as
//! in ripgrep and just.
//!
//! - `gold`: extraction scored against `../shared` gold files, with thresholds.
//! - `cli`: the `newsgraph` binary driven in a temporary folder.
//! - `schema`: `graph.json` parsed back into `deny_unknown_fields` structs.
//! - `graphs`: the committed `graphs/` equal what the code builds from `seeds/`, and render.
//! - `identity`: one node per gold person across all gold articles built together.
//! - `incremental`: `build --update` and `merge` equal one build; events told twice; aliases;
//!   `explain`.
//! - `export`: every export format read by a real consumer (Graphviz, networkx, Chromium).
//! - `bad_input`: empty, binary, mis-encoded, huge, numerous, unreadable and hostile input,
//!   broken graph files, killed runs (issue 7; TESTING.md lists the cases).
//! - `select`: choosing the part of the graph to show (issue 15), in every format, and the
//!   page of several thousand entities in Chromium.
//! - `properties`: proptest over the decoder, the extractor and the graph reader.
//! - `rules`: the corpus of sentences written for each rule of the contact reader.
//!
//! Run with `cargo test --release`; add `-- --nocapture` to see the gold score table.

mod bad_input;
mod cli;
mod common;
mod export;
mod gold;
mod graphs;
mod identity;
mod incremental;
mod properties;
mod rules;
mod schema;
mod select;
mod store;
