//! Time expressions, resolved against the document date.

use chrono::{Datelike, Duration, NaiveDate};

use super::tokens::{TokKind, Token};
use super::{TimeKind, TimeValue};
use crate::lexicon::{Lexicon, TimeWord};

/// A time expression in a sentence: token range and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// The resolved value.
    pub value: TimeValue,
}

/// The month a capitalized token names (`April`, `Jan`, `Sept.`).
pub(crate) fn month_of(t: &Token, lx: &Lexicon) -> Option<u32> {
    // Capitalized first: most tokens are not, and need no look-up.
    if !t.is_cap() {
        return None;
    }
    match lx.time_words.get(t.lower.trim_end_matches('.')) {
        Some(TimeWord::Month(m)) => Some(*m),
        _ => None,
    }
}

/// The number a word token of digits writes (`15`, `15th`), when it lies in `lo..=hi`.
pub(crate) fn number(t: Option<&Token>, lo: u32, hi: u32) -> Option<u32> {
    let t = t?;
    // A token starts with a letter, a digit or a punctuation mark: only digits can parse.
    if !t.text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let digits = t.text.trim_end_matches(|c: char| c.is_alphabetic());
    let n: u32 = digits.parse().ok()?;
    (t.is_word() && (lo..=hi).contains(&n)).then_some(n)
}

fn year_for(month: u32, doc: Option<NaiveDate>) -> Option<i32> {
    let d = doc?;
    // A month well after the document's is most likely last year's.
    Some(if month > d.month() + 2 {
        d.year() - 1
    } else {
        d.year()
    })
}

fn date(y: i32, m: u32, d: u32) -> Option<TimeValue> {
    let nd = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(TimeValue {
        lexical: nd.format("%Y-%m-%d").to_string(),
        kind: TimeKind::Date,
    })
}

/// A day written over tokens `first..=last` ("April 11, 2025", "25 December"), when the year
/// is known and the day exists.
fn day_expr(first: usize, last: usize, year: Option<i32>, m: u32, d: u32) -> Option<TimeExpr> {
    Some(TimeExpr {
        first,
        last,
        value: date(year?, m, d)?,
    })
}

/// Words that, earlier in a sentence, put a weekday after them in the future ("will meet on
/// Wednesday", "is expected to visit on Friday", "plans to sign on Monday").
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "shall",
    "expected",
    "scheduled",
    "plans",
    "planning",
    "intends",
];

