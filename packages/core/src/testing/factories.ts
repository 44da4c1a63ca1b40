import { DEFAULT_MARKING, type Marking } from '../markings/markings.js';
import { namespaceKey } from '../model/entity-ids.js';
import type { Statement } from '../model/statement.js';
import type { StatementTarget } from '../ftm/ftm-entity.js';

/** A marking for tests: the defaults with the given fields changed. */
export const buildMarking = (overrides: Partial<Marking> = {}): Marking => ({
  ...DEFAULT_MARKING,
  ...overrides,
});

/** Where statements go in tests: dataset `ds` of agency `agency-a` on hub `hub-1`, unless told otherwise. */
export const buildTarget = (overrides: Partial<StatementTarget> = {}): StatementTarget => {
  const dataset = overrides.dataset ?? 'ds';
  return {
    dataset,
    agency: 'agency-a',
    namespaceKey: namespaceKey('hub-1', dataset),
    defaults: buildMarking(),
    ...overrides,
  };
};

/** A statement for tests: a Person's name in dataset `ds`, with the default marking, unless told otherwise. */
export const buildStatement = (overrides: Partial<Statement> = {}): Statement => ({
  ...buildMarking(),
  id: 'statement-id',
  entityId: 'p1',
  dataset: 'ds',
  agency: 'agency-a',
  schema: 'Person',
  prop: 'name',
  propType: 'name',
  value: 'Alice',
  seq: 0,
  ...overrides,
});
