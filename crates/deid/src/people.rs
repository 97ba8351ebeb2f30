//! People a report names who are not in the victim profile (R4).
//!
//! An incident note names the people who found, reported and handled the
//! incident: the accounting clerk who opened the mail, the IT manager, the
//! person to contact. Their names narrow the victim down as much as its
//! own name does, and a profile rarely lists every employee. Names are
//! found by the words around them, never by a list of names (the
//! exceptions, where no word stands around a name, are in
//! [`crate::speakers`]: a speaker at the start of a chat line, a full name
//! in romaji, a family name before a particle):
//!
//! - Japanese honorifics after a name, glued or after a space: `佐々木様`,
//!   `田中 健一さん`, `山口 様`, `山本氏`, `高橋殿`, and the romanised
//!   `Tanaka-san`, `Sato-sama`;
//! - English titles before a name: `Mr. Abe`, `Ms Yuki Hayashi`,
//!   `Dr. K. Mori`, `Prof. Ito`;
//! - the roles that introduce a name: `担当者：高橋 一郎`, `報告者は山田`,
//!   `reported by Hiroshi Abe`, `contact person: …`, `Attn: …` (not `PoC`,
//!   which in a report is a proof of concept).
//!
//! Only the name is replaced (`<person>様`), so the sentence still reads.
//! Words that take an honorific but are not names (`お客様`, `皆さん`,
//! `仕様`, `同様`, `同氏`, `宮殿`, `ユーザーさん`) are left alone; a
//! department written against the name without a break (`経理部佐々木様`)
//! goes with it, which errs on the side of the victim.

use crate::scan::{Keywords, Span};

/// The cue words, then job titles after a family name (see
/// [`PERSON_CUES`], which the keyword automaton reads in any ASCII case;
/// the scanner checks the case of English titles itself).
const CUES_AND_TITLES: &[&str] = &[
    // Japanese honorifics after a name.
    "さん",
    "様",
    "さま",
    "氏",
    "殿",
    // Romanised honorifics after a name.
    "-san",
    " san ",
    "-sama",
    "-kun",
    // English titles before a name.
    "mr",
    "ms",
    "mrs",
    "miss",
    "mx",
    "dr",
    "prof",
    // French and German ones (`Mme Besson`, `Herr Möller`).
    "mme",
    "mlle",
    "herr",
    "frau",
    // Roles that introduce a name.
    "担当",
    "担当者",
    "報告者",
    "発見者",
    "通報者",
    "対応者",
    "連絡者",
    "氏名",
    "reported by",
    "contact person",
    "point of contact",
    "attn",
    // Job titles after a family name (`石田部長`, `田中先生`); they come
    // last (see `is_job_title`).
    "部長",
    "課長",
    "係長",
    "室長",
    "所長",
    "局長",
    "次長",
    "社長",
    "専務",
    "常務",
    "主任",
    "院長",
    "理事長",
    "支店長",
    "工場長",
    "先生",
    "教授",
    "准教授",
    "助教",
    "弁護士",
    // A fire service's ranks (`佐藤消防士長`).
    "消防士長",
    "消防司令",
];

/// The heads of schools, museums and fire services (`坂下校長`, `校長　坂下
/// 誠一郎`): job titles after a family name ([`PERSON_CUES`]) and titles
/// before a full name ([`TITLES_BEFORE_NAMES`]).
const HEADS: &[&str] = &["校長", "副校長", "教頭", "園長", "館長", "署長", "消防長"];

/// What the keyword pass looks for to find names by their cues: the cues
/// and job titles of [`CUES_AND_TITLES`], then [`HEADS`] (job titles
/// too, so they come last).
pub(crate) const PERSON_CUES: &[&str] =
    &crate::scan::joined::<{ CUES_AND_TITLES.len() + HEADS.len() }>(&[CUES_AND_TITLES, HEADS]);

/// Titles written before a full name on a letterhead or under a
/// signature (`病院事業管理者 青木 正人`, `代表取締役社長　山田 太郎`):
/// cues of [`titled_full_names`], with [`HEADS`].
const TITLES: &[&str] = &[
    "管理者",
    "代表取締役",
    "取締役",
    "社長",
    "会長",
    "院長",
    "理事長",
    "学長",
    "総長",
    "市長",
    "町長",
    "村長",
    "区長",
    "知事",
    "所長",
    "部長",
    "課長",
    "室長",
    "局長",
    "センター長",
    "責任者",
    "代表者",
    "代表",
    // A cooperative's and a bank's heads.
    "組合長",
    "理事",
    "頭取",
    "専務",
    "常務",
    "支店長",
    "工場長",
];

/// What the keyword pass looks for before full names: [`TITLES`] and
/// [`HEADS`].
pub(crate) const TITLES_BEFORE_NAMES: &[&str] =
    &crate::scan::joined::<{ TITLES.len() + HEADS.len() }>(&[TITLES, HEADS]);

