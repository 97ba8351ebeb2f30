//! One pass over a text: profile terms, indicators, scanners, encoded
//! tokens, then the edits merged into the shareable text.

use kyoyu_indicators::{Domain, Indicator, IndicatorKind, defang};
use kyoyu_taxonomy::DeidWarning;

use super::{Deidentifier, Edit, MAX_DEPTH, PRIO_KEEP, Work, prio};
use crate::canon::encoded;
use crate::matcher::{Hit, TermKind};
use crate::network::Owned;
use crate::output::{Deidentified, Finding, SharedIndicator};
use crate::policy::{AddressHandling, DateGranularity};
use crate::quasi;
use crate::rule::{Action, Placeholder, RuleId};
use crate::scan::{self, Day};

/// Whether `s` holds nothing but placeholders (`<victim-email>`), spaces
/// and punctuation.
fn only_placeholders(s: &str) -> bool {
    let mut rest = s;
    let mut left = String::new();
    while let Some(open) = rest.find('<') {
        left.push_str(rest.get(..open).unwrap_or_default());
        let tail = rest.get(open..).unwrap_or_default();
        let close = tail.find('>').filter(|&c| {
            tail.get(1..c).is_some_and(|n| {
                !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            })
        });
        match close {
            Some(c) => rest = tail.get(c + 1..).unwrap_or_default(),
            None => {
                left.push('<');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    left.push_str(rest);
    !left.chars().any(char::is_alphanumeric)
}

impl Deidentifier {
    /// One pass over `text`; `depth` counts decoding levels.
    pub(super) fn run(&self, text: &str, depth: u8) -> Deidentified {
        self.run_edits(text, depth).0
    }

    /// [`Deidentifier::run`], and the edits it made (merged, in order):
    /// what replaced each span of `text`, for a caller that maps them onto
    /// the text a decoded view came from.
    fn run_edits(&self, text: &str, depth: u8) -> (Deidentified, Vec<Edit>) {
        let mut w = Work::default();
        // 1. Profile terms in the text, decoded piece by piece where
        //    anything decodes (percent-encoding, entities, escapes, defang
        //    words, Punycode), so that escapes in neighbouring tokens meet;
        //    what does not decode is withheld (F1). The decoded view holds
        //    everything the text as written holds, decoded: matching it
        //    alone is one pass, and it is the view `residual` reads.
        let (mut hits, undecodable) = self.matcher.scan_text(text);
        if !self.policy.dangerous_lenient_decoding {
            for &(s, e) in &undecodable {
                let ph = Placeholder::Withheld;
                w.add(RuleId::F1, Action::Drop, s, e, ph.as_str().to_owned(), Some(ph), None);
            }
        }

        // 2. Indicators.
        let mut matches = self.extractor.extract(text);
        // A link the extractor found inside a Base64 blob has the blob's
        // span; written out defanged it would stand for the whole blob (a
        // script) as if the link were all of it. The encoded-token step
        // reads the blob instead: it shares the link and keeps the rest.
        matches.retain(|m| {
            !(m.kind() == IndicatorKind::Url
                && text.get(m.start..m.end).is_some_and(|raw| !raw.contains([':', '.', '%', '['])))
        });
        let mut hashes = Vec::new();
        // Spans of network indicators whose own rules judged the hits in
        // them (in order, not overlapping).
        let mut consumed: Vec<(usize, usize)> = Vec::new();
        for m in &matches {
            let ind = &m.indicator;
            let span = (m.start, m.end);
            match ind {
                i if i.kind().is_network() => {
                    let o = self.network(ind);
                    // Hits inside the indicator were judged by the indicator's
                    // own rules, unless it was kept as it was (then a hit the
                    // text view saw still applies: fail closed).
                    if o.action != Action::Keep || o.rule != RuleId::R17 {
                        consumed.push(span);
                    }
                    for f in &o.findings {
                        w.findings.push(Finding { start: span.0, end: span.1, ..f.clone() });
                    }
                    for x in &o.warnings {
                        w.warn(x.warning, x.rule, span.0, span.1);
                    }
                    let raw = text.get(span.0..span.1).unwrap_or_default();
                    // Kept as written needs no edit; kept but defanged, or
                    // replaced, does.
                    let changed =
                        o.action != Action::Keep || (self.policy.defang_output && raw != o.display);
                    let edit = changed.then(|| Edit {
                        start: span.0,
                        end: span.1,
                        text: o.display.clone(),
                        prio: prio(o.action),
                    });
                    if let Some(e) = &edit {
                        w.edits.push(e.clone());
                    }
                    if let Some(i) = o.indicator {
                        let generalised = o.action != Action::Keep;
                        w.candidates.push((
                            SharedIndicator {
                                kind: i.kind(),
                                value: i.to_string(),
                                defanged: defang(&i),
                                rule: o.rule,
                                action: if generalised { Action::Generalise } else { Action::Keep },
                                disposition: m.disposition,
                                start: span.0,
                                end: span.1,
                                indicator: i,
                            },
                            edit,
                        ));
                    }
                }
                _ => {
                    if matches!(
                        ind,
                        Indicator::Md5(_)
                            | Indicator::Sha1(_)
                            | Indicator::Sha256(_)
                            | Indicator::Sha512(_)
                            | Indicator::Ssdeep(_)
                    ) {
                        hashes.push(span);
                    }
                    if let Indicator::Cve(c) = ind {
                        if !self.announced_cves.is_empty()
                            && self.enabled(RuleId::R13)
                            && self.announced_cves.contains(&c.to_string())
                        {
                            w.warn(DeidWarning::AnnouncementLinkage, RuleId::R13, span.0, span.1);
                        }
                    }
                    w.candidates.push((
                        SharedIndicator {
                            kind: ind.kind(),
                            value: ind.to_string(),
                            defanged: defang(ind),
                            rule: RuleId::R17,
                            action: Action::Keep,
                            disposition: m.disposition,
                            start: span.0,
                            end: span.1,
                            indicator: ind.clone(),
                        },
                        None,
                    ));
                }
            }
        }

        // What the last gate would find in the output if nothing changes
        // the text (see `finish`).
        let found_in_text = hits.clone();
        hits.retain(|h| !overlaps(&consumed, h.start, h.end));
        // 3. Profile terms in the text.
        self.apply_hits(text, &hits, &matches, &mut w);
        // 4. Scanners, reading the keywords of all of them found in one
        //    pass.
        let keywords = scan::Keywords::find(text);
        self.scan(text, &matches, &keywords, &mut w);
        // 5. Encoded tokens (R10).
        // A line of a mail's Base64 body is no token of its own: encoded
        // again to another length it would break the body (step 5a reads
        // the body whole).
        let bodies = if depth < MAX_DEPTH && self.enabled(RuleId::R10) {
            crate::canon::mime::base64_bodies(text)
        } else {
            Vec::new()
        };
        let body_lines: Vec<(usize, usize)> =
            bodies.iter().flat_map(|b| b.lines.iter().copied()).collect();
        if depth < MAX_DEPTH && self.enabled(RuleId::R10) {
            for t in encoded::find(text) {
                let sub = self.run(&t.text, depth + 1);
                let found = sub.findings.iter().find(|f| f.action != Action::Keep);
                if let Some(f) = found {
                    let ph = f.placeholder.unwrap_or(Placeholder::VictimOrg);
                    // The decoded run's shareable text, encoded again as the
                    // token was (`-enc` of a script whose C2 named the
                    // victim keeps the C2's parent); the placeholder when
                    // the encoding cannot be told again.
                    // (A token that held the victim's value alone,
                    // `?email=<Base64 of the address>`, shows its
                    // placeholder: nothing else of it is left to share.)
                    let again = text
                        .get(t.start..t.end)
                        .filter(|_| !only_placeholders(&sub.text))
                        .filter(|_| !overlaps(&body_lines, t.start, t.end))
                        .and_then(|tok| encoded::reencode(tok, &t.text, &sub.text));
                    let Some(again) = again else {
                        w.place(RuleId::R10, Action::Redact, t.start, t.end, ph);
                        continue;
                    };
                    w.place_rendering(
                        RuleId::R10,
                        Some(ph),
                        (t.start, t.end),
                        again,
                        sub.indicators,
                    );
                }
            }
        }
        // 5a. Base64 bodies of mail (R10), decoded whole: a name the
        //     encoder's line wrap cut in two is in no line's token above.
        //     The body's shareable text is encoded again as the body was
        //     (the attacker's link in a phishing mail stays readable to
        //     whoever decodes it, and is shared); where that cannot be
        //     done, every line that carries part of what the body's run
        //     finds is redacted.
        if depth < MAX_DEPTH && self.enabled(RuleId::R10) {
            for body in bodies {
                let sub = self.run(&body.text, depth + 1);
                let Some(f) = sub.findings.iter().find(|f| f.action != Action::Keep) else {
                    continue;
                };
                let ph = f.placeholder;
                if let (Some(span), Some(again)) = (body.span(), body.encode_again(&sub.text, text))
                {
                    w.place_rendering(RuleId::R10, ph, span, again, sub.indicators);
                    continue;
                }
                for f in sub.findings.iter().filter(|f| f.action != Action::Keep) {
                    let ph = f.placeholder.unwrap_or(Placeholder::VictimOrg);
                    for &(s, e) in body.lines_of(f.start, f.end) {
                        w.add(
                            RuleId::R10,
                            Action::Redact,
                            s,
                            e,
                            ph.as_str().to_owned(),
                            Some(ph),
                            None,
                        );
                    }
                }
            }
        }
        // 5b. Mail encodings (quoted-printable bodies, encoded-words): the
        //     profile terms in them were matched above, through the
        //     decoded view; every other rule (addresses, credentials,
        //     people by role) reads the decoded text here, and what it
        //     finds is cut from the escapes that encode it.
        if depth < MAX_DEPTH {
            for (a, b) in crate::canon::mime::mail_regions(text) {
                let Some(view) = text.get(a..b).and_then(|r| crate::canon::decode::decode(r).view)
                else {
                    continue;
                };
                let (sub, edits) = self.run_edits(&view.text, depth + 1);
                // What replaces a span is the decoded run's own rendering
                // (a phishing link whose query holds the victim's address
                // keeps its host: `hxxps://enroll-portal[.]sbs/<victim-org>/…`),
                // placed first so that it wins over the placeholder of the
                // same finding below, of equal strength.
                for e in edits.into_iter().filter(|e| e.prio > PRIO_KEEP) {
                    if let Some((s, t)) = view.span(e.start, e.end) {
                        w.edits.push(Edit { start: a + s, end: a + t, text: e.text, prio: e.prio });
                    }
                }
                for f in sub.findings.iter().filter(|f| f.action != Action::Keep) {
                    if let Some((s, e)) = view.span(f.start, f.end) {
                        let ph = f.placeholder.unwrap_or(Placeholder::Withheld);
                        let (s, e) = (a + s, a + e);
                        w.add(f.rule, Action::Redact, s, e, ph.as_str().to_owned(), Some(ph), None);
                    }
                }
            }
        }
        // 5c. JSON strings written in `\uXXXX` escapes: every scanner
        //     reads the string decoded (`\u97f3\u7fbd\u652f\u6240` is a
        //     site's name), and what it shares goes back escaped.
        if depth < MAX_DEPTH {
            for t in crate::canon::json_strings::escaped_strings(text) {
                let sub = self.run(&t.text, depth + 1);
                let Some(f) = sub.findings.iter().find(|f| f.action != Action::Keep) else {
                    continue;
                };
                let (rule, ph) = (f.rule, f.placeholder);
                let again = crate::canon::json_strings::escape_again(&sub.text);
                w.place_rendering(rule, ph, (t.start, t.end), again, sub.indicators);
            }
        }
        // 6. Warnings that depend on the whole text.
        let victim_artefacts = w
            .findings
            .iter()
            .any(|f| matches!(f.rule, RuleId::R4 | RuleId::R5 | RuleId::R6 | RuleId::R10));
        if victim_artefacts && self.enabled(RuleId::R11) {
            for (s, e) in hashes {
                w.warn(DeidWarning::PublicSampleContainsVictimArtifacts, RuleId::R11, s, e);
            }
        }
        if self.enabled(RuleId::R9) && scan::mentions_open_directory(&keywords) {
            let spans: Vec<(usize, usize)> = matches
                .iter()
                .filter(|m| {
                    matches!(
                        m.kind(),
                        IndicatorKind::Url
                            | IndicatorKind::Ipv4
                            | IndicatorKind::Ipv6
                            | IndicatorKind::HostPort
                    )
                })
                .map(|m| (m.start, m.end))
                .collect();
            for (s, e) in spans {
                w.warn(DeidWarning::OpenDirectoryExposesVictims, RuleId::R9, s, e);
            }
        }
        self.finish(text, w, found_in_text)
    }

    /// Turns profile-term hits into redactions, each with the rule its
    /// context calls for.
    fn apply_hits(
        &self,
        text: &str,
        hits: &[Hit],
        matches: &[kyoyu_indicators::Match],
        w: &mut Work,
    ) {
        let mut last_end = 0;
        for h in hits {
            if h.start < last_end || self.chance(text, h.start, h.end) {
                continue;
            }
            let h = &Hit {
                start: after_merged_vowels(text, h.start, h.end),
                end: without_merged_vowels(text, h.start, h.end),
                ..*h
            };
            // `Kuon Engineering` under the term `kuon-eng`: a hit that ends
            // inside an ASCII word takes the rest of the word, so that no
            // tail (`<victim-org>ineering`) is left to guess from.
            let h = &Hit { end: ascii_word_end(text, h.start, h.end), ..*h };
            let h = &Hit { end: kana_word_end(text, h.start, h.end), ..*h };
            // `鴇田真理子（ときた まりこ）`: the reading written after a
            // name goes with it.
            let h = &Hit {
                end: h.end + crate::canon::furigana::reading_len(text, h.end).unwrap_or(0),
                ..*h
            };
            last_end = h.end;
            // The match that holds the hit, if any (matches are in order and
            // do not overlap: the last one starting at or before the hit).
            let i = matches.partition_point(|m| m.start <= h.start);
            let within = i
                .checked_sub(1)
                .and_then(|i| matches.get(i))
                .filter(|m| h.end <= m.end)
                .map(|m| m.kind());
            let token = token_around(text, h.start, h.end);
            let artefact = within.is_some_and(|k| {
                matches!(
                    k,
                    IndicatorKind::FilePath | IndicatorKind::FileName | IndicatorKind::RegistryKey
                )
            }) || token.contains('\\')
                || token.contains('_')
                || token.contains('{')
                || token.to_ascii_lowercase().starts_with("global");
            let rule = match h.kind {
                TermKind::Person | TermKind::Username | TermKind::Email => RuleId::R4,
                TermKind::InternalHost | TermKind::AdDomain | TermKind::Proxy => RuleId::R5,
                TermKind::CloudTenant => RuleId::R6,
                TermKind::System => RuleId::R8,
                TermKind::Announcement => RuleId::R13,
                TermKind::Domain => RuleId::R3,
                TermKind::Org if artefact => RuleId::R10,
                TermKind::Org => RuleId::R0,
            };
            if !self.enabled(rule) {
                continue;
            }
            let ph = h.kind.placeholder();
            let (action, replacement) =
                if matches!(h.kind, TermKind::InternalHost | TermKind::AdDomain)
                    && self.policy.internal_addresses == AddressHandling::Pseudonymise
                {
                    (
                        Action::Pseudonymise,
                        self.pseudonym(
                            ph,
                            &text.get(h.start..h.end).unwrap_or_default().to_lowercase(),
                        ),
                    )
                } else {
                    (Action::Redact, ph.as_str().to_owned())
                };
            w.add(rule, action, h.start, h.end, replacement, Some(ph), within);
            // `MNSK\t.sato`: the account after an AD name goes too (R4).
            // Only a NetBIOS name standing alone (`MNSK\t.sato`), not a part
            // of a host name (`\\fs01.corp.mnsk.local\share`).
            let netbios = !text.get(h.start..h.end).unwrap_or_default().contains('.')
                && (h.start == 0
                    || text.as_bytes().get(h.start - 1).is_some_and(|b| {
                        !b.is_ascii_alphanumeric() && !matches!(b, b'.' | b'-' | b'\\' | b'_')
                    }));
            if matches!(h.kind, TermKind::AdDomain | TermKind::Org)
                && netbios
                && text.as_bytes().get(h.end) == Some(&b'\\')
            {
                // `MNSK\\svc_backup` in JSON or a C string: one backslash
                // escaped.
                let s = h.end + 1 + usize::from(text.as_bytes().get(h.end + 1) == Some(&b'\\'));
                let e = s + text
                    .get(s..)
                    .unwrap_or_default()
                    .bytes()
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'$')
                    })
                    .count();
                let escape = text.get(s..e).is_some_and(is_string_escape);
                if e > s && !escape {
                    w.place(RuleId::R4, Action::Redact, s, e, Placeholder::User);
                    // A listed user name's own hit there adds nothing.
                    last_end = last_end.max(e);
                }
            }
        }
    }

    fn scan(
        &self,
        text: &str,
        matches: &[kyoyu_indicators::Match],
        keywords: &scan::Keywords,
        w: &mut Work,
    ) {
        // Matches come in order and do not overlap.
        let all_spans: Vec<(usize, usize)> = matches.iter().map(|m| (m.start, m.end)).collect();
        let network_spans: Vec<(usize, usize)> = matches
            .iter()
            .filter(|m| m.indicator.kind().is_network())
            .map(|m| (m.start, m.end))
            .collect();
        // Scanners that place one kind of placeholder, in a fixed order.
        type Scanner = fn(&str, &scan::Keywords) -> Vec<scan::Span>;
        const SCANNERS: &[(RuleId, Action, Placeholder, Scanner)] = &[
            (RuleId::R4, Action::Drop, Placeholder::Credential, scan::credentials),
            (RuleId::R6, Action::Redact, Placeholder::VictimId, |t, _| scan::sids(t)),
            (RuleId::R6, Action::Redact, Placeholder::VictimId, scan::cloud_ids),
            (RuleId::R6, Action::Redact, Placeholder::VictimId, scan::directory_ids),
            (RuleId::R4, Action::Drop, Placeholder::Credential, |t, _| scan::private_keys(t)),
            (RuleId::R4, Action::Drop, Placeholder::Credential, |t, _| scan::cracking_hashes(t)),
            (RuleId::R4, Action::Drop, Placeholder::Credential, scan::ntlm_after_cue),
            (RuleId::R4, Action::Redact, Placeholder::User, |_, k| scan::user_values(k)),
            (RuleId::R4, Action::Redact, Placeholder::Person, crate::people::names),
            (RuleId::R4, Action::Redact, Placeholder::Person, crate::people::titled_full_names),
            (RuleId::R4, Action::Redact, Placeholder::Person, crate::people::korean_titled_names),
            (RuleId::R4, Action::Redact, Placeholder::Person, crate::people::chinese_titled_names),
            (RuleId::R4, Action::Redact, Placeholder::Person, |t, _| crate::speakers::speakers(t)),
            (RuleId::R4, Action::Redact, Placeholder::Person, |t, _| {
                crate::speakers::romanised_full_names(t)
            }),
            (RuleId::R4, Action::Redact, Placeholder::Person, |t, _| {
                crate::speakers::written_names_in_prose(t)
            }),
            (RuleId::R4, Action::Redact, Placeholder::Person, |t, _| {
                crate::speakers::spaced_names_in_fields(t)
            }),
            (RuleId::R4, Action::Redact, Placeholder::User, scan::user_pairs),
            (RuleId::R4, Action::Redact, Placeholder::User, scan::unix_log_accounts),
            (RuleId::R4, Action::Redact, Placeholder::User, |t, _| scan::clf_users(t)),
            (RuleId::R4, Action::Redact, Placeholder::User, scan::cued_accounts),
            (RuleId::R4, Action::Redact, Placeholder::Person, scan::name_columns),
            (RuleId::R4, Action::Redact, Placeholder::Person, |t, _| scan::account_holders(t)),
            (RuleId::R0, Action::Redact, Placeholder::Phone, |t, _| scan::phones(t)),
            (RuleId::R0, Action::Redact, Placeholder::Phone, |t, _| scan::international_phones(t)),
            (RuleId::R0, Action::Redact, Placeholder::Phone, scan::cued_phones),
            (RuleId::R0, Action::Redact, Placeholder::VictimId, scan::securities_codes),
            (RuleId::R0, Action::Redact, Placeholder::VictimId, scan::record_ids),
            (RuleId::R15, Action::Redact, Placeholder::Address, |t, _| scan::addresses(t)),
            (RuleId::R15, Action::Redact, Placeholder::Address, scan::romanised_addresses),
            (RuleId::R15, Action::Redact, Placeholder::Address, |t, _| scan::street_addresses(t)),
            (RuleId::R15, Action::Redact, Placeholder::Address, |t, _| scan::canadian_addresses(t)),
            (RuleId::R15, Action::Redact, Placeholder::Address, scan::korean_road_addresses),
            (RuleId::R15, Action::Redact, Placeholder::Address, scan::chinese_addresses),
            (RuleId::R15, Action::Redact, Placeholder::Unit, |t, _| crate::units::unit_names(t)),
            (RuleId::R10, Action::Redact, Placeholder::VictimId, scan::victim_ids),
            (RuleId::R5, Action::Redact, Placeholder::InternalHost, |_, k| scan::host_values(k)),
            (RuleId::R12, Action::Drop, Placeholder::Metadata, |_, k| scan::metadata_values(k)),
        ];
        for &(rule, action, placeholder, scanner) in SCANNERS {
            if self.enabled(rule) {
                for s in scanner(text, keywords) {
                    // `"username": "Proofpoint TAP"`: a bot that a listed
                    // third-party service runs (R16 keeps service names).
                    if placeholder == Placeholder::User
                        && text.get(s.start..s.end).is_some_and(|v| self.names_service(v))
                    {
                        continue;
                    }
                    // An address or a name the extractor found is judged
                    // by its own rules, not read as a phone number.
                    if placeholder == Placeholder::Phone && overlaps(&network_spans, s.start, s.end)
                    {
                        continue;
                    }
                    // `(domain/username:hash)`, `Secret  : DefaultPassword`:
                    // a tool's legend of its columns, or the name of a
                    // secret, in the place of a value.
                    if matches!(placeholder, Placeholder::User | Placeholder::Credential)
                        && text.get(s.start..s.end).is_some_and(|v| {
                            scan::is_field_legend(v) || crate::passwords::names_lsa_secret(v)
                        })
                    {
                        continue;
                    }
                    w.place(rule, action, s.start, s.end, placeholder);
                }
            }
        }
        // Passwords made of a victim's name (`"Sato0503!"`, `|Tsuji#0312|`):
        // the whole token, not the name alone.
        if self.enabled(RuleId::R4) {
            for s in crate::passwords::glued_name_passwords(text, |h| self.names_victim(h)) {
                w.place(RuleId::R4, Action::Drop, s.start, s.end, Placeholder::Credential);
            }
        }
        if self.enabled(RuleId::R4) {
            for s in scan::environment_secrets(text) {
                w.place_secret(s.start, s.end);
            }
        }
        // The values in a dump of the LSA secrets, whole over any
        // rendering of them (the hex of a password spelling the victim's
        // name).
        if self.enabled(RuleId::R4) {
            for s in crate::passwords::lsa_secrets(text, keywords.lsa_cues()) {
                w.place_secret(s.start, s.end);
            }
        }
        // A password found once is the password wherever else the text
        // repeats it (`logged in with "Sato2026" … used Sato2026 again`).
        if self.enabled(RuleId::R4) {
            for (a, b) in repeated_secrets(text, &w.findings) {
                w.place_secret(a, b);
            }
        }
        // A number of record found once under its key is that number
        // wherever else the text writes it (a device's serial in the
        // columns of its own log).
        if self.enabled(RuleId::R0) {
            for (a, b) in repeated_record_ids(text, &w.findings) {
                w.place(RuleId::R0, Action::Redact, a, b, Placeholder::VictimId);
            }
        }
        // An account found once is the account wherever else the text
        // names it (`Password expired for nakai-ryo` … `members k.saito,
        // nakai-ryo`).
        if self.enabled(RuleId::R4) {
            for (a, b) in repeated_accounts(text, &w.findings) {
                w.place(RuleId::R4, Action::Redact, a, b, Placeholder::User);
            }
        }
        if self.enabled(RuleId::R4) {
            for s in self.given_names.sign_offs(text) {
                w.place(RuleId::R4, Action::Redact, s.start, s.end, Placeholder::Person);
            }
            for s in self.short_families.spans(text) {
                w.place(RuleId::R4, Action::Redact, s.start, s.end, Placeholder::Person);
            }
        }
        if self.enabled(RuleId::R5) {
            let single_labels = self.assets.has_single_labels();
            // The token in lower case, in one buffer for all of them (with
            // single-label names, every word is a token).
            let mut host = String::new();
            // Without single-label names, only dotted tokens can name a host.
            for s in scan::host_tokens(text, !single_labels) {
                // Extracted indicators were judged by their own rules.
                if overlaps(&network_spans, s.start, s.end) {
                    continue;
                }
                let Some(tok) = text.get(s.start..s.end) else { continue };
                // A class name in code is no host (unless the profile
                // names it: then the matcher's hit has it).
                if crate::network::is_code_name(tok) {
                    continue;
                }
                host.clear();
                if tok.is_ascii() {
                    host.push_str(tok);
                } else {
                    // `NURSE‐3F‐01`: a dash a word processor or a scan put
                    // for `-` reads as `-`.
                    host.extend(
                        tok.chars().map(|c| if scan::is_typographic_hyphen(c) { '-' } else { c }),
                    );
                }
                host.make_ascii_lowercase();
                // `host` looks at the name without its trailing dots,
                // patterns included: the name as it is needs a look of
                // its own only when it has any.
                let owned = self.assets.host(&host).or_else(|| {
                    (host.ends_with('.') && self.assets.matches_pattern(&host)).then_some(Owned {
                        rule: RuleId::R5,
                        placeholder: Placeholder::InternalHost,
                    })
                });
                if let Some(o) = owned.filter(|o| self.enabled(o.rule)) {
                    let (action, t) = self.owned_text(o, &host);
                    w.add(o.rule, action, s.start, s.end, t, Some(o.placeholder), None);
                    continue;
                }
                // `BKK-WH2-PC07_20260303.raw`, `mnsk-fs01_backup.zip`: a
                // machine's name before `_` in a file named after it (a
                // memory image, a backup) is a name of one label; so is a
                // label of a dotted file name (`brm-zeek01.log`,
                // `ssl.brm-zeek01.log`, as a sensor names its logs). Only
                // a name with a hyphen or a digit, as machines are named (a
                // word before `_`, `Global\MNSK_upd`, is no machine).
                // (Offsets into `tok` hold for `host` when it is ASCII.)
                if !tok.is_ascii() {
                    continue;
                }
                let mut at = 0;
                for label in host.split('.') {
                    let lead = label.split('_').next().unwrap_or_default();
                    let whole = lead.len() == host.len();
                    if !whole
                        && lead.len() >= 3
                        && lead.bytes().any(|b| b.is_ascii_alphabetic())
                        && lead.bytes().any(|b| b == b'-' || b.is_ascii_digit())
                    {
                        if let Some(o) = self.assets.host(lead).filter(|o| self.enabled(o.rule)) {
                            let (action, t) = self.owned_text(o, lead);
                            let (a, e) = (s.start + at, s.start + at + lead.len());
                            w.add(o.rule, action, a, e, t, Some(o.placeholder), None);
                        }
                    }
                    at += label.len() + 1;
                }
            }
            // `KIRISHIMA-PC012`: with no other single-label names, the
            // tokens above were dotted only.
            if !single_labels {
                for (s, e) in self.assets.head_device_hosts(text) {
                    if overlaps(&network_spans, s, e) {
                        continue;
                    }
                    let o = Owned { rule: RuleId::R5, placeholder: Placeholder::InternalHost };
                    let name = text.get(s..e).unwrap_or_default().to_ascii_lowercase();
                    let (action, t) = self.owned_text(o, &name);
                    w.add(o.rule, action, s, e, t, Some(o.placeholder), None);
                }
            }
            self.unc_hosts(text, w);
            // `l0.5.2.10`, `10. 5. 2. 21` in a scanned report: the victim's
            // own addresses only (an attacker's stays as it was written).
            let literals = scan::ipv4_literals(text).into_iter();
            for (s, ip) in literals.chain(scan::ocr_ipv4_literals(text)) {
                if overlaps(&all_spans, s.start, s.end) {
                    continue;
                }
                if let Some(o) = self.owned_ip(ip.into()) {
                    let (action, t) = self.owned_text(o, &ip.to_string());
                    w.add(o.rule, action, s.start, s.end, t, Some(o.placeholder), None);
                }
            }
        }
        if self.enabled(RuleId::R7) {
            // A web URL's path is the server's, not a profile
            // (`http://host/home/images/b1/index.php`); a `file:` URL's is
            // a local path.
            let web_urls: Vec<(usize, usize)> = matches
                .iter()
                .filter(|m| m.kind() == IndicatorKind::Url)
                .filter(|m| {
                    !text
                        .get(m.start..m.end)
                        .and_then(|r| r.get(..5))
                        .is_some_and(|h| h.eq_ignore_ascii_case("file:"))
                })
                .map(|m| (m.start, m.end))
                .collect();
            user_profile_paths(text, &web_urls, w);
        }
        // Dates (R13, R14).
        let dates = scan::dates(text);
        let r3 = w.findings.iter().any(|f| f.rule == RuleId::R3);
        let history = if r3 && self.enabled(RuleId::R14) {
            scan::scan_history_lines(text, keywords)
        } else {
            Vec::new()
        };
        let yearless = if self.enabled(RuleId::R13)
            && (self.policy.generalise_all_dates || !self.announcement_days.is_empty())
        {
            scan::yearless_dates(text, &dates)
        } else {
            Vec::new()
        };
        for y in yearless {
            // The year is the one of the announcement it may point at.
            let window = i64::from(self.policy.announcement_window_days);
            let near = self.announcement_days.iter().any(|a| {
                let day = Day { y: a.y, m: y.m, d: y.d };
                (a.ordinal() - day.ordinal()).abs() <= window
            });
            if near || self.policy.generalise_all_dates {
                let g = generalise_yearless(y.m, y.japanese, self.policy.date_granularity);
                let (a, b) = with_day_context(text, y.start, y.end);
                w.add(RuleId::R13, Action::Generalise, a, b, g, None, None);
                if near {
                    w.warn(DeidWarning::AnnouncementLinkage, RuleId::R13, y.start, y.end);
                }
            }
        }
        let window = i64::from(self.policy.announcement_window_days);
        let near_day = |day: Day| {
            self.announcement_days.iter().any(|a| (a.ordinal() - day.ordinal()).abs() <= window)
        };
        // A date that reads two ways (`05/06/2025`) comes once per reading,
        // with one span: the reading near an announcement decides.
        let mut readings: Vec<scan::DateMention> = Vec::with_capacity(dates.len());
        for d in dates {
            match readings.last_mut() {
                Some(last) if (last.start, last.end) == (d.start, d.end) => {
                    if !near_day(last.day) && near_day(d.day) {
                        *last = d;
                    }
                }
                _ => readings.push(d),
            }
        }
        for d in readings {
            if history.iter().any(|l| l.start <= d.start && d.end <= l.end) {
                w.place(RuleId::R14, Action::Drop, d.start, d.end, Placeholder::Date);
                continue;
            }
            let near = near_day(d.day);
            if (near || self.policy.generalise_all_dates) && self.enabled(RuleId::R13) {
                let g = generalise_date(d.day, d.japanese, self.policy.date_granularity);
                let (a, b) = with_day_context(text, d.start, d.end);
                w.add(RuleId::R13, Action::Generalise, a, b, g, None, None);
                if near {
                    w.warn(DeidWarning::AnnouncementLinkage, RuleId::R13, d.start, d.end);
                }
            }
        }
        // Products named in announcements (kept: product-level is ATI).
        if self.enabled(RuleId::R13) {
            for (s, e) in self.matcher.product_spans(text) {
                w.warn(DeidWarning::AnnouncementLinkage, RuleId::R13, s, e);
            }
        }
        // Services with a small customer base (kept, with a warning: the
        // recipient judges whether naming one narrows the victim down).
        if self.enabled(RuleId::R16) {
            for (s, e) in self.matcher.narrowing_service_spans(text) {
                w.warn(DeidWarning::NarrowingViaService, RuleId::R16, s, e);
            }
        }
        // Quasi-identifiers (R15).
        if self.enabled(RuleId::R15) {
            self.quasi_identifiers(text, keywords, w);
            // Named sites (`音羽支所`), unless a rule above took the place
            // they are named by (`仙台工場` goes to its region block).
            let sites = crate::units::site_names(text, keywords);
            let taken: Vec<(usize, usize)> = if sites.is_empty() {
                Vec::new()
            } else {
                w.edits.iter().map(|e| (e.start, e.end)).collect()
            };
            for s in sites {
                let over: Vec<(usize, usize)> =
                    taken.iter().copied().filter(|&(a, b)| a < s.end && s.start < b).collect();
                if over.is_empty() {
                    w.place(RuleId::R15, Action::Redact, s.start, s.end, Placeholder::Unit);
                    continue;
                }
                // `旺生会水島クリニック`: the organisation's name went first;
                // the site's own name after it still names the site. (A
                // place taken by the region rules leaves only the kind:
                // `仙台工場`.)
                let rest = over.iter().map(|&(_, b)| b).max().unwrap_or(s.end);
                let inside = over.iter().all(|&(a, _)| a >= s.start);
                let kind_start = crate::units::kind_start(text, s);
                if inside
                    && rest < kind_start
                    && text.get(rest..kind_start).is_some_and(crate::units::names_site)
                {
                    w.place(RuleId::R15, Action::Redact, rest, s.end, Placeholder::Unit);
                }
            }
        }
    }

    fn unc_hosts(&self, text: &str, w: &mut Work) {
        for (s, e) in unc_host_spans(text) {
            let host = text.get(s..e).unwrap_or_default().to_ascii_lowercase();
            // `\\.\pipe\…`, `\\.\PhysicalDrive0`: the local device
            // namespace, no host. `"\\winlogon.lnk"` (a C string) is a file.
            if host == "." || (text.as_bytes().get(e) != Some(&b'\\') && names_a_file(&host)) {
                continue;
            }
            // `\\Device\\HarddiskVolume3\\Windows` (an NT path, its
            // backslashes escaped in JSON): a root of the object manager's
            // namespace, no host.
            if NT_NAMESPACE_ROOTS.contains(&host.as_str()) && text.as_bytes().get(e) == Some(&b'\\')
            {
                continue;
            }
            // `'\\x63\\x61'`: a string of escaped bytes, no host.
            let rest = text.get(e..).unwrap_or_default().trim_start_matches('\\');
            let more_escapes = rest.len() < text.len() - e
                && rest.get(..3).is_some_and(|t| t.starts_with('x') && is_string_escape(t));
            if host.starts_with('x') && is_string_escape(&host) && more_escapes {
                continue;
            }
            let owned = if let Ok(ip) = host.parse::<std::net::IpAddr>() {
                self.owned_ip(ip)
            } else if let Some(o) = self.assets.host(&host) {
                Some(o)
            } else {
                // A public domain after `\\` is the attacker's WebDAV
                // server; anything else names an internal host.
                let public = host
                    .parse::<Domain>()
                    .is_ok_and(|d| !d.is_private_suffix() && d.registrable() != d.public_suffix());
                (!public)
                    .then_some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalHost })
            };
            if let Some(o) = owned {
                let (action, t) = self.owned_text(o, &host);
                w.add(o.rule, action, s, e, t, Some(o.placeholder), Some(IndicatorKind::FilePath));
            }
        }
    }

    fn quasi_identifiers(&self, text: &str, kw: &scan::Keywords, w: &mut Work) {
        let mut kinds = 0u8;
        let mut block = None;
        let mut band = None;
        if self.policy.generalise_regions {
            let mentions = quasi::regions_with_units(text);
            if let Some((stem, b)) = self.region_stem {
                for (s, e) in quasi::stem_mentions(text, stem, &mentions) {
                    w.add(
                        RuleId::R15,
                        Action::Generalise,
                        s,
                        e,
                        b.label(true).to_owned(),
                        None,
                        None,
                    );
                    block = Some(b);
                }
            }
            // The victim's own municipalities, alone: the prefecture's
            // block when the region names it, else a typed placeholder.
            for town in &self.region_towns {
                for (s, e) in quasi::town_mentions(text, town, &mentions) {
                    let japanese = !town.is_ascii();
                    let adjective = !japanese
                        && (text.as_bytes().get(e) == Some(&b'-')
                            || quasi::used_as_adjective(text, s, e));
                    let (label, ph) = match self.region_stem {
                        Some((_, b)) if adjective => {
                            (b.label_before_hyphen(false).to_owned(), None)
                        }
                        Some((_, b)) => (b.label(japanese).to_owned(), None),
                        None => {
                            (Placeholder::Address.as_str().to_owned(), Some(Placeholder::Address))
                        }
                    };
                    w.add(RuleId::R15, Action::Generalise, s, e, label, ph, None);
                    block = self.region_stem.map(|(_, b)| b).or(block);
                }
            }
            for town in &self.region_elsewhere {
                for (s, e) in quasi::town_mentions(text, town, &mentions) {
                    w.place(RuleId::R15, Action::Generalise, s, e, Placeholder::Address);
                }
            }
            for r in mentions {
                let next = text.as_bytes().get(r.end);
                // `Kobe-2`, `Kobe2` (a site's number): the block's bare name.
                let label = if next == Some(&b'-')
                    || (!r.japanese && next.is_some_and(u8::is_ascii_digit))
                    || (!r.japanese && quasi::used_as_adjective(text, r.start, r.end))
                {
                    r.block.label_before_hyphen(r.japanese)
                } else {
                    r.block.label(r.japanese)
                };
                w.add(
                    RuleId::R15,
                    Action::Generalise,
                    r.start,
                    r.end,
                    label.to_owned(),
                    None,
                    None,
                );
                block = Some(r.block);
            }
        }
        if block.is_some() {
            kinds += 1;
        }
        if self.policy.generalise_sizes {
            for s in quasi::sizes(text, self.victim_size) {
                w.add(
                    RuleId::R15,
                    Action::Generalise,
                    s.start,
                    s.end,
                    quasi::size_band(s.employees, s.japanese).to_owned(),
                    None,
                    None,
                );
                band = Some(quasi::band_id(s.employees));
            }
            // Revenue, sales and capital measure size as head counts do.
            for a in quasi::amounts(text, kw.amount_cues()) {
                w.add(RuleId::R15, Action::Generalise, a.start, a.end, a.band, None, None);
            }
        }
        if band.is_some() {
            kinds += 1;
        }
        let mut division = None;
        if let Some((literal, (id, ja, en))) = &self.industry {
            let lower = quasi::lowercase(text);
            if lower.len() == text.len() {
                for (s, e) in quasi::industry_words(&lower, literal) {
                    let japanese = !literal.is_ascii();
                    // `物流業者` → `運輸業・郵便業者`: the span took the
                    // `業` the division's name ends in; one that ends in
                    // another word (`医療・福祉`) keeps it.
                    let took_gyo = japanese && text.get(..e).is_some_and(|t| t.ends_with('業'));
                    let label = if !japanese {
                        (*en).to_owned()
                    } else if took_gyo && !ja.ends_with('業') {
                        format!("{ja}業")
                    } else {
                        (*ja).to_owned()
                    };
                    w.add(RuleId::R15, Action::Generalise, s, e, label, None, None);
                    division = Some(*id);
                }
            }
        }
        if division.is_some() {
            kinds += 1;
        }
        if kinds < 2 {
            return;
        }
        let low = if self.policy.population.is_empty() {
            true
        } else {
            let n: u64 = self
                .policy
                .population
                .iter()
                .filter(|c| block.is_none_or(|b| c.region == b.id()))
                .filter(|c| band.is_none_or(|b| c.size_band == b))
                .filter(|c| division.is_none_or(|d| c.industry == d))
                .map(|c| c.organisations)
                .sum();
            n < self.policy.k_population
        };
        if low {
            let first =
                w.findings.iter().filter(|f| f.rule == RuleId::R15).map(|f| (f.start, f.end)).min();
            if let Some((s, e)) = first {
                w.warn(DeidWarning::KAnonymityLow, RuleId::R15, s, e);
            }
        }
    }

    /// Merges edits and writes the shareable text (`found_in_text`: what
    /// `self.matcher.find_all(text)` gives).
    fn finish(
        &self,
        text: &str,
        mut w: Work,
        mut found_in_text: Vec<Hit>,
    ) -> (Deidentified, Vec<Edit>) {
        w.edits.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        // The edits as made, before merging: a parent domain generalised
        // from a link stays shareable when the other edits in that link
        // (a victim's id in its query) took nothing it shows.
        let made: Vec<(usize, usize, u8)> =
            w.edits.iter().map(|e| (e.start, e.end, e.prio)).collect();
        let mut merged: Vec<Edit> = Vec::with_capacity(w.edits.len());
        for e in w.edits {
            match merged.last_mut() {
                Some(last) if e.start < last.end => {
                    // A stronger edit inside a rendering that still shows
                    // its bytes (a date inside a kept URL,
                    // `…/2025-02-14/gate.php`): the rendering with that
                    // part replaced, so that the attacker's link stays.
                    // (Whatever the outer edit's strength: a redaction of
                    // a victim's tenant in a phishing link still shows the
                    // Base64 of a victim's address in its query.)
                    // Only where the rendering shows the bytes as written:
                    // not for the same span again (its own placeholder
                    // holds `n` of a host `n`), nor with a replacement that
                    // shows them itself; one place per edit, so that no
                    // text grows by its own replacement.
                    let raw = text.get(e.start..e.end).unwrap_or_default();
                    let same = (e.start, e.end) == (last.start, last.end);
                    if e.end <= last.end
                        && e.prio > PRIO_KEEP
                        && !raw.is_empty()
                        && !same
                        && !e.text.contains(raw)
                        && last.text.contains(raw)
                    {
                        last.text = last.text.replacen(raw, &e.text, 1);
                        last.prio = last.prio.max(e.prio);
                        continue;
                    }
                    // Overlap: one span, the stronger replacement.
                    if e.prio > last.prio {
                        last.text = e.text;
                        last.prio = e.prio;
                    }
                    last.end = last.end.max(e.end);
                }
                _ => merged.push(e),
            }
        }
        let mut out = String::with_capacity(text.len() + 16 * merged.len());
        let mut segs: Vec<Seg> = Vec::with_capacity(2 * merged.len() + 1);
        let mut at = 0;
        for e in &merged {
            push_seg(&mut out, &mut segs, text.get(at..e.start).unwrap_or_default(), at, true);
            let o = out.len();
            out.push_str(&e.text);
            segs.push(Seg { out: (o, out.len()), input: (e.start, e.end), copied: false });
            at = e.end;
        }
        push_seg(&mut out, &mut segs, text.get(at..).unwrap_or_default(), at, true);
        // The last gate: a redaction can make a new token boundary next to a
        // term (`xz.corp͒mnsk` becomes `<internal-host>͒mnsk`); whatever any
        // view of the output still shows is redacted too, so that no term
        // survives in any view of what leaves.
        let mut late: Vec<(usize, usize)> = Vec::new();
        //
        // The whole output is read again, not only around the edits: what
        // `find_all` reports depends on where it cuts its chunks (a short
        // key at the end of a chunk's reach stands there), and output and
        // text are cut at different places once an edit changes a length;
        // and a match is not bounded in bytes (invisible characters and
        // long-vowel runs make no key bytes, a run of percent escapes
        // decodes as one, the joined view runs on across separators up to
        // a hard break), so no fixed context around an edit holds every
        // match that crosses it. Only the output of no edit is provably
        // what the first step read.
        for round in 0..3 {
            // Without an edit the output is the text, whose terms the first
            // step found with this very call: they are what it would find.
            let mut residual = if round == 0 && merged.is_empty() {
                std::mem::take(&mut found_in_text)
            } else {
                self.matcher.find_all(&out)
            };
            residual.retain(|h| !self.chance(&out, h.start, h.end));
            if residual.is_empty() {
                break;
            }
            let mut next = String::with_capacity(out.len());
            let mut next_segs = Vec::with_capacity(segs.len() + residual.len());
            let mut at = 0;
            let mut last_end = 0;
            for h in &residual {
                if h.start < last_end {
                    continue;
                }
                last_end = h.end;
                copy_mapped(&out, &segs, at, h.start, &mut next, &mut next_segs);
                let input = map_back(&segs, h.start, h.end);
                let ph = h.kind.placeholder();
                let o = next.len();
                next.push_str(ph.as_str());
                next_segs.push(Seg { out: (o, next.len()), input, copied: false });
                w.findings.push(Finding {
                    rule: RuleId::R0,
                    action: Action::Redact,
                    start: input.0,
                    end: input.1,
                    placeholder: Some(ph),
                    indicator_kind: None,
                });
                late.push(input);
                at = h.end;
            }
            copy_mapped(&out, &segs, at, out.len(), &mut next, &mut next_segs);
            out = next;
            segs = next_segs;
        }
        let indicators = w
            .candidates
            .into_iter()
            .filter(|(c, _)| !late.iter().any(|&(s, e)| s < c.end && c.start < e))
            .filter_map(|(c, own)| {
                // Merged edits are in order and do not overlap: look only at
                // those that can overlap the candidate.
                let first = merged.partition_point(|m| m.end <= c.start);
                let untouched = merged
                    .iter()
                    .skip(first)
                    .take_while(|m| m.start < c.end)
                    .all(|m| m.prio <= PRIO_KEEP || own.as_ref().is_some_and(|o| o == m));
                if untouched {
                    Some(c)
                } else {
                    self.part_clear_of_edits(text, &c, own.as_ref(), &made)
                }
            })
            .collect();
        w.findings.sort_by_key(|f| (f.start, f.end));
        w.warnings.sort_by_key(|x| (x.start, x.end));
        (Deidentified { text: out, indicators, findings: w.findings, warnings: w.warnings }, merged)
    }
}

