//! `vigie-check` exit statuses and output: 0 when every file would import, 1 when any would be refused,
//! 2 on a usage error.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn check(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vigie-check"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn fixture(rel: &str) -> String {
    format!(
        "{}/tests/fixtures/{rel}",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
    )
}

#[test]
fn exit_statuses_and_reports() {
    let good = fixture("real/eurostat/teina200.tsv");
    let bad = fixture("bad/impossible_date.csv");
    let (code, out) = check(&[&good]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("would import") && out.contains("delimiter '\\t'"),
        "{out}"
    );
    let (code, out) = check(&[&good, &bad]);
    assert_eq!(code, 1);
    assert!(
        out.contains("impossible_date.csv:2:1: expected a date that exists, found `2019-02-30`"),
        "{out}"
    );
    assert_eq!(check(&[]).0, 2);
    assert_eq!(check(&["--nope", &good]).0, 2);
    let (code, out) = check(&["--json", &good]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v[0]["ok"], true);
    assert_eq!(v[0]["counts"]["indicators"], 1);
    assert!(v[0].get("kpi").is_some());
}

#[test]
fn problems_are_written_in_the_language_asked_for() {
    let bad = fixture("bad/impossible_date.csv");
    let (code, out) = check(&["--lang", "fr", &bad]);
    assert_eq!(code, 1);
    assert!(
        out.contains("impossible_date.csv:2:1: attendu une date qui existe, trouvé « 2019-02-30 »"),
        "{out}"
    );
    for lang in ["fr", "en"] {
        let (code, out) = check(&["--json", "--lang", lang, &bad]);
        assert_eq!(code, 1);
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        let p = &v[0]["problems"][0];
        assert_eq!(
            (p["line"].as_u64(), p["column"].as_u64()),
            (Some(2), Some(1))
        );
        assert_eq!(p["kind"]["type"], "NoSuchDate", "{p}");
        assert_eq!(p["found"], "2019-02-30");
        let expected = if lang == "fr" {
            "une date qui existe"
        } else {
            "a date that exists"
        };
        assert_eq!(p["expected"], expected, "{p}");
        assert!(
            p["message"]
                .as_str()
                .is_some_and(|m| m.starts_with(&bad) && m.contains(expected)),
            "{p}"
        );
    }
    // English by default, and only `en` or `fr`.
    let (_, out) = check(&["--json", &bad]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v[0]["problems"][0]["expected"], "a date that exists");
    assert_eq!(check(&["--lang", "de", &bad]).0, 2);
    assert_eq!(check(&[&bad, "--lang"]).0, 2);
}

#[test]
fn open_sdg_metadata_is_found_next_to_the_data() {
    let (code, out) = check(&[&fixture("real/open-sdg-ons/data/indicator_1-4-2.csv")]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Percentage of people who feel their tenure is secure"),
        "{out}"
    );
}

