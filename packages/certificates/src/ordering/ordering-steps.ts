// What a certificate client needs only when it orders, renews, reissues or looks for a lost order, loaded with
// import() on the first such call: code that only reads orders never loads the input checks or the recovery.
export { checkCsr } from "../checks/check-csr.js";
export { checkOrderRequest } from "../checks/check-order-request.js";
export { lookWithBackoff } from "../recovery/find-orders.js";
export { OrderNotConfirmedError } from "../recovery/order-not-confirmed-error.js";
