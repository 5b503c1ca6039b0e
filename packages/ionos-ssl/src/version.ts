/** This package's npm name and version, sent in `User-Agent`. A test keeps the version equal to package.json's. */
export const PACKAGE_NAME = "@certkit/ionos-ssl";
export const PACKAGE_VERSION = "0.1.0";
