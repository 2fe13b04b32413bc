//! Boundary files: GeoJSON (a `FeatureCollection` of polygons) and TopoJSON (a `Topology` whose
//! arcs are shared, quantized and delta-encoded), read into the same plain shapes: each territory's
//! code, name and polygons in longitude / latitude. A problem names the file, the line and column
//! of the feature it is in, and what was expected.

use crate::ingest::{Problem, ProblemKind};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// A point: longitude then latitude, in degrees.
pub type Point = [f64; 2];
/// A closed ring of points (the first is not repeated at the end).
pub type Ring = Vec<Point>;
/// A polygon: its outer ring, then its holes.
pub type Polygon = Vec<Ring>;

/// One territory of a boundary file.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// The code observations name the territory by (ISO, INSEE, ONS GeoCode…), as the file writes it.
    pub code: String,
    pub name: String,
    pub polygons: Vec<Polygon>,
}

/// The territories of a boundary file, in the file's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Boundaries {
    pub features: Vec<Feature>,
}

impl Boundaries {
    /// The territory with this code.
    pub fn feature(&self, code: &str) -> Option<&Feature> {
        self.features.iter().find(|f| f.code == code)
    }

    /// West, south, east and north of every point, or `None` without any.
    pub fn bounds(&self) -> Option<[f64; 4]> {
        let mut b = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for p in self
            .features
            .iter()
            .flat_map(|f| f.polygons.iter().flatten().flatten())
        {
            b = [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ];
        }
        b[0].is_finite().then_some(b)
    }
}

/// Properties that hold a territory's code, most specific first; a feature's own `id` comes after.
const CODE_KEYS: &[&str] = &[
    "code",
    "CODE",
    "GeoCode",
    "geocode",
    "GEOCODE",
    "iso_a3",
    "ISO_A3",
    "ADM0_A3",
    "iso3",
    "ISO3",
    "code_insee",
    "INSEE_COM",
    "insee",
    "INSEE",
    "codgeo",
    "CODGEO",
    "ref",
    "REF_AREA",
    "geo",
];
/// Properties that hold a territory's name.
const NAME_KEYS: &[&str] = &[
    "name", "NAME", "nom", "NOM", "libelle", "LIBELLE", "label", "NAME_EN", "name_en",
];

/// Reads a GeoJSON or TopoJSON text (`file` names it in problems).
pub fn read_boundaries(file: &str, text: &str) -> Result<Boundaries, Problem> {
    let body = text.trim_start_matches('\u{feff}');
    let top: Top = serde_json::from_str(body).map_err(|e| Problem::invalid_json(file, &e))?;
    let at = |raw: &RawValue, kind: ProblemKind| {
        let offset = (raw.get().as_ptr() as usize).saturating_sub(body.as_ptr() as usize);
        let (line, column) = line_column(body, offset);
        let found: String = raw.get().chars().take(40).collect();
        Problem::at(file, line, column, &found, kind)
    };
    let features = match top.kind.as_str() {
        "FeatureCollection" => top
            .features
            .iter()
            .map(|raw| {
                let f: GeoFeature = serde_json::from_str(raw.get())
                    .map_err(|_| at(raw, ProblemKind::BadGeometry))?;
                let polygons = f
                    .geometry
                    .as_ref()
                    .map(|g| geojson_polygons(g).ok_or_else(|| at(raw, ProblemKind::BadGeometry)))
                    .transpose()?
                    .unwrap_or_default();
                Ok(feature(f.id.as_ref(), f.properties.as_ref(), polygons))
            })
            .collect::<Result<Vec<_>, Problem>>()?,
        "Topology" => {
            let arcs = decode_arcs(&top.arcs, top.transform.as_ref());
            // The first object that holds polygons: `countries` in world-atlas, whatever a person's file names it.
            let object = top
                .objects
                .iter()
                .find(|(_, o)| o.kind == "GeometryCollection")
                .map(|(_, o)| o)
                .ok_or_else(|| Problem::at(file, 1, 1, "", ProblemKind::NotBoundaries))?;
            object
                .geometries
                .iter()
                .filter_map(|raw| {
                    let g: TopoGeometry = match serde_json::from_str(raw.get()) {
                        Ok(g) => g,
                        Err(_) => return Some(Err(at(raw, ProblemKind::BadGeometry))),
                    };
                    let polygons = match g.kind.as_str() {
                        "Polygon" => serde_json::from_value::<Vec<Vec<i64>>>(g.arcs.clone())
                            .ok()
                            .and_then(|p| topo_polygon(&p, &arcs))
                            .map(|p| vec![p]),
                        "MultiPolygon" => {
                            serde_json::from_value::<Vec<Vec<Vec<i64>>>>(g.arcs.clone())
                                .ok()
                                .and_then(|m| m.iter().map(|p| topo_polygon(p, &arcs)).collect())
                        }
                        // Points and lines are not territories; an empty geometry has no shape.
                        _ => return None,
                    };
                    Some(
                        polygons
                            .map(|p| feature(g.id.as_ref(), g.properties.as_ref(), p))
                            .ok_or_else(|| at(raw, ProblemKind::BadGeometry)),
                    )
                })
                .collect::<Result<Vec<_>, Problem>>()?
        }
        _ => {
            return Err(Problem::at(
                file,
                1,
                1,
                &top.kind,
                ProblemKind::NotBoundaries,
            ))
        }
    };
    if features.is_empty() {
        return Err(Problem::at(file, 1, 1, "", ProblemKind::NotBoundaries));
    }
    Ok(Boundaries { features })
}

