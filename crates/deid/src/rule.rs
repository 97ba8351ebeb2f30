//! The rules, their actions and placeholders.

use kyoyu_taxonomy::{Lang, vocabulary};

vocabulary! {
    crate = kyoyu_deid;
    /// A de-identification rule. R1–R17 follow the report's cases and
    /// matrix (report-digest §4.3); R0 and F1 are ours: R0 covers direct
    /// identifiers anywhere in prose, F1 withholds what cannot be decoded.
    /// Each rule cites what it implements with [`RuleId::case`].
    ///
    /// `#[non_exhaustive]`: adding a rule is not a breaking change.
    #[non_exhaustive]
    pub enum RuleId: "deid_rule" ("非特定化ルール", "De-identification rule") {
        R0 = "R0" {
            "被害組織の直接の識別子", "Direct identifiers of the victim",
            "組織名・読み・略称・人名・固有システム名・電話番号が文中に現れたら型付きの置換記号に置き換える。",
            "Names, readings, abbreviations, people, unique systems and phone numbers anywhere in prose become typed placeholders.",
        },
        R1 = "R1" {
            "攻撃者FQDN内の被害組織名", "Victim name in an attacker FQDN",
            "攻撃者ドメインのサブドメイン部分に被害組織を示す文字列があれば、その部分を伏せて親ドメインを残す。",
            "When labels below an attacker's registrable domain name the victim, they are hidden and the parent kept.",
        },
        R2 = "R2" {
            "被害組織に似せた登録ドメイン", "Victim look-alike registrable domain",
            "登録ドメインそのものが被害組織名やドメインに似せてあれば、そのドメインと上のURL・メールを除く。URLのパスはホストを伏せて残す。",
            "A registrable domain made to look like the victim is dropped, with URLs and e-mail on it; a URL's path stays, its host hidden.",
        },
        R3 = "R3" {
            "被害組織の資産", "Victim-owned asset",
            "被害組織のホスト・IPアドレス・クラウド資源は除く。攻撃者が置いたパスは残せる。",
            "The victim's hosts, addresses and cloud assets are dropped; attacker-placed paths may stay.",
        },
        R4 = "R4" {
            "認証情報と個人の識別子", "Credentials and identities",
            "収集された認証情報、被害組織ドメインのメールアドレス、利用者名、人名は除く。",
            "Harvested credentials, e-mail on victim domains, user names and people's names are dropped.",
        },
        R5 = "R5" {
            "内部ネットワークの設定", "Internal network configuration",
            "内部IPアドレス、内部ホスト名、プロキシ、UNCパスは置換記号にする。",
            "Internal addresses, host names, proxies and UNC hosts become placeholders.",
        },
        R6 = "R6" {
            "ADとクラウドの識別子", "AD and cloud identifiers",
            "ドメインSID、テナントID、AWSアカウントID、テナントのホスト名は伏せる。",
            "Domain SIDs, tenant ids, AWS account ids and tenant host names are hidden.",
        },
        R7 = "R7" {
            "利用者プロファイルのパス", "User-profile paths",
            "C:\\Users\\<利用者>\\ などの利用者名部分を一般化する。攻撃者のビルドパスは残す。",
            "The user part of profile paths is generalised; attacker build paths stay.",
        },
        R8 = "R8" {
            "被害組織固有のシステム", "Victim-unique systems",
            "被害組織に固有のシステムや製品、利用者がごく限られるシステムの名前を伏せる。",
            "Names of systems or products unique to the victim, or with a tiny user base, are hidden.",
        },
        R9 = "R9" {
            "公開ディレクトリと攻撃基盤の証拠", "Open directories and infrastructure evidence",
            "攻撃者サーバ上のパスに現れる被害組織の文字列を伏せ、公開ディレクトリの共有には警告を付ける。",
            "Victim strings in paths on attacker servers are hidden; sharing an open directory is flagged.",
        },
        R10 = "R10" {
            "被害組織向けに作られたマルウェアの痕跡", "Victim-coded malware artefacts",
            "ミューテックスや設定値、符号化された文字列に埋め込まれた被害組織の部分を伏せる。",
            "The victim part of mutexes, configuration values and encoded strings is hidden.",
        },
        R11 = "R11" {
            "公開検体との結び付き", "Public-sample linkage",
            "被害組織の痕跡を含む検体のハッシュには、公開検体と感染の事実を結び付ける危険を警告する。",
            "Hashes of samples holding victim artefacts carry a warning about confirming an infection.",
        },
        R12 = "R12" {
            "おとり文書とメタデータ", "Lure and document metadata",
            "メールの宛先や文書の作成者などのメタデータは除く。送信元の攻撃者アドレスは残す。",
            "Recipients and document metadata such as author are dropped; the attacker's sender stays.",
        },
        R13 = "R13" {
            "先行公表との結び付き", "Prior announcement linkage",
            "既に公表された被害と日付やシステムで結び付く情報を一般化し、警告を付ける。",
            "Dates and systems that tie the item to an earlier announcement are generalised and flagged.",
        },
        R14 = "R14" {
            "検索エンジンの履歴", "Internet-scan history",
            "スキャン検索サービスの記録と結び付く被害側ホストの指紋や停止日を除く。",
            "Victim host fingerprints and offline dates that scan-search history would tie together are dropped.",
        },
        R15 = "R15" {
            "準識別子とk-匿名性", "Quasi-identifiers and k-anonymity",
            "地域・業種・規模の組み合わせで絞り込めないよう、地域ブロックや規模帯に一般化する。番地や郵便番号は伏せる。",
            "Region, industry and size are generalised to blocks and bands so that together they do not narrow down; street addresses and postal codes are hidden.",
        },
        R16 = "R16" {
            "正規の第三者サービス名", "Legitimate third-party service names",
            "攻撃者ドメイン内の第三者サービス名はなりすましであり残す。利用者が極めて少ない場合は警告する。",
            "A third-party service name in an attacker domain is impersonation and stays; a tiny customer base is flagged.",
        },
        R17 = "R17" {
            "攻撃者側の痕跡は残す", "Attacker artefacts survive",
            "攻撃者のドメイン・IP・ハッシュ・ツール名・CVE・ATT&CKなどは共有の目的そのものであり残す。",
            "Attacker domains, addresses, hashes, tools, CVE and ATT&CK ids are the point of sharing and stay.",
        },
        F1 = "F1" {
            "復号できない部分は出さない", "Undecodable segments are withheld",
            "厳格モードで復号や解析ができない部分は、中身を確かめられないため出力しない。",
            "In strict mode a segment that cannot be decoded or parsed is withheld, since it cannot be checked.",
        },
    }
}