/// Find the time expressions of a sentence.
pub fn find(toks: &[Token], lx: &Lexicon, doc: Option<NaiveDate>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let prev = i
            .checked_sub(1)
            .map(|p| toks[p].lower.as_str())
            .unwrap_or("");
        // Month Day[, Year] | Month Year | (in) Month
        if let Some(m) = month_of(t, lx) {
            if let Some(d) = number(toks.get(i + 1), 1, 31) {
                let (year, last) = match (
                    toks.get(i + 2).map(|x| x.text),
                    number(toks.get(i + 3), 1000, 2999),
                ) {
                    (Some(","), Some(y)) => (Some(y as i32), i + 3),
                    _ => (year_for(m, doc), i + 1),
                };
                out.extend(day_expr(i, last, year, m, d));
                i = last + 1;
                continue;
            }
            if let Some(y) = number(toks.get(i + 1), 1000, 2999) {
                out.push(TimeExpr {
                    first: i,
                    last: i + 1,
                    value: TimeValue {
                        lexical: format!("{y}-{m:02}"),
                        kind: TimeKind::YearMonth,
                    },
                });
                i += 2;
                continue;
            }
            // A month alone needs "in", "since", "by", "early" … before it; "May" must also be
            // capitalized there ("in May"), the modal verb never follows those words so.
            if matches!(
                prev,
                "in" | "since"
                    | "by"
                    | "during"
                    | "until"
                    | "early"
                    | "mid"
                    | "late"
                    | "last"
                    | "next"
                    | "this"
            ) && (t.lower != "may" || t.is_cap())
            {
                // "last March": the latest March before this month; "next March": the first
                // one after it; otherwise the nearest March that is not well in the future.
                let year = doc.map(|d| match prev {
                    "last" if m < d.month() => d.year(),
                    "last" => d.year() - 1,
                    "next" if m > d.month() => d.year(),
                    "next" => d.year() + 1,
                    "this" => d.year(),
                    _ => year_for(m, Some(d)).unwrap_or(d.year()),
                });
                if let Some(y) = year {
                    out.push(TimeExpr {
                        first: i,
                        last: i,
                        value: TimeValue {
                            lexical: format!("{y}-{m:02}"),
                            kind: TimeKind::YearMonth,
                        },
                    });
                }
            }
            i += 1;
            continue;
        }
        // Day Month [Year]
        if let (Some(d), Some(m)) = (
            number(Some(t), 1, 31),
            toks.get(i + 1).and_then(|x| month_of(x, lx)),
        ) {
            let (year, last) = match number(toks.get(i + 2), 1000, 2999) {
                Some(y) => (Some(y as i32), i + 2),
                None => (year_for(m, doc), i + 1),
            };
            out.extend(day_expr(i, last, year, m, d));
            i = last + 1;
            continue;
        }
        // in 2023
        if matches!(prev, "in" | "since" | "during" | "by" | "until" | "of") {
            if let Some(y) = number(Some(t), 1900, 2100).filter(|_| t.text.len() == 4) {
                out.push(TimeExpr {
                    first: i,
                    last: i,
                    value: TimeValue {
                        lexical: y.to_string(),
                        kind: TimeKind::Year,
                    },
                });
                i += 1;
                continue;
            }
        }
        // "last month", "this year", "next month"
        if let (Some(d), "month" | "year") = (doc, t.lower.as_str()) {
            let shift: Option<i32> = match prev {
                "last" | "past" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if let Some(s) = shift {
                let value = if t.lower == "year" {
                    TimeValue {
                        lexical: (d.year() + s).to_string(),
                        kind: TimeKind::Year,
                    }
                } else {
                    let months = d.year() * 12 + d.month0() as i32 + s;
                    TimeValue {
                        lexical: format!(
                            "{}-{:02}",
                            months.div_euclid(12),
                            months.rem_euclid(12) + 1
                        ),
                        kind: TimeKind::YearMonth,
                    }
                };
                out.push(TimeExpr {
                    first: i - 1,
                    last: i,
                    value,
                });
                i += 1;
                continue;
            }
        }
        // Weekdays and relative days (a weekday is capitalized: no look-up for most words).
        let time_word = match doc {
            Some(d) if t.is_cap() || lx.any_relative_days => {
                lx.time_words.get(t.lower.as_str()).map(|w| (w, d))
            }
            _ => None,
        };
        if let Some((word, d)) = time_word {
            match word {
                TimeWord::Weekday(w) if t.is_cap() => {
                    let today = d.weekday().number_from_monday();
                    // "… will travel to Manila on Tuesday": a weekday shortly after a future
                    // marker, in the same stretch of words (no punctuation between: not
                    // '"We will …," X said on Tuesday'), is the next one (or today).
                    let future = toks[i.saturating_sub(10)..i]
                        .iter()
                        .rev()
                        .take_while(|x| x.kind != TokKind::Punct)
                        .any(|x| FUTURE_MARKERS.contains(&x.lower.as_str()));
                    let value = if prev == "next" {
                        d + Duration::days(((*w + 7 - today - 1) % 7 + 1) as i64)
                    } else if future && prev != "last" {
                        d + Duration::days(((*w + 7 - today) % 7) as i64)
                    } else {
                        d - Duration::days(((today + 7 - *w) % 7) as i64)
                    };
                    let first =
                        if matches!(prev, "last" | "next" | "on" | "earlier" | "late" | "early") {
                            i - 1
                        } else {
                            i
                        };
                    out.push(TimeExpr {
                        first,
                        last: i,
                        value: TimeValue {
                            lexical: value.format("%Y-%m-%d").to_string(),
                            kind: TimeKind::Date,
                        },
                    });
                }
                TimeWord::RelativeDays(n) => {
                    let value = d + Duration::days(*n);
                    out.push(TimeExpr {
                        first: i,
                        last: i,
                        value: TimeValue {
                            lexical: value.format("%Y-%m-%d").to_string(),
                            kind: TimeKind::Date,
                        },
                    });
                }
                _ => {}
            }
        }
        i += 1;
    }
    out
}