impl Deidentifier {
    /// What of the indicator `c` may still be shared when other edits were
    /// made inside the link it came from (a victim's id or address in its
    /// query): the parent domain left after hiding victim labels, or the
    /// host of a link kept as found, when it shows nothing those edits took
    /// out (`made`: start, end and strength of every edit; `own`: the
    /// edit that rendered the link). `hxxps://<victim-org>.auth-ms365login[.]com/…?client_id=<victim-id>`
    /// still shares `auth-ms365login.com`. Fails closed: an edit that
    /// reaches outside the link, an edit whose text the part holds, or any
    /// term in the part keeps it back.
    fn part_clear_of_edits(
        &self,
        text: &str,
        c: &SharedIndicator,
        own: Option<&Edit>,
        made: &[(usize, usize, u8)],
    ) -> Option<SharedIndicator> {
        let part = match &c.indicator {
            Indicator::Domain(_) if c.action == Action::Generalise => c.indicator.clone(),
            // The host as the link's own judgement reads it (`url_outcome`).
            Indicator::Url(u) => match u.url().host()? {
                url::Host::Domain(h) => Indicator::Domain(h.parse().ok()?),
                url::Host::Ipv4(a) => Indicator::parse(IndicatorKind::Ipv4, &a.to_string()).ok()?,
                url::Host::Ipv6(a) => Indicator::parse(IndicatorKind::Ipv6, &a.to_string()).ok()?,
            },
            _ => return None,
        };
        let value = part.to_string();
        if !self.matcher.hits_in(&value).is_empty() {
            return None;
        }
        let lower = value.to_ascii_lowercase();
        let own = own.map(|o| (o.start, o.end));
        let clear = made
            .iter()
            .filter(|&&(s, e, p)| s < c.end && c.start < e && p > PRIO_KEEP)
            .filter(|&&(s, e, _)| Some((s, e)) != own)
            .all(|&(s, e, _)| {
                // Inside the link, and nothing of it in the part.
                s >= c.start
                    && e <= c.end
                    && text.get(s..e).is_some_and(|raw| {
                        !raw.is_empty() && !lower.contains(&raw.to_ascii_lowercase())
                    })
            });
        clear.then(|| SharedIndicator {
            kind: part.kind(),
            defanged: defang(&part),
            value,
            rule: c.rule,
            action: Action::Generalise,
            disposition: c.disposition,
            start: c.start,
            end: c.end,
            indicator: part,
        })
    }
}

