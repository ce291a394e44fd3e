//! R0602 (warning): a scale or options list of the input files that no question uses
//! (in a survey, or in a module of the inputs). Lists of the stdlib and of `--lib` packages
//! are libraries: they are there to be picked from, and never warned about; so is an input
//! file that holds lists but no survey and no module (`rileva check` on a scales package).

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::resolve::Db;
use crate::syntax::ast::{self, CodeListKind};

pub fn check(db: &Db, sink: &mut Diagnostics) {
    for (id, list) in db.lists.iter().enumerate() {
        if !db.is_input(list.file) || db.used_lists.contains(&id) || is_library(db, list.file) {
            continue;
        }
        let (noun, ty) = match list.ast.kind {
            CodeListKind::Scale => ("scale", "scale"),
            CodeListKind::Options => ("options list", "choice"),
        };
        sink.push(
            Diagnostic::new(
                Code::R0602,
                format!("{noun} `{}` is never used", list.name),
                list.ast.name.span,
                "no question uses it",
            )
            .with_help(format!(
                "use it in a question (`question x: {ty} {}`), or remove it",
                list.name
            )),
        );
    }
}

/// A file of lists only: nothing in it could use them.
fn is_library(db: &Db, file: usize) -> bool {
    db.file(file).is_some_and(|f| {
        !f.ast
            .items
            .iter()
            .any(|i| matches!(i, ast::Item::Survey(_) | ast::Item::Module(_)))
    })
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{survey, with_code};

    #[test]
    fn unused_local_lists_only() {
        let src = format!(
            "scale usata {{\n  1 \"Poco\" en \"Little\"\n  2 \"Molto\" en \"Much\"\n}}\n\
             options inutile {{\n  1 \"A\" en \"A\"\n}}\n{}",
            survey("  question q: scale usata { \"Q?\" en \"Q?\" }")
        );
        let found = with_code(&src, "R0602");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, "options list `inutile` is never used");
    }

    #[test]
    fn a_file_of_lists_only_is_a_library() {
        let src = "scale frequenza4 {\n  1 \"Mai\"\n  2 \"Sempre\"\n}\n";
        assert!(with_code(src, "R0602").is_empty());
    }
}
