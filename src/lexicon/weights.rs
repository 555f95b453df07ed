//! Fitted weights: `data/pair_weights.tsv` in, the weight of a named cue out.
//!
//! The file is written by `scripts/fit_pairs.py` (logistic regression over the gold
//! development folders), never by hand: each line is `cue<TAB>weight`, with two special rows,
//! `bias` (the score of a pair with no cue) and `threshold` (the probability from which a pair
//! counts as a contact). A cue the file does not name weighs nothing.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

const PAIR_WEIGHTS: &str = include_str!("data/pair_weights.tsv");

/// The weights of one fitted model.
#[derive(Debug, Default)]
pub struct Weights {
    cues: HashMap<&'static str, f32>,
    pub bias: f32,
    pub threshold: f32,
}

impl Weights {
    /// The weight of `cue`, 0 when the model never saw it.
    pub fn of(&self, cue: &str) -> f32 {
        self.cues.get(cue).copied().unwrap_or(0.0)
    }

    /// The probability the model gives a pair showing `cues`.
    pub fn probability<'c>(&self, cues: impl IntoIterator<Item = &'c str>) -> f32 {
        sigmoid(self.bias + cues.into_iter().map(|c| self.of(c)).sum::<f32>())
    }

    /// The probability from `cues` alone, without [`Weights::bias`]: for a model of the file
    /// whose bias is a cue of its own (`read:bias`).
    pub fn probability_without_bias<'c>(&self, cues: impl IntoIterator<Item = &'c str>) -> f32 {
        sigmoid(cues.into_iter().map(|c| self.of(c)).sum::<f32>())
    }
}

fn sigmoid(score: f32) -> f32 {
    1.0 / (1.0 + (-score).exp())
}

/// The weights that decide whether two sides named in one sentence with a contact word had the
/// contact (`extract/pairs.rs`).
pub fn pair_weights() -> &'static Weights {
    static WEIGHTS: OnceLock<Weights> = OnceLock::new();
    WEIGHTS.get_or_init(|| parse(PAIR_WEIGHTS).expect("built-in pair weights"))
}

fn parse(text: &'static str) -> Result<Weights, String> {
    let mut weights = Weights {
        threshold: 1.0,
        ..Weights::default()
    };
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (cue, weight) = line
            .split_once('\t')
            .ok_or_else(|| format!("pair_weights.tsv:{}: expected cue<TAB>weight", n + 1))?;
        let weight: f32 = weight
            .parse()
            .map_err(|_| format!("pair_weights.tsv:{}: {weight:?} is no number", n + 1))?;
        match cue {
            "bias" => weights.bias = weight,
            "threshold" => weights.threshold = weight,
            _ => {
                weights.cues.insert(cue, weight);
            }
        }
    }
    Ok(weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_weights_parse() {
        let weights = parse(PAIR_WEIGHTS).unwrap();
        assert!((0.0..=1.0).contains(&weights.threshold));
    }

    #[test]
    fn weights_add_up_to_a_probability() {
        let weights = parse("bias\t-1\nthreshold\t0.5\nnear\t3\n").unwrap();
        assert!(weights.probability(["near"]) > 0.8);
        assert!(weights.probability(["unknown"]) < 0.3);
        assert_eq!(weights.probability_without_bias(["unknown"]), 0.5);
        assert!(parse("near\tthree\n").unwrap_err().contains(":1:"));
    }
}
