"""Normalization as polars expressions: money to USD, percentages, dates resolved against the article date."""
from __future__ import annotations

from collections.abc import Callable

import polars as pl

# USD per unit of currency. Fixed, dated rates (ECB / Fed H.10 reference rates, 2025-01-02), so results are
# reproducible; a rate table that moves with the news would make the same article give different numbers.
USD_RATES = {"USD": 1.0, "EUR": 1.035, "GBP": 1.25, "CNY": 0.137, "JPY": 0.0064, "KRW": 0.00068, "INR": 0.0117,
             "CAD": 0.695, "HKD": 0.1287, "TWD": 0.0304, "SGD": 0.733, "AUD": 0.62}
USD_RATES_AS_OF = "2025-01-02"

MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "t": 1e12,
}
CURRENCY_WORDS = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP",
    "¥": "CNY", "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "renminbi": "CNY",
    "yen": "JPY", "jpy": "JPY", "won": "KRW", "krw": "KRW", "rupees": "INR", "inr": "INR", "c$": "CAD", "cad": "CAD",
    "hk$": "HKD", "hkd": "HKD", "nt$": "TWD", "twd": "TWD", "s$": "SGD", "sgd": "SGD", "a$": "AUD", "aud": "AUD",
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = r"(?i:trillion|billion|million|thousand|mln|bn|mn|tn|[bmkt]\b)"
# (other dollars before the US dollar's sign: "HK$5.4 billion" is Hong Kong dollars, tests/pages11 z089)
_PREFIX_CUR = r"US\$|C\$|HK\$|NT\$|S\$|A\$|\$|€|£|¥|USD|EUR|GBP|CNY|RMB|HKD"
_SUFFIX_CUR = r"dollars|dollar|euros|euro|yuan|renminbi|RMB|yen|won|pounds|rupees"
# "$5.6 million", "US$2bn", "€600m", "USD 1.5 billion", "1.5 billion yuan", "600 billion dollars"
MONEY_PATTERN = (
    # (the multiplier hyphenated too, as an adjective: "a record $1.05-billion fundraising", tests/pages17 f078)
    rf"(?:(?:{_PREFIX_CUR})\s?(?:{_NUM})(?:[\s\-]?(?:{_MULT}))?"
    rf"|(?:{_NUM})\s?(?:{_MULT})?\s(?:{_SUFFIX_CUR})\b)"
)
MONEY_PARTS = (
    rf"^(?P<cur1>{_PREFIX_CUR})?\s?(?P<num>{_NUM})[\s\-]?(?P<mult>{_MULT})?\s?(?P<cur2>{_SUFFIX_CUR})?$"
)
# (thousands written with commas: "up over 3,000% in three years" is 3000, not 0; `pct_value` reads the figure)
_PCT_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PCT_UNIT = r"\s?(?:%|per ?cent\b|pc\b)"  # ("jump 10pc": British papers)
PCT_PATTERN = rf"({_PCT_NUMBER}){_PCT_UNIT}"  # group 1: the number
PCT_FIGURE = rf"(?:{_PCT_NUMBER}){_PCT_UNIT}"  # the same with no group, for patterns read by group number


def pct_value(text: pl.Expr) -> pl.Expr:
    """The first percentage `text` gives, as a number: "1,200%" -> 1200.0."""
    return text.str.extract(PCT_PATTERN, 1).str.replace_all(",", "", literal=True).cast(pl.Float64)


def _money_parts(text: pl.Expr) -> pl.Expr:
    return text.str.strip_chars().str.extract_groups(MONEY_PARTS)


def _currency(parts: pl.Expr) -> pl.Expr:
    return (
        pl.coalesce(parts.struct.field("cur1"), parts.struct.field("cur2"))
        .str.to_lowercase()
        .replace_strict(CURRENCY_WORDS, default="USD", return_dtype=pl.String)
    )


def money_currency(text: pl.Expr) -> pl.Expr:
    """The currency a matched money string is written in: "HK$5.4 billion" -> "HKD", "$5.6 million" -> "USD"."""
    return _currency(_money_parts(text))


def money_to_usd(text: pl.Expr) -> pl.Expr:
    """A matched money string ("$5.6 million") -> float USD; null if unparseable."""
    parts = _money_parts(text)
    number = parts.struct.field("num").str.replace_all(",", "").cast(pl.Float64, strict=False)
    mult = parts.struct.field("mult").str.to_lowercase().replace_strict(MULTIPLIERS, default=1.0,
                                                                        return_dtype=pl.Float64)
    rate = _currency(parts).replace_strict(USD_RATES, default=None, return_dtype=pl.Float64)
    return number * mult * rate


MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Sep.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12,
    # Not AP style, but house styles that abbreviate every month exist ("Mar. 1, 2025").
    "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7,
}
_MONTH = "|".join(sorted((m.replace(".", r"\.") for m in MONTHS), key=len, reverse=True))
_FULL = rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
_MONTH_DAY = rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
_MONTH_YEAR = rf"({_MONTH}),?\s+(\d{{4}})\b"
_MONTH_ONLY = rf"\b(?:in|during|by|until|early|late|mid-|mid|last|this|past|of)\s+({_MONTH})\b"  # ("this past October")
_ISO = r"\b(20\d\d-[01]\d-[0-3]\d)\b"
# "who has served as a director since October 2025": when a state began, which dates no event of the sentence.
_SINCE = (
    rf"\b(?i:since)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?|\d{{4}})\b"
)
# A future tense whose clause goes on to the month it names.
_AHEAD = (
    rf"\b(?:will|set to|expected to|scheduled to|plans? to)\b[^.;,]{{0,60}}?"
    rf"\b(?:in|by|until|from|starting|early|late|mid-|mid|this|on)\s+(?:{_MONTH})\b"
)
_QUARTER = r"\b(?:Q([1-4])|(first|second|third|fourth) quarter)(?:\s+(?:of\s+)?(\d{4}))?\b"
_QUARTER_MONTH = {"1": 1, "2": 4, "3": 7, "4": 10, "first": 1, "second": 4, "third": 7, "fourth": 10}


WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
# "on Monday", "late on Tuesday", "Wednesday's launch": a weekday names the past week's day
# (news reports what happened).
_WEEKDAY = (r"(?i:\b(?:on|late|early|last|since|by|until)\s+"
            r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)")


def _weekday_number(expr: pl.Expr) -> pl.Expr:
    return expr.str.to_lowercase().replace_strict(WEEKDAYS, default=None, return_dtype=pl.Int32)


def _month_number(expr: pl.Expr) -> pl.Expr:
    return expr.replace_strict(MONTHS, default=None, return_dtype=pl.Int32)


def _year_for(month: pl.Expr, published: pl.Expr, ahead: pl.Expr) -> pl.Expr:
    """A month named without a year is the latest such month not after the article date; one a future tense looks
    ahead to ("will join OpenAI in September" in a June article) is the next such month."""
    pub_year = published.dt.year().cast(pl.Int32)
    return (
        pl.when(ahead & (month < published.dt.month())).then(pub_year + 1)
        .when(~ahead & (month > published.dt.month())).then(pub_year - 1)
        .otherwise(pub_year)
    )


def _fmt(year: pl.Expr, month: pl.Expr, day: pl.Expr | None = None) -> pl.Expr:
    parts = [year.cast(pl.String), pl.lit("-"), month.cast(pl.String).str.zfill(2)]
    if day is not None:
        parts += [pl.lit("-"), day.cast(pl.String).str.zfill(2)]
    return pl.concat_str(parts)


def resolve_event_date(sentence: pl.Expr, published: pl.Expr) -> pl.Expr:
    """The first date a sentence states, as 'YYYY-MM-DD' or 'YYYY-MM', resolved against `published`."""
    sentence = sentence.str.replace_all(_SINCE, "")
    full = sentence.str.extract_groups(_FULL)
    md = sentence.str.extract_groups(_MONTH_DAY)
    my = sentence.str.extract_groups(_MONTH_YEAR)
    mo = sentence.str.extract(_MONTH_ONLY, 1)
    q = sentence.str.extract_groups(_QUARTER)
    f = lambda s, i: s.struct.field(str(i))  # noqa: E731  (extract_groups names unnamed groups "1", "2", ...)
    md_month = _month_number(f(md, 1))
    mo_month = _month_number(mo)
    q_month = pl.coalesce(f(q, 1), f(q, 2)).replace_strict(_QUARTER_MONTH, default=None, return_dtype=pl.Int32)
    # "on Thursday" in a Friday article is the day before: the latest such weekday not after the article date.
    weekday = _weekday_number(sentence.str.extract(_WEEKDAY, 1))
    days_back = (published.dt.weekday().cast(pl.Int32) - weekday).mod(7)
    relative_days = (
        pl.when(sentence.str.contains(r"\byesterday\b")).then(1)
        .when(weekday.is_not_null()).then(days_back)
        .when(sentence.str.contains(r"\b(?:today|this morning)\b")).then(0)
        .when(sentence.str.contains(r"\blast week\b")).then(7)
        .otherwise(None)
    )
    last_month = published.dt.offset_by("-1mo")
    ahead = sentence.str.contains(_AHEAD)
    return (
        pl.when(sentence.str.contains(_ISO)).then(sentence.str.extract(_ISO, 1))
        .when(f(full, 1).is_not_null()).then(_fmt(f(full, 3), _month_number(f(full, 1)), f(full, 2)))
        .when(f(my, 1).is_not_null()).then(_fmt(f(my, 2), _month_number(f(my, 1))))
        .when(md_month.is_not_null() & published.is_not_null())
        .then(_fmt(_year_for(md_month, published, ahead), md_month, f(md, 2)))
        .when(mo_month.is_not_null() & published.is_not_null())
        .then(_fmt(_year_for(mo_month, published, ahead), mo_month))
        .when(q_month.is_not_null() & (f(q, 3).is_not_null() | published.is_not_null()))
        .then(_fmt(pl.coalesce(f(q, 3).cast(pl.Int32), published.dt.year().cast(pl.Int32)), q_month))
        .when(relative_days.is_not_null() & published.is_not_null())
        .then(published.dt.offset_by(pl.concat_str(pl.lit("-"), relative_days.cast(pl.String), pl.lit("d")))
              .dt.strftime("%Y-%m-%d"))
        .when(sentence.str.contains(r"\blast month\b") & published.is_not_null()).then(last_month.dt.strftime("%Y-%m"))
        .otherwise(None)
    )


def each(values: pl.Series, fn: Callable[[str], str | None]) -> pl.Series:
    """``fn`` over a string column, in this thread, nulls kept. Not ``map_elements`` in an expression: polars runs that
    on its thread pool, which then waits for the GIL, and a polars call in another thread that holds the GIL while it
    uses the pool (``to_pandas``, which GX validation does) deadlocked a `radar run` (polars issues 26821, 27396)."""
    return pl.Series(values.name, [None if v is None else fn(v) for v in values.to_list()], dtype=pl.String)
