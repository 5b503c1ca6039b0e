import { useMswServer } from "@certkit/test-kit";

/** A host that never resolves: if interception failed, nothing would leave the machine. */
export const BASE_URL = "https://zerossl.example.test";
/** An access key with characters URL-encoding changes, so a redaction that misses the encoded form is caught. */
export const ACCESS_KEY = "zs+7f3a/b9c2=e41d-ACCESS";

/** The msw server of this package's tests, with every request recorded and unmatched ones failing the test. */
export const { server, requests } = useMswServer();