/// Korean job titles written after a name (`박 팀장`, `김민수 팀장님`).
pub(crate) const KOREAN_TITLES: &[&str] = &[
    "팀장",
    "부장",
    "과장",
    "차장",
    "대리",
    "실장",
    "본부장",
    "이사",
    "상무",
    "전무",
    "사장",
    "주임",
    "센터장",
    "소장",
    "원장",
    "책임",
    "선임",
    "수석",
];

/// The commonest Korean family names: one of them starts a name before a
/// title. (Those that start many ordinary words, `인` of `인사`, `기` of
/// `기획`, are left out.)
const KOREAN_SURNAMES: &[char] = &[
    '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황',
    '안', '송', '류', '유', '전', '홍', '고', '문', '양', '손', '배', '백', '허', '남', '심', '노',
    '하', '곽', '성', '차', '주', '우', '구', '민', '진', '지', '엄', '채', '원',
];

/// Words before a Korean title that name a team, not a person (`보안
/// 팀장`, `정보보호 팀장`).
const KOREAN_UNIT_WORDS: &[&str] = &[
    "보안",
    "정보",
    "운영",
    "개발",
    "기술",
    "영업",
    "재무",
    "회계",
    "법무",
    "전산",
    "홍보",
    "구매",
    "품질",
    "생산",
    "연구",
    "서비스",
    "고객",
    "지원",
    "관리",
    "총무",
    "기획",
    "인사",
    "감사",
];

