//! Look-alike registrable domains (R2): is a label within a small edit
//! distance of a victim name or domain label? A deletion index (the
//! "symmetric delete" method) answers in time independent of how many
//! victim labels there are: two strings within distance k share a string
//! reachable from both by at most k deletions.

use std::collections::{HashMap, HashSet};
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
    exact: HashSet<String>,
    /// Hash of a deletion variant → keys it came from.
    deletes: HashMap<u64, Vec<u32>, BuildHasherDefault<PreHashed>>,
}

impl std::fmt::Debug for Lookalikes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lookalikes").field("keys", &self.keys.len()).finish_non_exhaustive()
    }
}

const MAX: usize = 2;

/// Hashes of every string reachable from `s` by at most `k` (≤ 2)
/// deletions, with repeats; no allocation besides `out`.
fn variants(s: &[char], k: usize, out: &mut Vec<u64>) {
    let n = s.len();
    // FNV-1a over the characters left: fast, and collisions only cost a
    // distance check (candidates are always verified).
    let hash_without = |skip: &[usize]| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (i, c) in s.iter().enumerate() {
            if !skip.contains(&i) {
                h = (h ^ u64::from(u32::from(*c))).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        h
    };
    out.push(hash_without(&[]));
    if k == 0 || n <= 1 {
        return;
    }
    for i in 0..n {
        out.push(hash_without(&[i]));
        if k >= 2 && n > 2 {
            for j in i + 1..n {
                out.push(hash_without(&[i, j]));
            }
        }
    }
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
        let n = key.chars().count();
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
        let chars: Vec<char> = key.chars().collect();
        let mut buf = Vec::new();
        variants(&chars, max, &mut buf);
        buf.sort_unstable();
        buf.dedup();
        buf.iter()
            .filter_map(|h| self.deletes.get(h))
            .flatten()
            .filter_map(|&i| self.keys.get(i as usize))
            .any(|k| within_distance(key, k, max))
    }
}
