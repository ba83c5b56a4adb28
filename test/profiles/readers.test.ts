// Issue 10 §3: the profile holds an operation's documented rules, coverage contexts and JUnit plan once, and the
// oracle's catalogue, the generators and junit.xml read them from it (before, each kept its own table by name).
import { describe, expect, it } from 'vitest';
import { coverageContexts } from '../../src/generate/index.ts';
import { modelBackedFor, profileOf, rulesFor } from '../../src/profiles/index.ts';
import { cloudMapAttributeRules } from '../../src/rules/cloudmap-attributes.ts';
import { cloudMapServiceRules } from '../../src/rules/cloudmap-service.ts';

describe('what reads the profile', () => {
  it('the rules and model-backed statements of an operation are its profile\'s', () => {
    const p = profileOf('servicediscovery#RegisterInstance');
    expect(p.rules).toEqual([...cloudMapAttributeRules, ...cloudMapServiceRules]);
    expect(rulesFor(p.key)).toBe(p.rules);
    expect(modelBackedFor(p.key)).toBe(p.modelBacked);
    expect(rulesFor('servicediscovery#DeregisterInstance')).toEqual([]);
  });

  it('the generators\' coverage contexts are the profile\'s, for hand-written generators and generic ones alike', () => {
    for (const name of ['RegisterInstance', 'CreateServiceInstance', 'DeregisterInstance']) {
      expect(coverageContexts(name), name).toEqual(profileOf(name).contexts!());
    }
    // DeregisterInstance: an instance of an existing service, or of none.
    expect(coverageContexts('DeregisterInstance').map((c) => c.name)).toEqual(['http', 'missing']);
  });

  it('the JUnit plan of a hand-written operation is its profile\'s (scenario properties included)', () => {
    for (const name of ['RegisterInstance', 'CreateServiceInstance']) {
      const plan = profileOf(name).junit!;
      expect(plan.operation).toBe(name);
      expect(plan.properties.some((x) => x.scenario)).toBe(true);
    }
    expect(profileOf('DeregisterInstance').junit).toBeUndefined(); // per-case properties only
  });
});
