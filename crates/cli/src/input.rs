//! Reading input files for subcommands: a path or `-` for standard input,
//! with errors that name the file.

use std::io::Read;

use crate::InputError;

/// Reads `path` (or standard input for `-`) as UTF-8 text.
pub(crate) fn read_text(path: &str) -> Result<String, InputError> {
    let mut text = String::new();
    let result = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result.map_err(|e| InputError(format!("{}: {e}", display_name(path))))?;
    Ok(text)
}

/// The name to show for `path` in messages.
pub(crate) fn display_name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}
