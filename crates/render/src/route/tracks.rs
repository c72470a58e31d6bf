//! Nudging: parallel runs of different arrows that share a corridor (a gutter between columns, a strip
//! above a lane's cards) each get their own track, so no two arrows ever lie on top of each other. As
//! in orthogonal connector routers (libavoid's nudging, ELK's orthogonal edge router), runs that overlap
//! along the corridor are put side by side in an order chosen to avoid crossings, and runs that do not
//! overlap may share a track, so a corridor is only as wide as its busiest stretch needs.

/// A run of one arrow along a corridor.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    /// Where the run starts along the corridor.
    pub lo: f64,
    /// Where it ends (`hi >= lo`).
    pub hi: f64,
    /// Which side of the corridor it should lie on: of two overlapping runs, the one with the smaller
    /// key gets the smaller track.
    pub key: (u8, f64),
}

/// Tracks chosen for a corridor's runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tracks {
    /// Per run, its track (0 is the first).
    pub of_run: Vec<usize>,
    /// How many tracks the corridor needs.
    pub count: usize,
}

/// Assigns tracks to `runs` so that runs coming closer than `gap` along the corridor never share one,
/// and of two such runs the one with the smaller key lies on the smaller track. Runs are taken in key
/// order and each gets the track after the highest one among the runs already placed that it meets;
/// a segment tree over the runs' ends answers that in O(log n), so a corridor of thousands of runs
/// costs no more than sorting them.
pub fn assign(runs: &[Run], gap: f64) -> Tracks {
    let mut ends: Vec<f64> = runs
        .iter()
        .flat_map(|r| [r.lo - gap / 2.0, r.hi + gap / 2.0])
        .collect();
    ends.sort_by(f64::total_cmp);
    ends.dedup();
    let index = |v: f64| ends.partition_point(|e| *e < v);
    let mut order: Vec<usize> = (0..runs.len()).collect();
    order.sort_by(|&a, &b| {
        let (ka, kb) = (runs[a].key, runs[b].key);
        ka.0.cmp(&kb.0)
            .then(ka.1.total_cmp(&kb.1))
            .then(runs[a].lo.total_cmp(&runs[b].lo))
            .then(a.cmp(&b))
    });
    let mut tree = MaxTree::new(ends.len());
    let mut of_run = vec![0; runs.len()];
    let mut count = 0;
    for i in order {
        let (l, r) = (index(runs[i].lo - gap / 2.0), index(runs[i].hi + gap / 2.0));
        let track = tree.max(l, r);
        tree.raise(l, r, track + 1);
        of_run[i] = track;
        count = count.max(track + 1);
    }
    Tracks { of_run, count }
}

/// Range "raise to at least v" and range maximum over positions `0..n`.
struct MaxTree {
    n: usize,
    /// The largest value raised over the whole of a node's range.
    whole: Vec<usize>,
    /// The largest value anywhere in a node's range.
    any: Vec<usize>,
}

impl MaxTree {
    fn new(n: usize) -> Self {
        let size = 4 * n.max(1);
        MaxTree {
            n,
            whole: vec![0; size],
            any: vec![0; size],
        }
    }

    /// The largest value at positions `l..=r`.
    fn max(&self, l: usize, r: usize) -> usize {
        self.query(1, 0, self.n - 1, l, r)
    }

    /// Raises positions `l..=r` to at least `v`.
    fn raise(&mut self, l: usize, r: usize, v: usize) {
        self.update(1, 0, self.n - 1, l, r, v);
    }

    fn query(&self, node: usize, lo: usize, hi: usize, l: usize, r: usize) -> usize {
        if r < lo || hi < l {
            return 0;
        }
        if l <= lo && hi <= r {
            return self.any[node];
        }
        let mid = (lo + hi) / 2;
        self.whole[node]
            .max(self.query(2 * node, lo, mid, l, r))
            .max(self.query(2 * node + 1, mid + 1, hi, l, r))
    }

    fn update(&mut self, node: usize, lo: usize, hi: usize, l: usize, r: usize, v: usize) {
        if r < lo || hi < l {
            return;
        }
        self.any[node] = self.any[node].max(v);
        if l <= lo && hi <= r {
            self.whole[node] = self.whole[node].max(v);
            return;
        }
        let mid = (lo + hi) / 2;
        self.update(2 * node, lo, mid, l, r, v);
        self.update(2 * node + 1, mid + 1, hi, l, r, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lo: f64, hi: f64, key: f64) -> Run {
        Run {
            lo,
            hi,
            key: (0, key),
        }
    }

    #[test]
    fn overlapping_runs_get_different_tracks_in_key_order() {
        let runs = [
            run(0.0, 100.0, 2.0),
            run(50.0, 150.0, 1.0),
            run(120.0, 130.0, 3.0),
        ];
        let t = assign(&runs, 4.0);
        assert_eq!(t.of_run, vec![1, 0, 1]);
        assert_eq!(t.count, 2);
    }

    #[test]
    fn runs_apart_share_a_track_but_runs_closer_than_the_gap_do_not() {
        let t = assign(&[run(0.0, 10.0, 0.0), run(20.0, 30.0, 1.0)], 4.0);
        assert_eq!((t.of_run, t.count), (vec![0, 0], 1));
        let t = assign(&[run(0.0, 10.0, 0.0), run(12.0, 30.0, 1.0)], 4.0);
        assert_eq!((t.of_run, t.count), (vec![0, 1], 2));
    }

    #[test]
    fn families_come_before_keys() {
        let runs = [
            Run {
                lo: 0.0,
                hi: 10.0,
                key: (1, -5.0),
            },
            Run {
                lo: 0.0,
                hi: 10.0,
                key: (0, 9.0),
            },
        ];
        assert_eq!(assign(&runs, 0.0).of_run, vec![1, 0]);
    }

    #[test]
    fn no_two_overlapping_runs_share_a_track_among_many() {
        let runs: Vec<Run> = (0..300)
            .map(|i| {
                let lo = f64::from((i * 37) % 500);
                run(lo, lo + f64::from((i * 13) % 90), f64::from((i * 7) % 11))
            })
            .collect();
        let t = assign(&runs, 2.0);
        for (i, a) in runs.iter().enumerate() {
            for (j, b) in runs.iter().enumerate().skip(i + 1) {
                if a.lo - 1.0 <= b.hi + 1.0 && b.lo - 1.0 <= a.hi + 1.0 {
                    assert_ne!(t.of_run[i], t.of_run[j], "{a:?} and {b:?}");
                }
            }
        }
        assert!(t.of_run.iter().all(|&k| k < t.count));
    }

    #[test]
    fn no_runs_need_no_tracks() {
        assert_eq!(assign(&[], 4.0), Tracks::default());
    }
}
