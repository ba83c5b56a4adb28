import { awsError, startFaultyTarget } from './faultyTarget.ts';
const t = await startFaultyTarget(async (x) => (x.service === 'proton' ? awsError(x, 500, 'InternalFailure', 'Proton is not implemented') : x.pass()));
console.log(t.url);
setTimeout(() => t.close(), 120_000);
