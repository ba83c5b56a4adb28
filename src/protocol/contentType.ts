// The response Content-Type the awsJson protocols specify, as data with its source. Judged as a protocol
// finding only: no AWS SDK checks it (botocore's JSONParser, aws-sdk-js-v3's AwsJsonRpcProtocol and
// aws-sdk-java-v2's JSON unmarshaller parse the body whatever the header says; issue 9 §1).

export const AWS_JSON_CONTENT_TYPE = {
  /** Media types a response may carry; parameters (`; charset=…`) are allowed. */
  mediaTypes: ['application/x-amz-json-1.0', 'application/x-amz-json-1.1'],
  source: 'Smithy awsJson1_0 / awsJson1_1 protocols (smithy.io aws-json-1_0/1_1-protocol): responses carry Content-Type application/x-amz-json-1.0 / 1.1',
} as const;

/** The media type of a Content-Type value: lower-cased, without parameters or surrounding spaces. */
export const mediaTypeOf = (contentType: string): string => contentType.split(';', 1)[0]!.trim().toLowerCase();

// The usual answer carries the bare media type: found as it is, before any string is cut or lower-cased.
export const isAwsJsonContentType = (contentType: string): boolean =>
  (AWS_JSON_CONTENT_TYPE.mediaTypes as readonly string[]).includes(contentType) ||
  (AWS_JSON_CONTENT_TYPE.mediaTypes as readonly string[]).includes(mediaTypeOf(contentType));
