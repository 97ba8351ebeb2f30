//! Cryptocurrency addresses: where a ransom or an extortion is to be paid.
//!
//! Ransom notes, leak-site pages and extortion mail name the attacker's
//! wallet; it links incidents of one operator across victims and never
//! names the victim. Every address is checked by its own checksum, so a
//! run of letters and digits of the right length is not taken for one:
//! - Bitcoin legacy addresses (`1…` pay-to-public-key-hash, `3…`
//!   pay-to-script-hash): Base58Check, the first four bytes of a double
//!   SHA-256 of the payload;
//! - Bitcoin SegWit addresses (`bc1q…` version 0 in Bech32, `bc1p…` and
//!   later versions in Bech32m, BIP 173 and BIP 350): a 30-bit BCH code;
//! - Monero addresses (`4…` standard and integrated, `8…` subaddresses):
//!   Monero's block-wise Base58, the first four bytes of a Keccak-256.
//!
//! Only main-network addresses: test networks carry no ransom.
//!
//! The hashes come from RustCrypto's `sha2` and `sha3` (Keccak-256 as
//! Monero uses it, before the SHA-3 padding was fixed): small, audited,
//! `no_std` crates already in the workspace's tree through `kyoyu-deid`'s
//! HMAC, rather than hash code of our own.

use sha2::Digest;

use crate::error::{Reason, err};
use crate::types::hash::bad;
use crate::{IndicatorKind, ParseError};

/// The chain a [`Wallet`] address belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Chain {
    /// Bitcoin (legacy Base58Check or SegWit Bech32/Bech32m).
    Bitcoin,
    /// Monero (standard, integrated or subaddress).
    Monero,
}

impl Chain {
    /// The currency's ticker: `BTC`, `XMR`.
    pub const fn ticker(self) -> &'static str {
        match self {
            Chain::Bitcoin => "BTC",
            Chain::Monero => "XMR",
        }
    }
}

/// A cryptocurrency address whose checksum holds. Prints as written, but
/// a Bech32 address in lower case (its canonical form; upper case is the
/// same address).
///
/// ```
/// use kyoyu_indicators::{Chain, Wallet};
///
/// let w: Wallet = "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4".parse()?;
/// assert_eq!(w.chain(), Chain::Bitcoin);
/// assert_eq!(w.to_string(), "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
/// // One character off, and the checksum fails.
/// assert!("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5".parse::<Wallet>().is_err());
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Wallet {
    chain: Chain,
    address: String,
}

impl Wallet {
    /// The chain.
    pub fn chain(&self) -> Chain {
        self.chain
    }

    /// The address in its canonical form.
    pub fn as_str(&self) -> &str {
        &self.address
    }
}

impl std::fmt::Display for Wallet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.address)
    }
}

/// The longest address of any chain here (a Bech32 string).
const MAX_LEN: usize = 110;

impl std::str::FromStr for Wallet {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::CryptoWallet;
        if s.is_empty() {
            return err(k, s, Reason::Empty, None);
        }
        if s.len() > MAX_LEN {
            return err(k, s, Reason::TooLong { max: MAX_LEN }, None);
        }
        if let Some(at) = s.bytes().position(|b| !b.is_ascii_alphanumeric()) {
            return Err(bad(k, s, at));
        }
        let b = s.as_bytes();
        if b.len() > 3 && b.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(b"bc1")) {
            return segwit(s);
        }
        match (b.first(), b.len()) {
            (Some(b'1' | b'3'), 26..=35) => base58check(s),
            (Some(b'4' | b'8'), 95 | 106) => monero(s),
            (_, n) => err(
                k,
                s,
                Reason::Length { expected: "a Bitcoin or Monero address", found: n },
                None,
            ),
        }
    }
}

fn checksum_error(s: &str) -> Result<Wallet, ParseError> {
    err(IndicatorKind::CryptoWallet, s, Reason::Checksum, None)
}

fn syntax(s: &str, what: &'static str) -> Result<Wallet, ParseError> {
    err(IndicatorKind::CryptoWallet, s, Reason::Syntax(what), None)
}

/// The Bitcoin Base58 alphabet (no `0`, `O`, `I`, `l`); Monero uses it too.
const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// The value of every Base58 digit, `0xff` for every other byte.
// Indexing in a const initialiser cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const BASE58_VALUES: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 58 {
        t[BASE58[i] as usize] = i as u8;
        i += 1;
    }
    t
};

fn base58_digit(b: u8) -> Option<u8> {
    BASE58_VALUES.get(usize::from(b)).copied().filter(|&v| v != 0xff)
}

