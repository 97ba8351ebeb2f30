//! De-identification of attack-technical information (非特定化加工).
//!
//! The report behind kyoyu lets specialist organisations share
//! attack-technical information at once, provided nothing in it can
//! identify or narrow down the victim. This crate is that step: a victim
//! [`Profile`], a [`Policy`], and a [`Deidentifier`] that finds what could
//! point at the victim in text and indicators and redacts, generalises,
//! pseudonymises or drops it, while the attacker's indicators — the point of
//! sharing — survive.
//!
//! ```
//! use kyoyu_deid::{Deidentifier, Policy, Profile};
//!
//! let profile = Profile::from_json(r#"{
//!     "org_names_ja": ["湊川精機株式会社"],
//!     "readings_kana": ["ミナトガワセイキ"],
//!     "email_domains": ["minatogawa-seiki.co.jp"],
//!     "people": [{"ja": "佐藤 太郎", "usernames": ["t.sato"]}]
//! }"#)?;
//! let deid = Deidentifier::new(&profile, Policy::default())?;
//! let out = deid.deidentify_text(
//!     "湊川精機の佐藤氏（t.sato@minatogawa-seiki.co.jp）が minatogawa-seiki-login[.]com の偽ページに誘導された。",
//! );
//! assert_eq!(
//!     out.text,
//!     "<victim-org>の<person>氏（<victim-email>）が <victim-lookalike-domain> の偽ページに誘導された。",
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How it works
//! - **Canonical views** (report-digest §4.2): the text is decoded
//!   (percent-encoding to a fixpoint, HTML entities, `\u`/`\x` escapes,
//!   defang words, Punycode) and folded into a matching key (NFKC, case,
//!   look-alike letters and digits, hiragana = katakana, separators removed,
//!   a romanisation key equating Hepburn, Kunrei and long-vowel spellings).
//!   Every byte of every view maps back to the original span, so a match
//!   anywhere redacts exactly the original bytes. Base64, Base32 and hex
//!   tokens that decode to text are scanned too, two levels deep; a token
//!   whose text held the victim is de-identified as text and encoded again
//!   the way it was (PowerShell's `-enc` stays UTF-16LE Base64), so the
//!   attacker's part stays readable to whoever decodes it, and its
//!   indicators are shared (a token that held only the victim's value
//!   shows the placeholder).
//! - **Names spelled without their marks**: `Brückner` also matches
//!   `Brueckner`, `Møller` `Moeller`, `ß` `ss`.
//! - **Mail and HTML**: RFC 2047 encoded-words (`=?ISO-2022-JP?B?…?=`) and
//!   quoted-printable bodies (soft line breaks too) are decoded, and the
//!   lines that hold them are de-identified once more, so an address or a
//!   password there is cut from the escapes that encode it; what does not
//!   decode is withheld. A name that inline tags split (`<b>ヤマセ</b>運輸`)
//!   is matched as a browser shows it, around such tags.
//! - **JSON exports**: a string written in `\uXXXX` escapes is read decoded
//!   by every rule (people, addresses, sites, numbers of record, not only
//!   the profile's terms) and written back escaped.
//! - **Names in mixed forms**: a name written partly in its reading
//!   (`ミナト川精機` for `湊川精機`), the distinctive word of a name alone
//!   (`Shirasagi` of `Shirasagi Kasei Kogyo`), an abbreviation made a
//!   ransomware extension (`*.mkxlock`), a name without a generic ending
//!   (`幌加野` of `幌加野農業協同組合`), a reading with its long `o` written
//!   out (`トウリョウ` for `トリョウ`) or with the long-vowel mark
//!   (`オーセイカイ` for `オウセイカイ`).
//! - **One automaton**: every profile term, in all its generated variants,
//!   goes into one Aho-Corasick automaton; a 10,000-term profile costs about
//!   what a 10-term one does per byte. Short terms (abbreviations, user
//!   names) must fill whole tokens; generic words (legal forms, industry
//!   words) never match alone. It is built as a DFA: reading a byte takes a
//!   few instructions instead of following failure links, at the price of a
//!   slower [`Deidentifier::new`] (140 ms and 62 MB resident for 10,000
//!   terms on the team's 2-core machine) — build one per profile and share
//!   it between threads.
//! - **Cost**: text goes through decoding, two key views streamed into
//!   the automaton, the scanners (each started from its own cue: digits,
//!   dots, `:`/`@`, keywords found in one pass) and a last check of the
//!   output, so it is far slower than extraction: about 417 instructions
//!   per byte of the dev corpus with a 10,000-term profile (callgrind; 392
//!   before the scanners of names without a cue, which cost about 22, and
//!   the given names and named units, about 3 more), which at 414 ran at
//!   11.1 MiB/s on one core of this workplace's 2.5 GHz
//!   2-core machine (criterion `deid/text`; 10 terms 10.9 MiB/s; the
//!   extraction peer `indicator-extractor` runs at 21.5 MiB/s there, and
//!   the same build ran about 2.3 times as fast on the machine of an
//!   earlier session). The bundled victim profile on the corpus with its
//!   incident notes mixed in, where terms are found in every other chunk,
//!   costs about 795 instructions per byte (782, 6.2 MiB/s, before the
//!   given names, the named units and the `l`-for-`i` check of short
//!   names, whose key views cost about 2 of the 13 added). The streamed key
//!   views are the largest part (about 125 instructions per byte over all
//!   passes: the input, the output and the pieces that hold a term, and the
//!   values of network indicators), then the scanners (about 107) and the
//!   output check (75). Fewer
//!   instructions have stopped buying time one for one: the table-driven
//!   inner loops that took the views from 179 to 125 instructions per byte
//!   run at a lower rate per instruction, so the wall clock moved 2 %.
//!   Single indicators take under a microsecond each.
//! - **Pieces reach past padding**: the text is read in 32 KiB chunks,
//!   each reaching into the next by at least 80 bytes per byte of the
//!   longest key, not counting characters the views read as nothing
//!   (zero-width characters, combining marks), so a name padded with
//!   thousands of them across a cut is still one name.
//! - **People the profile does not list**: names after a Japanese
//!   honorific (`佐々木様`, `田中 健一さん`, `山口 様`, `山本氏`), before a
//!   job title (`石田課長`, `田中先生`, `渡部教授`), after an English title
//!   (`Ms. Yuki Hayashi`, `Dr. K. Mori`) or a role (`担当者：`,
//!   `reported by`) become `<person>` (R4); words that take an honorific
//!   or a title without being names (`お客様`, `仕様`, `同様`,
//!   `総務部長`, `顧問弁護士`) stay. A listed person's name in kanji may
//!   start inside a run of kanji (`課長の渡辺 翔`). Speakers at the start
//!   of a chat or meeting line (`[10:02] 山田:`, `【鈴木】`, `田中より：`,
//!   `Yamada:`), where no word around the name tells it from a label
//!   (`原因:`, `10:02 検知:`), are people when they are one of the common
//!   Japanese family names the crate lists, in kanji or romaji; so is a
//!   pair of capitalised words with such a name in English prose
//!   (`according to Kenji Watanabe`, `YAMADA Taro`), but not `Honda Motor`.
//!   A listed person's family name of one kanji (`林` of `林 誠`) goes
//!   where it stands as a word: before a job title, before kana, or with
//!   no letter after it (`林課長`, `林が対応`, `担当: 林`), not inside
//!   another word (`森林`, `林業`, `小林`).
//!   A title in Chinese before or after a name with a common family name
//!   (`經理 王建華`, `陳小姐`) names a person too.
//! - **Numbers of record and contact** (R0): values after keys that number
//!   a staff member, a patient, a medical institution, a device, a court
//!   file or a register entry, in Japanese, Chinese, Korean, German,
//!   French and English (`職員番号`, `患者ID`, `統一編號`, `帳號`,
//!   `Aktenzeichen 330 Js 48112/25`, `HRB`, `serial:`), with an office's
//!   prefix before `第…号` (`岡サ第2025-0418号`), become `<victim-id>`; a
//!   certificate's serial does not. Extensions (`内線 4410`, `分機 3312`,
//!   `ext 2315`) and numbers with the area code in brackets after a phone
//!   word (`電話 (04) 2681-5566`) become `<phone>`.
//! - **Named sites** (R15, `<unit>`): a branch, a plant, a station, a
//!   clinic named before its kind (`音羽支所`, `桜井配水池`, `水島クリニック`,
//!   `大甲廠`), also right after the victim's name; in romaji
//!   (`Sakurai-Haisuichi`, `josui-kitayama`, whose distinctive word then
//!   goes wherever it is repeated); after a French or German kind (`la
//!   centrale …`, `Lager Achim-Uphusen`, `Niederlassung Achim`). An
//!   ordinal, a direction, a function or a medical speciality alone names
//!   none (`第二工場`, `送水ポンプ場`, `歯科医院`); English kinds (`office`,
//!   `plant`) are left alone, since reports pair them with common words.
//! - **Fields and columns**: a kanji full name that fills a field
//!   (`"FriendlyName"="柴田 直人 (…)"`, a CSV row's `,山口 花子,`); the
//!   GUIDs of directory objects under `User ID`, `oid`, `groups` and the
//!   like, in JSON and in CSV columns (read with their quoted fields); an
//!   SNMP `community` and an archiver's `-p`/`-hp` password; a bank
//!   account's kind and seven digits (`普通 1234567`) without a key; a
//!   number of record found under its key, wherever the text repeats it.
//! - **Accounts in logs**: after the phrases of a Unix log (`Password
//!   expired for`, `change user '…'`, not `invalid user`) and under
//!   Winlogon's values (`DefaultUserName`); an account found once goes
//!   wherever the text repeats it.
//! - **Short forms of the victim's name**: a public body's place without
//!   its kind (`鳳来沢市上下水道局` → `鳳来沢`), a brand's own word without
//!   generic ones (`Tsubame Express` → `Tsubame`, `ナイトジャースタジオ` →
//!   `ナイトジャー`), a project's code name without its kind word
//!   (`Project AKEBONO` → `AKEBONO`), an AD domain as LDAP components
//!   (`DC=corp,DC=example,DC=local`), and readings in hiragana or katakana
//!   alike. An abbreviation is read letter by letter: `OHR` is not `our`,
//!   whose romanisation key it shares.
//! - **Given names**: a listed person's kanji given name of two characters
//!   or more, or kana one of three or more, alone (`浩二です`), and any of
//!   them before a form of address (`ゆみさん`, `蓮くん`, `由美様`) or
//!   signing off a message: the last word of a line, after the sentence's
//!   end or alone (`…見つかりました。ゆみ`, `ﾕﾐ`).
//! - **Machines named after the organisation** (R5): the head word of an
//!   English name of the organisation with a device word (`KIRISHIMA-PC012`,
//!   `kirishima-fs01`), when the name cannot be on the internet, even where
//!   the profile lists another host-name pattern.
//! - **A ransom note's chat code and personal id** (R10): `Your unique code
//!   to log into our chat: 9921-…`, `Your personal ID: …`.
//! - **The announcement's title** (R13): a listed announcement's summary of
//!   ten characters or more, quoted word for word, is `<announcement>`.
//! - **The announcement's day in any spelling** (R13, also German `3.
//!   November 2025`): ISO, `2025/2/14`,
//!   `14/02/2025` (both readings when day and month could swap),
//!   `14-Feb-2025`, `20250214`, `R7.2.14`, `令和7年2月14日`, full-width
//!   digits, `2/14` and `2月14日` without a year; the weekday and an ISO
//!   timestamp's time go with the day (not the comma that ends a CSV
//!   field), and a date inside an attacker's link is generalised in place
//!   (the link stays).
//! - **Credentials under glued keys** (R4): `DB_PASSWORD=…`,
//!   `dbPassword: "…"`, and aligned listings (`ProxyPassword      - …`),
//!   when the value is shaped like a password.
//! - **Computed values are not text**: a hex digest, an onion address's
//!   label, a Monero wallet or an IPv4 address is never cut for a term its
//!   characters happen to spell through look-alike folding (`5470` as
//!   `sato`, `65.12.201.7` as a securities code); nor is a short name the
//!   romanisation key pieced from two words (`ps1 to` as `Ito`). The
//!   attacker's hash, wallet and address survive.
//! - **Rules** R1–R17 from the report's cases, plus R0 (direct identifiers
//!   in prose) and F1 (fail closed on what cannot be decoded); see
//!   [`RuleId`] and [`RuleId::case`].
//! - **Nothing leaks through the API**: profile values are [`Secret`]s
//!   without `Debug`, `Display` or `Serialize`; findings carry rule, span,
//!   action and placeholder, never the removed value. Only
//!   [`Deidentifier::audit_text`], named as such, returns removed values.
//!
//! # Dependencies, and why
//! `aho-corasick` (the multi-pattern automaton), `unicode-normalization`
//! (NFKC), `idna` (Punycode), `hmac` + `sha2` (keyed pseudonyms, RustCrypto),
//! `ipnet` (ranges), `toml` and `serde_path_to_error` (profiles that name the
//! failing field), `encoding_rs` (the charsets of mail headers and bodies:
//! ISO-2022-JP and Shift_JIS need real tables; it is the WHATWG Encoding
//! Standard as Firefox implements it).

#![forbid(unsafe_code)]

mod canon;
mod deidentifier;
mod error;
mod lookalike;
mod matcher;
mod network;
mod output;
mod passwords;
mod people;
mod policy;
mod profile;
mod quasi;
mod rule;
mod scan;
mod secret;
mod short_families;
mod signoff;
mod speakers;
mod units;

pub use deidentifier::{Deidentifier, max_output_len};
pub use error::{BuildError, PolicyError, ProfileError};
pub use output::{AuditEntry, Deidentified, Finding, IndicatorOutcome, SharedIndicator, Warning};
pub use policy::{AddressHandling, DateGranularity, Policy, PopulationCell};
pub use profile::{Announcement, Person, Profile, Service};
pub use rule::{Action, Placeholder, RuleId};
pub use secret::{Secret, Secrets};