/// The other places `text` writes a number of record the findings hold
/// (rule R0, `<victim-id>`), as whole tokens: values of 6 to 40 bytes
/// with six digits or more, so that a short number is not met by chance.
fn repeated_record_ids(text: &str, findings: &[Finding]) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| f.rule == RuleId::R0 && f.placeholder == Some(Placeholder::VictimId))
        .map(|f| (f.start, f.end))
        .collect();
    let values: Vec<&str> = spans
        .iter()
        .filter_map(|&(a, b)| text.get(a..b))
        .filter(|v| {
            (6..=40).contains(&v.len())
                && v.is_ascii()
                && v.bytes().filter(u8::is_ascii_digit).count() >= 6
        })
        .collect();
    let word = |i: Option<&u8>| i.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    repeats(text, values, &spans, false, |b, s, e| {
        !word(s.checked_sub(1).and_then(|p| b.get(p))) && !word(b.get(e))
    })
}

/// Words before an account that say the attacker made or used it as its
/// own ([`repeated_accounts`]).
const ATTACKER_ACCOUNT_CUES: &[&str] = &[
    "backdoor",
    "attacker",
    "adversary",
    "threat actor",
    "rogue",
    "malicious",
    "created by the",
    "攻撃者",
    "不正に作成",
    "不正作成",
    "공격자",
];

