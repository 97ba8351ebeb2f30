//! People named without a word around them to tell it (R4): speakers at
//! the start of a chat or meeting line, and full names in romaji in
//! English prose.
//!
//! Incident notes are often pasted from chat: `[10:02] 山田: 端末を隔離`,
//! `【鈴木】バックアップを確認`, `田中より：ログ取得済み`,
//! `Yamada: isolated the host`; an English note writes `according to
//! Kenji Watanabe`. No honorific, title or role stands next to these
//! names, and the position alone does not tell a name from a label
//! (`原因: …`, `10:02 検知: …`, `Alert: …`) or a capitalised pair from a
//! product, so here, unlike in [`crate::people`], a list decides: a label
//! is a person when it is one of the most common Japanese family names,
//! alone or with a given name after it, in kanji or in the Hepburn
//! romanisation; in prose, two capitalised words are a person when one of
//! them is such a name in romaji, or when the first is one of the common
//! given names elsewhere (`John Miller`, `Priya Natarajan`, `Sergey
//! Ivanov`: staff named in an English note, a signature, a `cc:` line).
//! The lists are facts (names by frequency, written down here), not
//! anyone's text.
//!
//! What the lists miss (a rare family name, a given name left out because
//! it is also a word) still goes out; what they wrongly take is a label or
//! a name, never an indicator. On the dev corpus the given names take 19
//! pairs, all of them people (researchers credited, a politician). An
//! attacker named by an indictment goes too: a person's name is withheld
//! whoever it is, since nothing here tells staff from others; what is
//! shared is the attacker's infrastructure and artefacts.
//!
//! A one-kanji family name (`林`, `森`) counts only with a space and a
//! given name after it, since glued to the next kanji it is another word
//! (`関連情報:`); a rest that names a place or an office (`千葉県:`,
//! `成田空港:`, `竹中工務店:`) or a common label noun is not a given name,
//! and a pair with a word of an organisation or a place (`Honda Motor`,
//! `Ueno Station`) is not a person.

use crate::people::{is_hiragana, is_kanji};
use crate::scan::Span;

/// Common Japanese family names in kanji, sorted (code point order).
#[rustfmt::skip]
const FAMILY_NAMES: &[&str] = &[
    "三上", "三宅", "三木", "三浦", "上原", "上村", "上田", "上野", "中井", "中尾", "中山", "中島",
    "中嶋", "中川", "中村", "中田", "中西", "中谷", "中野", "丸山", "久保", "久保田", "久野", "五十嵐",
    "井上", "今井", "今村", "伊東", "伊藤", "佐々木", "佐久間", "佐藤", "佐野", "内山", "内田", "内藤",
    "前川", "前田", "加藤", "北川", "北村", "北野", "千田", "千葉", "原", "原田", "古川", "古田",
    "吉井", "吉岡", "吉川", "吉村", "吉田", "吉野", "和田", "土屋", "坂口", "坂本", "堀", "堀内",
    "堀田", "堤", "増田", "大久保", "大塚", "大山", "大島", "大川", "大木", "大森", "大橋", "大石",
    "大竹", "大西", "大谷", "大野", "太田", "奥村", "宇野", "安田", "安藤", "安達", "安部", "宮下",
    "宮原", "宮崎", "宮本", "宮田", "富田", "寺田", "小倉", "小原", "小山", "小島", "小川", "小松",
    "小林", "小池", "小沢", "小泉", "小澤", "小田", "小笠原", "小西", "小野", "尾崎", "山下", "山中",
    "山内", "山口", "山崎", "山本", "山根", "山田", "岡", "岡崎", "岡本", "岡村", "岡田", "岩井",
    "岩崎", "岩本", "岩瀬", "岩田", "岸", "島田", "川上", "川口", "川島", "川崎", "川村", "川田",
    "工藤", "市川", "市村", "平井", "平山", "平田", "平野", "広瀬", "後藤", "徳永", "成田", "戸田",
    "斉藤", "斎藤", "新井", "新田", "早川", "星野", "有田", "服部", "望月", "木下", "木内", "木村",
    "本田", "本間", "杉山", "杉本", "杉浦", "杉田", "村上", "村井", "村山", "村田", "松下", "松井",
    "松原", "松尾", "松岡", "松本", "松村", "松永", "松浦", "松田", "林", "柴田", "栗原", "桑原",
    "桜井", "森", "森山", "森本", "森田", "樋口", "横山", "横田", "橋本", "櫻井", "武田", "武藤",
    "水谷", "水野", "永井", "永田", "池田", "沢田", "河合", "河野", "浅井", "浅野", "浜田", "清水",
    "渡会", "渡辺", "渡邉", "渡邊", "渡部", "澤田", "濱田", "熊谷", "片山", "片岡", "田中", "田代",
    "田口", "田島", "田村", "田辺", "白石", "矢野", "石井", "石原", "石川", "石橋", "石田", "石黒",
    "福井", "福島", "福田", "秋元", "秋山", "稲垣", "竹中", "竹内", "竹田", "篠原", "篠田", "米田",
    "細川", "荒井", "荒木", "荻野", "菅", "菅原", "菅野", "菊地", "菊池", "萩原", "藤井", "藤原",
    "藤岡", "藤川", "藤本", "藤田", "西尾", "西山", "西岡", "西川", "西村", "西田", "谷口", "辻",
    "近藤", "遠藤", "酒井", "野中", "野口", "野崎", "野村", "野田", "金井", "金子", "鈴木", "鎌田",
    "長尾", "長田", "長谷川", "関", "関口", "関根", "阿部", "青山", "青木", "須藤", "飯塚", "飯田",
    "馬場", "高山", "高木", "高橋", "高田", "高野", "黒田", "齋藤",
];

