import { useMswServer } from "@certkit/test-kit";

/** A host that never resolves: if interception failed, nothing would leave the machine. */
export const BASE_URL = "https://sslmarket.example.test/api";
export const TOKEN = "sslm-Tok3n-9f4c2e7a1b";

/** The msw server of this package's tests, with every request recorded and unmatched ones failing the test. */
export const { server, requests } = useMswServer();
