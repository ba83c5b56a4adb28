// How each AWS SDK reads the error code and message of an awsJson error response, as data, each rule with
// the source it was read from (issue 9 §2; read with the code search on 2026-12-01, nothing copied).
// src/protocol/sdkErrorView.ts applies them; test/protocol/sdkErrorRules.test.ts runs them over Smithy's
// awsJson error-parsing protocol test cases.
//
// Where the sources differ from what issue 9 §2 says:
// - aws-sdk-js-v3 as published now (schema-based clients, @aws-sdk/core AwsJsonRpcProtocol) reads body
//   `__type` FIRST, then `code`, then the header (`loadJsonRpcErrorCode`). "Header, then code, then
//   __type" is `loadRestJsonErrorCode`, which the earlier generated awsJson clients (Aws_json1_1.ts
//   `de_CommandError`) called; both are kept here, because both are in use.
// - aws-sdk-java-v2 strips only a `:suffix` from the X-Amzn-ErrorType header, not a `ns#` prefix: a header
//   `ns#FooError` reaches its exception lookup as "ns#FooError" (Smithy's
//   …UsingXAmznErrorTypeWithUriAndNamespace case is not met).
// - botocore, without `__type`, uses the HTTP status as the code ("400"): boto3 users get a ClientError
//   whose code is the status, never a modelled exception class.

/** Where an SDK looks for the code, in order; the first that is present wins. */
export type CodeSource =
  | { from: 'header'; name: string }
  /** `anyCase`: the first body key equal to `key` ignoring case (Object.keys order). */
  | { from: 'body'; key: string; anyCase?: true }
  /** The HTTP status code as text. */
  | { from: 'status' };

/** One step of cleaning a raw code value, applied in order. */
export type SanitizeStep =
  /** Text before the first `,` (a header repeated and joined). */
  | 'before-first-comma'
  /** Text before the first `:` (a URI suffix). */
  | 'before-first-colon'
  /** Text between the first `#` and the next `#` (JS `split('#')[1]`). */
  | 'segment-after-first-hash'
  /** Text after the last `#` (Python `rsplit('#', 1)[1]`). */
  | 'after-last-hash'
  /** Text after the first `#`, unless the `#` is the last character before the cut (Java `indexOf('#')`, `hash + 1 < end`). */
  | 'after-first-hash-unless-last';

export interface CodeRead {
  source: CodeSource;
  sanitize: readonly SanitizeStep[];
}

export type SdkId = 'botocore' | 'aws-sdk-js-v3' | 'aws-sdk-js-v3-generated' | 'aws-sdk-java-v2';

export interface SdkErrorRule {
  id: SdkId;
  /** How users know it. */
  label: string;
  /** Code locations in the order the SDK tries them. */
  code: readonly CodeRead[];
  /** Body keys the SDK takes the exception message from, in order. */
  messageKeys: readonly string[];
  /** Repository and file the rule was read from, and what there does it. */
  source: { repo: string; path: string; what: string };
  /** What the data does not model, and why that does not matter for awsJson targets. */
  notes: readonly string[];
}

const JS_SANITIZE: readonly SanitizeStep[] = ['before-first-comma', 'before-first-colon', 'segment-after-first-hash'];