/// The same names in the Hepburn romanisation (long vowels unmarked), in
/// lower case, sorted; without those that are also words of the trade
/// (`sudo` for 須藤, `goto` for 後藤), which open lines of documentation.
#[rustfmt::skip]
const ROMANISED_FAMILY_NAMES: &[&str] = &[
    "abe", "adachi", "akimoto", "akiyama", "ando", "aoki", "aoyama", "arai", "araki", "arita",
    "asai", "asano", "baba", "chiba", "chida", "endo", "fujii", "fujikawa", "fujimoto", "fujioka",
    "fujita", "fujiwara", "fukuda", "fukui", "fukushima", "furukawa", "furuta", "hagiwara", "hamada",
    "hara", "harada", "hasegawa", "hashimoto", "hattori", "hayakawa", "hayashi", "higashi", "higuchi", "hirai",
    "hirano", "hirata", "hirayama", "hirose", "homma", "honda", "hori", "horiuchi", "hoshino", "hosokawa",
    "hotta", "ichikawa", "ichimura", "igarashi", "iida", "iizuka", "ikeda", "imai", "imamura", "inagaki",
    "inoue", "ishibashi", "ishida", "ishiguro", "ishihara", "ishii", "ishikawa", "ito", "iwai", "iwamoto",
    "iwasaki", "iwase", "iwata", "kamata", "kanai", "kaneko", "kataoka", "katayama", "kato", "kawada",
    "kawaguchi", "kawai", "kawakami", "kawamura", "kawasaki", "kawashima", "kikuchi", "kimura", "kinoshita", "kishi",
    "kitagawa", "kitamura", "kitano", "kiuchi", "kobayashi", "koike", "koizumi", "kojima", "komatsu", "kondo",
    "konishi", "kono", "koyama", "kubo", "kubota", "kudo", "kumagai", "kuno", "kurihara", "kuroda",
    "kuwabara", "maeda", "maekawa", "maruyama", "masuda", "matsubara", "matsuda", "matsui", "matsumoto", "matsumura",
    "matsunaga", "matsuo", "matsuoka", "matsushita", "matsuura", "mikami", "miki", "miura", "miyahara", "miyake",
    "miyamoto", "miyashita", "miyata", "miyazaki", "mizuno", "mizutani", "mochizuki", "mori", "morimoto", "morita",
    "moriyama", "murai", "murakami", "murata", "murayama", "muto", "nagai", "nagao", "nagata", "naito",
    "nakagawa", "nakai", "nakajima", "nakamura", "nakanishi", "nakano", "nakao", "nakata", "nakatani", "nakayama",
    "narita", "nemoto", "nishi", "nishida", "nishikawa", "nishimura", "nishio", "nishioka", "nishiyama", "nitta",
    "noda", "noguchi", "nomura", "nonaka", "nozaki", "obara", "oda", "ogasawara", "ogawa", "ogino",
    "ogura", "ohashi", "oishi", "oka", "okada", "okamoto", "okamura", "okawa", "okazaki", "oki",
    "okubo", "okumura", "omori", "onishi", "ono", "oshima", "ota", "otake", "otani", "otsuka",
    "oyama", "ozaki", "ozawa", "saito", "sakaguchi", "sakai", "sakamoto", "sakuma", "sakurai", "sano",
    "sasaki", "sato", "sawada", "seki", "sekiguchi", "sekine", "shibata", "shimada", "shimizu", "shinoda",
    "shinohara", "shiraishi", "suga", "sugano", "sugawara", "sugimoto", "sugita", "sugiura", "sugiyama",
    "suzuki", "taguchi", "tajima", "takada", "takagi", "takahashi", "takano", "takayama", "takeda", "takenaka",
    "takeuchi", "tamura", "tanabe", "tanaka", "taniguchi", "tashiro", "terada", "toda", "tokunaga", "tomita",
    "tsuchiya", "tsuji", "tsutsumi", "uchida", "uchiyama", "ueda", "uehara", "uemura", "ueno", "uno",
    "wada", "watabe", "watanabe", "watarai", "yamada", "yamaguchi", "yamamoto", "yamanaka", "yamane", "yamashita",
    "yamauchi", "yamazaki", "yano", "yasuda", "yokota", "yokoyama", "yoneda", "yoshida", "yoshii", "yoshikawa",
    "yoshimura", "yoshino", "yoshioka",
];

/// What may follow a family name glued to it without being a given name:
/// places, offices and common label nouns (`千葉県`, `中野区`,
/// `成田空港`, `竹中工務店`, `根本原因`).
const NOT_GIVEN_NAMES: &[&str] = &[
    "県",
    "市",
    "区",
    "町",
    "村",
    "郡",
    "駅",
    "港",
    "空港",
    "線",
    "店",
    "工務店",
    "建設",
    "組",
    "工業",
    "産業",
    "製作所",
    "電機",
    "商事",
    "銀行",
    "証券",
    "病院",
    "大学",
    "学院",
    "高校",
    "中学",
    "小学校",
    "本社",
    "支社",
    "拠点",
    "工場",
    "センター",
    "地区",
    "地域",
    "方面",
    "周辺",
    "原因",
    "対応",
    "概要",
    "情報",
    "連絡",
    "報告",
    "確認",
    "調査",
    "状況",
    "結果",
    "対策",
    "詳細",
    "経緯",
    "時刻",
    "日時",
    "事案",
    "案件",
    "環境",
    "設定",
    "構成",
    "端末",
    "機器",
    "系",
    // Job titles, which the honorific scanner reads after a name.
    "先生",
    "教授",
    "准教授",
    "助教",
    "主任",
    "専務",
    "常務",
    "弁護士",
];

/// The characters that end an office's name (`部`, `課`, `室`, …), a job
/// title (`長`) or an honorific (`様`, `氏`, `殿`): a rest ending in one is
/// not a given name (the honorific and job-title scanners of
/// [`crate::people`] read those and keep the title).
const OFFICE_ENDINGS: &str = "部課室局所社院科校会省庁店署長警様氏殿";

/// The most bytes a label may take before its colon or bracket.
const MAX_LABEL: usize = 48;

