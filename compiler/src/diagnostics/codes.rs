//! The registry of diagnostic codes: one variant per code, its severity, title and doc.
//! Codes are stable: CI logs and docs name them. Add new ones; never change a meaning.

use super::Severity;
use serde::Serialize;

macro_rules! codes {
    ($($code:ident $sev:ident $title:literal;)*) => {
        /// A stable diagnostic code (docs/language.md §13).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
        pub enum Code { $($code,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$code => Severity::$sev,)* }
            }

            /// One line: when the code is given.
            pub fn title(self) -> &'static str {
                match self { $(Code::$code => $title,)* }
            }

            /// The long doc printed by `rileva explain`: what it means, why, a failing example, the fix.
            pub fn doc(self) -> &'static str {
                match self { $(Code::$code => include_str!(concat!("docs/", stringify!($code), ".md")),)* }
            }
        }
    };
}

codes! {
    R0001 Error "syntax error";
    R0101 Error "unknown name";
    R0102 Error "duplicate definition";
    R0103 Error "invalid identifier";
    R0104 Error "package not found, or import cycle";
    R0105 Error "ambiguous bare name";
    R0201 Error "operator not applicable to the question's type";
    R0202 Error "code not among the question's codes, or number out of range";
    R0203 Error "`show if` names a question asked later, or itself";
    R0204 Error "invalid bounds";
    R0301 Error "missing translation for a declared language";
    R0302 Error "translation for an undeclared language, or a key that names nothing";
    R0401 Error "required module missing, incomplete, out of order, or not at the head of the survey";
    R0402 Error "locked question altered";
    R0403 Error "too many extra questions, or extra questions before the required ones";
    R0404 Error "personal-data question in an anonymous survey";
    R0405 Error "service kind or PA kind not covered by the profile";
    R0406 Error "unknown standard, version or profile";
    R0407 Error "channel not allowed by the standard";
    R0408 Error "estimated completion time above the standard's limit";
    R0501 Error "question type not answerable on a kiosk";
    R0502 Error "kiosk screen too small for the question's buttons";
    R0601 Warning "question can never be shown";
    R0602 Warning "scale or option list never used";
    R0603 Warning "wording longer than 160 characters on a kiosk screen";
}

impl Code {
    pub fn parse(s: &str) -> Option<Code> {
        let s = s.trim().to_ascii_uppercase();
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
