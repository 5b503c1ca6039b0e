/**
 * A provider's raw status value as text for `providerStatus`, whatever it is: strings unchanged, `null` and
 * `undefined` as `""`, other primitives as they print, objects as JSON where they can be, and never a throw (cyclic,
 * hostile or unprintable values get a plain description), so a status mapper stays total.
 */
export function providerStatusText(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "undefined":
      return "";
    case "number":
    case "bigint":
    case "boolean":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return "[function]";
    case "object":
      if (value === null) return "";
      try {
        const json = JSON.stringify(value, (_key, item: unknown) =>
          typeof item === "bigint" ? item.toString() : item,
        );
        if (typeof json === "string") return json;
      } catch {
        // Cyclic, or a getter that throws: described by its kind below.
      }
      try {
        return Object.prototype.toString.call(value);
      } catch {
        return "[unprintable value]";
      }
  }
}
