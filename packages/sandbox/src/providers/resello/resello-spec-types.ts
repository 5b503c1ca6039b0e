// The few types of @certkit/resello's spec that this package's public declarations show, written out here so that installing
// the sandbox needs no provider package (their generated types are a build-time dependency only: they type the
// routes). test/spec-types.test-d.ts checks that each equals the generated type it copies, so a spec change that these
// miss fails the build instead of drifting.

/** Resello: how a name is validated (`DcvType`). */
export type ReselloDcvType = "EMAIL" | "FILE" | "DNS";

/** Resello: a certificate plan as `GET /ssl-certificate-plan` lists it (`Plan`). */
export type ReselloSpecPlan = {
  id: string;
  name: string;
  description?: string | null;
  brand?: string | null;
  renew_days_before_expiration?: number | null;
  interval?: number | null;
} & Record<string, unknown>;
