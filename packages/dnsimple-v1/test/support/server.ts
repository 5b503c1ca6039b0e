import { useMswServer } from "@certkit/test-kit";

/** A host that never resolves: if interception failed, nothing would leave the machine. */
export const BASE_URL = "https://dnsimple-v1.example.test/v1";
export const EMAIL = "admin@example.test";
export const TOKEN = "v1-t0ken-s3cr3t-4c8e";
/** What `X-DNSimple-Token` must carry. */
export const TOKEN_HEADER = `${EMAIL}:${TOKEN}`;

/** The msw server of this package's tests, with every request recorded and unmatched ones failing the test. */
export const { server, requests } = useMswServer();