/// The other places `text` names an account the findings already hold
/// (as [`repeated_secrets`] does for credentials), as whole tokens: names
/// of 5 to 64 bytes shaped as accounts are (letters with a `.`, `-`, `_`
/// or a digit: `nakai-ryo`, `k.saito`, `u00412`), which a word of prose is
/// not.
fn repeated_accounts(text: &str, findings: &[Finding]) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| f.placeholder == Some(Placeholder::User))
        .map(|f| (f.start, f.end))
        .collect();
    let mut values: Vec<&str> = spans
        .iter()
        .filter_map(|&(a, b)| text.get(a..b))
        .filter(|v| {
            (5..=64).contains(&v.len())
                && v.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
                && v.bytes().any(|b| b.is_ascii_alphabetic())
                && v.bytes().any(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_'))
        })
        .collect();
    if values.is_empty() {
        return Vec::new();
    }
    // An account the text calls the attacker's (`backdoor IAM user
    // backup-sync`, `攻撃者が作成したアカウント helpdesk_tmp`) is an attacker
    // artefact: its other places are not spread to.
    // Each cue is looked for once, and each account only in the 80 bytes
    // after one (a search of the whole text per account cost 130 M
    // instructions on a megabyte of reports with the bundled profile).
    // (No lower-cased copy of the text either: the cues are ASCII or have
    // no case, and the accounts are ASCII.)
    static CUES: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let cue_finder = CUES.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(ATTACKER_ACCOUNT_CUES)
            .ok()
    });
    let cues: Vec<(usize, usize)> = cue_finder
        .iter()
        .flat_map(|ac| ac.find_iter(text).map(|m| (m.end(), m.start() + 80)))
        .collect();
    if !cues.is_empty() {
        let b = text.as_bytes();
        values.retain(|v| {
            let v = v.as_bytes();
            !cues.iter().any(|&(after, last)| {
                let to = (last + v.len()).min(b.len());
                b.get(after..to).is_some_and(|w| {
                    w.windows(v.len())
                        .enumerate()
                        .any(|(k, x)| after + k <= last && x.eq_ignore_ascii_case(v))
                })
            })
        });
    }
    // A `.` or `-` after a name goes on into a host or a longer name.
    let word =
        |i: Option<&u8>| i.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'@'));
    repeats(text, values, &spans, true, |b, s, e| {
        let before = s.checked_sub(1).and_then(|p| b.get(p));
        let joined_before = word(before) || matches!(before, Some(b'.' | b'-'));
        let joined_after = word(b.get(e))
            || (matches!(b.get(e), Some(b'.' | b'-'))
                && b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric));
        !joined_before && !joined_after
    })
}

