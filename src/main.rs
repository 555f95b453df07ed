//! The `newsgraph` command line: parse arguments, read files, call the library, write
//! outputs, map errors to exit codes.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
