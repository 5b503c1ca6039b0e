/** This package's npm name, sent in `User-Agent`. */
export const PACKAGE_NAME = "@certkit/cli";

/** This package's version, for `certkit --version` and `User-Agent`. A test keeps it equal to package.json's. */
export const PACKAGE_VERSION = "0.0.0";
