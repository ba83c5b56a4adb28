// Issue 10 §4: the derived undo of a model-only create, read from the model alone (src/profiles/undo.ts), and which
// members the run nonce may go into (src/profiles/nonceSafe.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOperation, useModel } from '../../src/model/load.ts';
import { readModelFile } from '../../src/model/modelFile.ts';
import { WIDGETS, writeWidgets } from '../support/widgetsModel.ts';
import { rotationSafePattern } from '../../src/profiles/nonceSafe.ts';
import { profileOf } from '../../src/profiles/index.ts';
import { createUndo } from '../../src/profiles/undo.ts';
import { runNonce } from '../../src/run/nonce.ts';

const undoOf = (op: string) => createUndo(findOperation(op));

describe('pairing a create with its inverse', () => {
  it('binds the inverse from the answer: CreateService → DeleteService{Id ← Service.Id}', () => {
    expect(undoOf('servicediscovery#CreateService')).toMatchObject({ undo: { call: { operation: 'DeleteService', input: { Id: '{Id}' } }, bind: { Id: { from: 'answer', path: 'Service.Id' } }, gone: ['ServiceNotFound'], confidence: 'inferred' } });
  });

  it('binds the inverse from the input: proton CreateEnvironment → DeleteEnvironment{name}', () => {
    expect(undoOf('proton#CreateEnvironment')).toMatchObject({ undo: { call: { operation: 'DeleteEnvironment' }, bind: { name: { from: 'input', path: 'name' } } } });
  });

  it('finds the inverse by the resource\'s last words, and an asynchronous create\'s id in its finished operation', () => {
    const u = undoOf('servicediscovery#CreatePrivateDnsNamespace');
    expect(u).toMatchObject({ undo: { call: { operation: 'DeleteNamespace' }, bind: { Id: { from: 'awaited', path: 'Operation.Targets.NAMESPACE' } }, awaits: { id: 'OperationId' } } });
  });

  it('says why when there is no inverse, and is silent for operations that create nothing by name', () => {
    expect(undoOf('proton#CreateEnvironmentTemplate')).toEqual({ notUndone: 'the model has no DeleteEnvironmentTemplate' });
    expect(undoOf('servicediscovery#GetService')).toBeUndefined();
    expect(undoOf('servicediscovery#DeleteService')).toBeUndefined();
  });

  it('the profile carries it, and the create\'s name takes the nonce', () => {
    const p = profileOf('proton#CreateEnvironment');
    expect(p.createUndo).toMatchObject({ undo: { call: { operation: 'DeleteEnvironment' } } });
    expect(p.nonceMembers).toContain('name');
    // A reference it does not create is left as generated.
    expect(p.nonceMembers).not.toContain('templateName');
    // CreateHttpNamespace's Name pattern begins with (?!arn:): a rotated breaker could turn valid.
    expect(profileOf('servicediscovery#CreateHttpNamespace').nonceMembers).not.toContain('Name');
  });
});

describe('an inverse found by the resource\'s last words', () => {
  // A service where CreateWidgetFromBackup takes a BackupId it does not make, and only DeleteBackup exists.
  const doc = {
    ...WIDGETS,
    metadata: { ...WIDGETS.metadata, endpointPrefix: 'backups', targetPrefix: 'Backups_20260101' },
    operations: {
      CreateWidgetFromBackup: { name: 'CreateWidgetFromBackup', input: { shape: 'FromBackupInput' }, output: { shape: 'CreateWidgetOutput' }, errors: [] },
      DeleteBackup: { name: 'DeleteBackup', input: { shape: 'DeleteBackupInput' }, errors: [] },
      CreateGlobalWidget: { name: 'CreateGlobalWidget', input: { shape: 'DescribeWidgetInput' }, output: { shape: 'CreateWidgetOutput' }, errors: [] },
      DeleteWidget: { name: 'DeleteWidget', input: { shape: 'DeleteWidgetInput' }, errors: [] },
    },
    shapes: {
      ...WIDGETS.shapes,
      FromBackupInput: { type: 'structure', required: ['BackupId'], members: { BackupId: { shape: 'WidgetName' } } },
      DeleteBackupInput: { type: 'structure', required: ['BackupId'], members: { BackupId: { shape: 'WidgetName' } } },
      DeleteWidgetInput: { type: 'structure', required: ['WidgetId'], members: { WidgetId: { shape: 'WidgetName' } } },
    },
  };
  useModel(readModelFile(writeWidgets(mkdtempSync(join(tmpdir(), 'cf-undo-')), doc, 'backups.json')));

  it('never takes a member of the create\'s input (it may name something the create did not make)', () => {
    expect(undoOf('backups#CreateWidgetFromBackup')).toEqual({ notUndone: 'the model has no DeleteWidgetFromBackup; DeleteBackup would take BackupId from CreateWidgetFromBackup\'s input, which may name what CreateWidgetFromBackup did not make' });
  });

  it('says the exact inverse is missing too when a member cannot be bound', () => {
    expect(undoOf('backups#CreateGlobalWidget')).toEqual({ notUndone: 'the model has no DeleteGlobalWidget; DeleteWidget needs WidgetId, which CreateGlobalWidget neither takes nor returns' });
  });
});

describe('where the run nonce may go', () => {
  it.each([
    ['[a-zA-Z0-9_.-]+', true], ['\\p{Print}+', true], ['.*', true], ['^\\d{12}$', true], ['^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$', true],
    ['[a-f0-9]+', false], ['^arn:aws:.*', false], ['^(?!arn:)[!-~]+$', false], ['(a)\\1', false], ['^[^a]+$', false],
  ])('%s: %s', (pattern, safe) => {
    expect(rotationSafePattern(pattern)).toBe(safe);
  });

  it('a rotation-safe pattern keeps every verdict under the nonce (checked over values around its classes)', () => {
    const nonce = runNonce('abc12345');
    const re = /^[0-9A-Za-z]+[0-9A-Za-z_-]*$/u;
    for (const v of ['a', '_a', 'Z9-', 'abc def', '0_', '-x', 'é1']) expect(re.test(nonce.apply(v))).toBe(re.test(v));
  });
});