/// The speaker labels of `text` that are people, as spans of the name
/// (without a bracket, a parenthesised role or the colon).
pub(crate) fn speakers(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        if let Some(s) = speaker_of_line(text, line, end) {
            out.push(s);
        }
        line = end + 1;
    }
    out
}

/// Words that make a capitalised pair with a family name or a given name
/// an organisation, a place or a piece of malware, not a person (`Honda
/// Motor`, `Kubota Corporation`, `Chiba University`, `Ueno Station`,
/// `Patrick Ransomware`), and, after such a pair, make the three words a
/// name of that kind (`George Washington University`).
#[rustfmt::skip]
const NOT_GIVEN_NAMES_ROMAN: &[&str] = &[
    "airport", "avenue", "backdoor", "bank", "bay", "beach", "botnet", "bridge", "building",
    "campaign", "capital", "center", "centre", "city", "co", "college", "consulting", "corp",
    "corporation", "county", "electric", "foundation", "framework", "gang", "group", "hall",
    "heavy", "holdings", "hospital", "inc", "industries", "institute", "island", "lab", "labs",
    "line", "loader", "ltd", "malware", "motor", "motors", "museum", "networks", "operation",
    "park", "partners", "prefecture", "project", "ransomware", "rat", "road", "school",
    "securities", "security", "software", "station", "stealer", "street", "systems", "team",
    "technologies", "tower", "trojan", "university", "valley", "ward",
];

/// Common given names outside Japan, in lower case, sorted: a capitalised
/// pair that starts with one is a person (`John Miller`, `Priya
/// Natarajan`, `Sergey Ivanov`), as an incident note in English names the
/// victim's staff (`according to Maria Gonzalez`, a signature). Left out:
/// given names that are also English words, places or products (`Will`,
/// `Mark`, `Grace`, `Sofia`, `Victoria`, `Ruby`, `Julia`), and family
/// names that stand first in Chinese and Korean order (`Zhang`, `Kim`),
/// which lead attackers' names in indictments as often.
#[rustfmt::skip]
const GIVEN_NAMES_ROMAN: &[&str] = &[
    "aaron", "abdul", "abdullah", "adam", "adrian", "ahmad", "ahmed", "aisha", "alan", "albert",
    "alberto", "alejandro", "alex", "alexander", "alexandra", "alexei", "alexey", "ali", "alice",
    "alicia", "alison", "amanda", "amir", "amit", "ana", "anastasia", "andre", "andrea", "andreas",
    "andrei", "andrew", "andrey", "angela", "anil", "anita", "ankit", "ann", "anna", "anne",
    "anthony", "antoine", "anton", "antonio", "anuj", "arjun", "arthur", "ashley", "audrey",
    "aurelie", "barbara", "benjamin", "bernard", "betty", "boris", "brandon", "brenda", "brian",
    "bruce", "bruno", "camille", "carlos", "carmen", "caroline", "catherine", "celine", "charles",
    "charlotte", "cheng", "christina", "christine", "christophe", "christopher", "claire",
    "claudia", "clement", "colin", "craig", "cynthia", "daniel", "daniela", "david", "deborah",
    "deepak", "denis", "dennis", "diana", "diego", "dieter", "dimitri", "dmitri", "dmitry",
    "donald", "donna", "dorothy", "douglas", "edward", "elena", "elizabeth", "emilie", "emily",
    "emma", "eric", "erik", "evgeniy", "evgeny", "fatima", "fernando", "florian", "francesco",
    "francois", "frederic", "gabriel", "gary", "george", "giovanni", "gregory", "guillaume",
    "hannah", "harry", "hassan", "heather", "helen", "henry", "hugo", "hussein", "igor", "irina",
    "isabel", "isabelle", "ivan", "jacob", "jacques", "james", "jane", "janet", "jason", "javier",
    "jeffrey", "jennifer", "jerome", "jessica", "joanna", "joel", "johan", "johannes", "john",
    "jonathan", "jorge", "jose", "joseph", "joshua", "juan", "juergen", "julie", "julien", "justin",
    "karen", "karl", "katherine", "kathleen", "katrin", "kenneth", "kevin", "klaus", "larry",
    "laura", "lauren", "laurent", "leonardo", "linda", "lisa", "louis", "luca", "lucas", "luis",
    "marco", "marcus", "margaret", "maria", "mariana", "marie", "marina", "mario", "marion",
    "martin", "mary", "mathieu", "matthew", "matthias", "maxime", "mehmet", "melissa", "michael",
    "michel", "michelle", "miguel", "mikhail", "mohamed", "mohammad", "mohammed", "muhammad",
    "natalia", "natalie", "nathalie", "nathan", "nicholas", "nicolas", "nicole", "nikolai",
    "nikolay", "oleg", "olga", "oliver", "olivier", "pablo", "patricia", "patrick",
    "paul", "pedro", "peter", "philip", "philippe", "pierre", "pradeep", "priya", "quentin",
    "rachel", "rahul", "rajesh", "ralph", "raymond", "rebecca", "richard", "robert", "roberto",
    "romain", "ronald", "ruth", "ryan", "sabine", "sahil", "samuel", "sandra", "sandrine", "sanjay",
    "sara", "sarah", "scott", "sean", "sebastian", "sebastien", "sergei", "sergey", "sharon",
    "simon", "sophie", "stefan", "stefanie", "stephanie", "stephen", "steven", "suresh", "susan",
    "svetlana", "sylvie", "takashi", "tatiana", "thierry", "thomas", "timothy", "tobias", "tyler",
    "ulrike", "valentina", "vanessa", "vijay", "viktor", "vincent", "vladimir", "walter", "william",
    "wolfgang", "xavier", "yuri", "yusuf", "yves",
];

