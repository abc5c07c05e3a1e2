//! The team's briefs in PostgreSQL: created once, every save a new version with its author,
//! a save from a stale version refused with the current entity tag — also when two threads
//! race — and a folder imported in one transaction. Needs `TREKANT_TEST_DATABASE_URL`; each
//! test says it is skipped without it.

use trekant_store::{NewUser, PgStore, Role, StoreError, User, etag_of};

use super::pg::{fresh, url};

const KAFFE: &str = "[project]\nname = \"Kaffe Nord\"\n";

fn person(store: &PgStore, email: &str, name: &str) -> User {
    store
        .add_user(&NewUser {
            email,
            name,
            role: Role::Member,
            password: "a long enough password",
        })
        .unwrap()
}

#[test]
fn a_brief_is_created_once_and_every_save_is_a_version_with_its_author() {
    let Some(url) = url("a_brief_is_created_once") else {
        return;
    };
    let store = fresh(&url);
    let lone = person(&store, "lone@example.dk", "Lone");
    let mads = person(&store, "mads@example.dk", "Mads");

    let first = store
        .create_brief("kaffe.toml", KAFFE, Some(&lone))
        .unwrap();
    assert_eq!(first, etag_of(KAFFE.as_bytes()), "the files' entity tag");
    let again = store.create_brief("kaffe.toml", "x", Some(&mads));
    assert!(
        matches!(&again, Err(StoreError::BriefExists(n)) if n == "kaffe.toml"),
        "{again:?}"
    );

    let second_text = format!("{KAFFE}client = \"Nord ApS\"\n");
    let saved = store
        .save_brief("kaffe.toml", &second_text, &first, Some(&mads))
        .unwrap();
    assert_eq!((saved.version, saved.changed), (2, true));
    assert_eq!(saved.etag, etag_of(second_text.as_bytes()));

    // Lone still has version 1 open: her save is refused, told the current tag and version.
    let stale = store.save_brief("kaffe.toml", "[project]\n", &first, Some(&lone));
    match stale {
        Err(StoreError::BriefChanged { etag, version, .. }) => {
            assert_eq!((etag.as_str(), version), (saved.etag.as_str(), 2));
        }
        other => panic!("{other:?}"),
    }
    // The same text again adds no version; `*` matches any version.
    let same = store
        .save_brief("kaffe.toml", &second_text, "*", Some(&lone))
        .unwrap();
    assert_eq!((same.version, same.changed), (2, false));

    let latest = store.read_brief("kaffe.toml").unwrap();
    assert_eq!(
        (latest.text.as_str(), latest.version.version),
        (second_text.as_str(), 2)
    );
    let one = store
        .read_brief_version("kaffe.toml", Some(1))
        .unwrap()
        .unwrap();
    assert_eq!(one.text, KAFFE);
    assert!(
        store
            .read_brief_version("kaffe.toml", Some(9))
            .unwrap()
            .is_none()
    );

    let versions = store.brief_versions("kaffe.toml").unwrap();
    let who: Vec<(u32, Option<&str>, Option<&str>)> = versions
        .iter()
        .map(|v| (v.version, v.author.as_deref(), v.author_email.as_deref()))
        .collect();
    assert_eq!(
        who,
        [
            (1, Some("Lone"), Some("lone@example.dk")),
            (2, Some("Mads"), Some("mads@example.dk"))
        ]
    );
    assert_eq!(versions[1].etag, saved.etag);
    assert!(versions[0].saved <= versions[1].saved);

    let list = store.briefs().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (
            list[0].name.as_str(),
            list[0].version,
            list[0].author.as_deref()
        ),
        ("kaffe.toml", 2, Some("Mads"))
    );

    for missing in [
        store.read_brief("nej.toml").map(|_| ()),
        store.brief_versions("nej.toml").map(|_| ()),
        store.save_brief("nej.toml", "x", "*", None).map(|_| ()),
    ] {
        assert!(
            matches!(&missing, Err(StoreError::NoSuchBrief(n)) if n == "nej.toml"),
            "{missing:?}"
        );
    }
    for bad in ["../kaffe.toml", "kaffe.txt", ".toml", ""] {
        let refused = store.create_brief(bad, KAFFE, None);
        assert!(
            matches!(refused, Err(StoreError::BadBriefName(_))),
            "{bad}: {refused:?}"
        );
    }
    let huge = "#".repeat(trekant_store::MAX_BRIEF_BYTES + 1);
    assert!(matches!(
        store.create_brief("stor.toml", &huge, None),
        Err(StoreError::BriefTooLarge { .. })
    ));
}