/// The other places `text` repeats a credential the findings already
/// hold, as whole tokens: values of 6 to 128 bytes without white space,
/// shaped as passwords are: letters, a digit or a symbol (`!`, `#`, `@`
/// …), and a capital or a symbol (a word such as `AtomicRedTeam` is too
/// likely a word elsewhere, an account name such as `testuser1` a name,
/// digits alone a number).
fn repeated_secrets(text: &str, findings: &[Finding]) -> Vec<(usize, usize)> {
    // Not `-`, `_` or `.`, which names are written with (`art-tester`).
    let symbol = |b: u8| b"!#$%&*+?@^~=".contains(&b);
    let mut spans: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| f.placeholder == Some(Placeholder::Credential))
        .map(|f| (f.start, f.end))
        .collect();
    let values: Vec<&str> = spans
        .iter()
        .filter_map(|&(a, b)| text.get(a..b))
        .filter(|v| {
            (6..=128).contains(&v.len())
                && !v.chars().any(char::is_whitespace)
                && v.bytes().any(|b| b.is_ascii_alphabetic())
                && v.bytes().any(|b| b.is_ascii_digit() || symbol(b))
                && v.bytes().any(|b| b.is_ascii_uppercase() || symbol(b))
        })
        .collect();
    spans.sort_unstable();
    let word = |i: Option<&u8>| i.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    repeats(text, values, &spans, false, |b, s, e| {
        // `echo -e 'pwd101!\npwd101!'`: an escaped line break ends a token.
        let escape = s >= 2 && b.get(s - 2) == Some(&b'\\');
        (escape || !word(s.checked_sub(1).and_then(|p| b.get(p)))) && !word(b.get(e))
    })
}

