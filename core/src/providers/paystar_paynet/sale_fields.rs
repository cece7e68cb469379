//! The sale's upstream-mandatory payer fields and their formats.
//!
//! Source: the official PHP library's `SaleQuery::$requestFieldsDefinition` (mandatory:
//! `address1`, `city`, `zip_code`, `country`, `phone`, `ipaddress`, `email`, `redirect_url`
//! besides the order and the card) and `Util/Validator.php` (the rules below); the upstream
//! sale page (doc.payneteasy.com "Sale Transactions") adds that `redirect_url` must be passed,
//! as the payer returns there after 3-D Secure. The PayStar page lists only the card fields; a
//! merchant moving from the official library already sends all of these.
//!
//! A missing field is `invalid_request` naming the model field and the upstream parameter.

use std::net::IpAddr;

use crate::error::{PspError, Result};
use crate::model::{Customer, PaymentOrder};
use crate::validate;

/// Upstream `MEDIUM_STRING`: 1 to 50 characters (address, city, names).
const MEDIUM: usize = 50;
/// Upstream `ZIP_CODE`: 1 to 10 characters.
const ZIP: usize = 10;

/// The payer fields as they go on the wire.
pub struct PayerFields<'a> {
    pub address1: &'a str,
    pub city: &'a str,
    pub zip_code: &'a str,
    pub country: &'a str,
    pub phone: &'a str,
    pub ipaddress: &'a str,
    pub redirect_url: &'a str,
}

fn required<'a>(field: &str, upstream: &str, value: Option<&'a str>) -> Result<&'a str> {
    match value {
        Some(v) if !v.trim().is_empty() => Ok(v),
        _ => Err(PspError::invalid(
            field,
            format!("is required (PayNetEasy sale parameter {upstream})"),
        )),
    }
}

pub fn payer<'a>(order: &'a PaymentOrder, customer: &'a Customer) -> Result<PayerFields<'a>> {
    let address1 = required("customer.address", "address1", customer.address.as_deref())?;
    validate::text("customer.address", Some(address1), MEDIUM)?;
    let city = required("customer.city", "city", customer.city.as_deref())?;
    validate::text("customer.city", Some(city), MEDIUM)?;
    let zip_code = required("customer.zipCode", "zip_code", customer.zip_code.as_deref())?;
    validate::text("customer.zipCode", Some(zip_code), ZIP)?;
    let country = required("country", "country", order.country.as_deref())?;
    if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(PspError::invalid(
            "country",
            "must be ISO 3166-1 alpha-2, upper case",
        ));
    }
    let phone = required("customer.phone", "phone", customer.phone.as_deref())?;
    check_phone("customer.phone", phone)?;
    let ipaddress = required("customer.ip", "ipaddress", customer.ip.as_deref())?;
    if ipaddress.parse::<IpAddr>().is_err() {
        return Err(PspError::invalid(
            "customer.ip",
            "must be an IPv4 or IPv6 address",
        ));
    }
    let redirect_url = required("successUrl", "redirect_url", order.success_url.as_deref())?;
    for (field, value) in [
        ("customer.firstName", &customer.first_name),
        ("customer.lastName", &customer.last_name),
    ] {
        validate::text(field, value.as_deref(), MEDIUM)?;
    }
    Ok(PayerFields {
        address1,
        city,
        zip_code,
        country,
        phone,
        ipaddress,
        redirect_url,
    })
}

/// Upstream `PHONE`: `^[0-9\-\+\(\)\s]{6,15}$`. The space is the only blank accepted (a tab or a
/// line break in a phone number is not one a payer typed).
pub fn check_phone(field: &str, phone: &str) -> Result<()> {
    let ok = (6..=15).contains(&phone.chars().count())
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '(' | ')' | ' '));
    if ok {
        Ok(())
    } else {
        Err(PspError::invalid(
            field,
            "must be 6 to 15 characters of digits, '-', '+', '(', ')' and spaces",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_as_upstream_accepts_them() {
        // `660-485-6353` is the official library's own test phone (SaleQueryTest).
        for ok in ["660-485-6353", "+1 (660) 485", "123456", "+441234567890"] {
            assert!(check_phone("customer.phone", ok).is_ok(), "{ok}");
        }
        for bad in [
            "12345",
            "+44 1234 567 8901",
            "660.485.6353",
            "660\t485",
            "abc123456",
        ] {
            let e = check_phone("customer.phone", bad).unwrap_err();
            assert!(e.message.starts_with("customer.phone: "), "{}", e.message);
        }
    }

    #[test]
    fn each_missing_field_is_named() {
        let full = PaymentOrder {
            country: Some("US".into()),
            success_url: Some("https://shop.example/back".into()),
            ..PaymentOrder::default()
        };
        let customer = Customer {
            address: Some("2704 Colonial Drive".into()),
            city: Some("Houston".into()),
            zip_code: Some("1235".into()),
            phone: Some("660-485-6353".into()),
            ip: Some("127.0.0.1".into()),
            ..Customer::default()
        };
        assert!(payer(&full, &customer).is_ok());
        type Strip = fn(&mut PaymentOrder, &mut Customer);
        let cases: [(&str, Strip); 7] = [
            ("customer.address", |_, c| c.address = None),
            ("customer.city", |_, c| c.city = None),
            ("customer.zipCode", |_, c| c.zip_code = None),
            ("country", |o, _| o.country = None),
            ("customer.phone", |_, c| c.phone = None),
            ("customer.ip", |_, c| c.ip = None),
            ("successUrl", |o, _| o.success_url = None),
        ];
        for (field, strip) in cases {
            let (mut o, mut c) = (full.clone(), customer.clone());
            strip(&mut o, &mut c);
            let e = payer(&o, &c).err().map(|e| e.message).unwrap_or_default();
            assert!(e.starts_with(&format!("{field}: is required")), "{e}");
        }
        let mut c = customer.clone();
        c.ip = Some("300.1.1.1".into());
        assert!(payer(&full, &c).is_err());
    }
}
