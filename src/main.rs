//! The `claimlint` binary: the command line in `cli/`.

mod cli;

fn main() {
    std::process::exit(cli::main(std::env::args_os().skip(1).collect()));
}