/// Capitalised words that lead a name without being part of it: a
/// greeting, a title, a word that starts a sentence (`Dear Sato-san`,
/// `Thanks Tanaka`, `Ask Suzuki`); the name after them is still found with
/// the word after it (`Dear Sato Hanako` → `Sato Hanako`).
#[rustfmt::skip]
const LEAD_WORDS_ROMAN: &[&str] = &[
    "after", "ask", "attn", "before", "best", "call", "cheers", "contact", "dear", "dr", "for",
    "from", "hello", "hey", "hi", "mr", "mrs", "ms", "per", "prof", "regards", "tell", "thank",
    "thanks", "the", "when", "with",
];

/// Words before a capitalised pair that make it a place (`San Jose`,
/// `St Louis`, `Fort George`).
#[rustfmt::skip]
const PLACE_PREFIXES: &[&str] = &[
    "fort", "lake", "las", "los", "mount", "new", "port", "saint", "san", "santa", "st",
];

/// Full names in romaji anywhere in prose (`Kenji Watanabe`,
/// `Watanabe Kenji`, `YAMADA Taro`): two capitalised words, one a family
/// name of the list and the other not a word of an organisation or a
/// place. An incident note in English names the victim's people this way
/// without a title or a role (`according to Kenji Watanabe, …`).
pub(crate) fn romanised_full_names(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    // The last capitalised word: where it is, and whether it is a family
    // name of the list, once looked up.
    let mut prev: Option<(usize, usize, Option<bool>)> = None;
    let mut i = 0;
    while let Some(start) = next_capital(b, i) {
        let len =
            b.get(start..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_alphabetic()).count());
        let end = start + len;
        i = end.max(start + 1);
        // A word starts after a byte that is not a letter or a digit.
        let inside =
            start > 0 && b.get(start - 1).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
        let word = text.get(start..end).unwrap_or_default();
        if inside || !(3..=12).contains(&len) || !capitalised(word) {
            prev = None;
            continue;
        }
        // Looked up only for a pair: most capitalised words stand alone.
        let mut family = None;
        if let Some((ps, pe, pfamily)) = prev {
            // One space between the two words.
            if start == pe + 1 && b.get(pe) == Some(&b' ') {
                let first = text.get(ps..pe).unwrap_or_default();
                let pfamily = pfamily.unwrap_or_else(|| romanised_family_name(first));
                let this = *family.get_or_insert_with(|| romanised_family_name(word));
                if (pfamily || this || given_name(text, ps, first))
                    && !in_list(first, NOT_GIVEN_NAMES_ROMAN)
                    && !in_list(first, LEAD_WORDS_ROMAN)
                    && !in_list(word, NOT_GIVEN_NAMES_ROMAN)
                    && !in_list(next_word(text, end), NOT_GIVEN_NAMES_ROMAN)
                    && out.last().is_none_or(|o| o.end <= ps)
                {
                    // A name written with letters beyond ASCII ends after
                    // them (`Robert Lipovský`).
                    let rest = text.get(end..).unwrap_or_default();
                    let tail: usize =
                        rest.chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
                    out.push(Span { start: ps, end: end + tail });
                }
            }
        }
        prev = Some((start, end, family));
    }
    out
}

/// Whether `word`, a capitalised word at `start` of `text`, is a given
/// name of [`GIVEN_NAMES_ROMAN`] that does not follow a word making it a
/// place (`San Jose`).
fn given_name(text: &str, start: usize, word: &str) -> bool {
    static FILTER: std::sync::OnceLock<[u64; 64]> = std::sync::OnceLock::new();
    if !in_filtered_list(word, GIVEN_NAMES_ROMAN, &FILTER) {
        return false;
    }
    let before = text.get(..start.saturating_sub(1)).unwrap_or_default();
    let prev = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or_default();
    !(text.get(start.saturating_sub(1)..start) == Some(" ") && in_list(prev, PLACE_PREFIXES))
}

/// The word after a single space at `end` of `text` (letters only; empty
/// when there is none).
fn next_word(text: &str, end: usize) -> &str {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else { return "" };
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    rest.get(..len).unwrap_or_default()
}

/// The first ASCII capital at or after `from`, eight bytes at a time
/// (prose is mostly small letters and spaces).
fn next_capital(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::MAX / 255;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A byte in 65..=90 (`A`..=`Z`), ASCII only: the classic
        // "has a byte between m and n" test for m = 64, n = 91.
        let low = x & (ONES * 127);
        let between = (ONES * (127 + 91) - low) & !x & (low + ONES * (127 - 64)) & (ONES * 128);
        if between != 0 {
            break;
        }
        i += 8;
    }
    b.get(i..)?.iter().position(u8::is_ascii_uppercase).map(|p| i + p)
}

/// Family names of the list that are also places a report names
/// (prefectures, districts, an airport) or, before a particle, a word of
/// the trade (`川上` upstream of a supply chain): in prose these are not
/// taken as people.
const PLACE_LIKE_NAMES: &[&str] =
    &["上野", "千葉", "宮崎", "小倉", "山口", "川上", "成田", "石川", "福井", "福島", "青山"];

/// The particles after which a run of kanji in Japanese prose is a
/// subject, an object or a partner (`山田が`, `田中は`, `佐藤と`,
/// `鈴木から`); not `の`, which follows places and companies as often.
const PARTICLES: &[&str] = &["が", "は", "と", "に", "へ", "も", "を", "より", "から"];

/// People in Japanese prose written without an honorific (`山田が端末を
/// 隔離した`, `対応は中村太郎が実施`): a run of kanji that starts a word
/// and stands before a particle, when it is a family name of the list with
/// or without a given name ([`written_person`]) and not one of the
/// [`PLACE_LIKE_NAMES`].
pub(crate) fn written_names_in_prose(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    // Every particle starts with the byte 0xE3 (hiragana): English text
    // has next to none of them.
    for p in memchr::memchr_iter(0xE3, text.as_bytes()) {
        let Some(rest) = text.get(p..) else { continue };
        if !PARTICLES.iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        let before = text.get(..p).unwrap_or_default();
        // The run of kanji before the particle, up to six.
        let mut start = p;
        let mut n = 0;
        for (i, c) in before.char_indices().rev() {
            if !is_kanji(c) {
                break;
            }
            start = i;
            n += 1;
            if n > 6 {
                break;
            }
        }
        if n == 0 || n > 6 {
            continue;
        }
        // It starts a word: not after katakana or a letter.
        let prev = before.get(..start).and_then(|b| b.chars().next_back());
        if prev.is_some_and(|c| (is_kana(c) && !is_hiragana(c)) || c.is_ascii_alphanumeric()) {
            continue;
        }
        let run = before.get(start..).unwrap_or_default();
        if PLACE_LIKE_NAMES.iter().any(|pl| run.starts_with(pl)) || !written_person(run) {
            continue;
        }
        if out.last().is_none_or(|o| o.end <= start) {
            out.push(Span { start, end: p });
        }
    }
    out
}

