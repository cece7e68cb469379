//! Prints the TypeScript declarations tsify derives from the core's model (one per line group),
//! for `python/tools/gen_types.py`, which turns them into the Python package's TypedDicts.
//!
//! The declarations are the serde shape (camelCase fields, tagged enums, optional fields) read
//! from the one definition in `core/`, so the Python dict types cannot drift from what the core
//! accepts. Built only with `--features typegen` (it pulls the core's `wasm` feature natively).

use pspkit::flow::{Action, AttentionReason, FlowOptions, TransportError};
use pspkit::providers::{dpay, paystar, paystar_butler, paystar_corefy, paystar_paynet, tupay};
use pspkit::*;
use tsify::Tsify;

macro_rules! decls {
    ($($ty:ty),* $(,)?) => {
        [$((stringify!($ty), <$ty as Tsify>::DECL)),*]
    };
}

fn main() {
    let all = decls![
        GatewayConfig,
        paystar::PaystarConfig,
        paystar::PaystarHosts,
        paystar::KeyPair,
        paystar_butler::ButlerConfig,
        paystar_corefy::CorefyConfig,
        paystar_paynet::PaynetConfig,
        dpay::DpayConfig,
        tupay::TupayConfig,
        Secret,
        Operation,
        Flow,
        PaymentOrder,
        CardData,
        Customer,
        BankAccount,
        OrderRef,
        RefundOrder,
        BalanceQuery,
        ListQuery,
        Context,
        HttpRequest,
        HttpResponse,
        Outcome,
        Session,
        PageInfo,
        BalanceReportRow,
        Balance,
        Direction,
        State,
        Reason,
        PaymentStatus,
        NextAction,
        CardInfo,
        HistoryEvent,
        Payment,
        CallbackEvent,
        Reply,
        Capabilities,
        ErrorCode,
        Action,
        AttentionReason,
        TransportError,
        FlowOptions,
    ];
    for (name, decl) in all {
        let name = name.rsplit("::").next().unwrap_or(name);
        println!("// {name}\n{decl}\n");
    }
}
