//! Finding the tables and the index on disk.

use std::path::{Path, PathBuf};

use crate::import::Table;
use crate::index::{TreatyMeta, read_index};

fn read(path: &Path) -> Result<String, String> {
    std::fs::read(path)
        .map_err(|e| format!("{}: {e}", path.display()))
        .and_then(|b| {
            String::from_utf8(b).map_err(|e| {
                format!(
                    "{}: not UTF-8 text (byte {})",
                    path.display(),
                    e.utf8_error().valid_up_to()
                )
            })
        })
}

/// The tables read, the index that describes them, and the index's unreadable rows.
pub type Tables = (Vec<Table>, Vec<TreatyMeta>, Vec<String>);

/// Reads the tables named by `paths` and the index that describes them. A path is a
/// directory holding `index.csv` and `treaties/`, a directory of tables, or a table
/// file; the index is `index` if given, else the first `index.csv` found in a given
/// directory, beside a table, or in the directory above it.
pub fn read_paths(paths: &[PathBuf], index: Option<&Path>) -> Result<Tables, String> {
    let mut table_paths: Vec<PathBuf> = Vec::new();
    let mut index_path: Option<PathBuf> = index.map(Path::to_path_buf);
    for p in paths {
        if p.is_dir() {
            let tables_dir = if p.join("treaties").is_dir() {
                p.join("treaties")
            } else {
                p.clone()
            };
            if index_path.is_none() {
                index_path = [p.join("index.csv"), tables_dir.join("../index.csv")]
                    .into_iter()
                    .find(|c| c.is_file());
            }
            let mut found: Vec<PathBuf> = std::fs::read_dir(&tables_dir)
                .map_err(|e| format!("{}: {e}", tables_dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.extension().is_some_and(|x| x == "csv")
                        && f.file_name().is_some_and(|n| n != "index.csv")
                })
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(format!("{}: no .csv tables found", tables_dir.display()));
            }
            table_paths.extend(found);
        } else if p.is_file() {
            if index_path.is_none() {
                let dir = p.parent().unwrap_or(Path::new("."));
                index_path = [dir.join("index.csv"), dir.join("../index.csv")]
                    .into_iter()
                    .find(|c| c.is_file());
            }
            table_paths.push(p.clone());
        } else {
            return Err(format!("{}: no such file or directory", p.display()));
        }
    }
    let Some(index_path) = index_path else {
        return Err("no index.csv found beside the tables: give it with --index FILE".to_string());
    };
    let (index, problems) = read_index(&read(&index_path)?);
    let problems = problems
        .into_iter()
        .map(|(line, why)| format!("{}:{line}: {why}", index_path.display()))
        .collect();
    let mut tables = Vec::with_capacity(table_paths.len());
    for p in table_paths {
        tables.push(Table {
            path: p.display().to_string(),
            text: read(&p)?,
        });
    }
    Ok((tables, index, problems))
}
