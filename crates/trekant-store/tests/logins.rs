//! The team server's failed-login limits and the removal of people, on PostgreSQL: the
//! limits hold for guesses made at once from many threads (as from many `serve` processes),
//! and the last owner stays. Skipped without `TREKANT_TEST_DATABASE_URL`.

use std::time::Duration;

use trekant_store::{LoginAttempt, LoginLimits, NewUser, Removal, Role};

use super::pg::{fresh, url};

#[test]
fn guesses_at_once_get_no_more_attempts_than_the_limit() {
    let Some(url) = url("guesses_at_once_get_no_more_attempts_than_the_limit") else {
        return;
    };
    let store = fresh(&url);
    let limits = LoginLimits {
        per_email: 5,
        per_address: 8,
        window: Duration::from_secs(900),
    };
    let allowed = |email: &'static str, address: Option<&'static str>, n: usize| {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..n)
                .map(|_| scope.spawn(|| store.begin_login(email, address, &limits).unwrap()))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap())
                .filter(|a| *a == LoginAttempt::Allowed)
                .count()
        })
    };
    assert_eq!(allowed("anna@example.dk", None, 12), 5);
    // Blocked until the fifth most recent attempt leaves the window.
    let LoginAttempt::Blocked { retry_after } = store
        .begin_login("ANNA@example.dk ", None, &limits)
        .unwrap()
    else {
        panic!("the sixth attempt went through");
    };
    assert!(
        (880..=900).contains(&retry_after.as_secs()),
        "{retry_after:?}"
    );
    // A success forgets the address's failures.
    store.login_succeeded("anna@example.dk").unwrap();
    assert_eq!(allowed("anna@example.dk", None, 1), 1);
    // One client address, many e-mail addresses: its own limit, across all of them.
    let from = Some("192.0.2.7");
    let spread: usize = ["a@x.dk", "b@x.dk", "c@x.dk", "d@x.dk"]
        .into_iter()
        .map(|email| allowed(email, from, 3))
        .sum();
    assert_eq!(spread, 8);
    assert_eq!(
        allowed("e@x.dk", Some("192.0.2.8"), 1),
        1,
        "another address"
    );
}

#[test]
fn the_last_owner_cannot_be_removed_and_the_removed_lose_their_sessions() {
    let Some(url) = url("the_last_owner_cannot_be_removed") else {
        return;
    };
    let store = fresh(&url);
    let add = |email: &str, role| {
        store
            .add_user(&NewUser {
                email,
                name: email,
                role,
                password: "correct horse battery staple",
            })
            .unwrap()
    };
    let anna = add("anna@example.dk", Role::Owner);
    let bo = add("bo@example.dk", Role::Owner);
    let (token, _) = store
        .create_session(bo.id, Duration::from_secs(3600))
        .unwrap();
    assert!(store.session_user(&token).unwrap().is_some());
    assert_eq!(
        store.remove_user(bo.id).unwrap(),
        Removal::Removed(bo.clone())
    );
    assert_eq!(store.session_user(&token).unwrap(), None);
    assert_eq!(store.remove_user(bo.id).unwrap(), Removal::NoSuchUser);
    assert_eq!(
        store.remove_user(anna.id).unwrap(),
        Removal::LastOwner(anna.clone())
    );
    assert_eq!(store.user(anna.id).unwrap(), Some(anna.clone()));

    // The last two owners removing each other at once: one of them stays.
    let carl = add("carl@example.dk", Role::Owner);
    let store = &store;
    let results: Vec<Removal> = std::thread::scope(|scope| {
        [anna.id, carl.id]
            .map(|id| scope.spawn(move || store.remove_user(id).unwrap()))
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect()
    });
    let removed = results
        .iter()
        .filter(|r| matches!(r, Removal::Removed(_)))
        .count();
    assert_eq!(removed, 1, "{results:?}");
    let owners = store
        .users()
        .unwrap()
        .into_iter()
        .filter(|u| u.role == Role::Owner)
        .count();
    assert_eq!(owners, 1);
}
