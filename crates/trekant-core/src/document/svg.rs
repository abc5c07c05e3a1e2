//! Charts as SVG, written by hand so they are deterministic and self-contained: the
//! distribution of the price with the budget marked, and of the finish date with the
//! deadline marked. Used inline in the HTML proposal.

use std::fmt::Write;

/// One chart: a histogram of samples with an optional limit line.
pub(crate) struct Histogram<'a> {
    /// Samples, sorted ascending.
    pub sorted: &'a [f64],
    pub title: &'a str,
    /// A vertical line: the client's budget or deadline, with its label.
    pub limit: Option<(f64, String)>,
    /// A second line: the quoted price or date.
    pub quote: Option<(f64, String)>,
    /// Writes an axis value.
    pub fmt: &'a dyn Fn(f64) -> String,
    /// Samples are whole numbers (working days): one bar per value, no gaps.
    pub discrete: bool,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 264.0;
const LEFT: f64 = 16.0;
const RIGHT: f64 = 16.0;
/// The plot starts below the title and two rows of line labels: a label sits above the
/// lines, so it never crosses the other line, and on its own row, so never the other label.
const TOP: f64 = 64.0;
/// Where the first row of line labels sits (its baseline).
const LABEL_ROW: f64 = 40.0;
/// About how wide a character of a 12 px semibold label is.
const CHAR_WIDTH: f64 = 7.0;
const BOTTOM: f64 = 44.0;
const BINS: usize = 40;

