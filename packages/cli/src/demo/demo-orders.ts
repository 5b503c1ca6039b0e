import type { ProviderName } from "@certkit/certificates";

/**
 * The certificate the demo orders at each provider: names the sandbox's accounts hold (DNSimple's domains are
 * example.com, .org and .net), one name each since IONOS takes one, and different names so the inventory reads well.
 */
export const DEMO_ORDERS: Readonly<Record<ProviderName, { commonName: string }>> = {
  "ionos-ssl": { commonName: "shop.example.com" },
  dnsimple: { commonName: "www.example.com" },
  "dnsimple-v1": { commonName: "blog.example.org" },
  resello: { commonName: "api.example.net" },
  sslmarket: { commonName: "mail.example.com" },
};
