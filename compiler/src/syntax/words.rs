//! Syntax stage, the words for each grammar rule: what an author should have written there.
//! The match is exhaustive, so a new rule cannot reach users without words.

use super::keywords::{BODY, ITEMS, KIOSK, PROFILE, PROPERTIES, QUESTION_TYPES, STANDARD, SURVEY_ENTRY};
use super::Rule;

/// What a rule stands for, in words.
pub(crate) struct Expect {
    /// After "expected": "a question type such as `scale`, `choice`, `yesno`, `text`".
    pub words: String,
    /// For the label under the offending token: "a question type".
    pub short: String,
    /// Keywords a misspelt word may have meant.
    pub keywords: &'static [&'static str],
    /// What to write.
    pub help: &'static str,
    /// Something that may always follow (a translation): left out when more is expected.
    pub optional: bool,
}

impl Expect {
    /// Order in a message: what usually goes there first, inline codes next, `}` last.
    pub fn rank(&self) -> u8 {
        match self.words.as_str() {
            "`}`" => 2,
            w if w.starts_with("a code") => 1,
            _ => 0,
        }
    }
}

fn e(words: &str, short: &str, keywords: &'static [&'static str], help: &'static str) -> Option<Expect> {
    Some(Expect {
        words: words.to_owned(),
        short: short.to_owned(),
        keywords,
        help,
        optional: false,
    })
}

const HELP_TEXT: &str =
    "write a text in double quotes, e.g. `\"Quanto è soddisfatto?\"`, optionally followed by \
                         translations such as `en \"How satisfied are you?\"`";
const HELP_NAME: &str = "write a name in lower case, e.g. `soddisfazione` or `tempo_attesa`";
const HELP_INT: &str = "write a whole number, e.g. `5` or `-1`";
const HELP_EXPR: &str = "write a condition such as `soddisfazione <= 2`, `motivi has 99`, \
                         `ufficio in [1, 2]` or `answered commento`, combined with `and`, `or`, `not`";
const HELP_QUESTION_TYPE: &str = "write a type after the colon: `scale NAME`, `choice`, `multi`, `faces`, \
                                  `rating 5`, `nps`, `yesno`, `number 0..120` or `text max 500`";
const HELP_PROPERTY: &str = "a question block holds its wording, then `help`, `required`, `show if`, \
                             `channels`, `personal`, `locked`, `min`, `max` and inline codes such as `1 \"Sì\"`";

