//! parse_response and Discovery against the emulator's real Autodiscover output.
//!
//! Compiled only under `#[cfg(test)]` (declared so in `autodiscover/mod.rs`).

use std::sync::Arc;

use super::*;
use crate::emulator::autodiscover::{Autodiscover, Redirect};
use crate::emulator::users::Users;

const BASE: &str = "http://127.0.0.1:1";
const ALICE: &str = "alice@contoso.example";

fn service() -> Autodiscover {
    Autodiscover::new(Arc::new(Users::demo_seeded(1)))
}

/// What the emulator answers for `email` (Error 600/601 as the HTTP handler would send them).
fn answer(service: &Autodiscover, email: &str) -> String {
    service
        .answer(request_xml(email).as_bytes(), Some("1"), BASE)
        .unwrap_or_else(|e| e.response_xml(1))
}

#[test]
fn request_is_accepted_by_the_emulator() {
    let req = crate::emulator::autodiscover::parse_request(request_xml("a&b@x.example").as_bytes())
        .unwrap();
    assert_eq!(req.email_address.as_deref(), Some("a&b@x.example"));
    assert_eq!(req.acceptable_response_schema, RESPONSE_SCHEMA);
    let headers = request_headers(ALICE);
    assert!(headers.contains(&("X-MapiHttpCapability", "1".to_owned())));
    assert!(headers.contains(&("X-AnchorMailbox", ALICE.to_owned())));
    assert!(headers.contains(&("Content-Type", "text/xml".to_owned())));
}

#[test]
fn candidates_in_standard_order() {
    assert_eq!(
        candidate_urls("Alice@Contoso.Example"),
        vec![
            "https://contoso.example/autodiscover/autodiscover.xml".to_owned(),
            "https://autodiscover.contoso.example/autodiscover/autodiscover.xml".to_owned(),
        ]
    );
    assert!(candidate_urls("no-domain").is_empty());
    assert!(candidate_urls("a@evil.example/x").is_empty());
}

#[test]
fn settings_from_emulator() {
    let s = service();
    let users = Arc::clone(s.users());
    let entry = users.find_login("alice").unwrap();
    let Answer::Settings(settings) = parse_response(answer(&s, ALICE).as_bytes()).unwrap() else {
        panic!("not settings");
    };
    assert_eq!(
        settings.display_name.as_deref(),
        Some(entry.user.display_name.as_str())
    );
    assert_eq!(
        settings.legacy_dn.as_deref(),
        Some(entry.user.legacy_dn.as_str())
    );
    assert_eq!(settings.smtp_address.as_deref(), Some(ALICE));
    assert_eq!(settings.mapi_http_version, Some(1));
    let store = s.mail_store_url(BASE, entry);
    let nspi = s.address_book_url(BASE, entry);
    assert_eq!(settings.mailbox.internal.as_deref(), Some(store.as_str()));
    assert_eq!(settings.mailbox.preferred(), Some(store.as_str()));
    assert_eq!(
        settings.address_book.external.as_deref(),
        Some(nspi.as_str())
    );
}

#[test]
fn without_capability_there_is_no_mapi_http() {
    let xml = service()
        .answer(request_xml(ALICE).as_bytes(), None, BASE)
        .unwrap();
    assert_eq!(
        parse_response(xml.as_bytes()),
        Err(AutodiscoverError::NoMapiHttp)
    );
}

#[test]
fn unknown_address_is_a_server_error() {
    let xml = answer(&service(), "nobody@contoso.example");
    assert_eq!(
        parse_response(xml.as_bytes()),
        Err(AutodiscoverError::Server {
            code: 500,
            message: "The email address can't be found.".into()
        })
    );
}

#[test]
fn redirects_from_emulator() {
    let s = service()
        .with_redirect("old@contoso.example", Redirect::Addr(ALICE.into()))
        .with_redirect(
            "moved@contoso.example",
            Redirect::Url("https://mail.contoso.example/autodiscover/autodiscover.xml".into()),
        );
    assert_eq!(
        parse_response(answer(&s, "old@contoso.example").as_bytes()),
        Ok(Answer::RedirectAddr(ALICE.into()))
    );
    assert_eq!(
        parse_response(answer(&s, "moved@contoso.example").as_bytes()),
        Ok(Answer::RedirectUrl(
            "https://mail.contoso.example/autodiscover/autodiscover.xml".into()
        ))
    );
}

