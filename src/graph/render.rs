//! Running Graphviz `dot` on a DOT file.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{rendered_path, GraphError};

/// Output formats [`render`] accepts.
pub const FORMATS: &[&str] = &["svg", "png"];

/// Renders `dot_file` with Graphviz: runs `dot -T<format> -o <output> <dot_file>` and returns
/// the output path, which is `dot_file` with `format` as extension (see
/// [`rendered_path`](super::rendered_path)). The layout engine named in the file's `layout`
/// attribute is used.
///
/// # Errors
/// [`GraphError::DotMissing`] (with installation instructions) when `dot` is not on `PATH`;
/// [`GraphError::DotFailed`] when `format` is not `svg` or `png`, or when `dot` exits with a
/// failure (the message holds its stderr); [`GraphError::Io`] for other spawn errors.
pub fn render(dot_file: &Path, format: &str) -> Result<PathBuf, GraphError> {
    if !FORMATS.contains(&format) {
        return Err(GraphError::DotFailed(format!(
            "unsupported output format {format:?} (expected one of: {})",
            FORMATS.join(", ")
        )));
    }
    let output = rendered_path(dot_file, format);
    let result = Command::new("dot")
        .arg(format!("-T{format}"))
        .arg("-o")
        .arg(&output)
        .arg(dot_file)
        .output();
    let out = match result {
        Ok(out) => out,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(GraphError::DotMissing),
        Err(e) => return Err(GraphError::Io(e)),
    };
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(GraphError::DotFailed(format!(
            "{} on {}: {}",
            out.status,
            dot_file.display(),
            stderr.trim()
        )));
    }
    Ok(output)
}
