//! The `newsgraph` command line: parse arguments, read files, call the library, write
//! outputs, map errors to exit codes.

mod cli;

/// Extraction makes many small strings and vectors; mimalloc serves them faster than the
/// system allocator and with less overhead per allocation (a smaller graph in memory).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
