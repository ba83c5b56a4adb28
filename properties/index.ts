import { createServiceInstance } from './CreateServiceInstance.ts';
import { registerInstance } from './RegisterInstance.ts';
import type { OperationPlan } from './types.ts';

export const PLANS: Record<string, OperationPlan> = {
  RegisterInstance: registerInstance,
  CreateServiceInstance: createServiceInstance,
};
export type { OperationPlan, Property } from './types.ts';