/// The places of `values` in `text` outside `spans` (where they were
/// found), as whole tokens by `stands_alone(bytes, start, end)`: the
/// shared end of [`repeated_secrets`], [`repeated_accounts`] and
/// [`repeated_record_ids`].
fn repeats(
    text: &str,
    mut values: Vec<&str>,
    spans: &[(usize, usize)],
    ascii_case_blind: bool,
    stands_alone: impl Fn(&[u8], usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    values.sort_unstable();
    values.dedup();
    if values.is_empty() {
        return Vec::new();
    }
    let Ok(ac) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .ascii_case_insensitive(ascii_case_blind)
        .build(&values)
    else {
        return Vec::new();
    };
    let b = text.as_bytes();
    ac.find_iter(text)
        .map(|m| (m.start(), m.end()))
        .filter(|&(s, e)| stands_alone(b, s, e))
        .filter(|&(s, e)| !spans.iter().any(|&(a, z)| a <= s && e <= z))
        .collect()
}

fn overlaps(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    // The first span that ends after `s`.
    let i = spans.partition_point(|&(_, end)| end <= s);
    spans.get(i).is_some_and(|&(start, _)| start < e)
}

/// The white-space token around `[s, e)`.
/// The end of a hit without the vowels the romanisation key merged into
/// it from the next word: the joined view reads `Minatogawa and` as
/// `minatogawaand`, whose long `aa` is one `a`, so the term's hit ran on
/// over the `a` of `and` (`<victim-org>nd`), and `Kougyou / OHTAKI`
/// took the `OH` of the next name. Look-alikes of a vowel count as one
/// (`Tsubame locked` reads `tsubameiocked`, whose `ei` is a long `e`). A
/// hit that ends one or two vowels (or a long `oh`) into a word after a
/// separator, or takes a word of them whole (`Tsubame i`), ends before
/// the separator. What that leaves of a next name is still seen by the
/// output check, which reads the output afresh.
fn without_merged_vowels(text: &str, start: usize, end: usize) -> usize {
    let b = text.as_bytes();
    // A byte of a character outside ASCII is taken as part of a word
    // (`bоmifеi` with Cyrillic look-alikes is one word).
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
    if end <= start + 1 || !word(end - 1) {
        return end;
    }
    let mut k = end;
    while k > start && word(k - 1) {
        k -= 1;
    }
    let piece = b.get(k..end).unwrap_or_default();
    if k == start || piece.len() > 2 || !merged_vowels(piece) {
        return end;
    }
    let mut e = k;
    while e > start && !word(e - 1) {
        e -= 1;
    }
    // The word before the separator is a word, not one letter of a name
    // spelt out (`W e i`, `S-A-T-O`), whose last letter is its own.
    let mut w = e;
    while w > start && word(w - 1) {
        w -= 1;
    }
    if e > start && e - w >= 2 { e } else { end }
}

/// The start of a hit without the vowels the romanisation key merged into
/// it from the word before: `README_EGRET` reads `readmeegret` joined,
/// whose long `ee` is one `e`, so the hit of `egret` began at the last `E`
/// of `README`. A hit that starts one or two vowels (or look-alikes of
/// one) before the end of a word, and runs on past a separator, starts
/// after the separator. The mirror of [`without_merged_vowels`].
fn after_merged_vowels(text: &str, start: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
    if end <= start + 1 || !word(start) {
        return start;
    }
    let mut k = start;
    while k < end && word(k) {
        k += 1;
    }
    let piece = b.get(start..k).unwrap_or_default();
    if k == end || piece.len() > 2 || !merged_vowels(piece) {
        return start;
    }
    // Only a piece that ends a word the hit does not start (`README`), so
    // that a name of its own (`O Minatogawa`) keeps its first letter.
    if start == 0 || !word(start - 1) {
        return start;
    }
    let mut s = k;
    while s < end && !word(s) {
        s += 1;
    }
    // As in [`without_merged_vowels`]: the word after the separator is a
    // word, not one letter of a name spelt out.
    let mut w = s;
    while w < end && word(w) {
        w += 1;
    }
    if s < end && w - s >= 2 { s } else { start }
}

/// One or two vowels the romanisation key can merge with a neighbour:
/// `a`, `e`, `i`, `o`, `u`, their look-alikes `l`, `1` (for `i`) and `0`
/// (for `o`), and the long `oh`; an `h` only after an `o` (`j-hh` is no
/// vowel).
fn merged_vowels(piece: &[u8]) -> bool {
    let vowel = |c: &u8| b"aeiouAEIOUlL10".contains(c);
    match piece {
        [a] => vowel(a),
        [a, b'h' | b'H'] => matches!(a, b'o' | b'O' | b'0'),
        [a, b] => vowel(a) && vowel(b),
        _ => false,
    }
}

impl Deidentifier {
    /// [`chance_hit`], and a hit that the romanisation key pieced together
    /// from the end of one word and the start of the next through a merged
    /// vowel (`ps1) to` read as `ito`, the `1` a look-alike `i`): trimmed of
    /// the merged vowels ([`after_merged_vowels`], [`without_merged_vowels`]),
    /// it holds no term. `Minatogawa and` trimmed still holds one. And an
    /// ordinary word that meets a short name only through its shortened key
    /// ([`crate::matcher::Matcher::short_name_by_chance`]: `we`, `well` and
    /// `we'll` for a person romanised `Wei`).
    /// Whether `letters` (the letters a password starts with) are, whole,
    /// one of the victim's names: a person, an account or the
    /// organisation (a hit of the profile's terms from its first letter to
    /// its last that is no chance).
    /// Whether `value` starts with the name of a third-party service in
    /// the profile (`Proofpoint TAP` for `Proofpoint`), whole words.
    fn names_service(&self, value: &str) -> bool {
        let k = crate::canon::fold::key(value);
        let services = &self.matcher.services;
        if !services.iter().any(|(s, _)| k.starts_with(s.as_str())) {
            return false;
        }
        // The words of the value that read as the service, then a word
        // boundary (`Proofpoint TAP`, not `Proofpointer`).
        value.char_indices().map(|(i, _)| i).chain([value.len()]).take(64).any(|i| {
            let head = crate::canon::fold::key(value.get(..i).unwrap_or_default());
            let boundary =
                value.get(i..).is_none_or(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()));
            boundary && services.iter().any(|(s, _)| *s == head)
        })
    }

    fn names_victim(&self, letters: &str) -> bool {
        self.matcher.hits_in(letters).iter().any(|h| {
            h.start == 0
                && h.end == letters.len()
                && matches!(
                    h.kind,
                    TermKind::Person
                        | TermKind::Username
                        | TermKind::Org
                        | TermKind::AdDomain
                        | TermKind::CloudTenant
                        | TermKind::System
                )
                && !self.chance(letters, h.start, h.end)
        })
    }

    pub(super) fn chance(&self, text: &str, s: usize, e: usize) -> bool {
        // (The letters are those of the hit as found: trimmed, `W e i`
        // would lose its own `i`.)
        if chance_hit(text, s, e)
            || text.get(s..e).is_some_and(|t| self.matcher.short_name_by_chance(t))
        {
            return true;
        }
        // `lm` of `lmP` met as `Lin` (`m` before `p` reads as `n`): two or
        // three consonants that hold no term read alone are chance (a
        // name is written so alone too: `Ng`, an abbreviation).
        if let Some(t) = text.get(s..e).filter(|t| {
            (2..=3).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_alphabetic())
                && !t.bytes().any(|b| b"aeiouyAEIOUY".contains(&b))
        }) {
            if self.matcher.hits_in(t).is_empty() {
                return true;
            }
        }
        let (ts, te) = (after_merged_vowels(text, s, e), without_merged_vowels(text, s, e));
        (ts, te) != (s, e) && text.get(ts..te).is_some_and(|t| self.matcher.hits_in(t).is_empty())
    }
}

/// Whether a term's hit at `s..e` is chance, not a name written there:
/// - inside a hex digest (an MD5, SHA-1, SHA-256 or SHA-512 value: a run
///   of 32, 40, 64 or 128 hex digits with no letter or digit on either
///   side), or inside an onion address's label: these are computed, not
///   written, so a term seen in one (`5470` read as `sato`) is chance, and
///   redacting it would destroy the attacker's hash or address; the same
///   holds inside a Monero address (a miner's wallet) and inside an IPv4
///   address written in digits (`51.83.182.153` read as `sl…`);
/// - a short name pieced together from the end of one word and a number
///   that starts the next, read through look-alike digits (`on 0.0.0.0`
///   read as the name `Ono`, `listening on 0` as `ono`): a term of five
///   letters or fewer that runs over a separator into digits;
/// - a short name read through a look-alike digit in the middle of a run
///   of letters and digits, with a letter or digit on both sides (`w3e`,
///   the name `Wei`, in the password `1q2w3e4r`; `1l1` in a serial): a
///   name disguised in digits stands as a word of its own (`W3i`).
///
/// Decoding tokens that are text in hex is the encoded-token pass's job,
/// which reads them whatever this says. The input pass, the output check
/// and [`super::Deidentifier::residual`] all ask this, so what one lets
/// stand the others do not redact.
pub(super) fn chance_hit(text: &str, s: usize, e: usize) -> bool {
    inside_hex_digest(text, s, e)
        || inside_onion_label(text, s, e)
        || inside_wallet_address(text, s, e)
        || inside_ipv4(text, s, e)
        || split_into_digits(text, s, e)
        || digits_inside_a_run(text, s, e)
        || digits_before_a_line_break(text, s, e)
}

/// See [`chance_hit`]: a hit that starts with a number ending one line
/// (digits and punctuation, no letter) and runs on into the next (`fd=7))`
/// / `matsui-adm@…` read as `t.matsui` through the look-alike `7`): a
/// name is not split that way.
fn digits_before_a_line_break(text: &str, s: usize, e: usize) -> bool {
    let hit = text.as_bytes().get(s..e).unwrap_or_default();
    let Some(k) = hit.iter().position(|&c| c == b'\n') else { return false };
    let head = hit.get(..k).unwrap_or_default();
    let head = head.strip_suffix(b"\r").unwrap_or(head);
    head.first().is_some_and(u8::is_ascii_digit) && !head.iter().any(u8::is_ascii_alphabetic)
}

/// See [`chance_hit`]: a hit of at most six bytes, letters and digits
/// with a digit among them, glued to a letter or digit on both sides.
fn digits_inside_a_run(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let hit = b.get(s..e).unwrap_or_default();
    let glued = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(u8::is_ascii_alphanumeric);
    hit.len() <= 6
        && hit.iter().all(u8::is_ascii_alphanumeric)
        && hit.iter().any(u8::is_ascii_digit)
        && glued(s.checked_sub(1))
        && glued(Some(e))
}

/// Whether `s..e` lies inside an IPv4 address or range written in digits
/// (`51.83.182[.]153`, `117.207.81.0/24`): a term read there through
/// look-alike digits (`51` as `sl`) or a number abbreviation that an
/// octet happens to spell is chance; whether the address is the victim's
/// is judged by its own rules (the profile's ranges).
fn inside_ipv4(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let class = |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b'[' | b']');
    let Some((a, z)) = run_around(b, s, e, class) else { return false };
    let word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    if (a > 0 && word(a - 1)) || word(z) {
        return false;
    }
    let run = text.get(a..z).unwrap_or_default().replace("[.]", ".");
    run.trim_matches(['[', ']', '.']).parse::<std::net::Ipv4Addr>().is_ok()
}

