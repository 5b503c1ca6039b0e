/** How the fleet paces its jobs. Defaults suit real providers; tests and the sandbox use shorter ones. */
export interface FleetTiming {
  /** First pause between looks at an order waiting for issuance. Default 30 s; each look waits half as long again. */
  waitIntervalMs: number;
  /** Longest pause between two looks. Default 10 minutes. */
  maxWaitIntervalMs: number;
  /**
   * How long after an intent to buy (whose outcome is unknown) the fleet keeps looking for the order at the provider
   * before it takes the purchase for never made and buys again. Default 15 minutes: longer than any request
   * (30 s, with its retries) and than a provider's list takes to show a new order.
   */
  recoveryGraceMs: number;
  /** How often pg-boss checks for jobs whose worker stopped (missed heartbeats) and runs its maintenance. Default 10 s. */
  superviseIntervalSeconds: number;
  /** When the sweep re-checks expiry and re-sends overdue steps: a cron expression. Default every 5 minutes. */
  sweepCron: string;
  /** First pause before a failed step is tried again; doubles each time up to 10 minutes. Default 5 s. */
  retryDelaySeconds: number;
}

/** The default {@link FleetTiming}. */
export const DEFAULT_FLEET_TIMING: FleetTiming = {
  waitIntervalMs: 30_000,
  maxWaitIntervalMs: 600_000,
  recoveryGraceMs: 900_000,
  superviseIntervalSeconds: 10,
  sweepCron: "*/5 * * * *",
  retryDelaySeconds: 5,
};
