/**
 * The owner, authorising person, technical contact and invoice address of the demo company, as an order's contact
 * fields: what the seeded orders carry, and what a test can send as a complete, valid set.
 */
export const SSLMARKET_DEMO_CONTACTS = {
  owner_name: "Example Shop Ltd",
  owner_street: "1 Market Street",
  owner_city: "Leeds",
  owner_zip: "LS1 1AA",
  owner_country: "GB",
  owner_tel: "+44.1131234567",
  auth_title: "Director",
  auth_firstname: "Ada",
  auth_lastname: "Lovelace",
  auth_tel: "+44.1131234567",
  auth_email: "ada@example.com",
  tech_title: "Administrator",
  tech_firstname: "Alan",
  tech_lastname: "Turing",
  tech_email: "hostmaster@example.com",
  tech_tel: "+44.1131234568",
  invoice_name: "Example Shop Ltd",
  invoice_street: "1 Market Street",
  invoice_city: "Leeds",
  invoice_zip: "LS1 1AA",
  invoice_country: "GB",
  invoice_email: "accounts@example.com",
} as const;
