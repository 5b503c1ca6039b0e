import { useMswServer } from "@certkit/test-kit";

/** A host that never resolves: if interception failed, nothing would leave the machine. */
export const BASE_URL = "https://ionos.example.test/ssl";
export const API_KEY = "pubprefix.s3cr3t-ionos-key-value";

/** The msw server of this package's tests, with every request recorded and unmatched ones failing the test. */
export const { server, requests } = useMswServer();
