/** This package's npm name, sent in `User-Agent`. */
export const PACKAGE_NAME = "@certkit/zerossl";

/** This package's version, sent in `User-Agent`. A test keeps it equal to package.json's. */
export const PACKAGE_VERSION = "0.0.0";