impl RuleId {
    /// What in the report this rule implements (the case or matrix cell),
    /// in our words.
    pub fn case(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            RuleId::R0 => (
                "参考資料「情報提供元の非特定化」: 提供元が特定されないこと自体が共有の条件",
                "Reference page on de-identifying the source: not identifying the source is the condition for sharing",
            ),
            RuleId::R1 => (
                "事例2（サブドメインに標的組織を示す文字列）、事例1②（C2ドメインに標的の略称）",
                "Case 2 (a subdomain naming the target), Case 1-2 (target abbreviation in a C2 domain)",
            ),
            RuleId::R2 => (
                "共有可否の表・通信先（被害組織名やドメインに似せたC2ドメイン）",
                "Shareability matrix, destinations (C2 domains resembling the victim's name or domain)",
            ),
            RuleId::R3 => (
                "事例3（侵害されたWebサーバ）、攻撃技術情報の例（被害側のアクセス先パス）",
                "Case 3 (a compromised web server); ATI example of victim-side paths",
            ),
            RuleId::R4 => (
                "事例1①（感染時に集めた認証情報のメールドメインから被害組織が推測される）",
                "Case 1-1 (the mail domain in harvested credentials reveals the victim)",
            ),
            RuleId::R5 => (
                "事例1③（プロキシなど内部ネットワークの設定）",
                "Case 1-3 (proxy and other internal network settings)",
            ),
            RuleId::R6 => ("事例1③（環境固有の設定）", "Case 1-3 (environment-specific settings)"),
            RuleId::R7 => (
                "攻撃技術情報の例（ファイルパス）と攻撃者側の痕跡の区別",
                "ATI example (file paths) versus attacker artefacts",
            ),
            RuleId::R8 => (
                "事例2・3（被害組織固有のシステム）、共有可否の表・TTPs（利用者がごく限られるシステム）",
                "Cases 2 and 3 (systems unique to the victim); matrix, TTPs (systems with very few users)",
            ),
            RuleId::R9 => (
                "事例2（公開ディレクトリにA社・B社との通信を示す情報）",
                "Case 2 (an open directory showing traffic with companies A and B)",
            ),
            RuleId::R10 => ("事例1②（検体の中身）", "Case 1-2 (contents of the sample)"),
            RuleId::R11 => (
                "共有可否の表・マルウェア（公開サービス上の検体）、事例1（VT上の検体）",
                "Matrix, malware (samples on public services); Case 1 (a sample on VirusTotal)",
            ),
            RuleId::R12 => ("事例1（検体とおとりの中身）", "Case 1 (contents of sample and lure)"),
            RuleId::R13 => (
                "事例3（先に公表された被害組織と結び付く情報）",
                "Case 3 (information tied to a victim that has already announced)",
            ),
            RuleId::R14 => (
                "事例3（Webサーバなどの過去の検索結果との結び付き）",
                "Case 3 (ties to past search results for web servers)",
            ),
            RuleId::R15 => (
                "脅威情報レポート（地域・業種の明示）、事例3※（同種の被害が複数あれば特定とは限らない）",
                "Threat reports naming region or sector; Case 3 note (several similar victims do not identify one)",
            ),
            RuleId::R16 => (
                "事例2（サブドメインに第三者の製品・サービス名）",
                "Case 2 (a third party's product or service name in a subdomain)",
            ),
            RuleId::R17 => (
                "攻撃技術情報の共有の目的（通信先・マルウェア・脆弱性・TTPs）",
                "The purpose of sharing ATI (destinations, malware, vulnerabilities, TTPs)",
            ),
            RuleId::F1 => (
                "本ライブラリの方針（確かめられないものは出さない）",
                "This library's fail-closed stance (what cannot be checked is not released)",
            ),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

vocabulary! {
    crate = kyoyu_deid;
    /// What happens to a finding.
    #[non_exhaustive]
    pub enum Action: "deid_action" ("処理", "Action") {
        Drop = "drop" {
            "除去", "Drop",
            "指標ごと除き、文中では型付きの置換記号にする。",
            "The indicator is removed; in text it becomes a typed placeholder.",
        },
        Redact = "redact" {
            "伏せ字", "Redact",
            "該当部分を型付きの置換記号に置き換える。",
            "The matching part is replaced with a typed placeholder.",
        },
        Generalise = "generalise" {
            "一般化", "Generalise",
            "より粗い値に置き換える（親ドメイン、月、地域ブロックなど）。",
            "Replaced with a coarser value (parent domain, month, regional block...).",
        },
        Pseudonymise = "pseudonymise" {
            "仮名化", "Pseudonymise",
            "鍵付きハッシュによる仮名にする。同じ鍵なら同じ値は同じ仮名になる。",
            "Replaced with a keyed-hash pseudonym, stable for one key.",
        },
        Keep = "keep" {
            "保持", "Keep",
            "そのまま残す。警告が付くことがある。",
            "Kept as it is, possibly with a warning.",
        },
    }
}

vocabulary! {
    crate = kyoyu_deid;
    /// The typed placeholder that stands where something was removed.
    #[non_exhaustive]
    pub enum Placeholder: "deid_placeholder" ("置換記号", "Placeholder") {
        VictimOrg = "<victim-org>" {
            "被害組織", "Victim organisation",
            "被害組織の名前・読み・略称。", "The victim's name, reading or abbreviation.",
        },
        VictimHost = "<victim-host>" {
            "被害組織のホスト", "Victim host",
            "被害組織が持つホストやドメイン。", "A host or domain the victim owns.",
        },
        VictimIp = "<victim-ip>" {
            "被害組織のIPアドレス", "Victim IP address",
            "被害組織が持つ公開アドレス。", "A public address the victim owns.",
        },
        VictimEmail = "<victim-email>" {
            "被害組織のメールアドレス", "Victim e-mail address",
            "被害組織ドメインや関係者のメールアドレス。", "An address on a victim domain or of a person named.",
        },
        VictimId = "<victim-id>" {
            "被害組織の識別子", "Victim identifier",
            "SID、テナント、アカウントIDなど。", "A SID, tenant, account id and the like.",
        },
        VictimSystem = "<victim-system>" {
            "被害組織固有のシステム", "Victim system",
            "被害組織に固有のシステムや製品。", "A system or product unique to the victim.",
        },
        LookalikeDomain = "<victim-lookalike-domain>" {
            "被害組織に似せたドメイン", "Victim look-alike domain",
            "被害組織に似せて登録されたドメイン。", "A domain registered to look like the victim.",
        },
        Person = "<person>" {
            "人名", "Person",
            "関係者の名前。", "The name of a person named in the incident.",
        },
        User = "<user>" {
            "利用者名", "User",
            "アカウント名や利用者プロファイル名。", "An account or profile name.",
        },
        Credential = "<credential>" {
            "認証情報", "Credential",
            "パスワード、ハッシュ、トークン、鍵。", "A password, hash, token or key.",
        },
        InternalIp = "<internal-ip>" {
            "内部IPアドレス", "Internal IP address",
            "プライベートアドレスなど内部のアドレス。", "A private or otherwise internal address.",
        },
        InternalHost = "<internal-host>" {
            "内部ホスト", "Internal host",
            "内部のホスト名やADドメイン。", "An internal host name or AD domain.",
        },
        InternalProxy = "<internal-proxy>" {
            "内部プロキシ", "Internal proxy",
            "内部のプロキシやPAC/WPADの場所。", "An internal proxy or PAC/WPAD location.",
        },
        Metadata = "<metadata>" {
            "メタデータ", "Metadata",
            "宛先や作成者などのメタデータの値。", "A metadata value such as a recipient or author.",
        },
        Date = "<date>" {
            "日付", "Date",
            "結び付きを生む日付。", "A date that would link the item to the victim.",
        },
        Withheld = "<withheld>" {
            "保留", "Withheld",
            "復号できず確かめられない部分。", "A part that could not be decoded and checked.",
        },
        Address = "<address>" {
            "住所", "Address",
            "番地や郵便番号まで示す住所。", "A street address or postal code.",
        },
        Phone = "<phone>" {
            "電話番号", "Phone number",
            "組織や人に結び付く電話番号。", "A telephone number that leads to an organisation or person.",
        },
        Unit = "<unit>" {
            "組織内の単位", "Unit",
            "研究室や学科など、持つ組織が限られ被害組織を絞り込む内部の単位の名前。",
            "The name of a lab, department or division that few organisations have, narrowing the victim down.",
        },
        Announcement = "<announcement>" {
            "公表の題名", "Announcement",
            "被害組織が以前に公表した文書の題名や要旨。検索すれば被害組織にたどり着く。",
            "The title or summary of the victim's earlier public announcement; searching for it leads to the victim.",
        },
    }
}

impl Placeholder {
    /// The placeholder text, e.g. `<victim-org>` (same as the id).
    pub fn as_str(self) -> &'static str {
        self.id()
    }
}
