//! The `newsgraph` binary: parse arguments, run, map the outcome to an exit code
//! (0 success, 1 error, 2 some inputs failed, 3 `query --timeout` expired).

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: extraction and the store make many small,
/// short-lived allocations (tokens, keys, terms), where glibc's malloc/free took ~30 % of the
/// CPU of a `build` (see benches/NOTES.md).
///
/// Not with the RocksDB backend: Oxigraph's RocksDB wrapper takes the message of a RocksDB
/// error (allocated by the C library's `malloc`) into a `CString`, which Rust then frees with
/// the global allocator; under mimalloc that free crashed the process (SIGSEGV) on the first
/// storage error instead of reporting it (tests/crash.rs found it).
#[cfg(not(feature = "rocksdb"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let _ = ctrlc::set_handler(|| {
        if newsgraph::pipeline::INTERRUPTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("newsgraph: interrupted; stopping without writing (Ctrl-C again to quit now)");
    });
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            let msg = format!("{e:#}").replace('\n', " ");
            eprintln!("newsgraph: error: {msg}");
            ExitCode::FAILURE
        }
    }
}
