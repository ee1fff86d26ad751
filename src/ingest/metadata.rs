//! Document metadata found in the text: date header, byline, title line, original URL.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::clean::{is_title_case, Cleaner};
use crate::text::Span;

/// Metadata of one article, each field only when found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Publication date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Title (headline).
    pub title: Option<String>,
    /// Author from a byline.
    pub author: Option<String>,
    /// Original URL.
    pub url: Option<String>,
}

static DATE_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b").expect("valid regex"));
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|Written by|Author:)\s+(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})$")
        .expect("valid regex")
});
static URL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:original url|source|url):\s*<?(https?://[^\s<>]+)?>?$").expect("valid regex")
});
static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^<?(https?://[^\s<>]+)>?$").expect("valid regex"));
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})$")
        .expect("valid regex")
});

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// Find the header, byline and URL lines, record them and mask them.
pub(crate) fn extract_header(c: &mut Cleaner<'_>) -> Metadata {
    let text = c.text();
    let mut meta = Metadata::default();
    let lines = c.lines();
    let mut want_url = false;
    for (n, line) in lines.iter().enumerate() {
        let Some(content) = c.content(*line) else {
            continue;
        };
        let s = content.slice(text);
        if n < 3 && meta.date.is_none() {
            if let Some(m) = DATE_HEADER.captures(s) {
                if let (Some(all), Some(d)) = (m.get(0), m.get(1)) {
                    meta.date = Some(d.as_str().to_string());
                    c.mask(Span::new(content.start, content.start + all.end()));
                    continue;
                }
            }
        }
        if want_url {
            want_url = false;
            if let Some(u) = URL_LINE.captures(s).and_then(|m| m.get(1)) {
                meta.url.get_or_insert_with(|| u.as_str().to_string());
                c.mask(content);
                continue;
            }
        }
        if let Some(m) = URL_LABEL.captures(s) {
            match m.get(1) {
                Some(u) => {
                    meta.url.get_or_insert_with(|| u.as_str().to_string());
                }
                None => want_url = true,
            }
            c.mask(content);
            continue;
        }
        if meta.author.is_none() && n < 12 {
            if let Some(a) = BYLINE.captures(s).and_then(|m| m.get(1)) {
                meta.author = Some(a.as_str().to_string());
                c.mask(content);
            }
        }
    }
    meta
}

/// After boilerplate is masked: the first headline-like line near the top is the title, and
/// a date line (`April 11, 2025`) right after it dates the article when no header did.
pub(crate) fn find_title(c: &mut Cleaner<'_>, meta: &mut Metadata) {
    let text = c.text();
    let mut seen = 0;
    let mut title_at = None;
    for (n, line) in c.lines().into_iter().enumerate() {
        let Some(content) = c.content(line) else {
            continue;
        };
        let s = c.view(content).trim().to_string();
        seen += 1;
        if title_at.is_some_and(|t: usize| n <= t + 3) {
            if let Some(m) = DATE_LINE.captures(&s) {
                let (Some(mo), Some(d), Some(y)) = (m.get(1), m.get(2), m.get(3)) else {
                    continue;
                };
                if meta.date.is_none() {
                    if let (Some(mo), Ok(d)) =
                        (month_number(mo.as_str()), d.as_str().parse::<u32>())
                    {
                        meta.date = Some(format!("{}-{mo:02}-{d:02}", y.as_str()));
                    }
                }
                c.mask(content);
                break;
            }
        }
        if seen > 12 {
            break;
        }
        if meta.title.is_none() && is_title_case(&s) && s == content.slice(text) {
            meta.title = Some(s);
            c.mask(content);
            title_at = Some(n);
        }
    }
}
