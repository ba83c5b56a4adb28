// A small awsJson 1.0 service in botocore form, standing in for "any other AWS model" without the python3-botocore
// package: a Java-flavoured pattern (\p{Print}, which JavaScript's u flag refuses until translated), a service that
// models no ValidationException (as DynamoDB), a timestamp and a nested output, and a restJson twin to be refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WIDGETS = {
  version: '2.0',
  metadata: {
    apiVersion: '2026-01-01', endpointPrefix: 'widgets', jsonVersion: '1.0', protocol: 'json', serviceFullName: 'Example Widgets',
    signatureVersion: 'v4', targetPrefix: 'Widgets_20260101',
  },
  operations: {
    CreateWidget: { name: 'CreateWidget', input: { shape: 'CreateWidgetInput' }, output: { shape: 'CreateWidgetOutput' }, errors: [{ shape: 'ResourceInUseException' }] },
    DescribeWidget: { name: 'DescribeWidget', input: { shape: 'DescribeWidgetInput' }, output: { shape: 'DescribeWidgetOutput' }, errors: [{ shape: 'ResourceNotFoundException' }] },
  },
  shapes: {
    CreateWidgetInput: { type: 'structure', required: ['WidgetName'], members: { WidgetName: { shape: 'WidgetName' }, Size: { shape: 'Size' }, Labels: { shape: 'Labels' }, ClientToken: { shape: 'Token', idempotencyToken: true } } },
    CreateWidgetOutput: { type: 'structure', members: { Widget: { shape: 'Widget' } } },
    DescribeWidgetInput: { type: 'structure', required: ['WidgetName'], members: { WidgetName: { shape: 'WidgetName' } } },
    DescribeWidgetOutput: { type: 'structure', members: { Widget: { shape: 'Widget' } } },
    Widget: { type: 'structure', required: ['WidgetName', 'Status'], members: { WidgetName: { shape: 'WidgetName' }, WidgetArn: { shape: 'Arn' }, Status: { shape: 'Status' }, CreatedAt: { shape: 'Date' }, Size: { shape: 'Size' }, Labels: { shape: 'Labels' } } },
    WidgetName: { type: 'string', min: 3, max: 64, pattern: '\\p{Print}+' },
    Arn: { type: 'string', max: 256, pattern: '^arn:aws:widgets:[a-z0-9-]+:\\d{12}:widget/[A-Za-z0-9_.-]+$' },
    Status: { type: 'string', enum: ['CREATING', 'ACTIVE', 'DELETING'] },
    Size: { type: 'integer', min: 1, max: 10 },
    Labels: { type: 'list', member: { shape: 'Label' }, max: 5 },
    Label: { type: 'string', min: 1, max: 32, pattern: '^[a-z]+$' },
    Token: { type: 'string', min: 1, max: 36 },
    Date: { type: 'timestamp' },
    ErrorMessage: { type: 'string' },
    ResourceInUseException: { type: 'structure', members: { message: { shape: 'ErrorMessage' } }, exception: true },
    ResourceNotFoundException: { type: 'structure', members: { message: { shape: 'ErrorMessage' } }, exception: true },
  },
} as const;

/** The same service over restJson (what `models import` must refuse in one line). */
export const REST_WIDGETS = { ...WIDGETS, metadata: { apiVersion: '2026-01-01', endpointPrefix: 'widgets', protocol: 'rest-json', serviceFullName: 'Example Widgets' } };

export function writeWidgets(dir: string, doc: unknown = WIDGETS, name = 'widgets-2026-01-01.service-2.json'): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}
