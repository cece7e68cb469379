//! Unit tests of the PayNetEasy bridge emulator (sale, status, groups, mandatory fields).
use super::paynet::*;
use crate::wire::Req;
use pspkit::crypto::sha1_hex;
use pspkit::url::encode_form;

#[test]
fn bridge_page_example() {
    // paystar.md §18.5: the page's worked example, verified there.
    let c = sha1_hex(b"1111902B4FF51042john.smith@gmail.comB17F59B4-A7DC-41B4-8FF9-37D986B43D20");
    assert_eq!(c, "c6bdd88a78834ef4b863b088827a459f039e8257");
    assert!(luhn_ok("4111111111111111"));
    assert!(!luhn_ok("4111111111111112"));
}

pub(crate) fn sale_req(control: &str) -> Req {
    let body = encode_form(&[
        ("client_orderid", "902B4FF5"),
        ("order_desc", "Order"),
        ("amount", "10.42"),
        ("currency", "USD"),
        ("email", "john.smith@gmail.com"),
        ("credit_card_number", "4111111111111111"),
        ("card_printed_name", "JOHN SMITH"),
        ("expire_month", "12"),
        ("expire_year", "2099"),
        ("cvv2", "123"),
        ("address1", "2704 Colonial Drive"),
        ("city", "Houston"),
        ("zip_code", "1235"),
        ("country", "US"),
        ("phone", "660-485-6353"),
        ("ipaddress", "127.0.0.1"),
        ("redirect_url", "https://merch.example/back"),
        ("control", control),
    ]);
    Req {
        method: "POST".into(),
        path: "/paynet/api/v2/sale/4321".into(),
        body,
        ..Req::default()
    }
}

#[test]
fn sale_then_status_then_callback() {
    let mut p = Paynet::default();
    let good = sale_control("4321", "902B4FF5", 1042, "john.smith@gmail.com");
    let bad = p.sale(&sale_req("00"), "4321", 0, false);
    assert!(bad.body.contains("INVALID_CONTROL_CODE"));
    let ok = p.sale(&sale_req(&good.to_ascii_uppercase()), "4321", 0, false);
    assert!(ok.body.starts_with("type=async-response\n&"), "{}", ok.body);
    assert!(ok.body.contains("&paynet-order-id=1969001\n"));
    assert!(p
        .sale(&sale_req(&good), "4321", 0, false)
        .body
        .contains("error-code=3"));
    assert_eq!(p.sale(&sale_req(&good), "9", 0, false).status, 404);
    let st_control = sha1_hex(format!("{LOGIN}902B4FF51969001{MERCHANT_CONTROL}").as_bytes());
    let st = Req {
        body: encode_form(&[
            ("login", LOGIN),
            ("client_orderid", "902B4FF5"),
            ("orderid", "1969001"),
            ("control", &st_control),
        ]),
        ..Req::default()
    };
    assert!(p.status(&st, "4321").body.contains("&status=processing\n"));
    assert!(p.run_due(FINAL_AFTER - 1).is_empty());
    p.sales[0].callback_url = Some("http://127.0.0.1:9/cb".into());
    let cb = p.run_due(FINAL_AFTER);
    assert_eq!(cb.len(), 1);
    let expected = sha1_hex(format!("approved1969001902B4FF5{MERCHANT_CONTROL}").as_bytes());
    assert!(cb[0].url.ends_with(&format!("&control={expected}")));
    assert!(p.status(&st, "4321").body.contains("&status=approved\n"));
    // By client_orderid alone: the control leaves orderid out.
    let alone = sha1_hex(format!("{LOGIN}902B4FF5{MERCHANT_CONTROL}").as_bytes());
    let st = Req {
        body: encode_form(&[
            ("login", LOGIN),
            ("client_orderid", "902B4FF5"),
            ("control", &alone),
        ]),
        ..Req::default()
    };
    let body = p.status(&st, "group/8765").body;
    assert!(body.contains("&paynet-order-id=1969001\n"), "{body}");
    assert_eq!(p.status(&st, "group/1").status, 404);
}

#[test]
fn mandatory_fields_and_group_control() {
    let mut p = Paynet::default();
    let req = sale_req(&sale_control(
        "4321",
        "902B4FF5",
        1042,
        "john.smith@gmail.com",
    ));
    let no_phone = Req {
        body: req.body.replace("&phone=660-485-6353", ""),
        ..req.clone()
    };
    assert!(p
        .sale(&no_phone, "4321", 0, false)
        .body
        .contains("phone+is+required"));
    // The endpoint's control is not the group's.
    let body = p.sale(&req, "group/8765", 0, false).body;
    assert!(body.contains("INVALID_CONTROL_CODE"), "{body}");
    let grp = sale_req(&sale_control(
        "8765",
        "902B4FF5",
        1042,
        "john.smith@gmail.com",
    ));
    assert!(p
        .sale(&grp, "group/8765", 0, false)
        .body
        .starts_with("type=async-response"));
}
