//! From longitude / latitude to the map's pixels: the Equal Earth projection for a map that spans
//! much of the globe (areas kept, so a large country does not look larger than it is), a plain
//! equirectangular one, scaled by the cosine of the middle latitude, for a region or a city; fitted
//! into the drawing's box, and written as SVG path data.

use super::geo::{Boundaries, Point, Polygon};

/// How the sphere becomes a plane, before fitting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Projection {
    /// Šavrič, Patterson and Jenny's Equal Earth (2018).
    EqualEarth,
    /// x = longitude × cos(latitude₀), y = latitude.
    Equirectangular { cos_lat0: f64 },
}

impl Projection {
    /// The projection that suits boundaries spanning `bounds` (west, south, east, north).
    pub fn for_bounds(bounds: [f64; 4]) -> Projection {
        let [w, s, e, n] = bounds;
        if e - w > 90.0 || n - s > 60.0 {
            Projection::EqualEarth
        } else {
            Projection::Equirectangular {
                cos_lat0: ((s + n) / 2.0).to_radians().cos().max(0.1),
            }
        }
    }

    /// A point in the projection's plane, y pointing north.
    pub fn project(self, [lon, lat]: Point) -> (f64, f64) {
        match self {
            Projection::EqualEarth => {
                const A1: f64 = 1.340264;
                const A2: f64 = -0.081106;
                const A3: f64 = 0.000893;
                const A4: f64 = 0.003796;
                let m = 3f64.sqrt() / 2.0;
                let (l, p) = (lon.to_radians(), lat.clamp(-90.0, 90.0).to_radians());
                let t = (m * p.sin()).asin();
                let (t2, t6) = (t * t, t.powi(6));
                let x = l * t.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
                let y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
                (x, y)
            }
            Projection::Equirectangular { cos_lat0 } => (lon * cos_lat0, lat),
        }
    }
}

/// A projection fitted into a `width` × `height` box with `margin` pixels around.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub projection: Projection,
    scale: f64,
    x0: f64,
    y0: f64,
    pub width: f64,
    pub height: f64,
}

