//! Random bits for the simulation: many xoshiro256++ streams side by side, so that one
//! step of the generator is a handful of vector instructions, each stream seeded from
//! (seed, what it is for, which one, which chunk of trials).
//!
//! Why streams keyed this way rather than one generator: a chunk of trials must not depend
//! on which thread ran the chunk before it (determinism whatever the thread count), and an
//! item's draws must not depend on which other items are in scope (common random numbers
//! for comparing scopes). Seeding is a few SplitMix64 steps per stream and chunk, which is
//! noise next to the thousands of numbers each stream then produces.

/// Streams stepped together. Eight 64-bit lanes fill one AVX-512 register or two AVX2
/// registers; more lanes would only add seeding work per chunk.
pub(crate) const LANES: usize = 8;

/// How many `u32` one step of [`Lanes`] yields; buffers are filled in multiples of this.
pub(crate) const STEP_U32: usize = 2 * LANES;

/// What a stream is used for. Part of the stream's key so that, say, item 3 and risk 3
/// never share random numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// The common factor `Z` of the Gaussian copula, one per trial.
    Common = 1,
    /// An item's own noise `ε_i`, indexed by the item's position in the model.
    Item = 2,
    /// Whether a risk happens.
    RiskFires = 3,
    /// How much extra effort a risk costs when it happens.
    RiskEffort = 4,
    /// How long a risk makes us wait when it happens.
    RiskDelay = 5,
}

/// One SplitMix64 step: the usual way to expand one 64-bit seed into a xoshiro state, as
/// its authors recommend, because it never yields the all-zero state from distinct inputs.
#[inline]
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Mixes one more word into a key, so that keys differing in any field are unrelated.
#[inline]
fn absorb(key: u64, word: u64) -> u64 {
    let mut state = key ^ word;
    splitmix64(&mut state)
}

/// `LANES` xoshiro256++ generators stored lane by lane ("structure of arrays"), which is
/// the layout the compiler turns into vector code; an array of four-word states does not
/// vectorise.
#[derive(Clone, Debug)]
pub(crate) struct Lanes {
    s0: [u64; LANES],
    s1: [u64; LANES],
    s2: [u64; LANES],
    s3: [u64; LANES],
}

impl Lanes {
    /// The streams for one purpose, one index (item or risk) and one chunk of trials.
    pub(crate) fn new(seed: u64, purpose: Purpose, index: u64, chunk: u64) -> Lanes {
        let mut key = absorb(0x7472_656B_616E_7421, seed); // "trekant!"
        key = absorb(key, purpose as u64);
        key = absorb(key, index);
        key = absorb(key, chunk);
        let mut lanes = Lanes {
            s0: [0; LANES],
            s1: [0; LANES],
            s2: [0; LANES],
            s3: [0; LANES],
        };
        for lane in 0..LANES {
            lanes.s0[lane] = splitmix64(&mut key);
            lanes.s1[lane] = splitmix64(&mut key);
            lanes.s2[lane] = splitmix64(&mut key);
            lanes.s3[lane] = splitmix64(&mut key);
        }
        lanes
    }

    /// A generator whose lane `lane` starts from `state` (xoshiro's own word order), for
    /// checking the arithmetic against a reference implementation.
    #[cfg(test)]
    pub(crate) fn from_states(states: [[u64; 4]; LANES]) -> Lanes {
        let mut lanes = Lanes {
            s0: [0; LANES],
            s1: [0; LANES],
            s2: [0; LANES],
            s3: [0; LANES],
        };
        for (lane, s) in states.iter().enumerate() {
            lanes.s0[lane] = s[0];
            lanes.s1[lane] = s[1];
            lanes.s2[lane] = s[2];
            lanes.s3[lane] = s[3];
        }
        lanes
    }

    /// One xoshiro256++ step in every lane; lane `l`'s output goes to `out[l]`.
    #[inline(always)]
    pub(crate) fn step(&mut self, out: &mut [u64; LANES]) {
        for (l, word) in out.iter_mut().enumerate() {
            let (s0, s1, s2, s3) = (self.s0[l], self.s1[l], self.s2[l], self.s3[l]);
            *word = s0.wrapping_add(s3).rotate_left(23).wrapping_add(s0);
            let t = s1 << 17;
            let s2 = s2 ^ s0;
            let s3 = s3 ^ s1;
            self.s1[l] = s1 ^ s2;
            self.s0[l] = s0 ^ s3;
            self.s2[l] = s2 ^ t;
            self.s3[l] = s3.rotate_left(45);
        }
    }

    /// Fills `out` (a multiple of [`STEP_U32`] long) with uniform 32-bit words: each step's
    /// low halves, then its high halves. Kept `inline(always)` so that it takes on the
    /// target features of the kernel that calls it.
    #[inline(always)]
    pub(crate) fn fill(&mut self, out: &mut [u32]) {
        debug_assert_eq!(out.len() % STEP_U32, 0);
        let mut words = [0u64; LANES];
        for block in out.chunks_exact_mut(STEP_U32) {
            self.step(&mut words);
            let (low, high) = block.split_at_mut(LANES);
            for l in 0..LANES {
                low[l] = words[l] as u32;
                high[l] = (words[l] >> 32) as u32;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::Xoshiro256PlusPlus;
    use rand_xoshiro::rand_core::{Rng, SeedableRng};

    #[test]
    fn every_lane_is_xoshiro256plusplus() {
        let mut key = 99;
        let states: [[u64; 4]; LANES] =
            std::array::from_fn(|_| std::array::from_fn(|_| splitmix64(&mut key)));
        let mut lanes = Lanes::from_states(states);
        let mut references: Vec<Xoshiro256PlusPlus> = states
            .iter()
            .map(|s| {
                let mut bytes = [0u8; 32];
                for (i, word) in s.iter().enumerate() {
                    bytes[8 * i..8 * i + 8].copy_from_slice(&word.to_le_bytes());
                }
                Xoshiro256PlusPlus::from_seed(bytes)
            })
            .collect();
        let mut words = [0u64; LANES];
        for _ in 0..1000 {
            lanes.step(&mut words);
            for (lane, reference) in references.iter_mut().enumerate() {
                assert_eq!(words[lane], reference.next_u64());
            }
        }
    }

    #[test]
    fn fill_lays_out_low_then_high_halves() {
        let mut a = Lanes::new(1, Purpose::Item, 0, 0);
        let mut b = a.clone();
        let mut out = [0u32; 2 * STEP_U32];
        a.fill(&mut out);
        let mut words = [0u64; LANES];
        for block in out.chunks_exact(STEP_U32) {
            b.step(&mut words);
            for l in 0..LANES {
                assert_eq!(block[l], words[l] as u32);
                assert_eq!(block[LANES + l], (words[l] >> 32) as u32);
            }
        }
    }

    #[test]
    fn streams_differ_by_every_part_of_their_key() {
        let first = |lanes: Lanes| lanes.s0[0];
        let base = first(Lanes::new(7, Purpose::Item, 3, 2));
        assert_ne!(base, first(Lanes::new(8, Purpose::Item, 3, 2)));
        assert_ne!(base, first(Lanes::new(7, Purpose::RiskFires, 3, 2)));
        assert_ne!(base, first(Lanes::new(7, Purpose::Item, 4, 2)));
        assert_ne!(base, first(Lanes::new(7, Purpose::Item, 3, 3)));
        assert_eq!(base, first(Lanes::new(7, Purpose::Item, 3, 2)));
    }
}