#[test]
fn metadata_given_beside_its_data_is_read_with_it_not_refused() {
    let data = fixture("real/open-sdg-starter/data/indicator_1-1-1.csv");
    let meta = fixture("real/open-sdg-starter/meta/1-1-1.yml");
    let (code, out) = check(&["--json", &data, &meta]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert!(v[0]["indicators"][0]["name"]
        .as_str()
        .is_some_and(|n| n.contains("Proportion of the population")));
    // Alone, a metadata file is refused: it holds no values.
    assert_eq!(check(&[&meta]).0, 1);
}

#[test]
fn json_carries_the_kpi_results_the_page_shows() {
    let package = format!(
        "{}/public/data/lhsm/datapackage.json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
    );
    let (code, out) = check(&["--json", "--as-of", "2024-12-31", &package]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let kpi = &v[0]["kpi"];
    assert_eq!(kpi["options"]["as_of"]["year"], 2024);
    let jury = kpi["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "icc2-solutions-selected")
        .unwrap();
    assert_eq!(jury["status"], "target_achieved");
    assert_eq!(jury["progress"]["rate"], 100.0);
    assert!(jury["progress"]["formula"]["numeric"]["fr"]
        .as_str()
        .unwrap()
        .contains("= 100"));
    let co2 = kpi["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "a3-co2")
        .unwrap();
    assert!((co2["progress"]["rate"].as_f64().unwrap() - 100.0 * 550.0 / 1200.0).abs() < 1e-9);
    assert!(kpi["programme"]["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["indicator"] == "icc2-local-impact"));
    let (code, _) = check(&["--as-of", "2024-13-01", &package]);
    assert_eq!(code, 2, "a bad date is a usage error");
}

#[test]
fn a_reader_that_stops_early_ends_the_checker_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // The same file many times: more output than a pipe holds, so writing goes on after the
    // reader has gone (as with `vigie-check … | head -1`).
    let good = fixture("real/eurostat/teina200.tsv");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie-check"))
        .args(std::iter::repeat_n(good.as_str(), 2_000))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("would import"), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(141));
}

#[test]
fn options_from_the_import_page_apply_to_every_file() {
    let dir = std::env::temp_dir().join(format!("vigie-check-options-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("zones.csv");
    std::fs::write(
        &csv,
        "zone;indicateur;annee;valeur\nnord;co2;2020;3 200,5\nsud;co2;2020;1 200\nnord;co2;2021;3 100\nsud;co2;2021;1 100\n",
    )
    .unwrap();
    let csv = csv.to_string_lossy().into_owned();
    let (code, out) = check(&[&csv]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 indicators, 2 series, 4 observations"),
        "{out}"
    );
    // The territory as the indicator, the indicator column ignored, a name and a unit given: as the
    // page's "settings for vigie-check" would say.
    let good = dir.join("settings.json");
    std::fs::write(
        &good,
        r#"{"roles": ["Indicator", "Ignore", "Period", "Value"], "indicator": {"unit": "t"}}"#,
    )
    .unwrap();
    let (code, out) = check(&["--json", "--options", &good.to_string_lossy(), &csv]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["counts"]["indicators"], 2, "{out}");
    assert_eq!(v[0]["indicators"][0]["unit"], "t", "{out}");
    // A bad settings file is a usage error located in that file.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\n  \"roles\": [\"Nope\"]\n}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vigie-check"))
        .args(["--options", &bad.to_string_lossy(), &csv])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.json:2:") && err.contains("expected import options in JSON"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A folder of its own under the system's temporary folder, emptied first.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-check-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir
}

fn package(dir: &std::path::Path, path: &str) -> String {
    let text = format!(
        "{{\"name\": \"p\", \"resources\": [\n  {{\"name\": \"data\", \"path\": {}}}\n]}}\n",
        serde_json::to_string(path).unwrap()
    );
    let f = dir.join("datapackage.json");
    std::fs::write(&f, text).unwrap();
    f.to_string_lossy().into_owned()
}

#[test]
fn a_package_never_makes_the_checker_open_a_file_outside_its_folder() {
    let secret_dir = scratch("secret");
    let secret = secret_dir.join("passwd");
    std::fs::write(&secret, "name,period,value\nroot-secret,2020,1\n").unwrap();
    let dir = scratch("pkg");

    // By its text: a path that climbs out, an absolute path, a URL, each refused and located.
    let climb = "../".repeat(12) + secret.to_string_lossy().trim_start_matches('/');
    for (path, reason) in [
        (climb.as_str(), "`..` is refused"),
        (
            &*secret.to_string_lossy(),
            "a path from the disk's root is refused",
        ),
        ("file:///etc/passwd", "URLs are refused"),
    ] {
        let f = package(&dir, path);
        let (code, out) = check(&[&f]);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains("datapackage.json:2:")
                && out.contains("resources[0].path (`data`)")
                && out.contains(reason),
            "{path}: {out}"
        );
        assert!(!out.contains("root-secret"), "{out}");
    }

    // By a link: a file, then a folder, inside the package that lead out of it.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, dir.join("data.csv")).unwrap();
        std::os::unix::fs::symlink(&secret_dir, dir.join("sub")).unwrap();
        for path in ["data.csv", "sub/passwd"] {
            let f = package(&dir, path);
            let out = Command::new(env!("CARGO_BIN_EXE_vigie-check"))
                .arg(&f)
                .output()
                .unwrap();
            let (stdout, stderr) = (
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr),
            );
            assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
            assert!(stderr.contains("outside the package's folder"), "{stderr}");
            assert!(!stdout.contains("root-secret"), "{stdout}");
        }
        // The same file copied inside the folder is read: the refusal was the link's, not the file's.
        std::fs::remove_file(dir.join("data.csv")).unwrap();
        std::fs::copy(&secret, dir.join("data.csv")).unwrap();
        let (code, out) = check(&[&package(&dir, "data.csv")]);
        assert_eq!(code, 0, "{out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&secret_dir);
}