#[derive(Deserialize)]
struct Top<'a> {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(borrow, default)]
    features: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    objects: std::collections::BTreeMap<String, TopoObject<'a>>,
    #[serde(default)]
    arcs: Vec<Vec<Vec<f64>>>,
    transform: Option<Transform>,
}

#[derive(Deserialize)]
struct TopoObject<'a> {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(borrow, default)]
    geometries: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct GeoFeature {
    id: Option<Value>,
    properties: Option<Map<String, Value>>,
    geometry: Option<Map<String, Value>>,
}

#[derive(Deserialize)]
struct TopoGeometry {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    arcs: Value,
    id: Option<Value>,
    properties: Option<Map<String, Value>>,
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn feature(
    id: Option<&Value>,
    props: Option<&Map<String, Value>>,
    polygons: Vec<Polygon>,
) -> Feature {
    let prop =
        |keys: &[&str]| props.and_then(|p| keys.iter().find_map(|k| p.get(*k).and_then(text_of)));
    let code = prop(CODE_KEYS)
        .or_else(|| id.and_then(text_of))
        .unwrap_or_default();
    let name = prop(NAME_KEYS).unwrap_or_else(|| code.clone());
    Feature {
        code,
        name,
        polygons,
    }
}

/// A GeoJSON geometry's polygons; `None` when its coordinates are not what its type says.
fn geojson_polygons(g: &Map<String, Value>) -> Option<Vec<Polygon>> {
    let coords = g.get("coordinates")?;
    let ring = |v: &Value| -> Option<Ring> {
        let mut r: Ring = v
            .as_array()?
            .iter()
            .map(|p| {
                let p = p.as_array()?;
                Some([p.first()?.as_f64()?, p.get(1)?.as_f64()?])
            })
            .collect::<Option<_>>()?;
        if r.len() > 1 && r.first() == r.last() {
            r.pop();
        }
        Some(r)
    };
    let polygon = |v: &Value| -> Option<Polygon> { v.as_array()?.iter().map(ring).collect() };
    match g.get("type")?.as_str()? {
        "Polygon" => Some(vec![polygon(coords)?]),
        "MultiPolygon" => coords.as_array()?.iter().map(polygon).collect(),
        _ => Some(Vec::new()),
    }
}

/// The arcs in degrees: delta-decoded and scaled when the topology is quantized.
fn decode_arcs(arcs: &[Vec<Vec<f64>>], transform: Option<&Transform>) -> Vec<Vec<Point>> {
    arcs.iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .filter(|p| p.len() >= 2)
                .map(|p| match transform {
                    Some(t) => {
                        x += p[0];
                        y += p[1];
                        [
                            x * t.scale[0] + t.translate[0],
                            y * t.scale[1] + t.translate[1],
                        ]
                    }
                    None => [p[0], p[1]],
                })
                .collect()
        })
        .collect()
}

