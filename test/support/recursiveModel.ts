// A small awsJson model with recursive shapes, as DynamoDB's AttributeValue (a union of lists and maps of
// itself) and Cost Explorer's Expression (a structure holding lists of itself) are: for the recursion tests.
import type { ServiceModel } from '../../src/contract/model.ts';

export const recursiveModel = (): ServiceModel => ({
  service: 'recursive', fullName: 'Recursive', apiVersion: '2026-01-01', protocol: 'awsJson1_0', targetPrefix: 'Recursive_20260101',
  signingName: 'recursive', endpointPrefix: 'recursive',
  operations: {
    Put: { name: 'Put', input: 'PutInput', output: 'PutOutput', errors: [] },
  },
  shapes: {
    PutInput: { type: 'structure', members: { Filter: { target: 'Expr' }, Item: { target: 'ItemMap' } }, required: ['Item'] },
    PutOutput: { type: 'structure', members: { Echo: { target: 'Expr' }, Attributes: { target: 'ItemMap' } }, required: [] },
    Expr: { type: 'structure', members: { Op: { target: 'Op' }, Key: { target: 'Key' }, And: { target: 'ExprList' }, Not: { target: 'Expr' } }, required: ['Op'] },
    ExprList: { type: 'list', member: 'Expr', max: 2 },
    Op: { type: 'string', enum: ['AND', 'OR'] },
    Key: { type: 'string', min: 1, max: 3, pattern: '^[a-z]+$' },
    ItemMap: { type: 'map', key: 'Key', value: 'Value', max: 3 },
    Value: { type: 'union', members: { L: { target: 'ValueList' }, M: { target: 'ItemMap' }, S: { target: 'Text' } } },
    ValueList: { type: 'list', member: 'Value' },
    Text: { type: 'string', max: 8 },
  },
  provenance: { format: 'botocore', file: 'recursive.json', sha256: '', importedAt: '2026-01-01' },
});
