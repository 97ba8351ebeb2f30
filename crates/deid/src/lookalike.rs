//! Look-alike registrable domains (R2): is a label within a small edit
//! distance of a victim name or domain label? A deletion index (the
//! "symmetric delete" method) answers in time independent of how many
//! victim labels there are: two strings within distance k share a string
//! reachable from both by at most k deletions.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The map's keys are already hashes: use them as they are.
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

use crate::network::within_distance;

/// The index over victim label keys.
#[derive(Default)]
pub(crate) struct Lookalikes {
    keys: Vec<String>,
    exact: crate::network::HostSet,
    /// Hash of a deletion variant → keys it came from.
    deletes: HashMap<u64, Vec<u32>, BuildHasherDefault<PreHashed>>,
}

impl std::fmt::Debug for Lookalikes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lookalikes").field("keys", &self.keys.len()).finish_non_exhaustive()
    }
}

const MAX: usize = 2;

/// Characters of a key on the stack up to this many (labels are at most 63
/// bytes); longer keys use the heap.
const STACK: usize = 64;

/// The polynomial hash's base (odd, so that powers never vanish mod 2^64).
const BASE: u64 = 0x0000_0100_0000_01b3;

/// Spreads a polynomial hash over all 64 bits (the splitmix64 finaliser):
/// the map indexes by the low bits, which a polynomial mod 2^64 fills
/// poorly.
fn mix(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Calls `f` with the hash of every string reachable from `s` by at most
/// `k` (≤ 2) deletions, with repeats, until `f` returns true; returns
/// whether it did.
///
/// The hash of a string `v0 v1 .. v(m-1)` is `Σ (vi + 1)·BASE^(m-1-i)`
/// (mod 2^64), mixed. With prefix hashes `pre` and powers `pow`, the hash of
/// any slice is `pre[b] - pre[a]·pow[b-a]`, and the hash of `s` without
/// positions `i < j` is three slices put together: each variant costs a few
/// multiplications, not a pass over the key. Collisions only cost a
/// distance check (candidates are always verified).
fn each_variant(s: &[char], k: usize, f: &mut dyn FnMut(u64) -> bool) -> bool {
    let n = s.len();
    if n > STACK {
        let mut pre = vec![0u64; n + 1];
        let mut pow = vec![1u64; n + 1];
        return variants_with(s, k, &mut pre, &mut pow, f);
    }
    let mut pre = [0u64; STACK + 1];
    let mut pow = [1u64; STACK + 1];
    variants_with(s, k, &mut pre, &mut pow, f)
}

/// [`each_variant`] with buffers of at least `s.len() + 1` entries.
fn variants_with(
    s: &[char],
    k: usize,
    pre: &mut [u64],
    pow: &mut [u64],
    f: &mut dyn FnMut(u64) -> bool,
) -> bool {
    let n = s.len();
    for (i, c) in s.iter().enumerate() {
        let (p, q) = (pre.get(i).copied().unwrap_or(0), pow.get(i).copied().unwrap_or(1));
        if let Some(slot) = pre.get_mut(i + 1) {
            *slot = p.wrapping_mul(BASE).wrapping_add(u64::from(u32::from(*c)) + 1);
        }
        if let Some(slot) = pow.get_mut(i + 1) {
            *slot = q.wrapping_mul(BASE);
        }
    }
    let pre = &*pre;
    let pow = &*pow;
    let p = |i: usize| pre.get(i).copied().unwrap_or(0);
    let w = |i: usize| pow.get(i).copied().unwrap_or(1);
    // Hash of `s[a..b]`.
    let slice = |a: usize, b: usize| p(b).wrapping_sub(p(a).wrapping_mul(w(b - a)));
    if f(mix(p(n))) {
        return true;
    }
    if k == 0 || n <= 1 {
        return false;
    }
    for i in 0..n {
        // Without `i`: `s[..i]` then `s[i+1..]`.
        let tail = n - i - 1;
        if f(mix(p(i).wrapping_mul(w(tail)).wrapping_add(slice(i + 1, n)))) {
            return true;
        }
        if k >= 2 && n > 2 {
            for j in i + 1..n {
                // Without `i` and `j`: `s[..i]`, `s[i+1..j]`, `s[j+1..]`.
                let (mid, rest) = (j - i - 1, n - j - 1);
                let h = p(i)
                    .wrapping_mul(w(mid + rest))
                    .wrapping_add(slice(i + 1, j).wrapping_mul(w(rest)))
                    .wrapping_add(slice(j + 1, n));
                if f(mix(h)) {
                    return true;
                }
            }
        }
    }
    false
}

/// Hashes of every string reachable from `s` by at most `k` (≤ 2)
/// deletions, with repeats, into `out`.
fn variants(s: &[char], k: usize, out: &mut Vec<u64>) {
    each_variant(s, k, &mut |h| {
        out.push(h);
        false
    });
}

impl Lookalikes {
    pub(crate) fn new(mut keys: Vec<String>) -> Lookalikes {
        keys.sort();
        keys.dedup();
        let mut deletes: HashMap<u64, Vec<u32>, BuildHasherDefault<PreHashed>> = HashMap::default();
        let mut buf = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            let chars: Vec<char> = k.chars().collect();
            buf.clear();
            variants(&chars, MAX, &mut buf);
            buf.sort_unstable();
            buf.dedup();
            for &h in &buf {
                let list = deletes.entry(h).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let exact = keys.iter().cloned().collect();
        Lookalikes { keys, exact, deletes }
    }

    /// Whether `key` equals a victim key, or is within one edit (keys of 5
    /// characters) or two (6 and more).
    pub(crate) fn matches(&self, key: &str) -> bool {
        // Most keys are short: their characters go on the stack.
        let mut stack = ['\0'; STACK];
        let mut n = 0;
        let mut heap: Vec<char> = Vec::new();
        for c in key.chars() {
            match stack.get_mut(n) {
                Some(slot) if heap.is_empty() => *slot = c,
                _ => {
                    if heap.is_empty() {
                        heap.extend_from_slice(&stack);
                    }
                    heap.push(c);
                }
            }
            n += 1;
        }
        if n < 4 {
            return false;
        }
        if self.exact.contains(key) {
            return true;
        }
        let max = match n {
            0..=4 => return false,
            5 => 1,
            _ => MAX,
        };
        let chars: &[char] =
            if heap.is_empty() { stack.get(..n).unwrap_or_default() } else { &heap };
        // Every candidate is verified; the first within distance answers.
        each_variant(chars, max, &mut |h| {
            self.deletes.get(&h).is_some_and(|list| {
                list.iter()
                    .filter_map(|&i| self.keys.get(i as usize))
                    .any(|k| within_distance(key, k, max))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a over the characters left, the plain way: the reference the
    /// polynomial variants are checked against (same sets of strings).
    fn naive(s: &[char], k: usize) -> Vec<Vec<char>> {
        let n = s.len();
        let without = |skip: &[usize]| {
            s.iter().enumerate().filter(|(i, _)| !skip.contains(i)).map(|(_, c)| *c).collect()
        };
        let mut out = vec![without(&[])];
        if k == 0 || n <= 1 {
            return out;
        }
        for i in 0..n {
            out.push(without(&[i]));
            if k >= 2 && n > 2 {
                for j in i + 1..n {
                    out.push(without(&[i, j]));
                }
            }
        }
        out
    }

    #[test]
    fn variant_hashes_are_the_hashes_of_the_deleted_strings() {
        for word in ["minatogawa", "mnsk", "ab", "a", "", "湊川精機", "kanemotosorihana-x"] {
            let chars: Vec<char> = word.chars().collect();
            for k in 0..=2 {
                let mut got = Vec::new();
                variants(&chars, k, &mut got);
                let want: Vec<u64> = naive(&chars, k)
                    .iter()
                    .map(|v| {
                        let mut h = Vec::new();
                        variants(v, 0, &mut h);
                        h.first().copied().unwrap_or_default()
                    })
                    .collect();
                assert_eq!(got, want, "{word} {k}");
            }
        }
    }

    #[test]
    fn long_keys_use_the_heap_and_agree() {
        let long: String = "abcdefghij".repeat(8);
        let l = Lookalikes::new(vec![long.clone(), "minatogawa".into()]);
        assert!(l.matches(&long));
        let mut near = long.clone();
        near.remove(3);
        assert!(l.matches(&near));
        near.remove(40);
        assert!(l.matches(&near));
        near.remove(50);
        assert!(!l.matches(&near));
        assert!(l.matches("minatogava"));
        assert!(l.matches("mlnatogava"));
        assert!(!l.matches("mlnatogxvx"));
    }
}