#[test]
fn two_saves_racing_from_one_version_exactly_one_wins() {
    let Some(url) = url("two_saves_racing_from_one_version") else {
        return;
    };
    let store = fresh(&url);
    let lone = person(&store, "lone@example.dk", "Lone");
    let mads = person(&store, "mads@example.dk", "Mads");
    let mut etag = store
        .create_brief("kaffe.toml", KAFFE, Some(&lone))
        .unwrap();
    let rounds = 12;
    for round in 0..rounds {
        let barrier = std::sync::Barrier::new(2);
        let results: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = [&lone, &mads]
                .into_iter()
                .map(|who| {
                    let (store, barrier, etag) = (store.clone(), &barrier, etag.clone());
                    scope.spawn(move || {
                        let text = format!("{KAFFE}# round {round} by {}\n", who.name);
                        barrier.wait();
                        (
                            text.clone(),
                            store.save_brief("kaffe.toml", &text, &etag, Some(who)),
                        )
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let won: Vec<_> = results.iter().filter(|(_, r)| r.is_ok()).collect();
        assert_eq!(won.len(), 1, "round {round}: {results:?}");
        let (text, saved) = won[0];
        let saved = saved.as_ref().unwrap();
        let lost = results.iter().find(|(_, r)| r.is_err()).unwrap();
        match &lost.1 {
            Err(StoreError::BriefChanged { etag, version, .. }) => {
                assert_eq!((etag, *version), (&saved.etag, saved.version));
            }
            other => panic!("round {round}: {other:?}"),
        }
        // Never a silent overwrite: the latest text is the winner's.
        assert_eq!(&store.read_brief("kaffe.toml").unwrap().text, text);
        etag = saved.etag.clone();
    }
    assert_eq!(
        store.brief_versions("kaffe.toml").unwrap().len(),
        rounds + 1
    );
}

#[test]
fn a_folder_is_imported_in_one_transaction_and_exported_by_name() {
    let Some(url) = url("a_folder_is_imported_in_one_transaction") else {
        return;
    };
    let store = fresh(&url);
    let lone = person(&store, "lone@example.dk", "Lone");
    let owned = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, t)| ((*n).to_string(), (*t).to_string()))
            .collect()
    };
    let first = store
        .import_briefs(&owned(&[("b.toml", "b"), ("a.toml", "a")]), None)
        .unwrap();
    assert_eq!(first.added, ["a.toml", "b.toml"]);
    let second = store
        .import_briefs(
            &owned(&[("a.toml", "a"), ("b.toml", "b2"), ("c.toml", "c")]),
            Some(&lone),
        )
        .unwrap();
    assert_eq!(
        (second.added, second.updated, second.unchanged),
        (
            vec!["c.toml".to_string()],
            vec!["b.toml".to_string()],
            vec!["a.toml".to_string()]
        )
    );
    let b = store.brief_versions("b.toml").unwrap();
    assert_eq!(
        b.iter().map(|v| v.author.as_deref()).collect::<Vec<_>>(),
        [None, Some("Lone")]
    );
    // One bad name: nothing of the import is written.
    let refused = store.import_briefs(&owned(&[("d.toml", "d"), ("e.txt", "e")]), None);
    assert!(matches!(refused, Err(StoreError::BadBriefName(_))));
    let twice = store.import_briefs(&owned(&[("d.toml", "d"), ("d.toml", "e")]), None);
    assert!(matches!(twice, Err(StoreError::Invalid(_))), "{twice:?}");
    assert_eq!(
        store.export_briefs().unwrap(),
        owned(&[("a.toml", "a"), ("b.toml", "b2"), ("c.toml", "c")])
    );
}
