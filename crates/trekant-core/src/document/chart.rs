//! Charts drawn with text for the terminal: the S-curve (cumulative probability) of a
//! simulated quantity, with the client's limit marked.

/// A marked value on a chart: the client's budget, say.
#[derive(Clone, Debug)]
pub struct Marker {
    pub value: f64,
    pub label: String,
}

use crate::stats::Ecdf;

const BLOCKS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Draws P(X ≤ x) over the 1st–99th percentile of `sorted` (ascending samples) as a filled
/// S-curve `width` columns wide and `height` rows high, with the marker's column drawn as a
/// vertical line. `fmt` writes the axis values.
pub fn s_curve(
    sorted: &[f64],
    marker: Option<&Marker>,
    width: usize,
    height: usize,
    fmt: impl Fn(f64) -> String,
) -> String {
    s_curve_of(sorted, marker, width, height, fmt)
}

/// [`s_curve`] of any [`Ecdf`]: a sorted slice, or the estimate's costs, which answer
/// without sorting.
pub fn s_curve_of<D: Ecdf + ?Sized>(
    sorted: &D,
    marker: Option<&Marker>,
    width: usize,
    height: usize,
    fmt: impl Fn(f64) -> String,
) -> String {
    let n = sorted.count();
    if n == 0 || width < 10 || height < 2 {
        return String::new();
    }
    let at = |q: f64| ((q * n as f64) as usize).min(n - 1);
    let ends = sorted.order_statistics(&[at(0.01), at(0.99)]);
    let (mut lo, mut hi) = (ends[0], ends[1]);
    if let Some(m) = marker.filter(|m| m.value.is_finite()) {
        // Keep the marker on the chart when it is near the distribution, not when it is far
        // out (a budget of a tenth of the price would squash the curve into one column).
        let span = (hi - lo).max(hi.abs() * 0.05).max(1e-9);
        if m.value < lo && m.value > lo - span {
            lo = m.value;
        }
        if m.value > hi && m.value < hi + span {
            hi = m.value;
        }
    }
    if hi <= lo {
        hi = lo + lo.abs().max(1.0) * 0.01;
    }
    let x_of = |col: usize| lo + (hi - lo) * (col as f64 + 0.5) / width as f64;
    let marker_col = marker.and_then(|m| {
        let col = ((m.value - lo) / (hi - lo) * width as f64).floor();
        (col >= 0.0 && col < width as f64).then_some(col as usize)
    });
    let xs: Vec<f64> = (0..width).map(x_of).collect();
    let levels: Vec<f64> = sorted
        .count_at_most(&xs)
        .into_iter()
        .map(|c| c as f64 / n as f64 * height as f64)
        .collect();

    let mut out = String::new();
    for row in (0..height).rev() {
        let label = match row {
            r if r == height - 1 => "100% ",
            r if r == height / 2 => " 50% ",
            0 => "  0% ",
            _ => "     ",
        };
        out.push_str(label);
        out.push('┤');
        for (col, level) in levels.iter().enumerate() {
            let fill = ((level - row as f64) * 8.0).round().clamp(0.0, 8.0) as usize;
            let c = if Some(col) == marker_col && fill < 8 {
                '│'
            } else {
                BLOCKS[fill]
            };
            out.push(c);
        }
        out.push('\n');
    }
    out.push_str("     └");
    out.push_str(&"─".repeat(width));
    out.push('\n');
    let (left, right) = (fmt(lo), fmt(hi));
    let gap = (width + 1).saturating_sub(left.chars().count() + right.chars().count());
    out.push_str(&format!("      {left}{}{right}\n", " ".repeat(gap)));
    if let (Some(m), Some(col)) = (marker, marker_col) {
        out.push_str(&format!("{}▲ {}\n", " ".repeat(6 + col), m.label));
    } else if let Some(m) = marker {
        let side = if m.value < lo { "◀" } else { "▶" };
        out.push_str(&format!("      {side} {}\n", m.label));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_rising_curve_with_the_marker() {
        let sorted: Vec<f64> = (0..1000).map(f64::from).collect();
        let marker = Marker {
            value: 500.0,
            label: "budget".into(),
        };
        let chart = s_curve(&sorted, Some(&marker), 40, 8, |v| format!("{v:.0}"));
        let rows: Vec<&str> = chart.lines().collect();
        assert_eq!(rows.len(), 8 + 3);
        // The top row is empty on the left and full on the right.
        let top: Vec<char> = rows[0].chars().skip(6).collect();
        assert_eq!(top[0], ' ');
        assert!(matches!(top.last(), Some('▇' | '█')), "{chart}");
        assert!(rows[0].contains('│'), "{chart}");
        assert!(rows.last().unwrap().ends_with("▲ budget"));
    }

    #[test]
    fn degenerate_samples_do_not_panic() {
        let chart = s_curve(&[5.0; 10], None, 20, 4, |v| format!("{v}"));
        assert!(chart.contains('█'));
        assert_eq!(s_curve(&[], None, 20, 4, |v| format!("{v}")), "");
    }
}