#[test]
fn prefixes_are_tolerated() {
    let xml = answer(&service(), ALICE)
        .replace("<Autodiscover xmlns=", "<a:Autodiscover xmlns:a=")
        .replace("</Autodiscover>", "</a:Autodiscover>");
    assert!(matches!(
        parse_response(xml.as_bytes()),
        Ok(Answer::Settings(_))
    ));
}

#[test]
fn malformed_is_refused() {
    let settings = answer(&service(), ALICE);
    let cut = settings.get(..settings.len() / 2).unwrap();
    for bad in [
        "".to_owned(),
        "not xml".to_owned(),
        cut.to_owned(),
        "<Other/>".to_owned(),
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><Autodiscover/>".to_owned(),
        settings.replace("Alice", "&x;"),
        "<Autodiscover><Response><Account><Action>redirectAddr</Action></Account></Response></Autodiscover>".to_owned(),
        "<Autodiscover><Response><Account><Action>dance</Action></Account></Response></Autodiscover>".to_owned(),
    ] {
        assert!(
            matches!(parse_response(bad.as_bytes()), Err(AutodiscoverError::Malformed(_))),
            "{bad}"
        );
    }
    let deep = format!("<Autodiscover>{}", "<a>".repeat(100));
    assert!(parse_response(deep.as_bytes()).is_err());
    let huge = format!("<Autodiscover>{}</Autodiscover>", " ".repeat(MAX_RESPONSE));
    assert_eq!(
        parse_response(huge.as_bytes()),
        Err(AutodiscoverError::TooLarge)
    );
}

/// Runs `discovery` with every request answered by `service` (no network).
fn drive(
    service: &Autodiscover,
    mut d: Discovery,
) -> (Result<Settings, AutodiscoverError>, Vec<Request>) {
    let mut sent = Vec::new();
    while let Some(req) = d.next_request() {
        let email = d.email().to_owned();
        sent.push(req.clone());
        let step =
            if req.url.starts_with(BASE) || req.url.starts_with("https://mail.contoso.example") {
                d.on_response(200, answer(service, &email).as_bytes())
            } else {
                d.on_transport_error("no route")
            };
        match step {
            Step::Done(s) => return (Ok(s), sent),
            Step::Failed(e) => return (Err(e), sent),
            Step::Next => {}
        }
    }
    (Err(AutodiscoverError::NotWaiting), sent)
}

const FIRST: &str = "http://127.0.0.1:1/autodiscover/autodiscover.xml";

#[test]
fn discovery_walks_candidates_then_finds() {
    // No injected URL: both derived candidates fail.
    let (r, sent) = drive(&service(), Discovery::new(ALICE, DEFAULT_MAX_HOPS));
    let Err(AutodiscoverError::AllCandidatesFailed(f)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(f.len(), 2);
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|r| r.authorize));
    // Injected first URL answers.
    let (r, sent) = drive(
        &service(),
        Discovery::new(ALICE, DEFAULT_MAX_HOPS).with_first_url(FIRST),
    );
    assert_eq!(r.unwrap().smtp_address.as_deref(), Some(ALICE));
    assert_eq!(sent.len(), 1);
}

#[test]
fn discovery_walks_past_http_failures() {
    let mut d = Discovery::new(ALICE, 10);
    let first = d.next_request().unwrap();
    assert_eq!(
        first.url,
        "https://contoso.example/autodiscover/autodiscover.xml"
    );
    assert_eq!(d.on_response(404, b"<html/>"), Step::Next);
    let second = d.next_request().unwrap();
    assert!(second.url.starts_with("https://autodiscover."));
    let body = answer(&service(), ALICE);
    assert!(matches!(d.on_response(200, body.as_bytes()), Step::Done(_)));
    assert_eq!(d.next_request(), None);
    assert_eq!(
        d.on_response(200, body.as_bytes()),
        Step::Failed(AutodiscoverError::NotWaiting)
    );
}

#[test]
fn discovery_unknown_address_is_final() {
    let (r, sent) = drive(
        &service(),
        Discovery::new("nobody@contoso.example", 10).with_first_url(FIRST),
    );
    assert!(matches!(
        r,
        Err(AutodiscoverError::Server { code: 500, .. })
    ));
    assert_eq!(sent.len(), 1);
}

