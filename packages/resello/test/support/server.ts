import { useMswServer } from "@certkit/test-kit";

/** A host that never resolves: if interception failed, nothing would leave the machine. */
export const BASE_URL = "https://resello.example.test/api/v1";
export const RESELLER_REFERENCE = "RS-4711";
export const API_KEY = "rk-9f8e7d6c5b4a-s3cr3t-resello-key";
export const ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.s3cr3t-access-token.c2lnbmF0dXJl";
/** What `Authorization` must carry for the Basic credentials above (encoded here with Node's own Buffer). */
export const BASIC_AUTHORIZATION = `Basic ${Buffer.from(`${RESELLER_REFERENCE}:${API_KEY}`, "utf8").toString("base64")}`;

/** The msw server of this package's tests, with every request recorded and unmatched ones failing the test. */
export const { server, requests } = useMswServer();
