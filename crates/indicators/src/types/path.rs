//! File paths, file names and Windows registry keys.

use crate::error::{Reason, err};
use crate::{IndicatorKind, ParseError};

/// Which operating system's path syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PathStyle {
    /// `C:\...`, `\\server\share\...`, `%APPDATA%\...`.
    Windows,
    /// `/...`, `~/...`.
    Unix,
}

/// A Windows or Unix file path, kept as written (Windows paths are
/// case-insensitive, but analysts search for the exact spelling).
///
/// ```
/// use kyoyu_indicators::{FilePath, PathStyle};
///
/// let p: FilePath = r"C:\Users\Public\Libraries\svchost.exe".parse()?;
/// assert_eq!(p.style(), PathStyle::Windows);
/// assert_eq!(p.file_name(), Some("svchost.exe"));
/// let u: FilePath = "/tmp/.X11-unix/.rsync/c/tsm".parse()?;
/// assert_eq!(u.style(), PathStyle::Unix);
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FilePath {
    style: PathStyle,
    path: String,
}

impl FilePath {
    /// The syntax.
    pub fn style(&self) -> PathStyle {
        self.style
    }
    /// The path as written.
    pub fn as_str(&self) -> &str {
        &self.path
    }
    /// The last component, if it is not empty.
    pub fn file_name(&self) -> Option<&str> {
        let sep: &[char] = match self.style {
            PathStyle::Windows => &['\\', '/'],
            PathStyle::Unix => &['/'],
        };
        self.path.rsplit(sep).next().filter(|s| !s.is_empty())
    }
}

const MAX_PATH: usize = 4096;

fn windows_prefix(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if let [drive, b':', b'\\' | b'/', ..] = b {
        if drive.is_ascii_alphabetic() {
            return Some(3);
        }
    }
    if b.starts_with(b"\\\\")
        && b.get(2).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'?' || *c == b'.')
    {
        return Some(2);
    }
    if b.first() == Some(&b'%') {
        let end = b.iter().skip(1).position(|&c| c == b'%')? + 1;
        let name = b.get(1..end)?;
        if !name.is_empty()
            && name.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
            && b.get(end + 1) == Some(&b'\\')
        {
            return Some(end + 2);
        }
    }
    None
}

/// The position of the first control character in `s`: byte by byte for
/// ASCII text (nearly every path; for ASCII, `char::is_control` is
/// `u8::is_ascii_control`), which costs a fraction of decoding each
/// character.
///
/// One pass with a lookup per byte: it stops at an ASCII control or at the
/// first non-ASCII byte, from which the `char` search takes over (where
/// `is_ascii` and then the search were two passes).
fn find_control(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let p = b.iter().position(|&c| CONTROL_STOP.get(usize::from(c)) != Some(&false))?;
    if b.get(p).is_some_and(|&c| c < 0x80) {
        return Some(p);
    }
    s.get(p..)?.find(|c: char| c.is_control()).map(|q| p + q)
}

/// The bytes at which [`find_control`] stops: ASCII controls and every
/// non-ASCII byte.
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const CONTROL_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_control() || i >= 0x80;
        i += 1;
    }
    t
};

impl std::str::FromStr for FilePath {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::FilePath;
        if s.is_empty() {
            return err(k, s, Reason::Empty, None);
        }
        if s.len() > MAX_PATH {
            return err(k, s, Reason::TooLong { max: MAX_PATH }, None);
        }
        if let Some(p) = find_control(s) {
            return err(
                k,
                s,
                Reason::UnexpectedChar(s.get(p..).and_then(|r| r.chars().next()).unwrap_or('\0')),
                Some(p),
            );
        }
        if windows_prefix(s).is_some() {
            // A byte search (the needles are ASCII, which never occurs
            // inside another character): a `char` pattern decodes every
            // character.
            let bad = |b: u8| matches!(b, b'<' | b'>' | b'"' | b'|' | b'*');
            if let Some(p) = s.as_bytes().get(2..).and_then(|r| r.iter().position(|&b| bad(b))) {
                return err(
                    k,
                    s,
                    Reason::Syntax("character not allowed in Windows paths"),
                    Some(p + 2),
                );
            }
            return Ok(FilePath { style: PathStyle::Windows, path: s.to_owned() });
        }
        let rest = s.strip_prefix("~/").or_else(|| s.strip_prefix('/'));
        match rest {
            Some(r) if !r.is_empty() && !r.starts_with('/') => {
                Ok(FilePath { style: PathStyle::Unix, path: s.to_owned() })
            }
            _ => err(k, s, Reason::Syntax("expected C:\\…, \\\\host\\…, %VAR%\\… or /…"), Some(0)),
        }
    }
}

