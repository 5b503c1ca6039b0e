/**
 * The most names one order may hold, the common name included, whatever the product: above every CA's limit (the
 * largest products take 250 SANs), so a longer list is refused at once, before any name is looked at.
 */
export const MAX_NAMES_PER_ORDER = 1000;
