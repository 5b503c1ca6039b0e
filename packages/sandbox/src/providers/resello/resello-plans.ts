import type { ReselloSpecPlan } from "./resello-spec-types.js";

/**
 * A certificate plan the Resello simulator sells: the API's `Plan` fields, plus what the simulator needs to check an
 * order against it (Resello's real plans surely carry these too, under names that are not public, so the sandbox
 * shows them under its own: `validation` and `wildcard`).
 */
export interface ReselloPlan extends ReselloSpecPlan {
  /** The validation level: an `OV` plan needs the organisation and approver fields on create. */
  validation: "DV" | "OV";
  /** Whether the plan covers a wildcard name (`*.example.com`) and only that. */
  wildcard: boolean;
  /** The term of a certificate, in months. */
  interval: number;
  /** How many days before its expiry a certificate can be renewed; `null`: at any time. */
  renew_days_before_expiration: number | null;
}

/** The plans of a new simulator. Their ids are fixed, so tests and demos can name them. */
export const DEFAULT_RESELLO_PLANS: readonly ReselloPlan[] = [
  {
    id: "0d8f5c1e-6a2b-4c3d-8e4f-5a6b7c8d9e01",
    name: "Sandbox DV SSL",
    description: "Domain validated certificate for one hostname, one year",
    brand: "Example Trust",
    renew_days_before_expiration: 30,
    interval: 12,
    validation: "DV",
    wildcard: false,
  },
  {
    id: "0d8f5c1e-6a2b-4c3d-8e4f-5a6b7c8d9e02",
    name: "Sandbox DV SSL 2 years",
    description: "Domain validated certificate for one hostname, two years",
    brand: "Example Trust",
    renew_days_before_expiration: 30,
    interval: 24,
    validation: "DV",
    wildcard: false,
  },
  {
    id: "0d8f5c1e-6a2b-4c3d-8e4f-5a6b7c8d9e03",
    name: "Sandbox DV Wildcard SSL",
    description: "Domain validated certificate for *.domain, one year",
    brand: "Example Trust",
    renew_days_before_expiration: 30,
    interval: 12,
    validation: "DV",
    wildcard: true,
  },
  {
    id: "0d8f5c1e-6a2b-4c3d-8e4f-5a6b7c8d9e04",
    name: "Sandbox OV SSL",
    description: null,
    brand: "Example Secure",
    renew_days_before_expiration: 60,
    interval: 12,
    validation: "OV",
    wildcard: false,
  },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is written as a UUID, as plan ids (and the list filters that take them) are. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The plans that pass `listCertificatePlans`' filters: `id` (one UUID or a comma list, exact) and `name` (partial,
 * case-insensitive). Returns the ids that are not UUIDs instead, for the 400 answer.
 */
export function filterPlans(
  plans: readonly ReselloPlan[],
  filters: { id: string | null; name: string | null },
): { plans: ReselloPlan[] } | { badIds: string[] } {
  const ids = filters.id === null ? undefined : filters.id.split(",").map((id) => id.trim().toLowerCase());
  const badIds = ids?.filter((id) => !isUuid(id)) ?? [];
  if (badIds.length > 0) return { badIds };
  const name = filters.name?.toLowerCase();
  return {
    plans: plans.filter(
      (plan) =>
        (ids === undefined || ids.includes(plan.id.toLowerCase())) &&
        (name === undefined || plan.name.toLowerCase().includes(name)),
    ),
  };
}

/** `from` plus `months` calendar months (UTC), as a plan's term runs. */
export function addMonths(from: Date, months: number): Date {
  const to = new Date(from.getTime());
  to.setUTCMonth(to.getUTCMonth() + months);
  return to;
}