/// The date relative expressions are resolved against: the document's date, else one
/// inferred from the text — a "Friday, April 11" whose weekday pins the year among the years
/// the text mentions, else the latest full date written out ("March 6, 2025").
pub fn reference_date(
    sentences: &[Vec<Token>],
    lx: &Lexicon,
    header: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if header.is_some() {
        return header;
    }
    let mut years: Vec<i32> = Vec::new();
    let mut latest: Option<NaiveDate> = None;
    for toks in sentences {
        for e in find(toks, lx, None) {
            if let Some(y) = e.value.lexical.get(..4).and_then(|y| y.parse().ok()) {
                years.push(y);
            }
            if e.value.kind == TimeKind::Date {
                let d = NaiveDate::parse_from_str(&e.value.lexical, "%Y-%m-%d").ok();
                latest = latest.max(d);
            }
        }
    }
    years.sort_unstable();
    years.dedup();
    for toks in sentences {
        for i in 0..toks.len() {
            let Some(TimeWord::Weekday(w)) = lx.time_words.get(toks[i].lower.as_str()) else {
                continue;
            };
            if !toks[i].is_cap() {
                continue;
            }
            let j = if toks.get(i + 1).is_some_and(|t| t.text == ",") {
                i + 2
            } else {
                i + 1
            };
            let (Some(m), Some(d)) = (
                toks.get(j).and_then(|t| month_of(t, lx)),
                number(toks.get(j + 1), 1, 31),
            ) else {
                continue;
            };
            for &y in years.iter().rev() {
                for cand in [y, y + 1, y - 1] {
                    if let Some(date) = NaiveDate::from_ymd_opt(cand, m, d) {
                        if date.weekday().number_from_monday() == *w {
                            return Some(date);
                        }
                    }
                }
            }
        }
    }
    latest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn times(t: &str, doc: &str) -> Vec<String> {
        let lx = Lexicon::builtin().expect("lexicon");
        let l = t.to_ascii_lowercase();
        let toks = crate::extract::tokens::tokenize(t, t, &l, Span::new(0, t.len()));
        let d = NaiveDate::parse_from_str(doc, "%Y-%m-%d").ok();
        find(&toks, lx, d)
            .into_iter()
            .map(|e| e.value.lexical)
            .collect()
    }

    #[test]
    fn resolves_against_document_date() {
        assert_eq!(
            times(
                "They met on Friday, April 11, in Istanbul on April 10.",
                "2025-04-11"
            ),
            vec!["2025-04-11", "2025-04-11", "2025-04-10"]
        );
        assert_eq!(
            times(
                "He was arrested in Cyprus in 2023 and freed in March.",
                "2025-04-14"
            ),
            vec!["2023", "2025-03"]
        );
        assert_eq!(
            times("Talks on Thursday and 25 December 2024.", "2025-04-14"),
            vec!["2025-04-10", "2024-12-25"]
        );
        assert_eq!(
            times("The truce agreed in December.", "2025-01-10"),
            vec!["2024-12"]
        );
        // "May" is a month after "in" or "last", a modal verb elsewhere.
        assert_eq!(
            times(
                "They visited Nairobi in May and met again last May.",
                "2025-06-12"
            ),
            vec!["2025-05", "2025-05"]
        );
        // A weekday after a future marker is the next one; otherwise the last one (the
        // document is of Tuesday 2026-03-03).
        assert_eq!(
            times("Li met Milei on Wednesday.", "2026-03-03"),
            vec!["2026-02-25"]
        );
        assert_eq!(
            times("Li is expected to meet Milei on Wednesday.", "2026-03-03"),
            vec!["2026-03-04"]
        );
        assert_eq!(
            times("Blinken will travel to Manila on Tuesday.", "2026-03-03"),
            vec!["2026-03-03"]
        );
        assert_eq!(
            times(
                "\"We will not accept it,\" Horvath said on Monday.",
                "2026-03-03"
            ),
            vec!["2026-03-02"]
        );
        // "last" and "next" months: the nearest one before or after the document's month.
        assert_eq!(
            times(
                "Talks began last December and resume next March.",
                "2025-01-10"
            ),
            vec!["2024-12", "2025-03"]
        );
        assert_eq!(
            times(
                "Talks began last August and resume next February.",
                "2025-06-12"
            ),
            vec!["2024-08", "2026-02"]
        );
        assert!(times("The talks may resume. May they succeed.", "2025-06-12").is_empty());
    }
}
