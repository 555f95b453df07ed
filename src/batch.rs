//! Many articles at once: inputs in, one [`ArticleGraph`] per input out, in input order.
//!
//! Loading, parsing and extraction run in parallel (rayon), one article at a time per thread:
//! each text is dropped as soon as its article is read. The results are handed over in the
//! order of the inputs while later inputs are read, so a graph built from them (with
//! [`crate::graph::Builder`]) is byte-identical whatever the number of threads, and
//! memory holds a few chunks of results, never all texts or all results. Loading is the
//! caller's closure: the library itself never touches the file system.

use rayon::prelude::*;

use crate::article::Article;
use crate::extract::extract;
use crate::graph::ArticleGraph;
use crate::lexicon::Lexicon;
use crate::time::Published;

/// How to run [`extract_batch`].
#[derive(Debug, Clone, Copy, Default)]
pub struct BatchOptions {
    /// Worker threads; 0 means one per core (or `RAYON_NUM_THREADS`).
    pub jobs: usize,
}

/// One loaded article: the path it is known by in the graph, its text, its publication date
/// when the caller knows it (from a sidecar file), and the caller's notes about it.
#[derive(Debug, Clone)]
pub struct Loaded<N> {
    pub path: String,
    pub text: String,
    pub published: Option<Published>,
    pub notes: N,
}

/// One article read: what it says, and the notes its loading made.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted<N> {
    pub graph: ArticleGraph,
    pub notes: N,
}

/// Inputs handed to the threads at a time: large enough to keep them busy, small enough
/// that the results waiting for the consumer stay few.
const CHUNK: usize = 512;

/// Loads and extracts every input in parallel, and hands each result to `consume` in input
/// order, on the calling thread, while the next inputs are being read.
///
/// `load` turns an input into its text (an error skips the input: `consume` gets the error in
/// its place); `on_done` is called once per input as it finishes, from any thread, in any
/// order (for a progress bar). At most a few chunks of results wait in memory at any time.
pub fn extract_batch<T, N, E>(
    lexicon: &Lexicon,
    inputs: &[T],
    options: &BatchOptions,
    load: impl Fn(&T) -> Result<Loaded<N>, E> + Sync,
    on_done: impl Fn() + Sync,
    mut consume: impl FnMut(usize, Result<Extracted<N>, E>),
) where
    T: Sync,
    N: Send,
    E: Send,
{
    let one = |input: &T| {
        let result = load(input).map(|loaded| {
            let mut article = Article::parse(&loaded.path, &loaded.text);
            if loaded.published.is_some() {
                article.published = loaded.published;
            }
            Extracted {
                graph: extract(lexicon, &article),
                notes: loaded.notes,
            }
        });
        on_done();
        result
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build();
    let Ok(pool) = pool else {
        // No threads to be had: the same work, in order, on this thread.
        for (index, input) in inputs.iter().enumerate() {
            consume(index, one(input));
        }
        return;
    };
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<_>>(2);
        let one = &one;
        scope.spawn(move || {
            for chunk in inputs.chunks(CHUNK) {
                // Small items: without a minimum length rayon would split down to single
                // articles.
                let results = pool.install(|| chunk.par_iter().with_min_len(4).map(one).collect());
                if sender.send(results).is_err() {
                    break;
                }
            }
        });
        let mut index = 0;
        for results in receiver {
            for result in results {
                consume(index, result);
                index += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_and_errors_whatever_the_threads() {
        let texts: Vec<String> = (0..(2 * CHUNK + 40))
            .map(|i| {
                format!(
                    "Foreign Minister Alda Korov{i} spoke by phone with German Chancellor \
                     Edmund Varsen on Friday."
                )
            })
            .collect();
        let load = |i: &usize| {
            if i % 7 == 3 {
                Err(format!("bad {i}"))
            } else {
                Ok(Loaded {
                    path: format!("a{i}.txt"),
                    text: texts[*i].clone(),
                    published: None,
                    notes: (),
                })
            }
        };
        let inputs: Vec<usize> = (0..texts.len()).collect();
        let lexicon = Lexicon::builtin();
        let run = |jobs| {
            let done = std::sync::atomic::AtomicUsize::new(0);
            let mut out = Vec::new();
            extract_batch(
                &lexicon,
                &inputs,
                &BatchOptions { jobs },
                load,
                || {
                    done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                },
                |index, result| {
                    assert_eq!(index, out.len());
                    out.push(result);
                },
            );
            assert_eq!(done.into_inner(), inputs.len());
            out
        };
        let one = run(1);
        assert_eq!(one, run(3));
        for (i, result) in one.iter().enumerate() {
            match result {
                Ok(found) => assert_eq!(found.graph.article, format!("a{i}.txt")),
                Err(e) => assert_eq!(e, &format!("bad {i}")),
            }
        }
    }
}