export const SDK_ERROR_RULES: readonly SdkErrorRule[] = [
  {
    id: 'botocore',
    label: 'botocore (boto3, AWS CLI)',
    code: [
      { source: { from: 'body', key: '__type' }, sanitize: ['before-first-colon', 'after-last-hash'] },
      { source: { from: 'status' }, sanitize: [] },
    ],
    messageKeys: ['message', 'Message'],
    source: {
      repo: 'boto/botocore',
      path: 'botocore/parsers.py',
      what: 'BaseJSONParser._do_error_parse (the `json` protocol): code = body `__type`, else str(status code); cut at the first `:`, keep the text after the last `#`; message = body `message`, else `Message`. X-Amzn-ErrorType is read only by RestJSONParser (rest-json), never for awsJson.',
    },
    notes: [
      'An `x-amzn-query-error: Code;Fault` header overrides the code (awsQuery-compatible services only; not modelled).',
      'Releases before the CBOR parser (e.g. botocore commit c4e6961) did not cut at `:`.',
      'A 5xx whose body is empty or starts with `<html>` gets the status as its code (generic error parse); a body that is not JSON becomes {"message": body}.',
    ],
  },
  {
    id: 'aws-sdk-js-v3',
    label: 'aws-sdk-js-v3 (schema-based clients)',
    code: [
      { source: { from: 'body', key: '__type' }, sanitize: JS_SANITIZE },
      { source: { from: 'body', key: 'code', anyCase: true }, sanitize: JS_SANITIZE },
      { source: { from: 'header', name: 'x-amzn-errortype' }, sanitize: JS_SANITIZE },
    ],
    messageKeys: ['message', 'Message'],
    source: {
      repo: 'aws/aws-sdk-js-v3',
      path: 'packages/core/src/submodules/protocols/json/AwsJsonRpcProtocol.ts + parseJsonBody.ts (now re-exported from @smithy/core/protocols)',
      what: 'AwsJsonRpcProtocol.handleError calls loadJsonRpcErrorCode: order `__type`, then a key equal to `code` ignoring case, then header x-amzn-errortype (any case); sanitizeErrorCode keeps the text before the first `,`, then before the first `:`, then split(\'#\')[1]; message = `message` ?? `Message`. Checked against the installed @smithy/core 3.41.0 and @aws-sdk/client-servicediscovery 3.1138.0.',
    },
    notes: [
      'awsQuery-compatible services use the order code, header, __type (not these two).',
      'A number is turned into text; any other non-string value makes the SDK throw while parsing (modelled as absent).',
    ],
  },
  {
    id: 'aws-sdk-js-v3-generated',
    label: 'aws-sdk-js-v3 (earlier generated clients)',
    code: [
      { source: { from: 'header', name: 'x-amzn-errortype' }, sanitize: JS_SANITIZE },
      { source: { from: 'body', key: 'code', anyCase: true }, sanitize: JS_SANITIZE },
      { source: { from: 'body', key: '__type' }, sanitize: JS_SANITIZE },
    ],
    messageKeys: ['message', 'Message'],
    source: {
      repo: 'aws/aws-sdk-js-v3',
      path: 'clients/client-servicediscovery/src/protocols/Aws_json1_1.ts (de_CommandError) → packages/core/src/submodules/protocols/json/parseJsonBody.ts loadRestJsonErrorCode',
      what: 'loadRestJsonErrorCode: header x-amzn-errortype (any case), then a key equal to `code` ignoring case, then `__type`; same sanitizeErrorCode; parseJsonErrorBody sets message = `message` ?? `Message`.',
    },
    notes: ['Clients generated before the schema-based protocols; still what many lockfiles pin.'],
  },
  {
    id: 'aws-sdk-java-v2',
    label: 'aws-sdk-java-v2',
    code: [
      { source: { from: 'header', name: 'x-amzn-errortype' }, sanitize: ['before-first-colon'] },
      { source: { from: 'body', key: '__type' }, sanitize: ['before-first-colon', 'after-first-hash-unless-last'] },
      { source: { from: 'body', key: 'code' }, sanitize: ['before-first-colon', 'after-first-hash-unless-last'] },
    ],
    messageKeys: ['message', 'Message', 'errorMessage'],
    source: {
      repo: 'aws/aws-sdk-java-v2',
      path: 'core/protocols/json-protocol/src/main/java/software/amazon/awssdk/protocols/json/internal/unmarshall/JsonErrorCodeParser.java (+ SdkJsonErrorMessageParser.java)',
      what: 'parseErrorCode: header x-amzn-ErrorType (case-insensitive) cut before the first `:` only; else the first of body fields `__type`, `code` (ERROR_CODE_FIELDS), cut before the first `:` and after the first `#`; message from `message`, `Message`, `errorMessage`.',
    },
    notes: [
      'The `:error-code` / `:exception-type` headers it also reads are event-stream headers, never on an awsJson HTTP response.',
      'A service may customise the body field (customErrorCodeFieldName); Cloud Map and Proton do not.',
    ],
  },
];

export const SDK_RULES_SOURCE = 'SDK error-code rules (src/protocol/sdkErrorRules.ts: botocore parsers.py, aws-sdk-js-v3 loadJsonRpcErrorCode/loadRestJsonErrorCode, aws-sdk-java-v2 JsonErrorCodeParser)';
