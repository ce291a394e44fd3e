//! The statistics of the report, as small pure functions of counts. Every input is an
//! exact integer count read from the database, so SQLite and PostgreSQL give the same bits.

/// The normal quantile for a two-sided 95% interval, as the report fixes it.
pub const Z95: f64 = 1.959964;

/// Mean code of the non-missing answers: Σ code·count ÷ Σ count. `None` with no answer.
/// The sum is exact (i128) before the one division.
pub fn mean_code(counts: &[(i64, u64)]) -> Option<f64> {
    let n: u64 = counts.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    let sum: i128 = counts
        .iter()
        .map(|(code, c)| i128::from(*code) * i128::from(*c))
        .sum();
    Some(sum as f64 / n as f64)
}

/// Mean of a number question from its exact sum and count.
pub fn mean_of_sum(sum: i128, n: u64) -> Option<f64> {
    (n > 0).then(|| sum as f64 / n as f64)
}

/// A share `x ÷ n` as a fraction.
pub fn share(x: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| x as f64 / n as f64)
}

/// Wilson score interval for a proportion (Wilson 1927), p̂ = x/n:
///
/// centre = (p̂ + z²/2n) / (1 + z²/n),
/// half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),
///
/// interval [centre − half, centre + half], clamped to [0, 1] against rounding.
pub fn wilson(x: u64, n: u64, z: f64) -> Option<[f64; 2]> {
    if n == 0 || x > n {
        return None;
    }
    let n = n as f64;
    let p = x as f64 / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some([(centre - half).max(0.0), (centre + half).min(1.0)])
}

/// Net Promoter Score in points: 100 · (promoters − detractors) ÷ n, promoters answering
/// 9–10 and detractors 0–6 of the n non-missing answers.
pub fn nps(promoters: u64, detractors: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| 100.0 * (promoters as f64 - detractors as f64) / n as f64)
}

/// Adjusted-Wald 95% interval of the NPS, in points (Rocks 2016; the Agresti–Coull idea of
/// adding pseudo-observations applied to the difference of two multinomial shares):
///
/// n' = n + 3, p' = (promoters + ¾)/n', d' = (detractors + ¾)/n',
/// s = p' − d', var = (p' + d' − s²)/n',
///
/// interval 100 · (s ∓ z·√var), clamped to [−100, 100].
pub fn nps_adjusted_wald(promoters: u64, detractors: u64, n: u64, z: f64) -> Option<[f64; 2]> {
    if n == 0 || promoters + detractors > n {
        return None;
    }
    let n_adj = n as f64 + 3.0;
    let p = (promoters as f64 + 0.75) / n_adj;
    let d = (detractors as f64 + 0.75) / n_adj;
    let s = p - d;
    let half = z * ((p + d - s * s) / n_adj).sqrt();
    Some([(100.0 * (s - half)).max(-100.0), (100.0 * (s + half)).min(100.0)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_a_worked_value() {
        // 81 of 100, z = 1.959964: statsmodels' proportion_confint(method="wilson") gives these.
        let [lo, hi] = wilson(81, 100, Z95).unwrap();
        assert!((lo - 0.722_211_545_442_307_7).abs() < 1e-12, "{lo}");
        assert!((hi - 0.874_852_485_320_914_8).abs() < 1e-12, "{hi}");
        assert_eq!(wilson(0, 0, Z95), None);
        let [lo, _] = wilson(0, 10, Z95).unwrap();
        assert_eq!(lo, 0.0);
    }

    #[test]
    fn nps_interval_is_around_the_adjusted_score() {
        assert_eq!(nps(50, 20, 100), Some(30.0));
        let [lo, hi] = nps_adjusted_wald(50, 20, 100, Z95).unwrap();
        assert!(
            lo < 30.0 && hi > 29.0 && hi - lo > 20.0 && hi - lo < 40.0,
            "{lo} {hi}"
        );
        let [lo, hi] = nps_adjusted_wald(10, 0, 10, Z95).unwrap();
        assert!(hi == 100.0 && lo > 40.0, "{lo} {hi}");
    }

    #[test]
    fn means_are_exact_sums_divided_once() {
        assert_eq!(mean_code(&[(1, 1), (3, 1)]), Some(2.0));
        assert_eq!(mean_code(&[]), None);
        assert_eq!(mean_of_sum(7, 2), Some(3.5));
    }
}