/// A polygon from its rings' arc indexes (a negative index `!i` is arc `i` reversed); each arc after
/// the first drops its first point, which is the previous arc's last.
fn topo_polygon(rings: &[Vec<i64>], arcs: &[Vec<Point>]) -> Option<Polygon> {
    rings
        .iter()
        .map(|ring| {
            let mut out: Ring = Vec::new();
            for &i in ring {
                let (index, reversed) = if i < 0 {
                    (!i as usize, true)
                } else {
                    (i as usize, false)
                };
                let arc = arcs.get(index)?;
                let skip = usize::from(!out.is_empty());
                if reversed {
                    out.extend(arc.iter().rev().skip(skip));
                } else {
                    out.extend(arc.iter().skip(skip));
                }
            }
            if out.len() > 1 && out.first() == out.last() {
                out.pop();
            }
            Some(out)
        })
        .collect()
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARES: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"code": "76351", "nom": "Le Havre"},
   "geometry": {"type": "Polygon", "coordinates": [[[0, 49], [1, 49], [1, 50], [0, 50], [0, 49]]]}},
  {"type": "Feature", "id": "76217", "properties": {"name": "Harfleur"},
   "geometry": {"type": "MultiPolygon", "coordinates": [[[[1, 49], [2, 49], [2, 50]]], [[[3, 49], [4, 49], [4, 50]]]]}}
]}"#;

    #[test]
    fn geojson_features_keep_their_code_name_and_rings() {
        let b = read_boundaries("communes.geojson", SQUARES).unwrap();
        assert_eq!(b.features.len(), 2);
        let havre = b.feature("76351").unwrap();
        assert_eq!(havre.name, "Le Havre");
        assert_eq!(
            havre.polygons,
            vec![vec![vec![
                [0.0, 49.0],
                [1.0, 49.0],
                [1.0, 50.0],
                [0.0, 50.0]
            ]]]
        );
        let harfleur = b.feature("76217").unwrap();
        assert_eq!(
            (harfleur.name.as_str(), harfleur.polygons.len()),
            ("Harfleur", 2)
        );
        assert_eq!(b.bounds(), Some([0.0, 49.0, 4.0, 50.0]));
    }

    #[test]
    fn topojson_arcs_are_decoded_shared_and_reversed() {
        // Two unit squares side by side sharing the arc x = 1 (arc 1), quantized with scale 1.
        let topo = r#"{"type": "Topology",
          "transform": {"scale": [1, 1], "translate": [10, 40]},
          "arcs": [[[1, 0], [-1, 0], [0, 1], [1, 0]], [[1, 1], [0, -1]], [[1, 1], [1, 0], [0, -1], [-1, 0]]],
          "objects": {"regions": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "W", "properties": {"name": "West"}},
            {"type": "Polygon", "arcs": [[2, -2]], "id": 7}
          ]}}}"#;
        let b = read_boundaries("regions.topojson", topo).unwrap();
        let west = b.feature("W").unwrap();
        assert_eq!(west.name, "West");
        assert_eq!(
            west.polygons[0][0],
            vec![[11.0, 40.0], [10.0, 40.0], [10.0, 41.0], [11.0, 41.0]]
        );
        let east = b.feature("7").unwrap();
        assert_eq!(
            east.polygons[0][0],
            vec![[11.0, 41.0], [12.0, 41.0], [12.0, 40.0], [11.0, 40.0]]
        );
    }

    #[test]
    fn a_bad_file_is_refused_with_its_place() {
        let e = read_boundaries(
            "x.geojson",
            "{\"type\": \"FeatureCollection\",\n \"features\": [1,",
        )
        .unwrap_err();
        assert!(matches!(e.kind, ProblemKind::InvalidJson { .. }));
        assert_eq!(e.line, 2);
        let e = read_boundaries("x.json", r#"{"type": "Feature"}"#).unwrap_err();
        assert_eq!(
            (e.line, e.column, &e.kind),
            (1, 1, &ProblemKind::NotBoundaries)
        );
        let bad = "{\"type\": \"FeatureCollection\", \"features\": [\n  {\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 49], [1, \"north\"]]]}}\n]}";
        let e = read_boundaries("bad.geojson", bad).unwrap_err();
        assert_eq!(
            (e.line, e.column, &e.kind),
            (2, 3, &ProblemKind::BadGeometry)
        );
        assert!(e.found.starts_with("{\"geometry\""), "{}", e.found);
        let none = r#"{"type": "FeatureCollection", "features": []}"#;
        assert_eq!(
            read_boundaries("e.geojson", none).unwrap_err().kind,
            ProblemKind::NotBoundaries
        );
    }

    /// The world map Vigie ships: every country of Natural Earth's 1:110m admin-0 boundaries.
    #[test]
    fn reads_the_world_atlas_shipped_with_the_app() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/geo/countries-110m.json"
        );
        let b = read_boundaries(
            "countries-110m.json",
            &std::fs::read_to_string(path).unwrap(),
        )
        .unwrap();
        assert_eq!(b.features.len(), 177);
        let france = b.feature("250").unwrap();
        assert_eq!(france.name, "France");
        // Metropolitan France lies within these degrees (and French Guiana, part of the same feature, farther).
        assert!(france
            .polygons
            .iter()
            .flatten()
            .flatten()
            .any(|p| (-5.0..9.0).contains(&p[0]) && (42.0..51.5).contains(&p[1])));
        let [w, s, e, n] = b.bounds().unwrap();
        assert!(
            w >= -180.0 && e <= 180.0 && s >= -90.0 && n <= 90.0,
            "{w} {s} {e} {n}"
        );
    }
}
