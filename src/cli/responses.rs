//! The responses file of `rileva validate` and `load`, read one line at a time: memory holds
//! one line and its verdict, never the file. `-` reads standard input (a pipe of any length).
//! Given several versions of one survey, each line is judged by the version it names
//! (docs/versions.md).

use super::CliError;
use rileva_compiler::ir;
use rileva_compiler::response::{judge_line_versions, strip_bom, LineVerdict};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// The verdicts on the lines of one responses file, in order (blank lines skipped); an
/// `Err` says the file could not be read further, and ends the verdicts.
pub struct Verdicts<'s> {
    surveys: &'s [ir::Survey],
    reader: Box<dyn BufRead>,
    /// Shown in a read error.
    name: String,
    line: usize,
    buffer: Vec<u8>,
    done: bool,
}

/// Open RESPONSES (a path, or `-` for standard input) for [`Verdicts`]. Unreadable is a
/// failure of the command (exit 2).
pub fn open<'s>(surveys: &'s [ir::Survey], responses: &Path) -> Result<Verdicts<'s>, CliError> {
    let name = responses.display().to_string();
    let reader: Box<dyn Read> = if responses == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(responses).map_err(|e| format!("cannot read {name}: {e}"))?)
    };
    Ok(Verdicts {
        surveys,
        reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
        name,
        line: 0,
        buffer: Vec::new(),
        done: false,
    })
}

impl Verdicts<'_> {
    /// The next line without its `\n`, `None` at the end of the file.
    fn next_line(&mut self) -> Option<Result<(), CliError>> {
        self.buffer.clear();
        match self.reader.read_until(b'\n', &mut self.buffer) {
            Ok(0) => None,
            Ok(_) => {
                if self.buffer.last() == Some(&b'\n') {
                    self.buffer.pop();
                }
                self.line += 1;
                Some(Ok(()))
            }
            Err(e) => Some(Err(format!("cannot read {}: {e}", self.name))),
        }
    }
}

impl Iterator for Verdicts<'_> {
    /// The index in the surveys of the version that judged the line, and its verdict.
    type Item = Result<(usize, LineVerdict), CliError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_line() {
                None => self.done = true,
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Some(Ok(())) => {
                    let raw = if self.line == 1 {
                        strip_bom(&self.buffer)
                    } else {
                        &self.buffer
                    };
                    if let Some(verdict) = judge_line_versions(self.surveys, self.line, raw) {
                        return Some(Ok(verdict));
                    }
                }
            }
        }
        None
    }
}
