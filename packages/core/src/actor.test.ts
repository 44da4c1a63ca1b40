import { describe, expect, it } from 'vitest';
import { operatorActor, systemActor } from './actor.js';

describe('actors', () => {
  it('makes the system actor with its reason', () => {
    expect(systemActor('migration')).toEqual({ kind: 'system', reason: 'migration' });
  });

  it('makes an operator, named local-operator unless told otherwise', () => {
    expect(operatorActor()).toEqual({ kind: 'operator', name: 'local-operator' });
    expect(operatorActor('ana')).toEqual({ kind: 'operator', name: 'ana' });
  });
});