/// Whether `word` (ASCII letters) is a family name of the romanised list:
/// a look at a 4,096-bit filter first (about one word in fifteen that is
/// not a name gets past it by chance), then the list.
pub(crate) fn romanised_family_name(word: &str) -> bool {
    static FILTER: std::sync::OnceLock<[u64; 64]> = std::sync::OnceLock::new();
    in_filtered_list(word, ROMANISED_FAMILY_NAMES, &FILTER)
}

/// Whether `word` is in `list` (lower case, sorted), with a 4,096-bit
/// filter of the list's words (made once, in `filter`) looked at first.
fn in_filtered_list(word: &str, list: &[&str], filter: &std::sync::OnceLock<[u64; 64]>) -> bool {
    let filter = filter.get_or_init(|| {
        let mut f = [0u64; 64];
        for name in list {
            let h = filter_hash(name.as_bytes());
            if let Some(w) = f.get_mut(h / 64) {
                *w |= 1 << (h % 64);
            }
        }
        f
    });
    let h = filter_hash(word.as_bytes());
    filter.get(h / 64).is_some_and(|w| w & (1 << (h % 64)) != 0) && in_list(word, list)
}

/// A 12-bit hash of a word's letters in lower case, for the filter.
fn filter_hash(word: &[u8]) -> usize {
    let mut h: u32 = 0;
    for &c in word {
        h = h.wrapping_mul(31).wrapping_add(u32::from(c | 0x20));
    }
    ((h ^ (h >> 12) ^ (h >> 24)) & 4095) as usize
}

/// Whether `word` (ASCII letters, up to 12) is in `list` (lower case,
/// sorted), without allocating.
fn in_list(word: &str, list: &[&str]) -> bool {
    let mut buf = [0u8; 12];
    let Some(slot) = buf.get_mut(..word.len()) else { return false };
    slot.copy_from_slice(word.as_bytes());
    slot.make_ascii_lowercase();
    list.binary_search_by(|n| n.as_bytes().cmp(slot)).is_ok()
}

/// The speaker at the start of the line `text[start..end]`, if any.
fn speaker_of_line(text: &str, start: usize, end: usize) -> Option<Span> {
    let line = text.get(start..end)?;
    let at = skip_lead(line);
    let rest = line.get(at..)?;
    let span = |(s, e): (usize, usize)| Span { start: start + at + s, end: start + at + e };
    // Nearly every line is decided by the byte it starts with: a label
    // starts with a bracket, a capital or a CJK character.
    let first = *rest.as_bytes().first()?;
    if matches!(first, b'[' | b'<' | 0xE3 | 0xEF) {
        if let Some((open, inner)) = bracketed(rest) {
            return person(inner).map(|(s, e)| span((s + open, e + open)));
        }
    }
    match first {
        b'A'..=b'Z' => {
            // One or two words glued to their colon (`goto :eof` is code),
            // maybe with a role in brackets between (`Sato (SOC):`).
            // (Prose runs on past a third word: stop there.)
            let mut spaces = 0;
            let len = rest.bytes().take(MAX_LABEL).position(|b| {
                spaces += usize::from(b == b' ');
                !(b.is_ascii_alphabetic() || b == b' ' || b == b'.') || spaces > 2
            })?;
            if spaces > 2 {
                return None;
            }
            let name = rest.get(..len)?;
            let after = rest.get(len..)?;
            let glued = after.starts_with(':') && !name.ends_with(' ');
            let role = after.starts_with('(') && name.ends_with(' ') && role_then_colon(after);
            if !(glued || role) {
                return None;
            }
            person(name.trim_end()).map(span)
        }
        0xE3..=0xE9 => {
            // Kanji and kana, one space inside, then a colon or より/から,
            // maybe with a role in brackets before them.
            let mut len = 0;
            for (i, c) in rest.char_indices() {
                if is_kanji(c) || is_kana(c) || c == ' ' || c == '\u{3000}' {
                    len = i + c.len_utf8();
                } else {
                    break;
                }
                if i > MAX_LABEL {
                    return None;
                }
            }
            let label = rest.get(..len)?;
            let after = rest.get(len..)?;
            let name = match ["より", "から"].iter().find_map(|w| label.find(w)) {
                Some(p) => label.get(..p)?,
                None if after.starts_with([':', '：']) || role_then_colon(after) => label,
                None => return None,
            };
            person(name).map(span)
        }
        _ => None,
    }
}

/// The name in brackets at the start of `rest` (`【鈴木】`, `[Yamada]`,
/// `<Sato>`): where it starts, and the name.
fn bracketed(rest: &str) -> Option<(usize, &str)> {
    for (open, close) in [("【", "】"), ("［", "］"), ("[", "]"), ("<", ">")] {
        if let Some(inner) = rest.strip_prefix(open) {
            let close_at = inner.get(..floor_boundary(inner, MAX_LABEL + 3))?.find(close)?;
            return Some((open.len(), inner.get(..close_at)?));
        }
    }
    None
}

/// Whether `s` starts with a role in brackets and then a colon
/// (`（情シス）：`, `(SOC):`).
fn role_then_colon(s: &str) -> bool {
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(inner) = s.strip_prefix(open) {
            let Some(p) = inner.get(..floor_boundary(inner, 40)).and_then(|h| h.find(close)) else {
                return false;
            };
            let after = inner.get(p + close.len()..).unwrap_or_default().trim_start();
            return after.starts_with([':', '：']);
        }
    }
    false
}

