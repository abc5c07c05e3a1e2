//! `trekant db import DIR` and `trekant db export DIR`, run as a user would: a folder of briefs
//! into a team server's database (one transaction, a report per brief) and back out (atomic,
//! never over a file without `--force`). Needs `TREKANT_TEST_DATABASE_URL`; skipped without it.

use super::cli::{code, scratch, stderr, stdout, trekant};
use super::team::{fresh_database, server};

#[test]
fn a_folder_goes_into_the_database_and_comes_back_out() {
    let Some(url) = server("a_folder_goes_into_the_database_and_comes_back_out") else {
        return;
    };
    let db = fresh_database(&url, "briefs");
    let dir = scratch("db-import");
    std::fs::write(dir.join("a.toml"), "[project]\nname = \"A\"\n").unwrap();
    std::fs::write(dir.join("b.toml"), "[project]\nname = \"B\"\n").unwrap();
    // Not briefs: a hidden file, another kind of file, a folder.
    std::fs::write(dir.join(".skjult.toml"), "x").unwrap();
    std::fs::write(dir.join("noter.txt"), "x").unwrap();
    std::fs::create_dir(dir.join("gammelt.toml")).unwrap();
    let folder = dir.to_str().unwrap();

    let first = trekant(&["db", "import", folder, "--db", &db, "--lang", "en"]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let text = stdout(&first);
    assert!(
        text.contains("added      a.toml\nadded      b.toml\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "2 briefs from {folder}: 2 added, 0 updated, 0 unchanged"
        )),
        "{text}"
    );

    let add = trekant(&[
        "user",
        "add",
        "lone@example.dk",
        "--name",
        "Lone",
        "--db",
        &db,
    ]);
    assert_eq!(code(&add), 0, "{}", stderr(&add));
    std::fs::write(dir.join("b.toml"), "[project]\nname = \"B 2\"\n").unwrap();
    std::fs::write(dir.join("c.toml"), "[project]\nname = \"C\"\n").unwrap();
    let second = trekant(&[
        "db",
        "import",
        folder,
        "--author",
        "LONE@example.dk",
        "--db",
        &db,
        "--lang",
        "da",
    ]);
    assert_eq!(code(&second), 0, "{}", stderr(&second));
    assert_eq!(
        stdout(&second),
        format!(
            "uændret    a.toml\nopdateret  b.toml (ny version)\ntilføjet   c.toml\n\
             3 opgaver fra {folder}: 1 tilføjet, 1 opdateret, 1 uændret\n"
        )
    );

    // An unknown author, a file that is not UTF-8: refused, exit 2, nothing imported.
    let nobody = trekant(&[
        "db", "import", folder, "--author", "x@y.dk", "--db", &db, "--lang", "en",
    ]);
    assert_eq!(code(&nobody), 2);
    assert!(stderr(&nobody).contains("no person with the e-mail address x@y.dk"));
    std::fs::write(dir.join("d.toml"), b"name = \"\xff\"\n").unwrap();
    let bad = trekant(&["db", "import", folder, "--db", &db, "--lang", "en"]);
    assert_eq!(code(&bad), 2);
    assert!(
        stderr(&bad).contains("d.toml is not UTF-8 text (the bytes stop making sense at byte 8)"),
        "{}",
        stderr(&bad)
    );
    std::fs::remove_file(dir.join("d.toml")).unwrap();

    // Out again: every latest text, as its name.
    let out = scratch("db-export").join("ud");
    let target = out.to_str().unwrap();
    let exported = trekant(&["db", "export", target, "--db", &db, "--lang", "en"]);
    assert_eq!(code(&exported), 0, "{}", stderr(&exported));
    assert!(
        stdout(&exported).ends_with(&format!("3 briefs written to {target}\n")),
        "{}",
        stdout(&exported)
    );
    for name in ["a.toml", "b.toml", "c.toml"] {
        assert_eq!(
            std::fs::read_to_string(out.join(name)).unwrap(),
            std::fs::read_to_string(dir.join(name)).unwrap(),
            "{name}"
        );
    }
    // Never over an existing file without --force, and then nothing at all is written.
    std::fs::write(out.join("b.toml"), "mine").unwrap();
    std::fs::remove_file(out.join("a.toml")).unwrap();
    let refused = trekant(&["db", "export", target, "--db", &db, "--lang", "en"]);
    assert_eq!(code(&refused), 2);
    assert!(
        stderr(&refused).contains("b.toml exists already, so nothing was written; give --force"),
        "{}",
        stderr(&refused)
    );
    assert!(!out.join("a.toml").exists());
    assert_eq!(std::fs::read_to_string(out.join("b.toml")).unwrap(), "mine");
    let forced = trekant(&["db", "export", target, "--force", "--db", &db]);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert_eq!(
        std::fs::read_to_string(out.join("b.toml")).unwrap(),
        "[project]\nname = \"B 2\"\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn import_and_export_say_what_is_wrong_with_their_folder_or_database() {
    let scratch_dir = scratch("db-import-wrong");
    let empty = scratch_dir.join("tom");
    std::fs::create_dir(&empty).unwrap();
    let sqlite = scratch_dir.join("h.db");
    let sqlite = sqlite.to_str().unwrap();
    let empty = empty.to_str().unwrap();
    for args in [
        vec!["db", "import", empty, "--db", sqlite, "--lang", "en"],
        vec!["db", "export", empty, "--db", sqlite, "--lang", "en"],
    ] {
        let out = trekant(&args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(
            stderr(&out).contains("no .toml files") || stderr(&out).contains("needs PostgreSQL"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let missing = trekant(&[
        "db",
        "import",
        "/findes/ikke",
        "--db",
        sqlite,
        "--lang",
        "da",
    ]);
    assert_eq!(code(&missing), 2);
    assert!(
        stderr(&missing).contains("/findes/ikke er ikke en mappe"),
        "{}",
        stderr(&missing)
    );
    let Some(url) = server("import_and_export_say_what_is_wrong") else {
        return;
    };
    let db = fresh_database(&url, "briefs_empty");
    let none = trekant(&["db", "export", empty, "--db", &db, "--lang", "en"]);
    assert_eq!(code(&none), 0, "{}", stderr(&none));
    assert!(stdout(&none).contains("holds no briefs yet"));
}