impl std::fmt::Display for FilePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)
    }
}

/// A file name with an extension: `invoice.zip`, `secretsdump.py`. No path
/// separators.
///
/// ```
/// let f: kyoyu_indicators::FileName = "Invoice_2026-11.pdf.exe".parse()?;
/// assert_eq!(f.extension(), "exe");
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileName(String);

impl FileName {
    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The extension after the last dot.
    pub fn extension(&self) -> &str {
        self.0.rsplit('.').next().unwrap_or_default()
    }
}

impl std::str::FromStr for FileName {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        match FileName::check(s) {
            Ok(()) => Ok(FileName(s.to_owned())),
            Err((reason, at)) => err(IndicatorKind::FileName, s, reason, at),
        }
    }
}

impl FileName {
    /// Parses like [`str::parse`], without building an error (a copy of
    /// the input): extraction tries names that are not, such as
    /// `ExternalPayloads\T1027.zip`.
    pub(crate) fn parse_quiet(s: &str) -> Option<FileName> {
        FileName::check(s).ok().map(|()| FileName(s.to_owned()))
    }

    /// Whether `s` is a file name; why not and where, when not.
    fn check(s: &str) -> Result<(), (Reason, Option<usize>)> {
        if s.is_empty() {
            return Err((Reason::Empty, None));
        }
        if s.len() > 255 {
            return Err((Reason::TooLong { max: 255 }, None));
        }
        // ASCII text (nearly every name) is checked byte by byte, one
        // lookup each; for ASCII, `char::is_control` is
        // `u8::is_ascii_control`. At the first non-ASCII byte, before any
        // bad one, the `char` search starts over.
        let bad = match s.bytes().position(|b| NAME_STOP.get(usize::from(b)) != Some(&false)) {
            Some(p) if s.as_bytes().get(p).is_some_and(|&b| b >= 0x80) => {
                s.find(|c: char| c.is_control() || "\\/:*?\"<>|".contains(c))
            }
            found => found,
        };
        if let Some(p) = bad {
            let c = s.get(p..).and_then(|r| r.chars().next()).unwrap_or('\0');
            return Err((Reason::UnexpectedChar(c), Some(p)));
        }
        // A byte search: `rfind` with a `char` sets up a searcher that costs
        // more than a name's few bytes.
        let Some(dot) = s.bytes().rposition(|b| b == b'.') else {
            return Err((Reason::Syntax("no extension"), None));
        };
        let ext = s.get(dot + 1..).unwrap_or_default();
        if dot == 0
            || ext.is_empty()
            || ext.len() > 10
            || !ext.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return Err((Reason::Syntax("expected name.extension"), Some(dot)));
        }
        Ok(())
    }
}

/// The bytes at which [`FileName`]'s check stops: ASCII controls, the
/// characters a file name may not hold, and every non-ASCII byte.
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const NAME_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_control()
            || b >= 0x80
            || matches!(b, b'\\' | b'/' | b':' | b'*' | b'?' | b'"' | b'<' | b'>' | b'|');
        i += 1;
    }
    t
};

impl std::fmt::Display for FileName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A registry hive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Hive {
    /// `HKEY_LOCAL_MACHINE` (`HKLM`).
    LocalMachine,
    /// `HKEY_CURRENT_USER` (`HKCU`).
    CurrentUser,
    /// `HKEY_CLASSES_ROOT` (`HKCR`).
    ClassesRoot,
    /// `HKEY_USERS` (`HKU`).
    Users,
    /// `HKEY_CURRENT_CONFIG` (`HKCC`).
    CurrentConfig,
}

