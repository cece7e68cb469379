//! URL pieces the providers need: percent-encoding of path segments, queries and form bodies
//! ([`encoding`]), and the checks applied to caller-supplied URLs and base URLs ([`rules`]).

mod encoding;
mod rules;

pub use encoding::{
    check_path_segment, decode_component, encode_component, encode_form, encode_form_value,
    form_pairs, parse_form, path_segment, query_component,
};
pub use rules::{check_https_url, is_payer_redirect, normalize_base_url};
