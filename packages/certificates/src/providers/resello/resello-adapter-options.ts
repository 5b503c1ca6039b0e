import type { CreateCertificateRequest, ReselloClientOptions } from "@certkit/resello";
import type { ProductLimits } from "../../capabilities.js";

/**
 * The organisation and approver fields of a Resello order, which the facade's `OrderRequest` does not have.
 * `chamber_of_commerce`, `department`, `approver_first_name` and `approver_last_name` are needed by OV and EV plans;
 * `company_name` is taken from the CSR when left out.
 */
export type ReselloOrderDetails = Pick<
  CreateCertificateRequest,
  | "chamber_of_commerce"
  | "company_name"
  | "department"
  | "address"
  | "zip_code"
  | "city"
  | "approver_first_name"
  | "approver_last_name"
  | "approver_phone_number"
>;

/** What the Resello adapter needs besides the client's options. */
export interface ReselloAdapterSettings {
  /**
   * The plan (UUID) to order when a request names no `product`. Without it, every order must name its plan: the
   * adapter never picks one for you, since an order is a purchase and the first plan Resello lists may be any plan.
   */
  plan?: string | undefined;
  /**
   * The limits of plans you know (`id` = the plan's UUID), for checking orders before any request. Resello's plans
   * say nothing of names or wildcards, so without an entry here `productLimits` is `undefined` and `order` reads the
   * plan first: it must exist, and `years` must match its `interval`.
   */
  plans?: readonly ProductLimits[] | undefined;
  /**
   * Organisation and approver fields sent with every order, renewal and reissue: OV and EV plans need them, and the
   * facade's order request has no place for them.
   */
  orderDetails?: ReselloOrderDetails | undefined;
}

/**
 * Options of {@link resello}: those of `createReselloClient` (Basic `resellerReference` + `apiKey`, `oidc` client
 * credentials or an `accessToken`; `baseUrl`, `fetch`, `retry`, `timeoutMs`, `maxConcurrency`, `onEvent`,
 * `userAgent`), plus the adapter's {@link ReselloAdapterSettings}.
 */
export type ReselloAdapterOptions = ReselloClientOptions & ReselloAdapterSettings;
