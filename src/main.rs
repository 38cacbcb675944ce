//! The `claimlint` binary: the command line in `cli/`.

mod cli;

fn main() {
    if std::env::args_os().nth(1).is_some_and(|a| a == "lsp") {
        std::process::exit(claimlint::lsp::run())
    }
    std::process::exit(cli::main(std::env::args_os().skip(1).collect()));
}