/// Whether `s..e` lies inside a Monero address (see
/// [`scan::is_wallet_login`]): 95 or 106 Base58 characters from a key and
/// a checksum, computed like a digest (`…5kSatoBZ…` reads a name, and
/// `…5kSiGB…` an abbreviation through look-alike letters).
fn inside_wallet_address(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let base58 = |c: u8| c.is_ascii_alphanumeric() && !matches!(c, b'0' | b'O' | b'I' | b'l');
    let Some((a, z)) = run_around(b, s, e, base58) else { return false };
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    (a == 0 || !word(a - 1)) && !word(z) && scan::is_wallet_login(b.get(a..z).unwrap_or_default())
}

/// See [`chance_hit`]: at most five letters and digits, then a separator,
/// then digits and punctuation only (`on 0.0.0.0`: the long `o` of the
/// address's zeros is one `o`).
fn split_into_digits(text: &str, s: usize, e: usize) -> bool {
    let b = text.get(s..e).unwrap_or_default().as_bytes();
    let Some(sep) = b.iter().position(|c| !c.is_ascii_alphanumeric()) else { return false };
    let (head, tail) = b.split_at(sep);
    // The head a word's last letters, the tail white space, quotes and an
    // address or number, defanged or not: no escape (`&#98;&#117;…` is a
    // name, encoded).
    (1..=5).contains(&head.len())
        && head.iter().all(u8::is_ascii_alphabetic)
        && tail.iter().any(u8::is_ascii_digit)
        && tail.iter().all(|c| c.is_ascii_digit() || b" \t.:`'\"()[]".contains(c))
}

/// Whether `s..e` lies inside the first label of an onion address (16 or
/// 56 base32 characters, then `.onion`, defanged or not): the label is a
/// hash of the service's key, computed like a digest (`…y23sa7ot6id.onion`
/// reads `sato`).
fn inside_onion_label(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let base32 = |c: u8| matches!(c.to_ascii_lowercase(), b'a'..=b'z' | b'2'..=b'7');
    let Some((a, z)) = run_around(b, s, e, base32) else { return false };
    let tail = b.get(z..).unwrap_or_default();
    let onion =
        |suffix: &[u8]| tail.get(..suffix.len()).is_some_and(|t| t.eq_ignore_ascii_case(suffix));
    matches!(z - a, 16 | 56)
        && !(a > 0 && b.get(a - 1).is_some_and(|c| c.is_ascii_alphanumeric()))
        && (onion(b".onion") || onion(b"[.]onion") || onion(b"(.)onion"))
}

/// Whether `s..e` lies inside a hex digest.
fn inside_hex_digest(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let Some((a, z)) = run_around(b, s, e, |c| c.is_ascii_hexdigit()) else { return false };
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    matches!(z - a, 32 | 40 | 64 | 128) && !(a > 0 && word(a - 1)) && !word(z)
}

/// The longest run of bytes of class `class` around `s..e`, when every
/// byte of `s..e` is of it.
fn run_around(b: &[u8], s: usize, e: usize, class: impl Fn(u8) -> bool) -> Option<(usize, usize)> {
    let of = |i: usize| b.get(i).is_some_and(|&c| class(c));
    if !(s..e).all(of) {
        return None;
    }
    let mut a = s;
    while a > 0 && of(a - 1) {
        a -= 1;
    }
    let mut z = e;
    while of(z) {
        z += 1;
    }
    Some((a, z))
}

/// `text[s..e]` with the non-white-space bytes around it (the span itself
/// may hold white space: a name of two words).
fn token_around(text: &str, s: usize, e: usize) -> &str {
    let b = text.as_bytes();
    let mut a = s;
    while a > 0 && b.get(a - 1).is_some_and(|c| !c.is_ascii_whitespace()) {
        a -= 1;
    }
    let mut z = e;
    while b.get(z).is_some_and(|c| !c.is_ascii_whitespace()) {
        z += 1;
    }
    text.get(a..z).unwrap_or_default()
}

/// The host names after `\\` at the start of a token (UNC paths), found
/// from their backslashes (`memchr`).
fn unc_host_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = text.get(i..).and_then(|t| t.find('\\')).map(|p| p + i) {
        i = p;
        if i + 2 >= b.len() {
            break;
        }
        let at_token = i == 0
            || b.get(i - 1).is_some_and(|c| {
                c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b'(' | b'=' | b'>')
            });
        if at_token && b.get(i + 1) == Some(&b'\\') {
            let s = i + 2;
            let e = s + b
                .get(s..)
                .unwrap_or_default()
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
                .count();
            // A host name ends at a separator: `\\Boîte de réception` (an
            // escaped mail folder) goes on in letters no host name holds.
            let whole = b.get(e).is_none_or(|c| c.is_ascii());
            if e > s && whole {
                out.push((s, e));
            }
            i = e.max(i + 2);
        } else {
            i += 1;
        }
    }
    out
}

/// The roots of the NT object manager's namespace (`\Device\…`,
/// `\BaseNamedObjects\…`), lower case: an NT path starts with one,
/// which an escaped backslash makes read like a UNC host.
const NT_NAMESPACE_ROOTS: &[&str] = &[
    "device",
    "driver",
    "filesystem",
    "basenamedobjects",
    "sessions",
    "knowndlls",
    "knowndlls32",
    "objecttypes",
    "kernelobjects",
    "globalroot",
    "systemroot",
    "arcname",
    "callback",
];

/// A name that ends in a file extension no host name has.
fn names_a_file(name: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "lnk", "exe", "dll", "sys", "bat", "cmd", "ps1", "vbs", "js", "hta", "scr", "txt", "log",
        "dat", "tmp", "ini", "zip", "rar", "7z", "doc", "docx", "xls", "xlsx", "pdf", "iso",
    ];
    name.rsplit_once('.').is_some_and(|(_, ext)| EXTENSIONS.contains(&ext))
}

/// `C:\Users\<user>\...`, `/home/<user>/...` (R7); attacker build paths
/// (`.pdb`) stay.
fn user_profile_paths(text: &str, web_urls: &[(usize, usize)], w: &mut Work) {
    for (s, e) in profile_user_spans(text) {
        if overlaps(web_urls, s, e) {
            continue;
        }
        w.add(
            RuleId::R7,
            Action::Generalise,
            s,
            e,
            Placeholder::User.as_str().to_owned(),
            Some(Placeholder::User),
            Some(IndicatorKind::FilePath),
        );
    }
}

/// Profile roots (lower case), each starting with the separator.
const PROFILE_ROOTS: &[&str] =
    &["\\users\\", "\\\\users\\\\", "/users/", "/home/", "\\documents and settings\\"];

/// User names that name no one.
const GENERIC_USERS: &[&str] = &[
    "public",
    "default",
    "default user",
    "all users",
    "administrator",
    "admin",
    "<user>",
    "%username%",
    "$user",
    "user",
    "*",
    "root",
];

/// The user names of [`user_profile_paths`], root by root, compared in
/// any ASCII case without a lower-case copy of the text: the roots are
/// looked for only where a separator stands (`memchr`), one pass for the
/// roots of `\\` and one for those of `/`.
fn profile_user_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    // Per root: its names, and where its next occurrence may start.
    let mut found: Vec<Vec<(usize, usize)>> = vec![Vec::new(); PROFILE_ROOTS.len()];
    let mut from = vec![0usize; PROFILE_ROOTS.len()];
    for sep in [b'\\', b'/'] {
        let mut at = 0;
        while let Some(p) = text.get(at..).and_then(|t| t.find(char::from(sep))).map(|q| q + at) {
            at = p + 1;
            for ((root, names), next) in PROFILE_ROOTS.iter().zip(&mut found).zip(&mut from) {
                let r = root.as_bytes();
                if r.first() != Some(&sep)
                    || p < *next
                    || !b.get(p..p + r.len()).is_some_and(|w| w.eq_ignore_ascii_case(r))
                {
                    continue;
                }
                let s = p + r.len();
                *next = s;
                if let Some(e) = profile_user_at(text, p, s, sep) {
                    names.push((s, e));
                }
            }
        }
    }
    found.concat()
}

/// The end of the user name at `s`, after the root at `p`, if it names
/// someone (not a generic name, not in an attacker's `.pdb` path).
fn profile_user_at(text: &str, p: usize, s: usize, sep: u8) -> Option<usize> {
    let b = text.as_bytes();
    let e = s + b
        .get(s..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| {
            **c != sep
                && !c.is_ascii_whitespace()
                && !matches!(c, b'"' | b'\'' | b'<' | b'>' | b'|')
        })
        .count();
    let name = text.get(s..e)?;
    if name.is_empty()
        || GENERIC_USERS.iter().any(|g| g.eq_ignore_ascii_case(name))
        || name.starts_with('%')
        || name.starts_with('<')
    {
        return None;
    }
    let token = token_around(text, p, e).as_bytes();
    if token.windows(4).any(|w| w.eq_ignore_ascii_case(b".pdb")) {
        return None;
    }
    // `POST /users/password`, `https://host/users/sign_in`: a web route.
    // A macOS profile is written `/Users/`; a web URL names no profile (a
    // `file:` URL does).
    let web_url = token.windows(3).any(|w| w == b"://")
        && !token.windows(7).any(|w| w.eq_ignore_ascii_case(b"file://"));
    if sep == b'/' && (web_route(text, p) || web_url) {
        return None;
    }
    Some(e)
}

/// Whether the `/users/` at `p` is written in lower case (a web route,
/// not a macOS profile `/Users/`).
fn web_route(text: &str, p: usize) -> bool {
    text.as_bytes().get(p..p + 7) == Some(b"/users/")
}

/// The span of a day to generalise, with what still names the day around
/// it: its weekday (`2月14日（金）`, `(Fri)`, `Fri, 14 Feb 2025`: with the
/// month, a weekday leaves four or five days), and the time of an ISO
/// timestamp (`2024-11-02T17:10:03Z`, which without its day would read
/// `2024-11T17:10:03Z`, no timestamp at all).
fn with_day_context(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.as_bytes();
    let mut end = end;
    // `T17:10:03.120+09:00`, `T01:00:00Z`, `T0930`. A `.`, `+` or `-`
    // belongs to the time only before a digit, and a comma never does: in a
    // CSV row (`2025-11-12T15:58:20Z,Creation Time`, `…T17:15:00,5,…`) it
    // ends the field.
    if s.get(end) == Some(&b'T') && s.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while let Some(&b) = s.get(end) {
            let digit_next = s.get(end + 1).is_some_and(u8::is_ascii_digit);
            let part = match b {
                b'0'..=b'9' | b':' => true,
                b'.' | b'+' | b'-' => digit_next,
                b'Z' => {
                    end += 1;
                    break;
                }
                _ => false,
            };
            if !part {
                break;
            }
            end += 1;
        }
    }
    // A weekday in brackets after the day: `（金）`, `(金曜日)`, `(Fri)`.
    let rest = text.get(end..).unwrap_or_default();
    let inner = rest.trim_start_matches(' ');
    let lead = rest.len() - inner.len();
    for (open, close) in [('（', '）'), ('(', ')')] {
        let Some(body) = inner.strip_prefix(open) else { continue };
        let Some(q) = body.find(close) else { continue };
        let word = body.get(..q).unwrap_or_default();
        let kanji =
            matches!(word.chars().next(), Some('月' | '火' | '水' | '木' | '金' | '土' | '日'))
                && matches!(word.chars().count(), 1..=3)
                && word.chars().skip(1).all(|c| c == '曜' || c == '日');
        let english = weekday_word(word.trim_end_matches('.'));
        if kanji || english {
            end += lead + open.len_utf8() + q + close.len_utf8();
        }
        break;
    }
    // `Fri, 14 Feb 2025`, `Friday 14 February`.
    let mut start = start;
    let head = text.get(..start).unwrap_or_default();
    let word_end = head.trim_end_matches([' ', ',']).len();
    if word_end < start && head.len() - word_end <= 2 {
        let w = head.get(..word_end).unwrap_or_default();
        let letters = w.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
        let word = w.get(word_end - letters..).unwrap_or_default();
        let boundary = (word_end - letters)
            .checked_sub(1)
            .and_then(|p| w.as_bytes().get(p))
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        if boundary && weekday_word(word) {
            start = word_end - letters;
        }
    }
    (start, end)
}

