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

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b")
        .expect("valid regex")
});
static URL_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/(20\d{2}|19\d{2})/(\d{1,2})/(\d{1,2})/").expect("valid regex"));

/// The first full date written in `s` ("April 11, 2025", "10 August 2025", "Nov. 18, 2025",
/// "2025-08-10") as `YYYY-MM-DD`.
pub(crate) fn find_full_date(s: &str) -> Option<String> {
    let c = FULL_DATE.captures(s)?;
    let (y, m, d) = if let (Some(mo), Some(d), Some(y)) = (c.get(1), c.get(2), c.get(3)) {
        (
            y.as_str().parse().ok()?,
            month_number(mo.as_str())?,
            d.as_str().parse().ok()?,
        )
    } else if let (Some(d), Some(mo), Some(y)) = (c.get(4), c.get(5), c.get(6)) {
        (
            y.as_str().parse().ok()?,
            month_number(mo.as_str())?,
            d.as_str().parse().ok()?,
        )
    } else {
        (
            c.get(7)?.as_str().parse().ok()?,
            c.get(8)?.as_str().parse().ok()?,
            c.get(9)?.as_str().parse().ok()?,
        )
    };
    let date: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// Month number of a month name or its abbreviation ("April", "Apr", "apr.", "Sept").
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| name.starts_with(m))
        .map(|i| i as u32 + 1)
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
                continue;
            }
        }
        // A date line near the top: "April 11, 2025", "Published: 10 August 2025",
        // "15 July 2025 | By Callum Reid".
        let words = s.split_whitespace().count();
        if n < 15 && words <= 12 && !s.ends_with(['.', '!', '?']) {
            if let Some(date) = find_full_date(s) {
                meta.date.get_or_insert(date);
                for part in s.split('|') {
                    if let Some(a) = BYLINE.captures(part.trim()).and_then(|m| m.get(1)) {
                        meta.author.get_or_insert_with(|| a.as_str().to_string());
                    }
                }
                c.mask(content);
            }
        }
    }
    // A dateline opening the story ("ABUJA, Dec 10, 2025 —"), else a date in the URL.
    if meta.date.is_none() {
        for line in &lines {
            let Some(content) = c.content(*line) else {
                continue;
            };
            let head: String = content.slice(text).chars().take(60).collect();
            if let Some(d) = find_full_date(&head) {
                meta.date = Some(d);
                break;
            }
        }
    }
    if meta.date.is_none() {
        if let Some(caps) = meta.url.as_deref().and_then(|u| URL_DATE.captures(u)) {
            let parts: Option<(i32, u32, u32)> = (|| {
                Some((
                    caps.get(1)?.as_str().parse().ok()?,
                    caps.get(2)?.as_str().parse().ok()?,
                    caps.get(3)?.as_str().parse().ok()?,
                ))
            })();
            if let Some((y, m, d)) = parts {
                if let Some(date) = chrono::NaiveDate::from_ymd_opt(y, m, d) {
                    meta.date = Some(date.format("%Y-%m-%d").to_string());
                }
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
    let lines = c.lines();
    for (n, line) in lines.iter().copied().enumerate() {
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
        // A headline: title case anywhere near the top, or a sentence-case line without final
        // punctuation standing alone among the first few lines ("Nordvik Systems to buy
        // Castellan Robotics in $4.2 billion deal").
        let words = s.split_whitespace().count();
        let alone = lines
            .get(n + 1)
            .is_none_or(|next| c.content(*next).is_none());
        let headline = seen <= 3
            && alone
            && (4..=24).contains(&words)
            && !s.ends_with(['.', '!', '?', ':', '"', '”', ',', ';']);
        if meta.title.is_none() && (is_title_case(&s) || headline) && s == content.slice(text) {
            meta.title = Some(s);
            c.mask(content);
            title_at = Some(n);
        }
    }
}
