//! The `claimlint` binary: the command line in `cli/`.

mod cli;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if args.first().is_some_and(|a| a == "lsp") {
        tune_allocator_for_the_server();
    }
    std::process::exit(cli::main(args));
}

/// glibc's allocator, set for a long-running server that holds large notes:
/// one arena (not eight per core, each keeping its own freed blocks), and
/// blocks from 256 KiB up mapped and unmapped on their own, a fixed
/// threshold (by default it rises with every large block freed, up to 32
/// MiB, and a megabyte note's texts then stay in the heap as holes). A 1 MB
/// note's texts go back to the system when replaced; a 100 KB note's are
/// reused from the heap without page faults (`cargo bench`; README,
/// "Performance"). glibc's `MALLOC_MMAP_THRESHOLD_` and `MALLOC_ARENA_MAX`
/// variables, when set, win.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator_for_the_server() {
    use std::ffi::c_int;
    extern "C" {
        fn mallopt(param: c_int, value: c_int) -> c_int;
    }
    const M_MMAP_THRESHOLD: c_int = -3;
    const M_ARENA_MAX: c_int = -8;
    // glibc's own variables, when set, win.
    let unset = |var: &str| std::env::var_os(var).is_none();
    // SAFETY: mallopt only sets allocator parameters, and runs before the
    // server starts any thread.
    unsafe {
        if unset("MALLOC_MMAP_THRESHOLD_") {
            mallopt(M_MMAP_THRESHOLD, 256 << 10);
        }
        if unset("MALLOC_ARENA_MAX") {
            mallopt(M_ARENA_MAX, 1);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator_for_the_server() {}
