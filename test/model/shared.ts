// Paths of the official models the tests read in place (never copied into the project).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../shared/models/', import.meta.url));

export const SHARED = {
  servicediscovery: {
    botocore: `${root}botocore/servicediscovery-2017-03-14.service-2.json`,
    smithy: `${root}smithy/servicediscovery-2017-03-14.json`,
  },
  proton: {
    botocore: `${root}botocore/proton-2020-07-20.service-2.json`,
    smithy: `${root}smithy/proton-2020-07-20.json`,
  },
} as const;

export const PROJECT_MODELS = fileURLToPath(new URL('../../models/', import.meta.url));