/// Korean names before a title (R4): a common family name, then none to
/// two syllables of a given name, a space or none, and a title
/// ([`KOREAN_TITLES`]): `박 팀장`, `김민수 팀장`, `이서연팀장`. The span is the
/// name.
pub(crate) fn korean_titled_names(text: &str, kw: &Keywords) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (at, _) in kw.korean_titles() {
        let head = text.get(..at).unwrap_or_default();
        let head = head.strip_suffix(' ').unwrap_or(head);
        let syllables: Vec<(usize, char)> =
            head.char_indices().rev().take_while(|&(_, c)| is_hangul(c)).take(4).collect();
        if !(1..=3).contains(&syllables.len()) {
            continue;
        }
        let Some(&(start, first)) = syllables.last() else { continue };
        let name = head.get(start..).unwrap_or_default();
        if !KOREAN_SURNAMES.contains(&first)
            || KOREAN_UNIT_WORDS.iter().any(|w| name.starts_with(w))
        {
            continue;
        }
        out.push(Span { start, end: head.len() });
    }
    out.sort_by_key(|v| (v.start, v.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// Titles in Chinese (traditional and simplified) before or after a
/// person's name: `經理 王建華`, `王建華經理`, `陳小姐`.
pub(crate) const CHINESE_TITLES: &[&str] = &[
    "經理",
    "经理",
    "副理",
    "協理",
    "协理",
    "襄理",
    "主任",
    "課長",
    "课长",
    "科長",
    "科长",
    "處長",
    "处长",
    "組長",
    "组长",
    "廠長",
    "厂长",
    "董事長",
    "董事长",
    "總經理",
    "总经理",
    "副總",
    "副总",
    "執行長",
    "执行长",
    "工程師",
    "工程师",
    "專員",
    "专员",
    "先生",
    "小姐",
    "女士",
];

/// The commonest Chinese family names, in traditional and simplified
/// forms; a name by a title starts with one. Names that are also common
/// words in Japanese or Chinese text (`平`, `文`, `金`, `石`) are left out.
const CHINESE_SURNAMES: &str = "王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何林高羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧蔡潘袁董蔣蒋余于杜葉叶程魏蘇苏呂吕丁任盧卢姚沈鍾钟姜崔譚谭陸陆范汪廖賈贾夏傅鄒邹熊孟秦邱侯尹薛閻阎段雷黎陶賀贺毛郝顧顾龔龚邵錢钱戴嚴严歐欧莫孔湯汤溫温康施簡简柯紀纪游詹翁洪賴赖";

/// Han characters: the CJK unified ideographs.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Chinese names by a title ([`CHINESE_TITLES`]) (R4): after it, past
/// spaces, a common family name ([`CHINESE_SURNAMES`]) and one or two
/// characters of a given name up to a character that is not han (`經理
/// 王建華（分機 …）`); or before it, a family name with up to two
/// characters after it (`王建華經理`, `陳小姐`).
pub(crate) fn chinese_titled_names(text: &str, kw: &Keywords) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (at, k) in kw.chinese_titles() {
        let Some(title) = CHINESE_TITLES.get(k) else { continue };
        // After the title.
        let end_of_title = at + title.len();
        let rest = text.get(end_of_title..).unwrap_or_default();
        let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
        let start = end_of_title + (rest.len() - trimmed.len());
        let han: Vec<(usize, char)> =
            trimmed.char_indices().take_while(|&(_, c)| is_han(c)).take(4).collect();
        if (2..=3).contains(&han.len())
            && han.first().is_some_and(|&(_, c)| CHINESE_SURNAMES.contains(c))
        {
            let len: usize = han.iter().map(|&(_, c)| c.len_utf8()).sum();
            out.push(Span { start, end: start + len });
            continue;
        }
        // Before the title: Chinese prose has no spaces, so the name is
        // the last three, two or one characters that start with a family
        // name (`請聯絡王建華經理`, `或陳小姐`).
        // A title Japanese uses too takes only a family name alone
        // (`王課長`, `高主任`): a longer run is read by the Japanese rule
        // ([`name_before_title`]), which knows `施設課長` is no name.
        let head = text.get(..at).unwrap_or_default();
        let run: Vec<(usize, char)> =
            head.char_indices().rev().take_while(|&(_, c)| is_han(c)).take(4).collect();
        let shared = matches!(*title, "主任" | "課長" | "科長" | "組長" | "先生");
        let found = if shared {
            run.last().filter(|&&(_, c)| run.len() == 1 && CHINESE_SURNAMES.contains(c))
        } else {
            run.iter().take(3).rev().find(|&&(_, c)| CHINESE_SURNAMES.contains(c))
        };
        if let Some(&(from, _)) = found {
            out.push(Span { start: from, end: at });
        }
    }
    out.sort_by_key(|v| (v.start, v.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// What ends a unit's name, not a family name (`総務部 佐藤` after a title
/// is a department and a person, not a family and a given name).
const UNIT_ENDS: &[char] =
    &['部', '課', '室', '局', '所', '科', '係', '班', '社', '院', '会', '庁', '省'];

/// Full names written after a title ([`TITLES_BEFORE_NAMES`]) and a space,
/// family and given name apart (`病院事業管理者 青木 正人`,
/// `代表取締役　ヨナス・ブリュックナー`), the way a press release or a
/// letter is signed: the name, up to the end of its line or a bracket or
/// a comma. The space between family and given name (or a katakana name's
/// `・`) is what makes it a name and not a department or a word.
pub(crate) fn titled_full_names(text: &str, kw: &Keywords) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (start, k) in kw.titles_before_names() {
        let Some(word) = TITLES_BEFORE_NAMES.get(k) else { continue };
        let at = start + word.len();
        if out.last().is_some_and(|l| l.end > at) {
            continue;
        }
        if let Some(span) = full_name_after(text, at) {
            out.push(span);
        }
    }
    out.sort_by_key(|v| (v.start, v.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// The full name after the title ending at `at`: one or two spaces, then
/// kanji (1 to 4, not a unit's name), a space, and kanji or hiragana (1 to
/// 4); or a katakana name with `・`; then the end of the line, a bracket,
/// a comma or a full stop.
fn full_name_after(text: &str, at: usize) -> Option<Span> {
    let rest = text.get(at..)?;
    let mut chars = rest.char_indices().peekable();
    let mut spaces = 0;
    while let Some(&(_, c)) = chars.peek() {
        if c == ' ' || c == '\u{3000}' {
            spaces += 1;
            chars.next();
        } else {
            break;
        }
    }
    if !(1..=2).contains(&spaces) {
        return None;
    }
    let name_start = chars.peek().map(|&(i, _)| i)?;
    let run = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
               ok: &dyn Fn(char) -> bool| {
        let mut n = 0;
        let mut last = None;
        while let Some(&(_, c)) = chars.peek().filter(|&&(_, c)| ok(c)) {
            n += 1;
            last = Some(c);
            chars.next();
        }
        (n, last)
    };
    let katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・');
    let (n, last) = run(&mut chars, &|c| is_kanji(c) && c != 'ヶ');
    if n > 0 {
        if n > 4 || last.is_some_and(|c| UNIT_ENDS.contains(&c)) {
            return None;
        }
        match chars.next() {
            Some((_, ' ' | '\u{3000}')) => {}
            _ => return None,
        }
        let (g, given_last) = run(&mut chars, &|c| is_kanji(c) || is_hiragana(c));
        if !(1..=4).contains(&g) {
            return None;
        }
        // `部長 兼 課長`, `代表 取締役 社長`: titles, not a name.
        let title_end = |c: Option<char>| matches!(c, Some('長' | '役' | '者'));
        if title_end(last) || title_end(given_last) {
            return None;
        }
    } else {
        // `ヨナス・ブリュックナー`: a name in katakana, its parts joined by `・`.
        let (k, _) = run(&mut chars, &katakana);
        let name = rest.get(name_start..name_start + 3 * k)?;
        if k < 4 || !name.contains('・') || name.starts_with('・') || name.ends_with('・') {
            return None;
        }
    }
    let mut end = chars.peek().map_or(rest.len(), |&(i, _)| i);
    let after = rest.get(end..)?.chars().next();
    let closes = after.is_none_or(|c| {
        // `<` of markup: `代表取締役 劉 承翰</p>`.
        matches!(
            c,
            '\n' | '\r' | '（' | '(' | '、' | '。' | ',' | '，' | '」' | ' ' | '\u{3000}' | '<'
        )
    });
    if !closes {
        return None;
    }
    // `山田 太郎（やまだ たろう）`: the reading in brackets is the name too.
    if let Some(close) = reading_in_brackets(rest.get(end..)?) {
        end += close;
    }
    Some(Span { start: at + name_start, end: at + end })
}

/// The length of `（…）` or `(…)` at the start of `s` when it holds only
/// kana and spaces (a name's reading).
fn reading_in_brackets(s: &str) -> Option<usize> {
    let (open, close) = [('（', '）'), ('(', ')')].into_iter().find(|(o, _)| s.starts_with(*o))?;
    let inner = s.get(open.len_utf8()..)?;
    let k = inner.find(close)?;
    let body = inner.get(..k)?;
    let kana = |c: char| is_hiragana(c) || matches!(c, '\u{30A1}'..='\u{30FC}' | ' ' | '\u{3000}');
    (k > 0 && k <= 60 && body.chars().all(kana)).then_some(open.len_utf8() + k + close.len_utf8())
}

/// Whether `word` is one of the job titles of [`PERSON_CUES`]: the cues
/// after `attn`, which come last.
fn is_job_title(word: &str) -> bool {
    job_titles().any(|c| c == word)
}

/// The job titles of [`PERSON_CUES`].
fn job_titles() -> impl Iterator<Item = &'static str> {
    PERSON_CUES.iter().skip_while(|c| **c != "attn").skip(1).copied()
}

/// Whether `s` starts with a job title (`課長`, `先生`).
pub(crate) fn starts_with_job_title(s: &str) -> bool {
    job_titles().any(|t| s.starts_with(t))
}

/// What a run of kanji before a job title ends in when it is an office, a
/// department or a word, not a family name (`総務部長`, `事業本部長`,
/// `大学教授`, `校長先生`, `同社長`, `副社長`).
const NOT_NAMES_BEFORE_TITLES: &[&str] = &[
    "総務",
    "経理",
    "人事",
    "営業",
    "技術",
    "開発",
    "製造",
    "品質",
    "法務",
    "広報",
    "企画",
    "管理",
    "事業",
    "情報",
    "財務",
    "購買",
    "調達",
    "物流",
    "生産",
    "研究",
    "設計",
    "業務",
    "監査",
    "保守",
    "運用",
    "基盤",
    "国際",
    "海外",
    "国内",
    "販売",
    "商品",
    "経営",
    "戦略",
    "危機",
    "安全",
    "環境",
    "施設",
    "医事",
    "看護",
    "薬剤",
    "検査",
    "庶務",
    "会計",
    "秘書",
    "学部",
    "学科",
    "大学",
    "高校",
    "担当",
    "代表",
    "統括",
    "部門",
    "支店",
    "支社",
    "工場",
    "店舗",
    "校長",
    "園長",
    "名誉",
    "客員",
    "特任",
    "非常勤",
    "主席",
    "上席",
    "専任",
    "首席",
    "取締役",
    "執行役員",
    "会長",
    "理事",
    "弊社",
    "当社",
    "同社",
    "貴社",
    "御社",
    "先方",
    "現場",
    "当該",
    "本部",
    "病院",
    "医院",
    "学校",
    "教室",
    "講座",
    "大学院",
    "准",
    "助",
    "副",
    "元",
    "前",
    "新",
    "現",
    "同",
    "各",
    "両",
    "本",
    "分",
    "幹部",
    "一部",
    "全部",
    "内部",
    "外部",
    "支部",
    "細部",
    "上部",
    "下部",
    "東部",
    "西部",
    "南部",
    "北部",
    "中部",
    "顧問",
    "相談役",
    "監査役",
    "社外",
    "主治",
    "他社",
    "支所",
    "各所",
    "社長",
    "部長",
    "課長",
];

/// What ends an office's name (`営業部`, `総務課`, `東京支社`): a run of
/// three or more kanji ending in one is no name; two (`阿部`, `渡部`) may be.
const OFFICE_ENDINGS: &str = "部課室局所社院科校会省庁長支店";

/// What a cue says about where the name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// A Japanese honorific: the name ends where the cue starts.
    JapaneseSuffix,
    /// A romanised honorific: the name is the word before.
    RomanSuffix,
    /// An English title: the name follows.
    Title,
    /// A role: the name follows a separator.
    Role,
    /// A job title: the family name is written right before it.
    JobTitle,
}

fn cue_of(word: &str) -> Cue {
    match word {
        "さん" | "様" | "さま" | "氏" | "殿" => Cue::JapaneseSuffix,
        "-san" | " san " | "-sama" | "-kun" => Cue::RomanSuffix,
        "mr" | "ms" | "mrs" | "miss" | "mx" | "dr" | "prof" | "mme" | "mlle" | "herr" | "frau" => {
            Cue::Title
        }
        w if is_job_title(w) => Cue::JobTitle,
        _ => Cue::Role,
    }
}

/// The names found by their cues, in the order of the cues.
pub(crate) fn names(text: &str, kw: &Keywords) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (start, k) in kw.person_cues() {
        let Some(&word) = PERSON_CUES.get(k) else { continue };
        let end = start + word.len();
        let cue = cue_of(word);
        // A role or title starts a word (`epoc`, `Adr.`).
        let bytes = text.as_bytes();
        if matches!(cue, Cue::Role | Cue::Title)
            && word.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
            && start
                .checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        let found = match cue {
            Cue::JapaneseSuffix => japanese_before(text, start, end),
            Cue::RomanSuffix => roman_before(text, start, end),
            Cue::Title => title_name(text, start, end),
            Cue::Role => role_name(text, end)
                .filter(|n| !crate::speakers::role_speaks(text, start, end, n.end)),
            Cue::JobTitle => name_before_title(text, start),
        };
        if let Some(s) = found {
            if !out.iter().any(|o| o.start < s.end && s.start < o.end) {
                out.push(s);
            }
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// Kanji (with the repeat mark `々` and the small `ヶ`) or katakana (with
/// the long vowel mark and the middle dot): the letters of a written name.
fn is_name_char(c: char) -> bool {
    is_kanji(c) || is_katakana(c)
}

pub(crate) fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | 'ヶ')
}

/// Whether `c` is a Hangul syllable.
pub(crate) fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

pub(crate) fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
}

/// Katakana, full- and half-width, with the long-vowel mark and the
/// middle dot.
pub(crate) fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | '\u{FF66}'..='\u{FF9D}')
}

/// Longest name, in characters: of a longer run of kanji before an
/// honorific, the last this many are taken.
const MAX_NAME_CHARS: usize = 10;

/// Words that take `様`, `さん`, `氏` or `殿` without being a name, as the
/// end of the run before the honorific.
const NOT_NAMES: &[&str] = &[
    "客",
    "事務",
    "皆",
    "各位",
    "担当者",
    "関係者",
    "利用者",
    "使用者",
    "管理者",
    "責任者",
    "攻撃者",
    "被害者",
    "犯人",
    "顧客",
    "会員",
    "貴社",
    "御社",
    "先方",
    "取引先",
    "社員",
    "職員",
    "従業員",
    "作成者",
    "送信者",
    "差出人",
    "受信者",
    "同",
    "両",
    "某",
    "彼",
    "諸",
    "ユーザー",
    "ユーザ",
    "ベンダー",
    "ベンダ",
    "メーカー",
    "パートナー",
    "オペレーター",
    "エンジニア",
    "サポート",
    "スタッフ",
    "メンバー",
    // Set phrases: `ご苦労様`, `ご馳走様`, `お世話様`, `お陰様`, `お母様`.
    "苦労",
    "馳走",
    "世話",
    "陰",
    "旦那",
    "母",
    "父",
];

/// Kanji that make a word with `様` (`仕様`, `同様`, `多様`, `模様`, …).
const YOU_WORDS: &str = "仕同模多異態各有左王神皆客様上殿奥外文紋無別両";

/// The name before a Japanese honorific at `start..end`.
fn japanese_before(text: &str, start: usize, end: usize) -> Option<Span> {
    let cue = text.get(start..end)?;
    let after = text.get(end..).and_then(|r| r.chars().next());
    // `氏名`, `氏族`; `殿下`, `殿堂`; `様々`, `様式`, `様子`, `様相`, `様態`.
    match (cue, after) {
        ("氏", Some('名' | '族')) | ("殿", Some('下' | '堂' | '様')) => return None,
        ("様", Some('々' | '式' | '子' | '相' | '態')) => return None,
        _ => {}
    }
    // `山口 様`, `渡部 美咲 氏`: one space may stand between the name and
    // the honorific, when a name character comes before it.
    let start = match text.get(..start)?.chars().next_back() {
        Some(c @ (' ' | '\u{3000}'))
            if text
                .get(..start - c.len_utf8())?
                .chars()
                .next_back()
                .is_some_and(|d| is_name_char(d) || is_hiragana(d)) =>
        {
            start - c.len_utf8()
        }
        _ => start,
    };
    let before = text.get(..start)?;
    // A given name in hiragana (`佐々木さくら様`, `田中 ゆかりさん`): two to
    // four of them, after a kanji family name. Hiragana with no kanji
    // before them are words (`たくさん`, `みなさま`).
    let kana: Vec<(usize, char)> =
        before.char_indices().rev().take_while(|&(_, c)| is_hiragana(c)).take(5).collect();
    let mut from = start;
    let mut count = 0;
    // The first of them must not be a particle (`攻撃がたくさん`).
    let particle = kana.last().is_some_and(|&(_, c)| "がのをにはでともへやより".contains(c));
    if (2..=4).contains(&kana.len()) && !particle {
        let head = kana.last().map_or(start, |&(i, _)| i);
        let mut rest = before.get(..head)?.chars().rev();
        let kanji_before = match rest.next() {
            Some(' ' | '\u{3000}') => rest.next().is_some_and(is_kanji),
            Some(c) => is_kanji(c),
            None => false,
        };
        if kanji_before {
            from = head;
            count = kana.len();
        }
    }
    // The run of name characters before the cue (or the given name), with
    // at most one space between family and given name.
    let mut chars = before.get(..from)?.char_indices().rev().peekable();
    let mut spaced = false;
    while let Some(&(i, c)) = chars.peek() {
        // A longer run (`株式会社湊川精機総務部佐々木様`) ends in the name:
        // its last characters go, the rest is left to the other rules.
        if is_name_char(c) && count < MAX_NAME_CHARS {
            from = i;
            count += 1;
        } else if (c == ' ' || c == '\u{3000}') && !spaced && count > 0 {
            // A space counts only if a name character comes before it.
            let mut ahead = chars.clone();
            ahead.next();
            if !ahead.peek().is_some_and(|&(_, d)| is_name_char(d)) {
                break;
            }
            spaced = true;
        } else {
            break;
        }
        chars.next();
    }
    let name = text.get(from..start)?;
    if count == 0 || name.chars().all(|c| c == '・' || c == 'ー') {
        return None;
    }
    if NOT_NAMES.iter().any(|w| name.ends_with(w)) {
        return None;
    }
    let last = name.chars().next_back()?;
    match cue {
        // `製品仕様`, `同様`: the kanji before `様` makes a word with it. A
        // name ending in one of them is rare enough to leave.
        "様" if YOU_WORDS.contains(last) => return None,
        "さま" if YOU_WORDS.contains(last) && name.chars().count() == 1 => return None,
        "殿" if "宮神御貴".contains(last) => return None,
        _ => {}
    }
    Some(Span { start: from, end: start })
}

/// The family name written right before a job title at `start`
/// (`石田部長`, `情報政策課の小野寺課長`, `田中先生`): the whole run of kanji
/// before it, two to four of them, that does not end in an office, a
/// department or a word that takes the title ([`NOT_NAMES_BEFORE_TITLES`]).
/// Stricter than before an honorific: a title follows departments as often
/// as names, so a longer run, or one that holds kana, is no name.
fn name_before_title(text: &str, start: usize) -> Option<Span> {
    let before = text.get(..start)?;
    let run: Vec<(usize, char)> =
        before.char_indices().rev().take_while(|&(_, c)| is_kanji(c)).take(5).collect();
    if !(2..=4).contains(&run.len()) {
        return None;
    }
    let from = run.last().map(|&(i, _)| i)?;
    let name = text.get(from..start)?;
    let office =
        run.len() >= 3 && name.chars().next_back().is_some_and(|c| OFFICE_ENDINGS.contains(c));
    // `事業本部長` is a division's head; `山本部長`, `河本院長` are people
    // (two kanji ending in `本` are a family name far more often).
    let family_in_hon = run.len() == 2 && name.ends_with('本');
    if office
        || NOT_NAMES_BEFORE_TITLES
            .iter()
            .any(|w| name.ends_with(w) && !(family_in_hon && *w == "本"))
        || NOT_NAMES.iter().any(|w| name.ends_with(w))
    {
        return None;
    }
    Some(Span { start: from, end: start })
}

/// A capitalised word of a name: an upper-case letter, then letters,
/// hyphens or apostrophes (`O'Neil`, `Jean-Luc`); or an initial (`K.`).
/// Letters of the Latin alphabets count (`Großkreutz`, `Émilie`,
/// `Łukasz`): a name cut at its first such letter left a tail to guess
/// from. Returns the word's length in bytes.
fn roman_word(s: &str) -> usize {
    let mut chars = s.chars();
    let first = match chars.next() {
        Some(c) if c.is_ascii_uppercase() || (latin_letter(c) && c.is_uppercase()) => c,
        _ => return 0,
    };
    let n = first.len_utf8()
        + chars
            .take_while(|&c| c.is_ascii_alphabetic() || latin_letter(c) || matches!(c, '-' | '\''))
            .map(char::len_utf8)
            .sum::<usize>();
    if n == first.len_utf8() && s.as_bytes().get(n) == Some(&b'.') { n + 1 } else { n }
}

/// A letter of the Latin-1 Supplement or the Latin Extended-A and -B
/// blocks (`ß`, `é`, `Ł`), not `×` or `÷`.
pub(crate) fn latin_letter(c: char) -> bool {
    ('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic()
}

/// Up to three capitalised words from `from`, separated by single spaces:
/// the span of the name, or `None`.
fn roman_name_after(text: &str, from: usize) -> Option<Span> {
    let s = text.as_bytes();
    let mut end = from;
    let mut words = 0;
    let mut at = from;
    while words < 3 {
        let n = roman_word(text.get(at..)?);
        if n == 0 {
            break;
        }
        // A word must not run on into digits or an underscore (`Admin01`,
        // `Mr_Robot`): that is an account or a tool, not a name.
        if s.get(at + n).is_some_and(|&b| b.is_ascii_digit() || b == b'_') {
            break;
        }
        end = at + n;
        words += 1;
        if s.get(end) != Some(&b' ') {
            break;
        }
        at = end + 1;
    }
    (words > 0).then_some(Span { start: from, end })
}

/// The capitalised word before a romanised honorific (`Tanaka-san`).
fn roman_before(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = text.as_bytes();
    // ` san ` keeps its spaces in the cue; the others must end a word.
    let cue = text.get(start..end)?;
    // Written in lower case (` San ` starts a place name: `San Jose`), and
    // ending a word (`Tanaka-sandbox`).
    if cue.bytes().any(|b| b.is_ascii_uppercase())
        || (cue.starts_with('-') && s.get(end).is_some_and(|b| b.is_ascii_alphanumeric()))
    {
        return None;
    }
    let word_end = start;
    let word_start =
        s.get(..word_end)?.iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |p| p + 1);
    let word = s.get(word_start..word_end)?;
    let capitalised = word.first().is_some_and(u8::is_ascii_uppercase)
        && word.len() >= 2
        && word.get(1..).unwrap_or_default().iter().all(u8::is_ascii_lowercase);
    capitalised.then_some(Span { start: word_start, end: word_end })
}

/// The name after an English title (`Mr.`, `Ms`, `Dr.`) at `start..end`.
fn title_name(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = text.as_bytes();
    let title = s.get(start..end)?;
    // Titles are written capitalised (`ms` is milliseconds, `dr` a drive)
    // and start a word.
    if !title.first().is_some_and(u8::is_ascii_uppercase)
        || !title.get(1..).unwrap_or_default().iter().all(u8::is_ascii_lowercase)
        || start.checked_sub(1).and_then(|p| s.get(p)).is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return None;
    }
    let mut at = end;
    if s.get(at) == Some(&b'.') {
        at += 1;
    }
    // One space or more, then the name (`Dr.Web` is an antivirus).
    let spaces = s.get(at..)?.iter().take_while(|&&b| b == b' ').count();
    if spaces == 0 {
        return None;
    }
    let name = roman_name_after(text, at + spaces)?;
    if text.get(name.start..name.end).is_some_and(|n| n == "Web" || n.starts_with("Web ")) {
        return None;
    }
    Some(name)
}