/// An English weekday, whole or cut to at least three letters (`Fri`,
/// `Thurs`, `Wednesday`), any case.
fn weekday_word(w: &str) -> bool {
    const WEEKDAYS: [&str; 7] =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    w.len() >= 3
        && WEEKDAYS.iter().any(|d| d.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)))
}

fn generalise_date(d: Day, japanese: bool, g: DateGranularity) -> String {
    match (g, japanese) {
        (DateGranularity::Month, false) => format!("{:04}-{:02}", d.y, d.m),
        (DateGranularity::Month, true) => format!("{}年{}月", d.y, d.m),
        (DateGranularity::Quarter, false) => format!("{:04}-Q{}", d.y, (d.m - 1) / 3 + 1),
        (DateGranularity::Quarter, true) => format!("{}年第{}四半期", d.y, (d.m - 1) / 3 + 1),
    }
}

/// A day without its year, generalised: the month (`6月`, `June`) or the
/// quarter (`第2四半期`, `Q2`).
fn generalise_yearless(m: u32, japanese: bool, g: DateGranularity) -> String {
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
    let q = (m.max(1) - 1) / 3 + 1;
    match (g, japanese) {
        (DateGranularity::Month, false) => {
            MONTHS.get(m.max(1) as usize - 1).copied().unwrap_or_default().to_owned()
        }
        (DateGranularity::Month, true) => format!("{m}月"),
        (DateGranularity::Quarter, false) => format!("Q{q}"),
        (DateGranularity::Quarter, true) => format!("第{q}四半期"),
    }
}

/// A piece of the output and the input span it stands for.
#[derive(Clone, Copy, Debug)]
struct Seg {
    out: (usize, usize),
    input: (usize, usize),
    /// Copied byte for byte (else a replacement).
    copied: bool,
}

fn push_seg(out: &mut String, segs: &mut Vec<Seg>, piece: &str, input_start: usize, copied: bool) {
    if piece.is_empty() {
        return;
    }
    let o = out.len();
    out.push_str(piece);
    segs.push(Seg { out: (o, out.len()), input: (input_start, input_start + piece.len()), copied });
}

/// The input span behind output bytes `[a, b)`.
fn map_back(segs: &[Seg], a: usize, b: usize) -> (usize, usize) {
    let mut lo = usize::MAX;
    let mut hi = 0;
    for s in segs.iter().filter(|s| s.out.0 < b && a < s.out.1) {
        let (i0, i1) = if s.copied {
            (s.input.0 + a.saturating_sub(s.out.0), s.input.0 + b.min(s.out.1) - s.out.0)
        } else {
            s.input
        };
        lo = lo.min(i0);
        hi = hi.max(i1);
    }
    if lo == usize::MAX { (0, 0) } else { (lo, hi.max(lo)) }
}

/// Copies output bytes `[a, b)` of `out` into `next`, carrying their segments.
fn copy_mapped(
    out: &str,
    segs: &[Seg],
    a: usize,
    b: usize,
    next: &mut String,
    next_segs: &mut Vec<Seg>,
) {
    for s in segs.iter().filter(|s| s.out.0 < b && a < s.out.1) {
        let (o0, o1) = (s.out.0.max(a), s.out.1.min(b));
        let Some(piece) = out.get(o0..o1) else { continue };
        let o = next.len();
        next.push_str(piece);
        let input = if s.copied {
            (s.input.0 + (o0 - s.out.0), s.input.0 + (o1 - s.out.0))
        } else {
            s.input
        };
        next_segs.push(Seg { out: (o, next.len()), input, copied: s.copied });
    }
}

/// The scans of this file before they were cue-driven, kept as the
/// reference the property tests hold the cue-driven ones to.
#[cfg(test)]
mod reference {
    use super::token_around;

    /// The user names of `user_profile_paths`, on a lower-case copy.
    pub(super) fn profile_user_spans(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        const ROOTS: &[&str] =
            &["\\users\\", "\\\\users\\\\", "/users/", "/home/", "\\documents and settings\\"];
        const GENERIC: &[&str] = &[
            "public",
            "default",
            "default user",
            "all users",
            "administrator",
            "admin",
            "<user>",
            "%username%",
            "$user",
            "user",
            "*",
            "root",
        ];
        let lower = text.to_ascii_lowercase();
        for root in ROOTS {
            let mut from = 0;
            while let Some(p) = lower.get(from..).and_then(|t| t.find(root)).map(|p| p + from) {
                let s = p + root.len();
                from = s;
                let sep = if root.starts_with('\\') { b'\\' } else { b'/' };
                let e = s + lower
                    .as_bytes()
                    .get(s..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| {
                        **c != sep
                            && !c.is_ascii_whitespace()
                            && !matches!(c, b'"' | b'\'' | b'<' | b'>' | b'|')
                    })
                    .count();
                let Some(name) = lower.get(s..e) else { continue };
                if name.is_empty()
                    || GENERIC.contains(&name)
                    || name.starts_with('%')
                    || name.starts_with('<')
                {
                    continue;
                }
                let token = token_around(&lower, p, e);
                if token.contains(".pdb") {
                    continue;
                }
                let web_url = token.contains("://") && !token.contains("file://");
                if sep == b'/' && (text.get(p..p + 7) == Some("/users/") || web_url) {
                    continue;
                }
                out.push((s, e));
            }
        }
        out
    }

    /// The UNC host spans as `unc_hosts` found them, byte by byte.
    pub(super) fn unc_host_spans(text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i + 2 < b.len() {
            let at_token = i == 0
                || b.get(i - 1).is_some_and(|c| {
                    c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b'(' | b'=' | b'>')
                });
            if at_token && b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'\\') {
                let s = i + 2;
                let e = s + b
                    .get(s..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
                    .count();
                if e > s && b.get(e).is_none_or(u8::is_ascii) {
                    out.push((s, e));
                }
                i = e.max(i + 2);
            } else {
                i += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_short_name_read_through_digits_inside_a_run_is_chance() {
        let at = |text: &str, hit: &str| {
            let s = text.find(hit).unwrap_or(usize::MAX);
            digits_inside_a_run(text, s, s.saturating_add(hit.len()))
        };
        assert!(at("echo 1q2w3e4r >> passwords.txt", "w3e"));
        assert!(at("serial A91l1Z", "1l1"));
        // A word of its own, a name without a digit, or a run on one side.
        assert!(!at("contact W3i today", "W3i"));
        assert!(!at("user xweix", "wei"));
        assert!(!at("build 2w3e", "w3e"));
        assert!(!at("w3e4", "w3e"));
    }

    /// Pieces of text with paths, UNC names and their look-alikes.
    const PIECES: &[&str] = &[
        "C:\\Users\\tsato\\Desktop",
        "c:\\users\\Public\\x",
        "C:\\USERS\\Admin",
        "\\\\users\\\\bob",
        "/home/alice/.ssh",
        "/Users/Bob/",
        "/HOME/root/",
        "/home/",
        "\\Documents and Settings\\ken\\",
        "\\users\\%USERNAME%",
        "\\users\\<user>",
        "D:\\build\\users\\dev\\x.PDB",
        "a.pdb",
        "\\\\fs01\\share",
        "\\\\10.20.4.17\\c$",
        "\\\\",
        "\\",
        "\\\\\\",
        "(\\\\srv.corp.local",
        "=\\\\h",
        "x\\\\y",
        "word",
        "the",
        " ",
        "\n",
        "\t",
        "\"",
        "'",
        ">",
        "<",
        "|",
        "/",
        "ユーザー",
    ];

    fn pieces_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
    }

    fn same_as_reference(text: &str) {
        assert_eq!(profile_user_spans(text), reference::profile_user_spans(text), "{text:?}");
        assert_eq!(unc_host_spans(text), reference::unc_host_spans(text), "{text:?}");
    }

    #[test]
    fn cue_driven_scans_find_what_the_reference_found() {
        same_as_reference("");
        same_as_reference(&PIECES.join(" "));
        same_as_reference(&PIECES.concat());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Profile paths and UNC hosts are found as byte by byte.
        #[test]
        fn cue_driven_scans_find_what_the_reference_found_anywhere(text in pieces_text()) {
            same_as_reference(&text);
        }
    }
}

/// Where a hit `[start, end)` ends once it takes the rest of the ASCII
/// word it ends inside: letters on both sides of `end`, the last one in
/// the hit a letter too. Digits and punctuation end a word here
/// (`MNSK01`, `mnsk-fs01` keep their own rules).
fn ascii_word_end(text: &str, start: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let inside = end > start
        && b.get(end - 1).is_some_and(u8::is_ascii_alphabetic)
        && b.get(end).is_some_and(u8::is_ascii_alphabetic);
    if !inside {
        return end;
    }
    end + b.get(end..).unwrap_or_default().iter().take_while(|c| c.is_ascii_alphabetic()).count()
}

/// Where a word of katakana ends that a hit ends inside: the hit's end
/// when the hit does not end with a katakana letter before another one.
/// `リューアゼン・ロジスティク` in `リューアゼン・ロジスティクス・ジャパン`
/// takes the `ス` (no tail to guess from); the middle dot ends the word.
fn kana_word_end(text: &str, start: usize, end: usize) -> usize {
    let letter = |c: char| crate::people::is_katakana(c) && c != '・';
    let ends_in_kana =
        end > start && text.get(..end).and_then(|t| t.chars().next_back()).is_some_and(letter);
    if !ends_in_kana {
        return end;
    }
    let rest = text.get(end..).unwrap_or_default();
    end + rest.chars().take_while(|&c| letter(c)).map(char::len_utf8).sum::<usize>()
}

/// Whether the word after a backslash is a string escape, not an account
/// (`SANPEI\n"`, `SAMPEI\u001b[39m`, `\x1b`): one of `n`, `t`, `r`,
/// or `u` and four hex digits, or `x` and two.
fn is_string_escape(word: &str) -> bool {
    let hex = |t: &str| t.bytes().all(|b| b.is_ascii_hexdigit());
    matches!(word, "n" | "t" | "r")
        || (word.len() == 5 && word.starts_with('u') && word.get(1..).is_some_and(hex))
        || (word.len() == 3 && word.starts_with('x') && word.get(1..).is_some_and(hex))
}
