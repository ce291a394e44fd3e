//! Comparison stage, the survey's sites (`sites { }`): a site removed is breaking (responses
//! collected there would be rejected, and stored rows naming it fail the new `site` CHECK);
//! a site added is compatible (every old response stays valid; the first site gives the
//! response table a nullable `site` column). A site's label changed is compatible: the id
//! still names the same place (an id that now names another place should be a new id).

use super::words::{quote, TextChange};
use super::{Changes, Context};

pub fn compare(cx: &Context, out: &mut Changes) {
    let (old, new) = (cx.old, cx.new);
    for site in old.sites.iter().filter(|s| new.site(&s.id).is_none()) {
        let what = if new.sites.is_empty() {
            "the survey lists no sites any more, so responses lose their `site` key and column"
        } else {
            "responses collected there would be rejected"
        };
        out.breaking(
            None,
            format!(
                "site `{}` {} removed: {what}",
                site.id,
                quote(site.label.get(&cx.reference))
            ),
        );
    }
    for site in new.sites.iter() {
        let Some(before) = old.site(&site.id) else {
            let column = if old.sites.is_empty() {
                " (the response table gains a nullable `site` column)"
            } else {
                ""
            };
            out.compatible(
                None,
                format!(
                    "site `{}` {} added{column}",
                    site.id,
                    quote(site.label.get(&cx.reference))
                ),
            );
            continue;
        };
        match cx.text_change(&before.label, &site.label) {
            TextChange::Same => {}
            TextChange::Reference(a, b) => out.compatible(
                None,
                format!("site `{}` relabelled from {} to {}", site.id, quote(a), quote(b)),
            ),
            TextChange::Others(langs) => out.compatible(
                None,
                format!("site `{}` label changed in {}", site.id, langs.join(", ")),
            ),
        }
    }
}