/// Escapes text for SVG/XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders the histogram as a standalone `<svg>` element.
pub(crate) fn histogram(chart: &Histogram) -> String {
    let sorted = chart.sorted;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{title}" font-family="inherit" font-size="12">"##,
        title = escape(chart.title)
    );
    let _ = write!(
        svg,
        r##"<text x="{LEFT}" y="18" font-size="14" font-weight="600" fill="#1f2933">{}</text>"##,
        escape(chart.title)
    );
    if sorted.is_empty() {
        svg.push_str("</svg>");
        return svg;
    }
    let at = |q: f64| sorted[((q * sorted.len() as f64) as usize).min(sorted.len() - 1)];
    let (mut lo, mut hi) = (at(0.005), at(0.995));
    for (value, _) in chart.limit.iter().chain(chart.quote.iter()) {
        if value.is_finite() {
            lo = lo.min(*value);
            hi = hi.max(*value);
        }
    }
    let (pad, bins) = if chart.discrete {
        // One bar per whole value, centred on it.
        (0.5, ((hi - lo).round() as usize + 1).clamp(1, 120))
    } else {
        (((hi - lo) * 0.04).max(hi.abs() * 1e-3).max(1e-9), BINS)
    };
    let (lo, hi) = (lo - pad, hi + pad);
    let mut counts = vec![0usize; bins];
    for v in sorted {
        let bin = ((v - lo) / (hi - lo) * bins as f64).floor();
        if bin >= 0.0 && bin < bins as f64 {
            counts[bin as usize] += 1;
        }
    }
    let peak = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x_of = |v: f64| LEFT + (v - lo) / (hi - lo) * plot_w;
    let bar_w = plot_w / bins as f64;
    for (i, count) in counts.iter().enumerate() {
        if *count == 0 {
            continue;
        }
        let h = *count as f64 / peak * plot_h;
        let _ = write!(
            svg,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#9fb3c8"/>"##,
            LEFT + i as f64 * bar_w + 0.5,
            TOP + plot_h - h,
            (bar_w - 1.0).max(0.5),
            h
        );
    }
    let base = TOP + plot_h;
    let _ = write!(
        svg,
        r##"<line x1="{LEFT}" y1="{base}" x2="{:.1}" y2="{base}" stroke="#52606d"/>"##,
        WIDTH - RIGHT
    );
    let _ = write!(
        svg,
        r##"<text x="{LEFT}" y="{:.1}" fill="#52606d">{}</text><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#52606d">{}</text>"##,
        base + 16.0,
        escape(&(chart.fmt)(lo + pad)),
        WIDTH - RIGHT,
        base + 16.0,
        escape(&(chart.fmt)(hi - pad))
    );
    let mut line = |value: f64, label: &str, colour: &str, dash: &str, row: f64| {
        if !value.is_finite() {
            return;
        }
        let x = x_of(value);
        // Centred over its line, kept inside the chart.
        let half = label.chars().count() as f64 * CHAR_WIDTH / 2.0;
        let tx = x.clamp(LEFT + half, (WIDTH - RIGHT - half).max(LEFT + half));
        let y = LABEL_ROW + row * 14.0;
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{base}" stroke="{colour}" stroke-width="2"{dash}/><text x="{tx:.1}" y="{y:.1}" text-anchor="middle" fill="{colour}" font-weight="600">{}</text>"##,
            TOP - 4.0,
            escape(label)
        );
    };
    if let Some((value, label)) = &chart.limit {
        line(*value, label, "#c0392b", r#" stroke-dasharray="6 4""#, 0.0);
    }
    if let Some((value, label)) = &chart.quote {
        line(*value, label, "#1f6f43", "", 1.0);
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line label's x-range and baseline.
    type Label = (f64, f64, f64);
    /// A line's x and top.
    type Line = (f64, f64);

    /// The line labels and the lines of a chart.
    fn labels_and_lines(svg: &str) -> (Vec<Label>, Vec<Line>) {
        let attr = |tag: &str, name: &str| -> f64 {
            let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            tag[at..].split('"').next().unwrap().parse().unwrap()
        };
        let mut labels = Vec::new();
        for part in svg.split("<text").skip(1) {
            if part.contains("text-anchor=\"middle\"") {
                let text = part.split('>').nth(1).unwrap().split('<').next().unwrap();
                let half = text.chars().count() as f64 * CHAR_WIDTH / 2.0;
                let x = attr(part, "x");
                labels.push((x - half, x + half, attr(part, "y")));
            }
        }
        let lines = svg
            .split("<line")
            .skip(1)
            .filter(|l| l.contains("stroke-width=\"2\""))
            .map(|l| (attr(l, "x1"), attr(l, "y1")))
            .collect();
        (labels, lines)
    }

    #[test]
    fn line_labels_never_cross_the_other_line_or_label() {
        let sorted: Vec<f64> = (0..1000).map(f64::from).collect();
        let fmt = |v: f64| format!("{v:.0}");
        // Close together, far apart, at either edge, in either order.
        for (limit, quote) in [(500.0, 510.0), (10.0, 990.0), (990.0, 985.0), (0.0, 2.0)] {
            let svg = histogram(&Histogram {
                sorted: &sorted,
                title: "t",
                limit: Some((limit, "deadline 15. februar 2027".into())),
                quote: Some((quote, "P80 19. februar 2027".into())),
                fmt: &fmt,
                discrete: true,
            });
            let (labels, lines) = labels_and_lines(&svg);
            assert_eq!((labels.len(), lines.len()), (2, 2), "{svg}");
            // On different rows, so never on top of each other.
            assert!((labels[0].2 - labels[1].2).abs() >= 14.0);
            for (from, to, y) in &labels {
                assert!(*from >= 0.0 && *to <= WIDTH, "a label leaves the chart");
                for (_, top) in &lines {
                    // Every line starts below every label's baseline.
                    assert!(top > y, "{limit} {quote}: a line crosses a label");
                }
            }
        }
    }

    #[test]
    fn draws_bars_and_an_escaped_limit() {
        let sorted: Vec<f64> = (0..1000).map(|i| f64::from(i) * 10.0).collect();
        let fmt = |v: f64| format!("{v:.0}");
        let svg = histogram(&Histogram {
            sorted: &sorted,
            title: "Price <script>",
            limit: Some((5000.0, "budget <b>".into())),
            quote: None,
            fmt: &fmt,
            discrete: false,
        });
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.matches("<rect").count() >= BINS - 2);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        assert!(svg.contains("budget &lt;b&gt;"));
        // Deterministic.
        let again = histogram(&Histogram {
            sorted: &sorted,
            title: "Price <script>",
            limit: Some((5000.0, "budget <b>".into())),
            quote: None,
            fmt: &fmt,
            discrete: false,
        });
        assert_eq!(svg, again);
    }
}
