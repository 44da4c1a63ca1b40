import { describe, expect, it } from 'vitest';
import { nodeHashing } from '../testing/hashing.js';
import { buildStatement } from '../testing/factories.js';
import { statementId, withStatementId, type StatementDraft } from './statement.js';

describe('statementId', () => {
  it('is the SHA-1 of dataset.entity.prop.value', () => {
    expect(statementId(nodeHashing, 'ds', 'p1', 'name', 'Alice')).toBe(
      nodeHashing.sha1Hex('ds.p1.name.Alice'),
    );
    expect(statementId(nodeHashing, 'ds', 'p1', 'name', 'Alice')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is stable, so re-importing the same value gives the same statement', () => {
    expect(statementId(nodeHashing, 'ds', 'p1', 'name', 'Alice')).toBe(
      statementId(nodeHashing, 'ds', 'p1', 'name', 'Alice'),
    );
  });

  it('changes with each part', () => {
    const ids = new Set([
      statementId(nodeHashing, 'ds', 'p1', 'name', 'Alice'),
      statementId(nodeHashing, 'ds2', 'p1', 'name', 'Alice'),
      statementId(nodeHashing, 'ds', 'p2', 'name', 'Alice'),
      statementId(nodeHashing, 'ds', 'p1', 'alias', 'Alice'),
      statementId(nodeHashing, 'ds', 'p1', 'name', 'Alicia'),
    ]);
    expect(ids.size).toBe(5);
  });
});

describe('withStatementId', () => {
  it('adds the id to a draft and keeps every other field', () => {
    const { id: _id, ...draft } = buildStatement({ entityId: 'p1.x', value: 'Alice', tlp: 'RED', seq: 3 });
    const statement = withStatementId(nodeHashing, draft);
    expect(statement).toEqual({ ...draft, id: statementId(nodeHashing, 'ds', 'p1.x', 'name', 'Alice') });
  });

  it('copies only the fields of a statement', () => {
    const draft = { ...buildStatement(), extra: 'not a field' } as StatementDraft;
    expect(withStatementId(nodeHashing, draft)).not.toHaveProperty('extra');
  });
});
