//! The payment lifecycle driver: one payment from its create call to a final state, with the
//! retries, status checks and callback handling that merchants most often get wrong.
//!
//! Sans-I/O in the style of quinn-proto: a [`PaymentFlow`] never sends, sleeps or reads a clock.
//! The host asks [`PaymentFlow::poll`] what to do ([`Action`]: send this request, wait until this
//! time, done, needs attention, a documented late transition), does it, and feeds back what
//! happened (`handle_response`, `handle_transport_error`, `handle_callback`), always with the
//! current time. The rules it keeps:
//!
//! - **Safe create.** After a create ends in `temporarily_unavailable`, `bad_response` or a
//!   transport error, its outcome is unknown: the next request is the status call by merchant
//!   id. Only a `not_found` answer to that call allows sending the create again, unchanged (same
//!   merchant id, same idempotency key), at most `maxCreateAttempts` times. `duplicate` leads to
//!   the same status call, not to failure. An order found that way must match our amount and
//!   currency, or the flow stops (`merchant_id_conflict`).
//! - **Polling** after the provider's `pollAfterSeconds` (else `defaultPollSeconds`); after
//!   temporary errors an exponential backoff with jitter drawn from a host-supplied seed
//!   ([`policy`]); at the deadline a flow that is not final stops with `needs_attention`.
//! - **Callbacks** never move the payment: each asks for a status call, whose answer decides
//!   (PayStar's docs advise confirming even signed callbacks; [`late::AUTHORITATIVE_CALLBACKS`]
//!   lists providers whose callbacks could be taken as they are — none yet). Until the create's
//!   outcome is known, status calls name the order by our merchant id only.
//! - **Final means final**: a final payment never moves backwards; a move to another final
//!   state is taken only when the provider documents it ([`crate::provider::Provider::late_transitions`]) and is
//!   reported as [`Action::LateTransition`]; any other is `suspicious_transition`.
//! - **Persistence**: [`FlowState`] is all the flow knows and round-trips through JSON; a
//!   resumed flow gives the same actions as one that never stopped, once the host has supplied
//!   the create's card again: the state keeps only its mask ([`card_data`]), and a re-send
//!   without it is [`Action::NeedsCardData`]. Times stay within years 0000-9999 so every state
//!   written reads back (`crate::time`).
//! - **No lookup by merchant id** (Tupay deposits): the identical idempotent create is re-sent
//!   instead, after the backoff; a `duplicate` answer to it means the order exists with an
//!   unknown status, and the flow says so when it gives up (see `recovery.rs`).
//!
//! [`vectors`] runs the shared flow vectors (`tests/vectors/flows/`).

mod action;
pub mod card_data;
pub mod late;
mod machine;
mod observe;
pub mod policy;
mod recovery;
mod resume;
mod state;
pub mod vectors;

pub use action::{Action, AttentionReason, TransportError};
pub use card_data::StoredCard;
pub use machine::PaymentFlow;
pub use policy::FlowOptions;
pub use state::{Attention, FlowState, FlowTime, InFlight, Phase, Purpose, STATE_VERSION};