#[test]
fn discovery_follows_redirect_addr() {
    let s = service().with_redirect("old@contoso.example", Redirect::Addr(ALICE.into()));
    let (r, sent) = drive(
        &s,
        Discovery::new("old@contoso.example", 10).with_first_url(FIRST),
    );
    assert_eq!(r.unwrap().smtp_address.as_deref(), Some(ALICE));
    assert_eq!(sent.len(), 2);
    assert_eq!(
        sent[1]
            .headers
            .iter()
            .find(|h| h.0 == "X-AnchorMailbox")
            .unwrap()
            .1,
        ALICE
    );
    assert!(sent[1].body.contains(ALICE));
}

#[test]
fn discovery_follows_redirect_url() {
    let to = "https://mail.contoso.example/autodiscover/autodiscover.xml";
    let mut d = Discovery::new(ALICE, 10).with_first_url(FIRST);
    let _ = d.next_request().unwrap();
    let redirect = service().with_redirect(ALICE, Redirect::Url(to.into()));
    assert_eq!(
        d.on_response(200, answer(&redirect, ALICE).as_bytes()),
        Step::Next
    );
    let next = d.next_request().unwrap();
    assert_eq!(next.url, to);
    assert!(next.authorize, "subdomain of the address's domain");
    assert!(matches!(
        d.on_response(200, answer(&service(), ALICE).as_bytes()),
        Step::Done(_)
    ));
    assert_eq!(d.hops(), 1);
}

#[test]
fn foreign_redirect_gets_no_credentials_and_http_is_refused() {
    let mut d = Discovery::new(ALICE, 10);
    let _ = d.next_request().unwrap();
    assert_eq!(
        d.on_http_redirect("https://evil.example/autodiscover/autodiscover.xml"),
        Step::Next
    );
    assert!(!d.next_request().unwrap().authorize);
    let mut d = Discovery::new(ALICE, 10);
    let _ = d.next_request().unwrap();
    assert_eq!(
        d.on_http_redirect("http://autodiscover.contoso.example/a.xml"),
        Step::Failed(AutodiscoverError::InsecureRedirect(
            "http://autodiscover.contoso.example/a.xml".into()
        ))
    );
    // A relative Location stays on the origin.
    let mut d = Discovery::new(ALICE, 10).with_first_url(FIRST);
    let _ = d.next_request().unwrap();
    assert_eq!(
        d.on_http_redirect("/Autodiscover/Autodiscover.xml"),
        Step::Next
    );
    assert_eq!(
        d.next_request().unwrap().url,
        "http://127.0.0.1:1/Autodiscover/Autodiscover.xml"
    );
}

#[test]
fn redirect_addr_loop_is_detected() {
    let s = service()
        .with_redirect(
            "a@contoso.example",
            Redirect::Addr("b@contoso.example".into()),
        )
        .with_redirect(
            "b@contoso.example",
            Redirect::Addr("a@contoso.example".into()),
        );
    let (r, _) = drive(
        &s,
        Discovery::new("a@contoso.example", 10).with_first_url(FIRST),
    );
    assert_eq!(
        r,
        Err(AutodiscoverError::RedirectLoop("a@contoso.example".into()))
    );
}

#[test]
fn redirect_url_loop_is_detected() {
    let s = service().with_redirect(ALICE, Redirect::Url(FIRST.into()));
    let (r, sent) = drive(&s, Discovery::new(ALICE, 10).with_first_url(FIRST));
    assert_eq!(r, Err(AutodiscoverError::RedirectLoop(FIRST.into())));
    assert_eq!(sent.len(), 1);
}

#[test]
fn hop_limit() {
    // A chain u0 -> u1 -> ... of distinct addresses, longer than the limit.
    let mut s = service();
    for i in 0..20 {
        s.set_redirect(
            &format!("u{i}@contoso.example"),
            Redirect::Addr(format!("u{}@contoso.example", i + 1)),
        );
    }
    let (r, sent) = drive(
        &s,
        Discovery::new("u0@contoso.example", 3).with_first_url(FIRST),
    );
    assert_eq!(r, Err(AutodiscoverError::TooManyRedirects(3)));
    assert_eq!(sent.len(), 4);
    let (r, _) = drive(
        &s,
        Discovery::new("u15@contoso.example", DEFAULT_MAX_HOPS).with_first_url(FIRST),
    );
    // u15 .. u20: 5 hops, then u20 is unknown.
    assert!(matches!(
        r,
        Err(AutodiscoverError::Server { code: 500, .. })
    ));
}