impl Hive {
    /// The long name, as STIX writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Hive::LocalMachine => "HKEY_LOCAL_MACHINE",
            Hive::CurrentUser => "HKEY_CURRENT_USER",
            Hive::ClassesRoot => "HKEY_CLASSES_ROOT",
            Hive::Users => "HKEY_USERS",
            Hive::CurrentConfig => "HKEY_CURRENT_CONFIG",
        }
    }

    /// The hive named `s`, any case; compared in place (an upper-cased
    /// copy cost an allocation per registry key).
    fn parse(s: &str) -> Option<Hive> {
        const NAMES: [(&str, Hive); 10] = [
            ("HKEY_LOCAL_MACHINE", Hive::LocalMachine),
            ("HKLM", Hive::LocalMachine),
            ("HKEY_CURRENT_USER", Hive::CurrentUser),
            ("HKCU", Hive::CurrentUser),
            ("HKEY_CLASSES_ROOT", Hive::ClassesRoot),
            ("HKCR", Hive::ClassesRoot),
            ("HKEY_USERS", Hive::Users),
            ("HKU", Hive::Users),
            ("HKEY_CURRENT_CONFIG", Hive::CurrentConfig),
            ("HKCC", Hive::CurrentConfig),
        ];
        NAMES.iter().find(|(name, _)| name.eq_ignore_ascii_case(s)).map(|&(_, h)| h)
    }
}

/// A Windows registry key. Short hive names (`HKLM`) and PowerShell drive
/// syntax (`HKLM:\`) are read; the canonical form uses the long hive name.
///
/// ```
/// let r: kyoyu_indicators::RegistryKey = r"HKCU:\Software\Microsoft\Windows\CurrentVersion\Run".parse()?;
/// assert_eq!(r.to_string(), r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run");
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegistryKey {
    hive: Hive,
    path: String,
}

impl RegistryKey {
    /// The hive.
    pub fn hive(&self) -> Hive {
        self.hive
    }
    /// The path below the hive, without a leading backslash.
    pub fn path(&self) -> &str {
        &self.path
    }
}

const MAX_KEY_PATH: usize = 1024;

impl std::str::FromStr for RegistryKey {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::RegistryKey;
        // The limit is on the path below the hive, so that the short and
        // long spellings of one key are accepted alike.
        if s.len() > MAX_KEY_PATH + 24 {
            return err(k, s, Reason::TooLong { max: MAX_KEY_PATH }, None);
        }
        let (hive, rest) = match s.find('\\') {
            Some(i) => (s.get(..i).unwrap_or_default(), s.get(i + 1..).unwrap_or_default()),
            None => (s, ""),
        };
        let hive = hive.strip_suffix(':').unwrap_or(hive);
        let Some(hive) = Hive::parse(hive) else {
            return err(k, s, Reason::Syntax("unknown hive"), Some(0));
        };
        let path = rest.trim_end_matches('\\');
        if path.len() > MAX_KEY_PATH {
            return err(k, s, Reason::TooLong { max: MAX_KEY_PATH }, None);
        }
        if let Some(p) = find_control(path) {
            return err(
                k,
                s,
                Reason::UnexpectedChar(
                    path.get(p..).and_then(|r| r.chars().next()).unwrap_or('\0'),
                ),
                None,
            );
        }
        if path.contains("\\\\") {
            return err(k, s, Reason::Syntax("empty key name"), None);
        }
        Ok(RegistryKey { hive, path: path.to_owned() })
    }
}

impl std::fmt::Display for RegistryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(self.hive.name())
        } else {
            write!(f, "{}\\{}", self.hive.name(), self.path)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// The byte table finds the first character a name may not hold
        /// where the `char` search did, in ASCII and other text.
        #[test]
        fn file_name_check_agrees_with_the_char_search(s in "([ -~]|\t|\u{7f}|\u{85}|é|中|\\\\|/|:|[.]){0,16}") {
            let bad = s.find(|c: char| c.is_control() || "\\/:*?\"<>|".contains(c));
            let got = match FileName::check(&s) {
                Err((Reason::UnexpectedChar(_), p)) => p,
                _ => None,
            };
            prop_assert_eq!(got, bad);
        }

        /// The byte search finds what the `char` search found, in ASCII
        /// text and in text with C1 controls and other characters.
        #[test]
        fn find_control_agrees_with_the_char_search(s in "([ -~]|\t|\n|\u{7f}|\u{85}|\u{9f}|é|中){0,20}") {
            prop_assert_eq!(find_control(&s), s.find(|c: char| c.is_control()));
        }
    }
}