/// Base58 to bytes, big-endian, one leading zero byte per leading `1`.
/// `None` for a byte outside the alphabet.
fn base58_decode(s: &[u8]) -> Option<Vec<u8>> {
    let zeros = s.iter().take_while(|&&b| b == b'1').count();
    // Little-endian base-256 digits of the number.
    let mut num: Vec<u8> = Vec::with_capacity(s.len());
    for &c in s.get(zeros..).unwrap_or_default() {
        let mut carry = u32::from(base58_digit(c)?);
        for d in num.iter_mut() {
            carry += u32::from(*d) * 58;
            *d = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            num.push((carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let mut out = vec![0u8; zeros];
    out.extend(num.iter().rev());
    Some(out)
}

/// A legacy Bitcoin address: version 0 (`1…`) or 5 (`3…`), a 20-byte
/// hash, and the first four bytes of SHA-256(SHA-256(version ‖ hash)).
fn base58check(s: &str) -> Result<Wallet, ParseError> {
    let Some(bytes) = base58_decode(s.as_bytes()) else {
        let at = s.bytes().position(|b| base58_digit(b).is_none()).unwrap_or(0);
        return Err(bad(IndicatorKind::CryptoWallet, s, at));
    };
    let [version, rest @ ..] = bytes.as_slice() else { return syntax(s, "empty payload") };
    if rest.len() != 24 || !matches!(version, 0x00 | 0x05) {
        return syntax(s, "not a Bitcoin main-network address");
    }
    let (payload, check) = bytes.split_at(21);
    let digest = sha2::Sha256::digest(sha2::Sha256::digest(payload));
    if digest.get(..4) != Some(check) {
        return checksum_error(s);
    }
    Ok(Wallet { chain: Chain::Bitcoin, address: s.to_owned() })
}

/// The Bech32 alphabet.
const BECH32: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/// BIP 173's checksum over five-bit values.
fn polymod(values: impl Iterator<Item = u8>) -> u32 {
    const GEN: [u32; 5] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3];
    let mut chk: u32 = 1;
    for v in values {
        let top = chk >> 25;
        chk = (chk & 0x01ff_ffff) << 5 ^ u32::from(v);
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk
}

/// What the checksum of a Bech32 (BIP 173) and a Bech32m (BIP 350) string
/// leaves.
const BECH32_CONST: u32 = 1;
const BECH32M_CONST: u32 = 0x2bc8_30a3;

/// A SegWit address on the Bitcoin main network (`bc1…`).
fn segwit(s: &str) -> Result<Wallet, ParseError> {
    let lower = s.to_ascii_lowercase();
    if lower != s && s.to_ascii_uppercase() != s {
        return syntax(s, "mixed case");
    }
    if s.len() > 90 {
        return err(IndicatorKind::CryptoWallet, s, Reason::TooLong { max: 90 }, None);
    }
    // `bc`, the separator `1`, then the data part.
    let data: Vec<u8> = match lower
        .bytes()
        .skip(3)
        .map(|c| BECH32.iter().position(|&x| x == c).and_then(|p| u8::try_from(p).ok()))
        .collect::<Option<Vec<u8>>>()
    {
        Some(d) => d,
        None => {
            let at = lower.bytes().skip(3).position(|c| !BECH32.contains(&c)).unwrap_or(0) + 3;
            return Err(bad(IndicatorKind::CryptoWallet, s, at));
        }
    };
    // The witness version, at least two bytes of program, six of checksum.
    if data.len() < 1 + 4 + 6 {
        return syntax(s, "too short for a witness program");
    }
    // The human-readable part `bc` expanded: high bits, 0, low bits.
    let hrp = [b'b' >> 5, b'c' >> 5, 0, b'b' & 31, b'c' & 31];
    let check = polymod(hrp.iter().copied().chain(data.iter().copied()));
    let version = data.first().copied().unwrap_or(0);
    let expected = if version == 0 { BECH32_CONST } else { BECH32M_CONST };
    if check != expected {
        return checksum_error(s);
    }
    if version > 16 {
        return syntax(s, "witness version above 16");
    }
    // Five-bit groups to bytes; at most four bits of zero padding.
    let groups = data.get(1..data.len() - 6).unwrap_or_default();
    let (mut acc, mut bits, mut program) = (0u32, 0u32, Vec::with_capacity(40));
    for &g in groups {
        acc = (acc << 5 | u32::from(g)) & 0xfff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            program.push(((acc >> bits) & 0xff) as u8);
        }
    }
    if bits >= 5 || (acc << (8 - bits)) & 0xff != 0 {
        return syntax(s, "bad padding in the witness program");
    }
    let ok = match version {
        0 => matches!(program.len(), 20 | 32),
        _ => (2..=40).contains(&program.len()),
    };
    if !ok {
        return syntax(s, "witness program of the wrong length");
    }
    Ok(Wallet { chain: Chain::Bitcoin, address: lower })
}

/// Monero's Base58: full blocks of eight bytes as eleven digits, the last
/// block of `n` bytes as `BLOCK_DIGITS[n]` digits.
const BLOCK_DIGITS: [usize; 9] = [0, 2, 3, 5, 6, 7, 9, 10, 11];

fn monero_decode(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 8 / 11 + 8);
    for block in s.chunks(11) {
        let bytes = BLOCK_DIGITS.iter().position(|&d| d == block.len())?;
        let mut n: u128 = 0;
        for &c in block {
            n = n * 58 + u128::from(base58_digit(c)?);
        }
        if bytes < 16 && n >> (8 * bytes) != 0 {
            return None;
        }
        let be = n.to_be_bytes();
        out.extend_from_slice(be.get(16 - bytes..)?);
    }
    Some(out)
}

/// A Monero main-network address: network byte 18 (standard), 19
/// (integrated, with an eight-byte payment id) or 42 (subaddress), two
/// 32-byte keys, and the first four bytes of Keccak-256 of all that.
fn monero(s: &str) -> Result<Wallet, ParseError> {
    let Some(bytes) = monero_decode(s.as_bytes()) else {
        return syntax(s, "not Monero Base58");
    };
    let expected_len = match bytes.first() {
        Some(18 | 42) => 69,
        Some(19) => 77,
        _ => return syntax(s, "not a Monero main-network address"),
    };
    if bytes.len() != expected_len {
        return syntax(s, "not a Monero main-network address");
    }
    let (data, check) = bytes.split_at(expected_len - 4);
    let digest = sha3::Keccak256::digest(data);
    if digest.get(..4) != Some(check) {
        return checksum_error(s);
    }
    Ok(Wallet { chain: Chain::Monero, address: s.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(s: &str) -> Option<Chain> {
        s.parse::<Wallet>().ok().map(|w| w.chain())
    }

    #[test]
    fn known_addresses() {
        // The genesis block's address, and the Bitcoin wiki's P2SH example.
        assert_eq!(chain("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"), Some(Chain::Bitcoin));
        assert_eq!(chain("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"), Some(Chain::Bitcoin));
        // BIP 173's P2WPKH vector for 751e76e8…3bd6.
        assert_eq!(chain("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"), Some(Chain::Bitcoin));
        // The Monero general fund's published address.
        assert_eq!(
            chain(
                "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
            ),
            Some(Chain::Monero)
        );
    }

    #[test]
    fn bech32_checksums_of_bip_173_and_350() {
        // Generic strings of the BIPs' test vectors (other prefixes), to
        // hold the checksum itself apart from the address rules.
        let check = |s: &str| {
            let (hrp, data) = s.rsplit_once('1').unwrap_or_default();
            let mut v: Vec<u8> = hrp.bytes().map(|b| b >> 5).collect();
            v.push(0);
            v.extend(hrp.bytes().map(|b| b & 31));
            v.extend(data.bytes().map(|c| BECH32.iter().position(|&x| x == c).unwrap_or(0) as u8));
            polymod(v.into_iter())
        };
        assert_eq!(check("a12uel5l"), BECH32_CONST);
        assert_eq!(check("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"), BECH32_CONST);
        assert_eq!(check("a1lqfn3a"), BECH32M_CONST);
        assert_eq!(check("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx"), BECH32M_CONST);
    }

    #[test]
    fn one_character_off_fails() {
        for s in [
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
            "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3B",
        ] {
            let e = s.parse::<Wallet>().map(|_| ()).unwrap_err();
            assert_eq!(e.reason(), &Reason::Checksum, "{s}");
        }
    }

    #[test]
    fn shapes_that_are_no_address() {
        for s in [
            "",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf-a",
            "Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "bc1qqqqqqq",
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "11111111111111111111111111",
            "d41d8cd98f00b204e9800998ecf8427e",
        ] {
            assert!(s.parse::<Wallet>().is_err(), "{s}");
        }
    }

    #[test]
    fn bech32_upper_case_is_the_same_address() {
        let w: Wallet = "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4".parse().expect("valid");
        assert_eq!(w.as_str(), "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    }
}
