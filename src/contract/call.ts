// One API call: which service and operation, and the payload, which may be invalid on purpose. Plain data.

export interface Call {
  /** The model's service name: "servicediscovery", "proton". A call never goes out without it. */
  service: string;
  operation: string;
  input: unknown;
  /** Send these bytes as the body instead of JSON-encoding `input` (malformed-JSON cases). */
  rawBody?: string;
}
