//! Running Graphviz `dot` on a DOT file, with a time limit.

use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{rendered_path, GraphError};

/// Output formats [`render`] accepts.
pub const FORMATS: &[&str] = &["svg", "png"];

/// How long [`render`] lets Graphviz run before it stops it.
pub const DEFAULT_RENDER_TIMEOUT: Duration = Duration::from_secs(60);

/// Renders `dot_file` with Graphviz within [`DEFAULT_RENDER_TIMEOUT`]; see
/// [`render_with_timeout`].
///
/// # Errors
/// As [`render_with_timeout`].
pub fn render(dot_file: &Path, format: &str) -> Result<PathBuf, GraphError> {
    render_with_timeout(dot_file, format, DEFAULT_RENDER_TIMEOUT)
}

/// Renders `dot_file` with Graphviz: runs `dot -T<format> -o <output> <dot_file>` and returns
/// the output path, which is `dot_file` with `format` as extension (see
/// [`rendered_path`](super::rendered_path)). The layout engine named in the file's `layout`
/// attribute is used. Graphviz is killed when it runs longer than `timeout` (large graphs can
/// take hours to lay out); the partial output file is then removed.
///
/// # Errors
/// [`GraphError::DotMissing`] (with installation instructions) when `dot` is not on `PATH`;
/// [`GraphError::DotTimeout`] when it does not finish within `timeout`;
/// [`GraphError::DotFailed`] when `format` is not `svg` or `png`, or when `dot` exits with a
/// failure (the message holds its stderr); [`GraphError::Io`] for other spawn errors.
pub fn render_with_timeout(
    dot_file: &Path,
    format: &str,
    timeout: Duration,
) -> Result<PathBuf, GraphError> {
    if !FORMATS.contains(&format) {
        return Err(GraphError::DotFailed(format!(
            "unsupported output format {format:?} (expected one of: {})",
            FORMATS.join(", ")
        )));
    }
    let output = rendered_path(dot_file, format);
    let spawned = Command::new("dot")
        .arg(format!("-T{format}"))
        .arg("-o")
        .arg(&output)
        .arg(dot_file)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(GraphError::DotMissing),
        Err(e) => return Err(GraphError::Io(e)),
    };
    // Read stderr on a thread so that a chatty Graphviz never blocks on a full pipe.
    let stderr_reader = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() >= timeout {
            let _ = child.kill();
            let _ = child.wait();
            let _ = std::fs::remove_file(&output);
            return Err(GraphError::DotTimeout {
                file: dot_file.to_path_buf(),
                seconds: timeout.as_secs_f64(),
            });
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = stderr_reader
        .and_then(|t| t.join().ok())
        .unwrap_or_default();
    if !status.success() {
        return Err(GraphError::DotFailed(format!(
            "{} on {}: {}",
            status,
            dot_file.display(),
            stderr.trim()
        )));
    }
    Ok(output)
}
