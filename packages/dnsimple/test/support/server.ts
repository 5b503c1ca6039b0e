import { useMswServer } from "@certkit/test-kit";

/** A host that never resolves: if interception failed, nothing would leave the machine. */
export const BASE_URL = "https://dnsimple.example.test/v2";
export const TOKEN = "dnsimpletest_a_s3cr3t-account-token-value";

/** The msw server of this package's tests, with every request recorded and unmatched ones failing the test. */
export const { server, requests } = useMswServer();
