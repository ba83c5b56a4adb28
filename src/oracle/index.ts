// The reference validator (oracle): payload + context → Expected, and the catalogue of constraint ids.
export { expect, expect as classify, expectProtocol, expectState, modelOracle, oracleFor, sameCloudMapService, SERIALIZATION_CODE, SERVICE_NOT_FOUND } from './oracle.ts';
export type { OperationOracle, ProtocolId } from './oracle.ts';
export { constraintsOf } from './catalogue.ts';
export { expectCase, violatedIds } from './expectCase.ts';
export { STATE_EXPECTATIONS, stateOf, statesOf } from './state.ts';
export type { StateExpectation } from './state.ts';
export { fragment, lowerFirst, renderValue, serializationMessage, validationMessage } from './messages.ts';
export type { ConstraintInfo, ConstraintKind } from '../contract/constraint.ts';
export type { CloudMapContext, CloudMapServiceConfig, DnsRecordType, NamespaceType, OracleContext, ProtonContext } from '../contract/context.ts';
export type { Confidence, Expected, ExpectedError, ExpectedSuccess, Violation } from '../contract/expected.ts';
