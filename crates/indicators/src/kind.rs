//! The kinds of indicator.

use kyoyu_taxonomy::{AtiField, AtiKind, vocabulary};

vocabulary! {
    crate = kyoyu_indicators;
    /// The kinds of indicator this crate parses and extracts. Ids are the
    /// ones `kyoyu extract` prints (kebab-case, as the CLI contract fixes
    /// them).
    ///
    /// `#[non_exhaustive]`: adding a kind is not a breaking change.
    #[non_exhaustive]
    pub enum IndicatorKind: "indicator_kind" ("指標の種類", "Indicator kind") {
        Ipv4 = "ipv4" {
            "IPv4アドレス", "IPv4 address", "IPv4アドレス。", "An IPv4 address.",
        },
        Ipv6 = "ipv6" {
            "IPv6アドレス", "IPv6 address", "IPv6アドレス（省略形で正規化）。", "An IPv6 address, in compressed canonical form.",
        },
        Ipv4Cidr = "ipv4-cidr" {
            "IPv4 CIDR", "IPv4 CIDR block", "IPv4のアドレス範囲。", "A block of IPv4 addresses.",
        },
        Ipv6Cidr = "ipv6-cidr" {
            "IPv6 CIDR", "IPv6 CIDR block", "IPv6のアドレス範囲。", "A block of IPv6 addresses.",
        },
        Domain = "domain" {
            "ドメイン名", "Domain name", "既知の公開サフィックスを持つドメイン名。", "A domain name under a known public suffix.",
        },
        Url = "url" {
            "URL", "URL", "スキームとホストを持つURL。", "A URL with a scheme and a host.",
        },
        Email = "email" {
            "メールアドレス", "E-mail address", "電子メールのアドレス。", "An e-mail address.",
        },
        Md5 = "md5" {
            "MD5", "MD5 hash", "MD5ハッシュ値（32桁の16進数）。", "An MD5 hash (32 hex digits).",
        },
        Sha1 = "sha1" {
            "SHA-1", "SHA-1 hash", "SHA-1ハッシュ値（40桁の16進数）。", "A SHA-1 hash (40 hex digits).",
        },
        Sha256 = "sha256" {
            "SHA-256", "SHA-256 hash", "SHA-256ハッシュ値（64桁の16進数）。", "A SHA-256 hash (64 hex digits).",
        },
        Sha512 = "sha512" {
            "SHA-512", "SHA-512 hash", "SHA-512ハッシュ値（128桁の16進数）。", "A SHA-512 hash (128 hex digits).",
        },
        Ssdeep = "ssdeep" {
            "ssdeep", "ssdeep fuzzy hash", "ssdeepのファジーハッシュ。", "An ssdeep fuzzy hash.",
        },
        Cve = "cve" {
            "CVE番号", "CVE id", "脆弱性のCVE識別子。", "A CVE vulnerability identifier.",
        },
        AttackTechnique = "attack-technique" {
            "ATT&CKテクニック", "ATT&CK technique", "MITRE ATT&CKのテクニック・サブテクニックID。", "A MITRE ATT&CK technique or sub-technique id.",
        },
        FilePath = "file-path" {
            "ファイルパス", "File path", "WindowsまたはUnixのファイルパス。", "A Windows or Unix file path.",
        },
        FileName = "file-name" {
            "ファイル名", "File name", "拡張子付きのファイル名。", "A file name with an extension.",
        },
        RegistryKey = "registry-key" {
            "レジストリキー", "Registry key", "Windowsのレジストリキー。", "A Windows registry key.",
        },
        HostPort = "host-port" {
            "ホスト:ポート", "Host and port", "ホストとポート番号の組。", "A host with a port number.",
        },
        PortProtocol = "port-protocol" {
            "ポート/プロトコル", "Port and protocol", "ポート番号とプロトコルの組（443/tcpなど）。", "A port with its protocol, such as 443/tcp.",
        },
        Asn = "asn" {
            "AS番号", "AS number", "自律システム番号。", "An autonomous system number.",
        },
        Mac = "mac" {
            "MACアドレス", "MAC address", "ネットワーク機器のMACアドレス。", "A network interface's MAC address.",
        },
        CryptoWallet = "crypto-wallet" {
            "暗号資産アドレス", "Cryptocurrency address", "身代金などの送金先となる暗号資産のアドレス（BitcoinまたはMonero、チェックサム検証済み）。", "A cryptocurrency address a ransom is to be paid to (Bitcoin or Monero, checksum verified).",
        },
    }
}

impl IndicatorKind {
    /// Whether indicators of this kind name a network location, and so are
    /// defanged in reports: IPs, CIDRs, domains, URLs, e-mail addresses and
    /// host:port pairs.
    pub const fn is_network(self) -> bool {
        matches!(
            self,
            IndicatorKind::Ipv4
                | IndicatorKind::Ipv6
                | IndicatorKind::Ipv4Cidr
                | IndicatorKind::Ipv6Cidr
                | IndicatorKind::Domain
                | IndicatorKind::Url
                | IndicatorKind::Email
                | IndicatorKind::HostPort
        )
    }

    /// The kind of attack-technical information the report files this
    /// indicator under.
    pub const fn ati_kind(self) -> AtiKind {
        match self {
            IndicatorKind::Md5
            | IndicatorKind::Sha1
            | IndicatorKind::Sha256
            | IndicatorKind::Sha512
            | IndicatorKind::Ssdeep
            | IndicatorKind::FileName
            | IndicatorKind::RegistryKey => AtiKind::Malware,
            IndicatorKind::Cve => AtiKind::Vulnerability,
            IndicatorKind::AttackTechnique | IndicatorKind::Mac | IndicatorKind::CryptoWallet => {
                AtiKind::OtherTtp
            }
            IndicatorKind::FilePath => AtiKind::Malware,
            _ => AtiKind::Destination,
        }
    }

    /// The report's example field this kind fills.
    pub const fn ati_field(self) -> Option<AtiField> {
        Some(match self {
            IndicatorKind::Ipv4
            | IndicatorKind::Ipv6
            | IndicatorKind::Ipv4Cidr
            | IndicatorKind::Ipv6Cidr => AtiField::IpAddress,
            IndicatorKind::Domain | IndicatorKind::Email => AtiField::Domain,
            IndicatorKind::Url => AtiField::Url,
            IndicatorKind::HostPort | IndicatorKind::PortProtocol => AtiField::PortProtocol,
            IndicatorKind::Md5
            | IndicatorKind::Sha1
            | IndicatorKind::Sha256
            | IndicatorKind::Sha512
            | IndicatorKind::Ssdeep => AtiField::HashValue,
            IndicatorKind::FileName => AtiField::FileName,
            IndicatorKind::FilePath | IndicatorKind::RegistryKey => AtiField::PersistenceLocation,
            IndicatorKind::Cve => AtiField::CveId,
            _ => return None,
        })
    }
}