/// Words for `rule`; `None` for rules that are never reported on their own.
pub(crate) fn expectation(rule: Rule) -> Option<Expect> {
    use Rule::*;
    match rule {
        // Silent helpers: the rule that calls them is reported instead.
        WHITESPACE | COMMENT | name_char | inline_space | stop_word => None,
        name | list_name | name_list | alias => e("a name", "a name", &[], HELP_NAME),
        path => e("a name such as `istat.cx.core`", "a name", &[], "write a name, with dots between its parts"),
        int => e("a whole number", "a number", &[], HELP_INT),
        version => e("a version such as `1.0.0` or `2024.1`", "a version", &[], "write numbers separated by dots, e.g. `1.0.0`"),
        duration => e("a duration such as `20s` or `2m`", "a duration", &[], "write seconds as `20s` or minutes as `2m`"),
        string | str_body | text | kind_label => e("a text in quotes", "a text", &[], HELP_TEXT),
        translation | kind_translation | lang | lang2 => Some(Expect {
            optional: true,
            ..e("a translation such as `en \"...\"`", "a translation", &[], HELP_TEXT)?
        }),
        kw_import | kw_as | kw_scale | kw_options | kw_missing | kw_specify | kw_kinds | kw_module
        | kw_title | kw_standard | kw_version | kw_languages | kw_channels | kw_anonymous | kw_max
        | kw_minutes | kw_profile | kw_service | kw_pa | kw_any | kw_require | kw_allow | kw_extra
        | kw_survey | kw_agency | kw_kind | kw_conforms | kw_kiosk | kw_sites | kw_positive | kw_screen | kw_x | kw_reset
        | kw_after | kw_thanks | kw_use | kw_section | kw_question | kw_choice | kw_multi | kw_faces
        | kw_rating | kw_nps | kw_yesno | kw_number | kw_text | kw_help | kw_required | kw_show | kw_if
        | kw_personal | kw_locked | kw_min | kw_check | kw_else | kw_translations | kw_or | kw_and
        | kw_not | kw_answered | kw_in | kw_has => keyword(rule),
        lbrace => e("`{`", "`{`", &[], "open the block with `{`"),
        rbrace => e("`}`", "`}`", &[], "close the block with `}`"),
        colon => e("`:` between the question's name and its type", "`:`", &[], "write `question NAME: TYPE {`"),
        dotdot => e("`..` between the bounds", "`..`", &[], "write a range as `number 0..120`"),
        lbracket => e("`[`", "`[`", &[], "write a list of codes as `[1, 2]`"),
        rbracket => e("`]` to close the list of codes", "`]`", &[], "write a list of codes as `[1, 2]`"),
        comma => e("`,`", "`,`", &[], "separate codes with commas: `[1, 2]`"),
        lparen => e("`(`", "`(`", &[], HELP_EXPR),
        rparen => e("`)` to close the parenthesis", "`)`", &[], "close every `(` with a `)`"),
        cmp_op => e(
            "a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`), `in` or `has`",
            "a comparison",
            &["in", "has"],
            HELP_EXPR,
        ),
        item => e(
            "an item such as `survey`, `module`, `standard`, `scale`, `options`, `kinds` or `import`",
            "an item",
            ITEMS,
            "a file holds `import`s, then `scale`, `options`, `kinds`, `module`, `standard` and `survey` items",
        ),
        import_item => e("`import` and a package name", "an import", &["import"], "write `import istat.cx`"),
        code_list_head => e("a `scale` or `options` list", "a code list", &["scale", "options"], "write `scale NAME { 1 \"...\" ... }`"),
        code_entry | code_def | kind_def => e(
            "a code such as `1 \"label\"`",
            "a code",
            &["missing", "positive"],
            "write a code and its label, e.g. `1 \"Per niente\"`, `missing 9 \"Non so\"` or `99 \"Altro\" specify`",
        ),
        kinds_head => e("a `kinds` list", "a kinds list", &["kinds"], "write `kinds service { sportello \"Sportello\" }`"),
        module_head => e("`module` and its name", "a module", &["module"], "write `module NAME {`"),
        module_entry | section_entry | body_item => e(
            "an item such as `question`, `section`, `use`, `check`, `translations`",
            "a question or section",
            BODY,
            "write `question NAME: TYPE { ... }`, `section NAME \"Title\" { ... }` or `use MODULE`",
        ),
        module_title => e("`title` and a text", "a title", &["title"], HELP_TEXT),
        standard_head => e("`standard` and its name", "a standard", &["standard"], "write `standard NAME {`"),
        standard_entry => e(
            "a statement of the standard (`version`, `title`, `languages`, `channels`, `anonymous`, `max minutes`, `profile`)",
            "a statement",
            STANDARD,
            "see the language reference, section 7",
        ),
        version_stmt => e("`version` and a version", "a version", &["version"], "write `version 1.0.0`"),
        title_stmt => e("`title` and a text", "a title", &["title"], HELP_TEXT),
        languages_stmt => e("`languages` and language codes", "languages", &["languages"], "write `languages it en`"),
        channels_stmt | channels_prop => e("`channels` and channel names", "channels", &["channels"], "write `channels web kiosk`"),
        anonymous_stmt => e("`anonymous`", "`anonymous`", &["anonymous"], "write `anonymous` alone on its line"),
        max_minutes_stmt => e("`max minutes` and a number", "`max minutes`", &["max"], "write `max minutes 3`"),
        profile_head => e("`profile`, its name and `{`", "a profile", &["profile"], "write `profile NAME \"Title\" {`"),
        profile_stmt => e(
            "a statement of the profile (`service kinds`, `pa kinds`, `require`, `allow`, `extra max`)",
            "a profile statement",
            PROFILE,
            "write e.g. `service kinds sportello`, `pa kinds any`, `require core`, `extra max 5`",
        ),
        service_kinds | pa_kinds | kind_list => e("kinds, or `any`", "kinds", &["any"], "write kind names, or `any`"),
        require_stmt | allow_stmt => e("module names", "module names", &["require", "allow"], "write `require core`"),
        extra_max => e("`extra max` and a number", "`extra max`", &["extra"], "write `extra max 5`"),
        survey_head => e("`survey` and its name", "a survey", &["survey"], "write `survey agency.name {`"),
        survey_entry | header_stmt => e(
            "a statement such as `version`, `title`, `languages`, `agency`, `channels`, `conforms`, \
             or an item such as `question`, `section`, `use`, `check`, `translations`",
            "a statement or question",
            SURVEY_ENTRY,
            "see the language reference, sections 5 and 6",
        ),
        agency_stmt => e("`agency` and its IPA code in quotes", "an agency", &["agency"], "write `agency \"inps\" kind ente_previdenziale`"),
        service_stmt => e("`service` and its code in quotes", "a service", &["service"], "write `service \"hub-prestazioni\" kind istanza_online`"),
        conforms_stmt => e("`conforms`", "`conforms`", &["conforms"], "write `conforms istat.cx 2024.1 profile istanza_online`"),
        positive_stmt | int_line => e(
            "`positive` and the codes that count as positive",
            "positive codes",
            &["positive"],
            "write the scale's positive codes on one line, e.g. `positive 4 5`",
        ),
        sites_head => e("`sites {`", "a sites block", &["sites"], "write `sites { centro \"Sede centrale\" }`"),
        site_def => e(
            "a site such as `centro \"Sede centrale\"`",
            "a site",
            &[],
            "write a site id and its label, e.g. `centro \"Anagrafe centrale\" en \"Central registry office\"`",
        ),
        kiosk_head => e("`kiosk {`", "a kiosk block", &["kiosk"], "write `kiosk { screen 1280 x 800 }`"),
        kiosk_stmt | screen_stmt | reset_stmt | thanks_stmt => e(
            "a kiosk statement (`screen`, `reset after`, `thanks`)",
            "a kiosk statement",
            KIOSK,
            "write `screen 1280 x 800`, `reset after 20s` or `thanks \"Grazie\"`",
        ),
        section_head => e("`section`, its name, a title and `{`", "a section", &["section"], "write `section NAME \"Title\" {`"),
        use_item => e("`use` and a module name", "a use", &["use"], "write `use istat.cx.core`"),
        question_item => e("`question`", "a question", &["question"], "write `question NAME: TYPE { \"Wording?\" }`"),
        question_type | scale_type | choice_type | multi_type | faces_type | rating_type | nps_type | yesno_type
        | number_type | text_type => e(
            "a question type such as `scale`, `choice`, `yesno`, `text`",
            "a question type",
            QUESTION_TYPES,
            HELP_QUESTION_TYPE,
        ),
        property | help_prop | required_prop | show_if_prop | personal_prop | locked_prop | min_prop | max_prop => e(
            "a property such as `help`, `required`, `show if`",
            "a property",
            PROPERTIES,
            HELP_PROPERTY,
        ),
        check_item => e("`check`", "a check", &["check"], "write `check CONDITION else \"Message\"`"),
        translations_head => e("`translations`", "translations", &["translations"], "write `translations de { key \"text\" }`"),
        translation_entry | translation_key => e(
            "a translation entry such as `soddisfazione \"...\"` or `motivi.99 \"...\"`",
            "a translation entry",
            &[],
            "write a key (a question, `question.help`, `list.code`, a section or `title`) and a text in quotes",
        ),
        expr | and_expr | not_expr | primary | paren | answered | has_expr | in_expr | compare => {
            e("a condition such as `soddisfazione <= 2`", "a condition", &["not", "answered"], HELP_EXPR)
        }
    }
}

