//! newsgraph reads news articles and builds one knowledge graph of who talked to whom:
//! people, institutions and countries as nodes; calls, meetings and affiliations as edges;
//! every edge pointing at the sentence that states it.
//!
//! ```
//! use newsgraph::{build, Lexicon};
//!
//! let text = "Defense Secretary Lloyd Austin spoke by phone on Friday with Russian \
//!             Defense Minister Sergei Shoigu.";
//! let graph = build(&Lexicon::builtin(), [("a.txt", text)]);
//! let event = &graph.events()[0];
//! let ids: Vec<&str> = event.participants.iter().map(|p| &**p).collect();
//! assert_eq!(ids, ["person:lloyd-austin", "person:sergei-shoigu"]);
//! assert_eq!(event.date.as_deref(), Some("Friday"));
//! ```

pub mod article;
pub mod batch;
pub mod explain;
pub mod export;
pub mod extract;
pub mod findings;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod lookup;
pub mod query;
pub mod resolve;
pub mod store;
pub mod time;

pub use article::Article;
pub use batch::{extract_batch, BatchOptions, Extracted, Loaded};
pub use extract::extract;
pub use graph::{ArticleGraph, ContactKind, Entity, EntityKind, Event, NewsGraph, Status};
pub use lexicon::Lexicon;
pub use resolve::Aliases;

/// Builds one graph from `(path, text)` pairs.
pub fn build<'a>(
    lexicon: &Lexicon,
    articles: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> NewsGraph {
    let found: Vec<ArticleGraph> = articles
        .into_iter()
        .map(|(path, text)| extract(lexicon, &Article::parse(path, text)))
        .collect();
    NewsGraph::build(found, &Aliases::default())
}