/// The largest character boundary of `s` at or below `n`.
fn floor_boundary(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Whether the role word `text[start..end]` (`担当`, `担当者`) ends the
/// speaker label of a line of chat or minutes, so that what follows its
/// colon is a message, not the name the role introduces (`担当者：高橋 一郎`
/// in a form). `name_end` is where the name the role would take ends.
///
/// - `[09:02] 調査担当: 公表文には…`: a line stamped with a time is chat;
///   its label says who speaks.
/// - `広報担当：公表文には…` (no stamp): the label is a compound ending in
///   the role, and the "name" runs on into a sentence (kana right after it).
pub(crate) fn role_speaks(text: &str, start: usize, end: usize, name_end: usize) -> bool {
    let line_start = text.get(..start).and_then(|h| h.rfind('\n')).map_or(0, |p| p + 1);
    let Some(line) = text.get(line_start..) else { return false };
    let label_start = line_start + skip_lead(line);
    let Some(label_head) = text.get(label_start..start) else { return false };
    if !label_head.chars().all(|c| is_kanji(c) || is_kana(c)) {
        return false;
    }
    let after = text.get(end..).unwrap_or_default().trim_start_matches([' ', '\t', '\u{3000}']);
    if !after.starts_with([':', '：']) {
        return false;
    }
    let stamped = text
        .get(line_start..label_start)
        .is_some_and(|lead| lead.bytes().any(|b| b.is_ascii_digit()));
    let runs_on = text.get(name_end..).and_then(|r| r.chars().next()).is_some_and(is_hiragana);
    stamped || (!label_head.is_empty() && runs_on)
}

/// Where a line's label may start: after white space, a list bullet, and a
/// time stamp (`[10:02]`, `10:02:11`, `2025-02-14 10:02`, `(10:02)`).
fn skip_lead(line: &str) -> usize {
    let b = line.as_bytes();
    // Most lines start with a letter: nothing to skip.
    if b.first().is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0xE4) {
        return 0;
    }
    let mut i = skip_space(line, 0);
    for bullet in ["- ", "* ", "• ", "・", "> "] {
        if line.get(i..).is_some_and(|r| r.starts_with(bullet)) {
            i = skip_space(line, i + bullet.len());
            break;
        }
    }
    // A bracketed stamp: digits and the marks of dates and times only.
    for (open, close) in [(b'[', b']'), (b'(', b')')] {
        if b.get(i) == Some(&open) {
            let inner_end = b
                .get(i + 1..)
                .and_then(|r| r.iter().take(32).position(|&c| c == close))
                .map(|p| i + 1 + p);
            if let Some(e) = inner_end {
                let inner = b.get(i + 1..e).unwrap_or_default();
                if is_stamp(inner) {
                    return skip_space(line, e + 1);
                }
            }
        }
    }
    // A bare stamp: a date, a time, or both, then white space.
    let run = b.get(i..).unwrap_or_default();
    let mut n = 0;
    while n < run.len() && n < 32 {
        let c = run.get(n).copied().unwrap_or(b' ');
        let date_time_space = c == b' ' && n > 0 && run.get(n + 1).is_some_and(u8::is_ascii_digit);
        if c.is_ascii_digit() || matches!(c, b':' | b'-' | b'/' | b'.' | b'T') || date_time_space {
            n += 1;
        } else {
            break;
        }
    }
    if n > 0 && is_stamp(run.get(..n).unwrap_or_default()) {
        let after = i + n;
        if line.get(after..).is_some_and(|r| r.starts_with([' ', '\t', '\u{3000}'])) {
            return skip_space(line, after);
        }
    }
    i
}