/// The name after a role (`担当者：高橋 一郎`, `reported by Hiroshi Abe`).
fn role_name(text: &str, end: usize) -> Option<Span> {
    let rest = text.get(end..)?;
    // The role must end a word (`pocket`, `attnd` are other words).
    if rest.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let mut sep = 0;
    let mut separated = false;
    for c in rest.chars() {
        match c {
            ' ' | '\t' | '\u{3000}' | ':' | '：' | '-' | '=' => {
                sep += c.len_utf8();
                separated = true;
            }
            'は' if !separated => {
                sep += c.len_utf8();
                separated = true;
                break;
            }
            _ => break,
        }
        if sep > 8 {
            return None;
        }
    }
    if !separated {
        return None;
    }
    let from = end + sep;
    // `ご担当者 様`: the role's own honorific, no name.
    if ["様", "殿", "氏"].iter().any(|h| text.get(from..).is_some_and(|t| t.starts_with(h))) {
        return None;
    }
    let first = text.get(from..)?.chars().next()?;
    if first.is_ascii_uppercase() {
        return roman_name_after(text, from);
    }
    // A written name: the run of name characters, one space inside.
    let mut to = from;
    let mut count = 0;
    let mut spaced = false;
    let mut chars = text.get(from..)?.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_name_char(c) && count < MAX_NAME_CHARS {
            to = from + i + c.len_utf8();
            count += 1;
        } else if (c == ' ' || c == '\u{3000}') && !spaced && count > 0 {
            if !chars.peek().is_some_and(|&(_, d)| is_name_char(d)) {
                break;
            }
            spaced = true;
        } else {
            break;
        }
    }
    // `担当：二次対応チーム`, `担当：情報システム課`: a team or an office
    // takes the role, not a person.
    let taken = text.get(from..to)?;
    if TEAM_ENDS.iter().any(|w| taken.ends_with(w)) {
        return None;
    }
    (count > 0).then_some(Span { start: from, end: to })
}

