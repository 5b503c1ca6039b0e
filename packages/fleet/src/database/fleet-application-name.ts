/** The `application_name` of every fleet connection, by which the embedded server knows its users. */
export const FLEET_APPLICATION_NAME = "certkit-fleet";