impl Fit {
    /// The fit that shows all of `boundaries`; `None` for a file without points. The height is
    /// the width's share the shapes need (at most `max_height`), so a tall region is not squashed.
    pub fn new(boundaries: &Boundaries, width: f64, max_height: f64, margin: f64) -> Option<Fit> {
        let projection = Projection::for_bounds(boundaries.bounds()?);
        let mut b = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for p in boundaries
            .features
            .iter()
            .flat_map(|f| f.polygons.iter().flatten().flatten())
        {
            let (x, y) = projection.project(*p);
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
        let (dx, dy) = ((b[2] - b[0]).max(1e-9), (b[3] - b[1]).max(1e-9));
        let inner_w = (width - 2.0 * margin).max(1.0);
        let height = (inner_w * dy / dx + 2.0 * margin).min(max_height);
        let scale = (inner_w / dx).min((height - 2.0 * margin).max(1.0) / dy);
        // Centred in the box.
        let x0 = (width - dx * scale) / 2.0 - b[0] * scale;
        let y0 = (height - dy * scale) / 2.0 + b[3] * scale;
        Some(Fit {
            projection,
            scale,
            x0,
            y0,
            width,
            height,
        })
    }

    /// The pixel of a point (y pointing down).
    pub fn pixel(&self, p: Point) -> (f64, f64) {
        let (x, y) = self.projection.project(p);
        (self.x0 + x * self.scale, self.y0 - y * self.scale)
    }

    /// SVG path data for polygons: one closed subpath per ring, to a tenth of a pixel, points that
    /// fall on the same tenth dropped. Holes are rings too; draw with `fill-rule: evenodd`.
    pub fn path(&self, polygons: &[Polygon]) -> String {
        let mut d = String::new();
        for ring in polygons.iter().flatten() {
            let mut last = None;
            let mut lon = None::<f64>;
            let mut n = 0;
            for p in ring {
                let (x, y) = self.pixel(*p);
                let q = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
                if last == Some(q) {
                    continue;
                }
                // A ring that crosses the antimeridian (Kiribati's atolls) would draw a line
                // across the whole map: it is broken there into two pieces.
                let jump = lon.is_some_and(|l| (p[0] - l).abs() > 180.0);
                lon = Some(p[0]);
                last = Some(q);
                if jump {
                    d.push('Z');
                    n = 0;
                }
                d.push(if n == 0 { 'M' } else { 'L' });
                push_tenths(&mut d, q.0);
                d.push(' ');
                push_tenths(&mut d, q.1);
                n += 1;
            }
            if n > 0 {
                d.push('Z');
            }
        }
        d
    }
}

/// Writes `tenths / 10` with at most one decimal (`125` → `12.5`, `120` → `12`).
fn push_tenths(out: &mut String, tenths: i64) {
    use std::fmt::Write;
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    let _ = if a % 10 == 0 {
        write!(out, "{sign}{}", a / 10)
    } else {
        write!(out, "{sign}{}.{}", a / 10, a % 10)
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::geo::Feature;

    fn square(w: f64, s: f64, size: f64) -> Boundaries {
        Boundaries {
            features: vec![Feature {
                code: "A".into(),
                name: "A".into(),
                polygons: vec![vec![vec![
                    [w, s],
                    [w + size, s],
                    [w + size, s + size],
                    [w, s + size],
                ]]],
            }],
        }
    }

    #[test]
    fn equal_earth_keeps_the_equator_and_greenwich_and_is_symmetric() {
        let p = Projection::EqualEarth;
        assert_eq!(p.project([0.0, 0.0]), (0.0, 0.0));
        let (x, y) = p.project([180.0, 0.0]);
        // The projection's published extent: x = ±2.7064 at the equator, y = ±1.3173 at the poles.
        assert!((x - 2.7064).abs() < 1e-3 && y == 0.0, "{x}");
        assert!((p.project([0.0, 90.0]).1 - 1.3173).abs() < 1e-3);
        let (a, b) = (p.project([30.0, 45.0]), p.project([-30.0, -45.0]));
        assert!((a.0 + b.0).abs() < 1e-12 && (a.1 + b.1).abs() < 1e-12);
        assert_eq!(
            Projection::for_bounds([-180.0, -60.0, 180.0, 85.0]),
            Projection::EqualEarth
        );
        assert!(matches!(
            Projection::for_bounds([0.0, 49.0, 1.0, 50.0]),
            Projection::Equirectangular { .. }
        ));
    }

    #[test]
    fn a_fit_centres_the_shapes_in_their_box_and_writes_tenths() {
        // A square degree at 60° north is half as wide as it is tall once projected.
        let b = square(10.0, 59.5, 1.0);
        let fit = Fit::new(&b, 200.0, 400.0, 10.0).unwrap();
        assert!(
            (fit.height - (180.0 / (60f64.to_radians().cos()) + 20.0)).abs() < 1.0,
            "{}",
            fit.height
        );
        let f = Fit::new(&b, 200.0, 100.0, 10.0).unwrap();
        assert_eq!(f.height, 100.0, "capped");
        let (x0, y0) = f.pixel([10.0, 60.5]);
        let (x1, y1) = f.pixel([11.0, 59.5]);
        assert!(
            (y0 - 10.0).abs() < 1e-9 && (y1 - 90.0).abs() < 1e-9,
            "{y0} {y1}"
        );
        assert!(((x0 + x1) / 2.0 - 100.0).abs() < 1e-9, "centred: {x0} {x1}");
        let d = f.path(&b.features[0].polygons);
        assert!(
            d.starts_with('M') && d.ends_with('Z') && d.matches('L').count() == 3,
            "{d}"
        );
        let mut s = String::new();
        push_tenths(&mut s, -125);
        s.push(' ');
        push_tenths(&mut s, 120);
        assert_eq!(s, "-12.5 12");
        assert_eq!(Fit::new(&Boundaries::default(), 200.0, 100.0, 0.0), None);
        // A ring across the antimeridian is broken at each crossing, not drawn across the map.
        let across = vec![vec![vec![
            [179.0, -1.0],
            [-179.0, -1.0],
            [-179.0, 1.0],
            [179.0, 1.0],
        ]]];
        let world = Fit::new(&square(-180.0, -60.0, 240.0), 400.0, 400.0, 0.0).unwrap();
        let d = world.path(&across);
        assert_eq!(
            (d.matches('M').count(), d.matches('Z').count()),
            (3, 3),
            "{d}"
        );
        assert!(!d.contains("L696"), "no stroke across the map: {d}");
    }
}
