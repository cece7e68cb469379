//! The shared model (DESIGN §3): canonical JSON with camelCase fields and snake_case enum values.

pub mod callback;
pub mod capabilities;
pub mod context;
pub mod http;
pub mod operation;
pub mod outcome;
pub mod payment;
mod tagged;

pub use callback::{CallbackEvent, Reply};
pub use capabilities::Capabilities;
pub use context::Context;
pub use http::{HttpRequest, HttpResponse};
pub use operation::{
    BalanceQuery, BankAccount, CardData, Customer, Flow, ListQuery, Operation, OrderRef,
    PaymentOrder, RefundOrder,
};
pub use outcome::{Balance, BalanceReportRow, Outcome, PageInfo, Session};
pub use payment::{
    CardInfo, Direction, HistoryEvent, NextAction, Payment, PaymentStatus, Reason, State,
};
