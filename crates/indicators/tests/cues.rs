//! Context cues for dispositions: the words right next to a match that say
//! it is context (a commit id, a reference, the publisher's contact, the
//! real domain of an imitated brand, an address a well-known name resolves
//! to), and the near misses that stay indicators. All values are made up.

use kyoyu_indicators::{Disposition, Extractor};

fn dispositions(text: &str) -> Vec<(String, Disposition)> {
    Extractor::new()
        .extract(text)
        .into_iter()
        .filter(|m| !matches!(m.kind().id(), "file-name" | "file-path"))
        .map(|m| (m.value(), m.disposition))
        .collect()
}

fn want(rows: &[(&str, Disposition)]) -> Vec<(String, Disposition)> {
    rows.iter().map(|(v, d)| ((*v).to_owned(), *d)).collect()
}

use Disposition::{Benign, Indicator, Reference};

const SHA1_A: &str = "5be1c2f04d9e7a3b8c61f2e0d4a9b7c3e8f1a2d6";
const SHA1_B: &str = "e04f9a1c7b3d5e2f8a6c0b9d1e7f3a4c2b8d5e90";

#[test]
fn a_commit_id_named_after_or_before_the_value_is_benign() {
    let text = format!(
        "1. {SHA1_A}: the git commit id of the upstream fix.\n\
         Fixed in {SHA1_B} (upstream commit).\n\
         Commit hash: {SHA1_A}\n\
         修正コミット {SHA1_B}\n"
    );
    assert_eq!(
        dispositions(&text),
        want(&[(SHA1_A, Benign), (SHA1_B, Benign), (SHA1_A, Benign), (SHA1_B, Benign)])
    );
}

#[test]
fn a_digest_near_other_words_stays_an_indicator() {
    let text = format!(
        "{SHA1_A}: the dropper committed to disk as svc.dll\n\
         SHA1 {SHA1_B} of the loader\n\
         {SHA1_A} is the hash of the commit-stage payload\n"
    );
    assert_eq!(
        dispositions(&text),
        want(&[(SHA1_A, Indicator), (SHA1_B, Indicator), (SHA1_A, Indicator)])
    );
}

#[test]
fn a_link_after_a_japanese_reference_label_is_a_reference() {
    let text = "【参考】https://www.kitamori-isac.jp/alert/2025/0412.html\n\
                出典：https://kitamori-isac.jp/report/q1.pdf\n\
                参考URL: https://www.hanazono-soc.jp/blog/lure-analysis\n\
                詳細は以下を参照 https://hanazono-soc.jp/notes/0413\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("https://www.kitamori-isac.jp/alert/2025/0412.html", Reference),
            ("https://kitamori-isac.jp/report/q1.pdf", Reference),
            ("https://www.hanazono-soc.jp/blog/lure-analysis", Reference),
            ("https://hanazono-soc.jp/notes/0413", Reference),
        ])
    );
}

#[test]
fn attacker_links_after_japanese_labels_stay_indicators() {
    // `参照先` is where the malware reads from; a raw address or a paste
    // stays the attacker's under any label.
    let text = "参照先：hxxps://kanri-portal[.]net/gate.php\n\
                通信先参照 https://kanri-portal.net/cfg\n\
                参考: http://45.61.137.18/stage2.bin\n\
                参考: https://pastebin.com/Xq7wL2mB\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("https://kanri-portal.net/gate.php", Indicator),
            ("https://kanri-portal.net/cfg", Indicator),
            ("http://45.61.137.18/stage2.bin", Indicator),
            ("https://pastebin.com/Xq7wL2mB", Indicator),
        ])
    );
}

#[test]
fn the_publishers_contact_is_benign_a_lures_is_not() {
    let text = "本件に関するお問い合わせ: soc-desk@kitamori-isac.jp\n\
                本資料についてのお問い合わせ先：info@hanazono-soc.jp\n\
                メール本文「お問い合わせ: support@kitamori-securepay.com」\n\
                本件に関するお問い合わせ: kitamori.helpdesk@gmail.com\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("soc-desk@kitamori-isac.jp", Benign),
            ("info@hanazono-soc.jp", Benign),
            ("support@kitamori-securepay.com", Indicator),
            ("kitamori.helpdesk@gmail.com", Indicator),
        ])
    );
}

#[test]
fn the_imitated_brands_legitimate_domain_is_benign() {
    let text = "The legitimate site is kitamori-bank.jp; the lure used kitamori-bank-login.com.\n\
                正規のドメインは kitamori-bank.jp です。\n\
                正規サイト（https://www.kitamori-bank.jp/）\n\
                The genuine domain: hanazono-card.com\n\
                Genuine sites for comparison: stake.lido.fi; the drainer used lido-claim.xyz\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("kitamori-bank.jp", Benign),
            ("kitamori-bank-login.com", Indicator),
            ("kitamori-bank.jp", Benign),
            ("https://www.kitamori-bank.jp/", Benign),
            ("hanazono-card.com", Benign),
            ("stake.lido.fi", Benign),
            ("lido-claim.xyz", Indicator),
        ])
    );
}

