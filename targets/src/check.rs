//! The one check every front end runs (`rileva check` and `build`, `rileva serve` at start-up,
//! a language server): every stage of the compiler, then every target's validation.

use crate::Target;
use rayon::prelude::*;
use rileva_compiler::diagnostics::{Diagnostic, Diagnostics};
use rileva_compiler::{compile, Compilation, Input, LibPackage};

/// Compile the inputs, then let every target of [`Target::ALL`] validate each checked survey
/// (R0502 of the kiosk, the SQL identifiers of R0103). The diagnostics of every stage and
/// target come back in one list, sorted and de-duplicated by one rule
/// ([`Diagnostics::into_sorted`]: file, start, end, code, message). As with
/// [`compile`], `surveys` holds the IR only when no stage and no target found an error.
/// Never panics; does no I/O.
pub fn check(inputs: &[Input], libs: &[LibPackage]) -> Compilation {
    let compilation = compile(inputs, libs);
    let mut sink = Diagnostics::default();
    // Every (survey, target) pair on every core; collected in order, then sorted.
    let found: Vec<Vec<Diagnostic>> = compilation
        .surveys
        .par_iter()
        .flat_map_iter(|survey| Target::ALL.iter().map(move |target| target.validate(survey)))
        .collect();
    sink.extend(found.into_iter().flatten());
    let target_errors = sink.has_errors();
    sink.extend(compilation.diagnostics);
    Compilation {
        diagnostics: sink.into_sorted(),
        surveys: if target_errors {
            Vec::new()
        } else {
            compilation.surveys
        },
        ..compilation
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rileva_compiler::diagnostics::{Code, Diagnostic};

    fn input(name: &str, text: &str) -> Input {
        Input {
            name: name.to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn survey(id: &str, extra: &str) -> String {
        format!(
            "survey {id} {{\n  version 1.0.0\n  title \"T\"\n  channels kiosk web\n{extra}\n  \
             question sportello: choice {{\n    \"Quale?\"\n    1 \"A\"\n    2 \"B\"\n    3 \"C\"\n    \
             4 \"D\"\n    5 \"E\"\n    6 \"F\"\n    7 \"G\"\n    8 \"H\"\n  }}\n}}\n"
        )
    }

    fn key(d: &Diagnostic) -> (u32, u32, u32, Code) {
        let s = d.primary.span;
        (s.file.0, s.start, s.end, d.code)
    }

    #[test]
    fn target_errors_join_the_compiler_ones_and_withhold_the_ir() {
        let small = survey("bari.sportello", "  kiosk {\n    screen 320 x 200\n  }");
        assert!(compile(&[input("a.rileva", &small)], &[]).diagnostics.is_empty());
        let checked = check(&[input("a.rileva", &small)], &[]);
        let codes: Vec<Code> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::R0502]);
        assert!(checked.surveys.is_empty(), "no IR when a target found an error");
        assert!(checked.has_errors());
    }

    #[test]
    fn a_clean_survey_keeps_its_ir() {
        let fine = survey("bari.sportello", "");
        let checked = check(&[input("a.rileva", &fine)], &[]);
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        assert_eq!(checked.surveys.len(), 1);
    }

    #[test]
    fn the_sql_table_name_points_at_the_survey_name() {
        // Each segment within the 48 characters of R0103; the table `comune_a…_b…_v1` is not.
        let id = format!("comune.{}.{}", "a".repeat(40), "b".repeat(30));
        let text = survey(&id, "");
        let checked = check(&[input("long.rileva", &text)], &[]);
        let [d] = checked.diagnostics.as_slice() else {
            panic!("one R0103 for the SQL table name: {:?}", checked.diagnostics);
        };
        assert_eq!(d.code, Code::R0103);
        let span = d.primary.span;
        assert_eq!(
            &text[span.start as usize..span.end as usize],
            id,
            "points at the survey's own name"
        );
    }

    #[test]
    fn every_file_and_target_in_one_sorted_list() {
        // Two files, each with a kiosk error (R0502) and an SQL one (R0103), given out of order.
        let small = "  kiosk {\n    screen 320 x 200\n  }";
        let long = |n: &str| format!("comune.{n}{}.{}", "a".repeat(40), "b".repeat(30));
        let inputs = [
            input("b.rileva", &survey(&long("due"), small)),
            input("a.rileva", &survey(&long("uno"), small)),
        ];
        let checked = check(&inputs, &[]);
        let keys: Vec<_> = checked.diagnostics.iter().map(key).collect();
        let codes: Vec<Code> = keys.iter().map(|k| k.3).collect();
        assert_eq!(codes, [Code::R0103, Code::R0502, Code::R0103, Code::R0502]);
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(keys, sorted, "sorted by file, start, end, code; no duplicates");
    }
}
