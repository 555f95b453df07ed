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
//! assert_eq!(event.participants, ["person:lloyd-austin", "person:sergei-shoigu"]);
//! assert_eq!(event.date.as_deref(), Some("Friday"));
//! ```

pub mod article;
pub mod batch;
pub mod export;
pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod query;
pub mod resolve;

pub use article::Article;
pub use batch::{extract_batch, BatchOptions, Loaded};
pub use extract::extract;
pub use graph::{ArticleGraph, ContactKind, Entity, EntityKind, Event, NewsGraph, Status};
pub use lexicon::Lexicon;

/// Builds one graph from `(path, text)` pairs, in the order given.
pub fn build<'a>(
    lexicon: &Lexicon,
    articles: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> NewsGraph {
    let found: Vec<ArticleGraph> = articles
        .into_iter()
        .map(|(path, text)| extract(lexicon, &Article::parse(path, text)))
        .collect();
    let mut graph = NewsGraph::new();
    graph.add_articles(&found);
    graph
}
