//! Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013, "Downsampling Time Series for
//! Visual Representation", §4.2): keeps the shape of a series with far fewer points.

/// Returns the indices of the points LTTB keeps out of the series `xs`, `ys` (sorted by x, same
/// length), at most `threshold`.
///
/// The first and last points are always kept. With `threshold` ≥ the number of points, or below 3,
/// every point is kept (there is nothing to gain). Points with a NaN coordinate should be removed first.
pub fn lttb_indices(xs: &[f64], ys: &[f64], threshold: usize) -> Vec<usize> {
    let n = xs.len().min(ys.len());
    if threshold >= n || threshold < 3 {
        return (0..n).collect();
    }
    let mut kept = Vec::with_capacity(threshold);
    kept.push(0);
    // Buckets between the first and the last point; each has size `every`.
    let every = (n - 2) as f64 / (threshold - 2) as f64;
    let mut a = 0usize;
    for i in 0..threshold - 2 {
        // The average of the next bucket is the third vertex of the triangle.
        let avg_start = ((i + 1) as f64 * every).floor() as usize + 1;
        let avg_end = (((i + 2) as f64 * every).floor() as usize + 1).min(n);
        let len = (avg_end - avg_start) as f64;
        let avg_x = xs[avg_start..avg_end].iter().sum::<f64>() / len;
        let avg_y = ys[avg_start..avg_end].iter().sum::<f64>() / len;
        // The bucket to pick from: the point making the largest triangle with the last kept point
        // and the next bucket's average.
        let start = (i as f64 * every).floor() as usize + 1;
        let end = (((i + 1) as f64 * every).floor() as usize + 1).min(n - 1);
        let (ax, ay) = (xs[a], ys[a]);
        let mut best = start;
        let mut best_area = -1.0;
        for (j, (&x, &y)) in xs[start..end].iter().zip(&ys[start..end]).enumerate() {
            let area = ((ax - avg_x) * (y - ay) - (ax - x) * (avg_y - ay)).abs();
            if area > best_area {
                best_area = area;
                best = start + j;
            }
        }
        kept.push(best);
        a = best;
    }
    kept.push(n - 1);
    kept
}

/// The points LTTB keeps (see `lttb_indices`).
pub fn lttb(points: &[(f64, f64)], threshold: usize) -> Vec<(f64, f64)> {
    let (xs, ys): (Vec<f64>, Vec<f64>) = points.iter().copied().unzip();
    lttb_indices(&xs, &ys, threshold)
        .into_iter()
        .map(|i| points[i])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_first_and_last_and_returns_the_requested_count() {
        let pts: Vec<(f64, f64)> = (0..1000)
            .map(|i| (i as f64, ((i * 37) % 101) as f64))
            .collect();
        for t in [3, 10, 100, 999] {
            let out = lttb(&pts, t);
            assert_eq!(out.len(), t);
            assert_eq!(out[0], pts[0]);
            assert_eq!(out[t - 1], pts[999]);
            assert!(
                out.windows(2).all(|w| w[0].0 < w[1].0),
                "x stays increasing"
            );
        }
    }

    #[test]
    fn keeps_everything_when_there_is_nothing_to_gain() {
        let pts = [(0.0, 1.0), (1.0, 2.0), (2.0, 0.0)];
        assert_eq!(lttb(&pts, 3), pts.to_vec());
        assert_eq!(lttb(&pts, 10), pts.to_vec());
        assert_eq!(lttb(&pts, 2), pts.to_vec());
        assert!(lttb(&[], 5).is_empty());
    }

    #[test]
    fn picks_the_peaks_of_a_hand_made_series() {
        // Flat series with one spike in each of the middle buckets: LTTB must keep the spikes.
        let ys = [0.0, 0.0, 9.0, 0.0, 0.0, -7.0, 0.0, 0.0, 5.0, 0.0];
        let xs: Vec<f64> = (0..ys.len()).map(|i| i as f64).collect();
        // 10 points, threshold 5: three middle buckets of 8/3 points each: [1,3), [3,6), [6,9).
        let idx = lttb_indices(&xs, &ys, 5);
        assert_eq!(idx, vec![0, 2, 5, 8, 9]);
    }
}