#[test]
fn look_alikes_described_near_legitimate_stay_indicators() {
    let text = "a legitimate-looking domain kitamori-secure.com\n\
                Legitimate services abused: kitamori-files.net\n\
                正規サイトを装った kitamori-bank.top\n\
                偽ドメイン（kitamori-bank.xyz）\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("kitamori-secure.com", Indicator),
            ("kitamori-files.net", Indicator),
            ("kitamori-bank.top", Indicator),
            ("kitamori-bank.xyz", Indicator),
        ])
    );
}

#[test]
fn a_value_the_writer_says_not_to_block_is_benign() {
    let text = "- Do not treat 172.67.190.14 as malicious: it is shared anycast space.\n\
                - Don't block cdn.jsdelivr-mirror.net, a mirror our staff use.\n\
                - We shouldn\u{2019}t blocklist https://updates.kitamori-soft.com/feed either.\n\
                - Never flag 45.61.136.44 without context.\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("172.67.190.14", Benign),
            ("cdn.jsdelivr-mirror.net", Benign),
            ("https://updates.kitamori-soft.com/feed", Benign),
            ("45.61.136.44", Benign),
        ])
    );
}

#[test]
fn values_to_block_or_treat_as_malicious_stay_indicators() {
    let text = "- Block 172.67.190.14 and treat stake-claim.top as malicious.\n\
                - Do not allow 45.61.136.44; we do not know https://drop.kitamori-soft.top/a.\n\
                - The note did not flag kitamori-cdn.net (still malicious).\n\
                - They never block kitamori-cdn.net.\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("172.67.190.14", Indicator),
            ("stake-claim.top", Indicator),
            ("45.61.136.44", Indicator),
            ("https://drop.kitamori-soft.top/a", Indicator),
            ("kitamori-cdn.net", Indicator),
            ("kitamori-cdn.net", Indicator),
        ])
    );
}

#[test]
fn an_address_a_well_known_name_resolves_to_is_benign() {
    let text = "  www.google.com            A     -> 142.250.72.14\n\
                1718000000.1\tCqX\t10.1.2.3\t10.1.0.53\twww.google.com\tA\t142.250.72.15\n\
                  kanri-portal.net          A     -> 45.61.137.18\n\
                Host A 45.61.137.19 answered\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("www.google.com", Benign),
            ("142.250.72.14", Benign),
            ("10.1.2.3", Disposition::Internal),
            ("10.1.0.53", Disposition::Internal),
            ("www.google.com", Benign),
            ("142.250.72.15", Benign),
            ("kanri-portal.net", Indicator),
            ("45.61.137.18", Indicator),
            ("45.61.137.19", Indicator),
        ])
    );
}

#[test]
fn links_under_a_references_heading_are_references() {
    let text = "The loader beacons to https://cdn.pelican-relay.top/gate.php every minute.\n\n\
                References\n\
                - https://www.kestrel-labs.com/blog/2024/dark-pelican\n\
                \n\
                [2] Analyst notes, https://research.heron-sec.com/notes/pelican\n\n\
                六、参考链接\n\
                https://ti.tianqiong-sec.cn/blog/2024/0305-inkfalcon\n\n\
                detection:\n  references:\n    - https://www.kestrel-labs.com/blog/2024/dark-pelican-dns\n\
                alert dns any any -> any any (msg:\"x\"; reference:url,www.kestrel-labs.com/r/1; sid:1;)\n\
                rule x { meta: reference = \"https://www.kestrel-labs.com/research/loader\" }\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("https://cdn.pelican-relay.top/gate.php", Indicator),
            ("https://www.kestrel-labs.com/blog/2024/dark-pelican", Reference),
            ("https://research.heron-sec.com/notes/pelican", Reference),
            ("https://ti.tianqiong-sec.cn/blog/2024/0305-inkfalcon", Reference),
            ("https://www.kestrel-labs.com/blog/2024/dark-pelican-dns", Reference),
            ("www.kestrel-labs.com", Reference),
            ("https://www.kestrel-labs.com/research/loader", Reference),
        ])
    );
}

#[test]
fn a_list_after_another_heading_stays_indicators() {
    // Prose or another heading between the list and a references heading
    // ends the references; a paste under one stays the attacker's.
    let text = "References\n- https://www.kestrel-labs.com/blog/a\n\n\
                Indicators of compromise\n\
                - https://cdn.pelican-relay.top/gate.php\n\n\
                References:\n- https://pastebin.com/raw/Qw3ErT5y\n";
    assert_eq!(
        dispositions(text),
        want(&[
            ("https://www.kestrel-labs.com/blog/a", Reference),
            ("https://cdn.pelican-relay.top/gate.php", Indicator),
            ("https://pastebin.com/raw/Qw3ErT5y", Indicator),
        ])
    );
}

#[test]
fn an_attackers_mailbox_or_project_on_a_public_service_is_an_indicator() {
    let text = "sent from bluecarp.admin@naver.com; data went to \
                https://fernflux-prod-default-rtdb.firebaseio.com/clients.json";
    assert_eq!(
        dispositions(text),
        want(&[
            ("bluecarp.admin@naver.com", Indicator),
            ("https://fernflux-prod-default-rtdb.firebaseio.com/clients.json", Indicator),
        ])
    );
}
