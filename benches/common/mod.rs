//! Inputs shared by the benchmarks: the examples, and generated surveys of any size.

use rileva_compiler::Input;

/// Every example survey of the repository, in file-name order.
pub fn examples() -> Vec<Input> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rileva"))
        .map(|p| Input {
            name: p.display().to_string(),
            bytes: std::fs::read(&p).unwrap(),
        })
        .collect()
}

/// A survey on the istat.cx core with `n` extra questions of every type, routed on the core.
pub fn generated(n: usize) -> Input {
    let mut src = String::from(
        "import istat.cx\nimport istat.scales\n\nsurvey bench.grande {\n  version 1.0.0\n  title \"Valuta il servizio\" en \"Rate the service\"\n  languages it en\n  service \"bench\" kind istanza_online\n  use istat.cx.core\n  use istat.cx.servizio_online\n",
    );
    for i in 0..n {
        let body = match i % 6 {
            0 => format!("question q{i}: scale accordo5 {{ \"Domanda {i}?\" en \"Question {i}?\" show if soddisfazione <= 2 or facilita >= 4 }}"),
            1 => format!("question q{i}: choice {{ \"Scelta {i}?\" en \"Choice {i}?\" 1 \"Uno\" en \"One\" 2 \"Due\" en \"Two\" 99 \"Altro\" en \"Other\" specify }}"),
            2 => format!("question q{i}: multi {{ \"Multipla {i}?\" en \"Multi {i}?\" max 2 1 \"Uno\" en \"One\" 2 \"Due\" en \"Two\" 3 \"Tre\" en \"Three\" }}"),
            3 => format!("question q{i}: number 0..100 {{ \"Numero {i}?\" en \"Number {i}?\" show if answered q{} }}", i - 1),
            4 => format!("question q{i}: yesno {{ \"Sì o no {i}?\" en \"Yes or no {i}?\" required }}"),
            _ => format!("question q{i}: text max 200 {{ \"Testo {i}?\" en \"Text {i}?\" help \"Facoltativo\" en \"Optional\" }}"),
        };
        src.push_str("  ");
        src.push_str(&body);
        src.push('\n');
    }
    src.push_str("}\n");
    Input {
        name: format!("generated-{n}.rileva"),
        bytes: src.into_bytes(),
    }
}
