import { isIP } from "node:net";

// A `Host` as a browser sends it: a name or IPv4 address, or a bracketed IPv6 address, and maybe a port.
const HOST_HEADER = /^(?:([a-z0-9.-]+)|\[([0-9a-f:.]+)\])(?::\d{1,5})?$/i;

/**
 * Whether a request's `Host` names this server, so a page of another site whose name was pointed at 127.0.0.1 (DNS
 * rebinding) cannot read the sandbox as if it were its own: `localhost` and its subdomains (browsers resolve them to
 * loopback themselves), IP addresses (a page whose address is the sandbox's is the sandbox), and the names in
 * `allowed`, lower-case (the listening host, and any the user added). The port is not compared: a rebound name
 * reaches the sandbox only on the sandbox's own port anyway.
 */
export function hostAllowed(host: string | null, allowed: ReadonlySet<string>): boolean {
  const match = HOST_HEADER.exec(host ?? "");
  if (!match) return false;
  if (match[2] !== undefined) return isIP(match[2]) === 6;
  const name = match[1]!.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost") || isIP(name) === 4 || allowed.has(name);
}