fn skip_space(line: &str, mut i: usize) -> usize {
    while let Some(c) = line.get(i..).and_then(|r| r.chars().next()) {
        if !matches!(c, ' ' | '\t' | '\u{3000}') {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// A time of day, maybe after a date: digits, with a `:` between digits.
fn is_stamp(s: &[u8]) -> bool {
    let s = s.trim_ascii();
    !s.is_empty()
        && s.iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, b':' | b'-' | b'/' | b'.' | b'T' | b' '))
        && s.windows(3)
            .any(|w| matches!(w, [a, b':', c] if a.is_ascii_digit() && c.is_ascii_digit()))
}

/// Full names in kanji written as a field of their own, family and given
/// name apart (`"FriendlyName"="柴田 直人 (…)"`, a CSV row's
/// `,山口 花子,`): a family name of the list, one space, a given name
/// ([`written_person`]), with a field's edge on both sides (a separator,
/// a quote, a bracket, the line's start or end). In prose a name glued to
/// the words around it is the other rules' to find.
pub(crate) fn spaced_names_in_fields(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let b = text.as_bytes();
    // What stands at a field's edge: a separator, a quote, a bracket, a
    // key's sign, white space.
    const BEFORE: &[char] =
        &[',', '\t', '"', '\'', '(', '（', '=', ':', '：', ' ', '\n', '「', '【', '、', '\u{3000}'];
    const AFTER: &[char] = &[
        ',', '\t', '"', '\'', ')', '）', '(', '（', ' ', '\n', '\r', '」', '】', '、', '。',
        '\u{3000}',
    ];
    let edge_before = |c: Option<char>| c.is_none_or(|c| BEFORE.contains(&c));
    let edge_after = |c: Option<char>| c.is_none_or(|c| AFTER.contains(&c));
    // Only lines that hold more than ASCII can hold such a name: the
    // spaces of the others are not looked at one by one.
    let mut spaces: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    let ends = memchr::memchr_iter(b'\n', b).map(|p| p + 1).chain(std::iter::once(b.len()));
    for line_end in ends {
        let lb = b.get(line_start..line_end).unwrap_or_default();
        if !lb.is_ascii() {
            // A kanji ends right before the space (its last byte,
            // 0x80..0xBF).
            spaces.extend(
                memchr::memchr_iter(b' ', lb)
                    .filter(|&p| p > 0 && lb.get(p - 1).is_some_and(|&x| x >= 0x80))
                    .map(|p| (line_start + p, 1)),
            );
            spaces.extend(
                memchr::memmem::find_iter(lb, "\u{3000}".as_bytes()).map(|p| (line_start + p, 3)),
            );
        }
        line_start = line_end;
    }
    spaces.sort_unstable();
    for (p, w) in spaces {
        // A kanji ends right before the space (its last byte, 0x80..0xBF).
        if p < 3 || b.get(p - 1).is_none_or(|&x| x < 0x80) {
            continue;
        }
        let head = text.get(..p).unwrap_or_default();
        let family: usize =
            head.chars().rev().take_while(|&c| is_kanji(c)).take(4).map(char::len_utf8).sum();
        if family == 0 || family > 9 {
            continue;
        }
        let start = p - family;
        if !edge_before(text.get(..start).and_then(|t| t.chars().next_back())) {
            continue;
        }
        let tail = text.get(p + w..).unwrap_or_default();
        let given: usize = tail
            .chars()
            .take_while(|&c| is_kanji(c) || is_kana(c))
            .take(5)
            .map(char::len_utf8)
            .sum();
        let end = p + w + given;
        if given == 0 || !edge_after(text.get(end..).and_then(|t| t.chars().next())) {
            continue;
        }
        let name = text.get(start..end).unwrap_or_default();
        if written_person(name) && out.last().is_none_or(|l| l.end <= start) {
            out.push(Span { start, end });
        }
    }
    out.sort_by_key(|v| v.start);
    out
}

/// Where the person's name is in `label` (a byte range), if it is one.
fn person(label: &str) -> Option<(usize, usize)> {
    let name = label.trim_end_matches([' ', '\t', '\u{3000}']);
    if name.is_empty() {
        return None;
    }
    let ok = if name.is_ascii() { romanised_person(name) } else { written_person(name) };
    ok.then_some((0, name.len()))
}

/// A family name of the list in kanji, alone (two kanji or more) or with
/// a given name (one to three kanji, or two to four kana) after it, glued
/// or after one space; a one-kanji family name only with the space.
fn written_person(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() > 8 {
        return false;
    }
    // The longest family name of the list the label starts with.
    let mut found = None;
    for n in (1..=3.min(chars.len())).rev() {
        let head: String = chars.iter().take(n).collect();
        if FAMILY_NAMES.binary_search(&head.as_str()).is_ok() {
            found = Some(n);
            break;
        }
    }
    let Some(n) = found else { return false };
    let rest: Vec<char> = chars.iter().skip(n).copied().collect();
    let spaced = rest.first().is_some_and(|&c| c == ' ' || c == '\u{3000}');
    let given: Vec<char> = if spaced { rest.iter().skip(1).copied().collect() } else { rest };
    if given.is_empty() {
        return n >= 2 && !spaced;
    }
    if n == 1 && !spaced {
        return false;
    }
    let given_str: String = given.iter().collect();
    if NOT_GIVEN_NAMES.contains(&given_str.as_str())
        || given.last().is_some_and(|c| OFFICE_ENDINGS.contains(*c))
    {
        return false;
    }
    let kanji = given.iter().all(|&c| is_kanji(c));
    let kana = given.iter().all(|&c| is_kana(c));
    (kanji && given.len() <= 3) || (kana && (2..=4).contains(&given.len()))
}

/// One or two capitalised words (`Yamada`, `Taro Yamada`, `YAMADA Taro`,
/// `T. Yamada`), one of them a family name of the list.
fn romanised_person(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() > 2 || words.iter().any(|w| w.is_empty()) {
        return false;
    }
    let family = words.iter().any(|w| {
        let lower = w.to_ascii_lowercase();
        capitalised(w) && ROMANISED_FAMILY_NAMES.binary_search(&lower.as_str()).is_ok()
    });
    family
        && words.iter().all(|w| {
            capitalised(w)
                || (w.len() == 2
                    && w.ends_with('.')
                    && w.starts_with(|c: char| c.is_ascii_uppercase()))
        })
}

/// `Yamada` or `YAMADA`: a capital, then letters all small or all capitals.
fn capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    let rest = chars.as_str();
    first.is_ascii_uppercase()
        && rest.len() >= 2
        && (rest.bytes().all(|b| b.is_ascii_lowercase())
            || rest.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Hiragana, or katakana with the long vowel mark (without the middle dot
/// and the half-width forms `crate::people` also takes as name letters).
fn is_kana(c: char) -> bool {
    is_hiragana(c) || matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that reach every branch of the scanners: stamps, bullets,
    /// brackets, colons, particles, family names, capitals, kana, and
    /// bytes that cut words.
    const PIECES: &[&str] = &[
        "[10:02] ",
        "10:02 ",
        "2025-02-14 10:02 ",
        "- ",
        "・",
        "【",
        "】",
        "［",
        "］",
        "[",
        "]",
        "<",
        ">",
        ":",
        "：",
        "より",
        "から",
        "が",
        "は",
        "の",
        "（情シス）",
        "(SOC)",
        " ",
        "\u{3000}",
        "\n",
        "山田",
        "佐々木",
        "林",
        "健一",
        "太郎",
        "さとみ",
        "県",
        "部長",
        "様",
        "関連情報",
        "Yamada",
        "YAMADA",
        "Taro",
        "Kenji",
        "Watanabe",
        "Motor",
        "T.",
        "goto",
        "Alert",
        "x",
        "é",
        "ア",
        "1",
        "https://a.example/x",
    ];

    fn pieces_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..32).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// Every span slices the text at character boundaries, holds no
        /// line break, and comes after the one before it.
        #[test]
        fn spans_are_ordered_slices_of_the_text(text in pieces_text()) {
            for scanner in [speakers, romanised_full_names, written_names_in_prose] {
                let spans = scanner(&text);
                let mut last = 0;
                for s in &spans {
                    prop_assert!(s.start < s.end && s.start >= last, "{text:?}");
                    let piece = text.get(s.start..s.end);
                    prop_assert!(piece.is_some_and(|p| !p.contains('\n')), "{text:?}");
                    last = s.end;
                }
            }
        }

        /// Arbitrary text never makes a scanner panic.
        #[test]
        fn any_text_is_scanned(text in any::<String>()) {
            let _ = (speakers(&text), romanised_full_names(&text), written_names_in_prose(&text));
        }
    }

    fn found(text: &str) -> Vec<&str> {
        speakers(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn the_lists_are_sorted_for_binary_search() {
        assert!(FAMILY_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(ROMANISED_FAMILY_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(GIVEN_NAMES_ROMAN.windows(2).all(|w| w[0] < w[1]));
        assert!(NOT_GIVEN_NAMES_ROMAN.windows(2).all(|w| w[0] < w[1]));
        assert!(PLACE_PREFIXES.windows(2).all(|w| w[0] < w[1]));
        assert!(LEAD_WORDS_ROMAN.windows(2).all(|w| w[0] < w[1]));
        // Every word fits the lookup's buffer.
        for list in
            [ROMANISED_FAMILY_NAMES, GIVEN_NAMES_ROMAN, NOT_GIVEN_NAMES_ROMAN, LEAD_WORDS_ROMAN]
        {
            assert!(
                list.iter().all(|w| w.len() <= 12 && w.bytes().all(|b| b.is_ascii_lowercase()))
            );
        }
    }

    #[test]
    fn chat_and_meeting_speakers() {
        let text = "[10:02] 山田: EDRで起動を確認\n\
                    10:05 佐藤 健一： 端末を切り離します\n\
                    【鈴木】バックアップ停止を確認\n\
                    田中より：VPNログ取得済み\n\
                    - 高橋（情シス）: 了解\n\
                    2025-02-14 10:20 Yamada: isolated the host\n\
                    <Sato> ok\n\
                    Taro Watanabe: patched\n\
                    林 健一: 確認しました\n";
        assert_eq!(
            found(text),
            [
                "山田",
                "佐藤 健一",
                "鈴木",
                "田中",
                "高橋",
                "Yamada",
                "Sato",
                "Taro Watanabe",
                "林 健一"
            ]
        );
    }

    fn full_names(t: &str) -> Vec<String> {
        romanised_full_names(t).iter().map(|s| t[s.start..s.end].to_owned()).collect()
    }

    #[test]
    fn full_names_in_romaji() {
        let found = full_names;
        assert_eq!(
            found(
                "According to Kenji Watanabe, the VPN was patched late; YAMADA Taro and Sato Hanako agreed."
            ),
            ["Kenji Watanabe", "YAMADA Taro", "Sato Hanako"]
        );
        assert!(
            found("Honda Motor and Kubota Corporation, Chiba University, Ueno Station.").is_empty()
        );
        assert!(
            found("The Sudo Caching technique; Common Goto; watanabe kenji; McWatanabe Ken")
                .is_empty()
        );
        // A greeting or a title before the family name is not the name.
        assert_eq!(found("Dear Sato-san, Thanks Tanaka. Dear Sato Hanako,"), ["Sato Hanako"]);
    }

    #[test]
    fn full_names_with_a_common_given_name() {
        let found = full_names;
        assert_eq!(
            found(
                "John Miller says the loader came by mail. According to Sarah Connor, the \
                 account was reused. The SOC lead, Maria Gonzalez, escalated; ticket by Priya \
                 Natarajan.\nRegards,\nDavid Okafor\ncc: Emily Clarke; SERGEY IVANOV"
            ),
            [
                "John Miller",
                "Sarah Connor",
                "Maria Gonzalez",
                "Priya Natarajan",
                "David Okafor",
                "Emily Clarke",
                "SERGEY IVANOV"
            ]
        );
        assert_eq!(
            found("Thanks to Robert Lipovský and Anton Cherepanov."),
            ["Robert Lipovský", "Anton Cherepanov"]
        );
        // Places, organisations, malware, products, and words that are
        // given names too.
        assert!(
            found(
                "San Jose Airport, St Louis Blues, George Washington University, Patrick \
                 Ransomware, Thomas Group, Cobalt Strike, Brute Ratel, Will Smith, Mark Twain, \
                 Microsoft Defender, john miller, McJohn Miller"
            )
            .is_empty()
        );
    }

    #[test]
    fn written_names_before_particles() {
        let found = |t: &str| -> Vec<String> {
            written_names_in_prose(t).iter().map(|s| t[s.start..s.end].to_owned()).collect()
        };
        assert_eq!(
            found("情シスの山田が端末を隔離し、対応は中村太郎が実施。佐々木からも報告。"),
            ["山田", "中村太郎", "佐々木"]
        );
        assert!(
            found("千葉の拠点と福島にある工場、サプライチェーンの川上から侵入。中野区が公表。関連情報は別紙。石田部長が承認。経理部の佐々木様が開封。")
                .is_empty(),
            "{:?}",
            found("千葉の拠点と福島にある工場、サプライチェーンの川上から侵入。中野区が公表。関連情報は別紙。石田部長が承認。経理部の佐々木様が開封。")
        );
    }

    #[test]
    fn labels_that_are_not_people() {
        let text = "原因: 未修正の脆弱性\n\
                    根本原因：設定不備\n\
                    関連情報: なし\n\
                    10:02 検知: EDRアラート\n\
                    千葉県: 2拠点\n\
                    成田空港：影響なし\n\
                    東京: 3台\n\
                    林: 確認\n\
                    goto :eof\n\
                    Sudo: runs a command as root\n\
                    Goto: jumps to a label\n\
                    Alert: beacon to 45.77.10.3\n\
                    https://example.com/a\n\
                    Initial Access: T1566\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }
}
