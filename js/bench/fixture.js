// The PayStar status answer every JS bench parses (the shape of tests/vectors/paystar).
export const body = JSON.stringify({
  externalId: "ad66a2ff-97d1-47c5-8552-53752a51f031",
  externalTransactionId: "M-1",
  orderStatus: "Success",
  amount: 2600.0,
  currency: "RUB",
  externalParams: { cardToken: null, cardStorageToken: null, cardHolder: "JOHN WEAK", cardNumber: "123456****1234" },
  orderHistory: [
    { time: "2025-07-28T09:29:51.339832", action: "1.1.0.0" },
    { time: "2025-07-28T09:29:52.339832", action: "4.1.3.00" },
  ],
});