/// What the name of a team or an office ends in.
const TEAM_ENDS: &[&str] = &[
    "チーム",
    "グループ",
    "センター",
    "部門",
    "本部",
    "事務局",
    "窓口",
    "部",
    "課",
    "室",
    "班",
    "係",
    "局",
    "ユニット",
    "デスク",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let kw = Keywords::find(text);
        names(text, &kw).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn full_names_after_a_title() {
        let titled = |t: &str| -> Vec<String> {
            let kw = Keywords::find(t);
            titled_full_names(t, &kw).iter().map(|s| t[s.start..s.end].to_owned()).collect()
        };
        assert_eq!(titled("病院事業管理者 青木 正人\n"), ["青木 正人"]);
        assert_eq!(
            titled("代表取締役社長　高瀬 浩司（たかせ こうじ）\n"),
            ["高瀬 浩司（たかせ こうじ）"]
        );
        assert_eq!(titled("代表取締役　ヨナス・ブリュックナー\n"), ["ヨナス・ブリュックナー"]);
        // A department and a family name, titles in a row, a word after
        // the title, no space between the names: none.
        for t in [
            "責任者 総務部 佐藤\n",
            "部長 兼 課長\n",
            "代表 取締役 社長\n",
            "管理者 権限を付与\n",
            "社長 山田太郎\n",
            "システム管理者 アカウント\n",
        ] {
            assert!(titled(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn japanese_honorifics() {
        assert_eq!(found("経理部の佐々木様から報告があった。"), ["佐々木"]);
        assert_eq!(found("情報システム部の田中 健一さんが調査し"), ["田中 健一"]);
        assert_eq!(found("山本氏に報告した。高橋殿へ。"), ["山本", "高橋"]);
        assert_eq!(found("サポートのマイケル・スミスさんへ"), ["マイケル・スミス"]);
        assert_eq!(found("経理部の佐々木さくら様が開封"), ["佐々木さくら"]);
        assert_eq!(found("総務の田中 ゆかりさん"), ["田中 ゆかり"]);
        assert_eq!(found("株式会社湊川精機総務部佐々木様へ"), ["湊川精機総務部佐々木"]);
        assert_eq!(found("連絡先: 山口 様"), ["山口"]);
        assert_eq!(
            found("石田部長と情報政策課の小野寺課長、主治医の田中先生、北辰大の渡部教授"),
            ["石田", "小野寺", "田中", "渡部"]
        );
        assert_eq!(found("係長の渡部 美咲 氏から、田中 一郎 様へ"), ["渡部 美咲", "田中 一郎"]);
        assert_eq!(found("総務の田中 ゆかり さん"), ["田中 ゆかり"]);
    }

    #[test]
    fn words_that_take_an_honorific_are_not_names() {
        for text in [
            "お客様と皆様へ。",
            "皆さんへ",
            "製品仕様の変更と同様に、多様な攻撃が様々にあった。",
            "同氏は氏名を明かさなかった。",
            "宮殿と神殿",
            "ユーザーさんへ",
            "担当者様へ",
            "たくさんの攻撃",
            "攻撃がたくさん",
            "ご苦労様です。お疲れ様でした。お陰様で",
            "お客 様、皆 様、担当者 様、ご担当者 様、仕様 様式",
            "総務部長、事業本部長、情報システム部長、大学教授、校長先生、同社長、副社長、代表取締役社長",
            "顧問弁護士、社外取締役、担任の先生、当該課長、各部長、営業部長、第一営業部長、東京支社長、幹部社員、本部長",
            "Sato 様 and 1 氏",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn english_titles_and_roles() {
        assert_eq!(
            found("Ms. Yuki Hayashi reported the beacon to Dr. K. Mori and Mr Abe."),
            ["Yuki Hayashi", "K. Mori", "Abe"]
        );
        assert_eq!(found("Tanaka-san isolated the host"), ["Tanaka"]);
        assert_eq!(found("contact person: Hiroshi Abe, IT"), ["Hiroshi Abe"]);
        assert_eq!(found("It was reported by Naoko Ito."), ["Naoko Ito"]);
        assert_eq!(found("担当者：高橋 一郎\n"), ["高橋 一郎"]);
        // A role that labels a speaker in chat or minutes: its message
        // follows the colon, no name.
        assert!(found("[09:02] 調査担当: 公表文には書かれています。\n").is_empty());
        assert!(found("広報担当：公表文には書かれています。\n").is_empty());
        assert_eq!(found("調査担当：高橋\n"), ["高橋"]);
        // A team or an office in the role's place is no person.
        assert!(found("担当：二次対応チーム\n担当者：情報システム課\n").is_empty());
        assert_eq!(found("報告者は山田。"), ["山田"]);
    }

    #[test]
    fn lookalikes_of_titles_are_not_names() {
        for text in [
            "latency 5 ms. Then",
            "scanned by Dr.Web and Dr. Web",
            "the summer Sale",
            "Tanaka-sandbox",
            "pocket: Big",
            "MR Robot",
            "Visited San Jose",
            "epoc: Big",
            "PoC Credit: (https://github.com/x/y)",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "{text}");
        }
    }
}
