//! Finding input files: files, folders (recursively, sorted, hidden entries skipped) and `-`.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::IngestError;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where to read it (`-` for standard input).
    pub path: PathBuf,
    /// Its name in the graph: the path relative to the folder it was found under, or the file
    /// name for a file given directly.
    pub rel_path: String,
}

impl Input {
    /// True for standard input.
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }

    /// Read the bytes, refusing files over `max_bytes`.
    pub fn read(&self, max_bytes: u64) -> Result<Vec<u8>, IngestError> {
        let io = |source| IngestError::Io {
            path: self.path.clone(),
            source,
        };
        let mut bytes = Vec::new();
        if self.is_stdin() {
            std::io::stdin()
                .take(max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(io)?;
        } else {
            let file = std::fs::File::open(&self.path).map_err(io)?;
            let size = file.metadata().map_err(io)?.len();
            if size > max_bytes {
                return Err(IngestError::TooLarge {
                    path: self.path.clone(),
                    size,
                    limit: max_bytes,
                });
            }
            file.take(max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(io)?;
        }
        if bytes.len() as u64 > max_bytes {
            return Err(IngestError::TooLarge {
                path: self.path.clone(),
                size: bytes.len() as u64,
                limit: max_bytes,
            });
        }
        Ok(bytes)
    }
}

fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    let _ = t;
    "special file"
}

fn rel_string(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Expand `paths` into inputs (sorted within each folder) and the errors met on the way.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<IngestError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input {
                path: p.clone(),
                rel_path: "stdin".into(),
            });
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut stack = Vec::new();
                walk(p, p, &mut stack, &mut inputs, &mut errors);
            }
            Ok(_) => {
                let name = p
                    .file_name()
                    .map_or_else(|| rel_string(p), |n| n.to_string_lossy().into_owned());
                inputs.push(Input {
                    path: p.clone(),
                    rel_path: name,
                });
            }
            Err(source) => {
                let err = if source.raw_os_error() == Some(40) {
                    IngestError::SymlinkLoop { path: p.clone() }
                } else {
                    IngestError::Io {
                        path: p.clone(),
                        source,
                    }
                };
                errors.push(err);
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|i| seen.insert(i.path.clone()));
    (inputs, errors)
}

fn walk(
    root: &Path,
    dir: &Path,
    stack: &mut Vec<PathBuf>,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<IngestError>,
) {
    let canonical = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(source) => {
            errors.push(IngestError::Io {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    if stack.contains(&canonical) {
        errors.push(IngestError::SymlinkLoop {
            path: dir.to_path_buf(),
        });
        return;
    }
    stack.push(canonical);
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            v.sort();
            v
        }
        Err(source) => {
            errors.push(IngestError::Io {
                path: dir.to_path_buf(),
                source,
            });
            stack.pop();
            return;
        }
    };
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(root, &path, stack, inputs, errors),
            // Opening a FIFO blocks until a writer comes; devices and sockets are no articles.
            Ok(m) if !m.is_file() => errors.push(IngestError::NotAFile {
                what: format!("not a regular file ({})", file_kind(&m.file_type())),
                path,
            }),
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) =>
            {
                errors.push(IngestError::NotAFile {
                    what: "broken symbolic link".into(),
                    path,
                })
            }
            Ok(_) => {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                inputs.push(Input {
                    rel_path: rel_string(rel),
                    path,
                });
            }
            Err(source) => {
                let err = if source.raw_os_error() == Some(40) {
                    IngestError::SymlinkLoop { path }
                } else {
                    IngestError::Io { path, source }
                };
                errors.push(err);
            }
        }
    }
    stack.pop();
}
