//! Brings the HTML export's JavaScript library (d3, from npm, pinned by
//! `web/package-lock.json`) into the binary: runs `npm ci` in `web/` when
//! `web/node_modules` is missing, then copies `d3.min.js` to `OUT_DIR`, where
//! `src/export/html.rs` embeds it with `include_str!`.
//!
//! Without npm (or without network) the build still succeeds: an empty file is embedded and
//! `newsgraph export --format html` explains how to fix it. Set `NEWSGRAPH_NO_NPM=1` to never
//! run npm.

use std::env;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const LIBRARY: &str = "web/node_modules/d3/dist/d3.min.js";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=web/package.json");
    println!("cargo:rerun-if-changed=web/package-lock.json");
    println!("cargo:rerun-if-changed={LIBRARY}");
    println!("cargo:rerun-if-env-changed=NEWSGRAPH_NO_NPM");

    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("d3.min.js");
    let library = Path::new(LIBRARY);
    if !library.exists() && env::var_os("NEWSGRAPH_NO_NPM").is_none() {
        if let Err(reason) = npm_ci() {
            println!(
                "cargo:warning=newsgraph: `npm ci` in web/ failed ({reason}); `export --format html` will not work in this build"
            );
        }
    }
    let script = fs::read_to_string(library).unwrap_or_default();
    fs::write(&out, script).expect("writing to OUT_DIR");
}

/// `npm ci` in `web/`, quietly; the reason when it fails.
fn npm_ci() -> Result<(), String> {
    let output = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir("web")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("running npm: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(stderr
            .lines()
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or("no message")
            .to_string())
    }
}