/// A keyword stands for itself.
fn keyword(rule: Rule) -> Option<Expect> {
    let word = keyword_text(rule)?;
    let at = ALL_KEYWORDS.iter().position(|k| *k == word)?;
    Some(Expect {
        words: format!("`{word}`"),
        short: format!("`{word}`"),
        keywords: ALL_KEYWORDS.get(at..=at)?,
        help: keyword_help(word),
        optional: false,
    })
}

/// How the statement around a keyword is written.
fn keyword_help(word: &str) -> &'static str {
    match word {
        "else" => "write `check CONDITION else \"Message\"`",
        "if" => "write `show if CONDITION`",
        "kinds" => "write `service kinds NAME...` or `pa kinds any`",
        "minutes" => "write `max minutes 3`",
        "max" => "write `extra max 5` or `text max 500`",
        "after" => "write `reset after 20s`",
        "x" => "write `screen 1280 x 800`",
        "profile" => "write `conforms istat.cx 2024.1 profile istanza_online`",
        "kind" => "write `agency \"inps\" kind ente_previdenziale`",
        "as" => "write `import istat.scales as s`",
        _ => "see the language reference",
    }
}

/// The spelling of a keyword rule.
pub(crate) fn keyword_text(rule: Rule) -> Option<&'static str> {
    let name = format!("{rule:?}");
    let word = name.strip_prefix("kw_")?;
    ALL_KEYWORDS.iter().copied().find(|k| *k == word)
}

const ALL_KEYWORDS: &[&str] = &[
    "import",
    "as",
    "scale",
    "options",
    "missing",
    "specify",
    "kinds",
    "module",
    "title",
    "standard",
    "version",
    "languages",
    "channels",
    "anonymous",
    "max",
    "minutes",
    "profile",
    "service",
    "pa",
    "any",
    "require",
    "allow",
    "extra",
    "survey",
    "agency",
    "kind",
    "conforms",
    "kiosk",
    "sites",
    "positive",
    "screen",
    "x",
    "reset",
    "after",
    "thanks",
    "use",
    "section",
    "question",
    "choice",
    "multi",
    "faces",
    "rating",
    "nps",
    "yesno",
    "number",
    "text",
    "help",
    "required",
    "show",
    "if",
    "personal",
    "locked",
    "min",
    "check",
    "else",
    "translations",
    "or",
    "and",
    "not",
    "answered",
    "in",
    "has",
];
