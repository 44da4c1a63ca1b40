import { ClewError } from '../errors.js';
import { parseMarkingJson, type MarkingJson } from '../ftm/marking-json.js';
import { parseFtmObject, type FtmEntity } from '../ftm/ftm-entity.js';
import type { MarkingOverride } from '../markings/markings.js';
import type { EntitySpec, Mapping, PropertySpec } from './mapping.schema.js';
import { applyCodes, applyTransform, parseDateAs } from './transforms.js';

/** Why a row (or one cell of it) was refused: the row number, the column and the field. */
export interface RowError {
  row: number;
  column?: string | undefined;
  field?: string | undefined;
  reason: string;
}

/** What one row became: its entities, checked against the model, or the reasons it was refused. */
export type MapRowResult = { ok: true; entities: FtmEntity[] } | { ok: false; errors: RowError[] };

/** A table row: cell text by column name. */
export type TableRecord = Record<string, string>;

const cell = (row: TableRecord, column: string): string => (row[column] ?? '').trim();

// Ids cannot hold white space (references could not be written): runs of it become one '-'.
const entityId = (spec: EntitySpec, row: TableRecord): string | null => {
  const parts = spec.id.columns.map((c) => cell(row, c));
  if (parts.every((p) => p === '')) return null;
  return `${spec.id.prefix ?? ''}${parts.join('-')}`.replace(/\s+/g, '-');
};

const applies = (when: NonNullable<EntitySpec['when']>, row: TableRecord): boolean => {
  const v = cell(row, when.column);
  return typeof when.equals === 'string' ? v === when.equals : when.equals.includes(v);
};

const propertyValues = (spec: PropertySpec, row: TableRecord, ids: Map<string, string | null>): string[] => {
  if (spec.constant !== undefined) return typeof spec.constant === 'string' ? [spec.constant] : spec.constant;
  if (spec.entity !== undefined) {
    const id = ids.get(spec.entity);
    return id == null ? [] : [id];
  }
  const text = cell(row, spec.column ?? '');
  const parts = spec.split === undefined ? [text] : text.split(spec.split).map((s) => s.trim());
  const out: string[] = [];
  for (let v of parts) {
    for (const t of spec.transform ?? []) v = applyTransform(v, t);
    if (v !== '' && spec.codes !== undefined) v = applyCodes(v, spec.codes);
    if (v !== '') out.push(v);
  }
  return out;
};

const reasonOf = (e: unknown): string => {
  if (e instanceof ClewError) return e.message;
  throw e;
};

const provenanceOf = (
  mapping: Mapping,
  row: TableRecord,
  rowNumber: number,
  errors: RowError[],
): MarkingJson => {
  const p = mapping.provenance;
  const out: MarkingJson = {};
  if (typeof p.source === 'string') out.source = p.source;
  else if (p.source !== undefined) {
    const s = cell(row, p.source.column);
    if (s !== '') out.source = s;
  }
  if (typeof p.collected === 'string') out.collected = p.collected;
  else if (p.collected !== undefined) {
    const text = cell(row, p.collected.column);
    try {
      if (text !== '') out.collected = parseDateAs(text, p.collected.format ?? 'ISO');
    } catch (e) {
      errors.push({
        row: rowNumber,
        column: p.collected.column,
        field: 'provenance.collected',
        reason: reasonOf(e),
      });
    }
  }
  if (p.grading !== undefined) out.grading = p.grading;
  if (p.handling !== undefined) out.handling = p.handling;
  if (p.conditions !== undefined) out.conditions = p.conditions;
  if (p.tlp !== undefined) out.tlp = p.tlp;
  return out;
};

// Markings checked so far, by the provenance fields a row can set; bounded, rows seldom differ much.
const MARKINGS_KEPT = 1024;
const markingKey = (m: MarkingJson): string => `${m.source ?? '\u0001'}\u0000${m.collected ?? '\u0001'}`;

/**
 * Turns rows into the entities a mapping describes. Every entity goes through parseFtmObject, the
 * same check as an FtM file; a row with any error makes no entities, and each error names its column.
 * The row's provenance is checked once (not once per entity), and a provenance seen before is not
 * checked again: only its source and collected date can differ from row to row.
 */
export class RowMapper {
  private readonly markings = new Map<string, MarkingOverride>();

  constructor(private readonly mapping: Mapping) {}

  /** Turn one row into its entities, or the reasons it was refused. */
  map(row: TableRecord, rowNumber: number): MapRowResult {
    const { mapping } = this;
    const errors: RowError[] = [];
    const ids = new Map<string, string | null>();
    for (const spec of mapping.entities) {
      if (spec.when !== undefined && !applies(spec.when, row)) {
        ids.set(spec.key, null);
        continue;
      }
      const id = entityId(spec, row);
      if (id === null && spec.optional !== true) {
        errors.push({
          row: rowNumber,
          column: spec.id.columns.join(', '),
          field: `${spec.key}.id`,
          reason: `no id for ${spec.key}: ${spec.id.columns.join(', ')} empty`,
        });
      }
      ids.set(spec.key, id);
    }
    const marking = this.marking(provenanceOf(mapping, row, rowNumber, errors), rowNumber, errors);
    const entities: FtmEntity[] = [];
    for (const spec of mapping.entities) {
      const id = ids.get(spec.key);
      if (id == null) continue;
      const properties: Record<string, string[]> = {};
      let failed = false;
      for (const [name, p] of Object.entries(spec.properties)) {
        try {
          const values = propertyValues(p, row, ids);
          if (values.length > 0) properties[name] = values;
          else if (p.required === true) throw new ClewError('Invalid', 'required value is empty');
        } catch (e) {
          failed = true;
          errors.push({
            row: rowNumber,
            column: p.column,
            field: `${spec.key}.${name}`,
            reason: reasonOf(e),
          });
        }
      }
      if (failed) continue;
      try {
        const entity = parseFtmObject({ id, schema: spec.schema, properties });
        entity.marking = marking;
        entities.push(entity);
      } catch (e) {
        const where = e instanceof ClewError ? e.where : undefined;
        const prop = where?.property;
        errors.push({
          row: rowNumber,
          column: prop === undefined ? undefined : spec.properties[prop]?.column,
          field: prop === undefined ? spec.key : `${spec.key}.${prop}`,
          reason: reasonOf(e),
        });
      }
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, entities };
  }

  /** The row's provenance as a marking override, checked (or known from an earlier row). */
  private marking(json: MarkingJson, rowNumber: number, errors: RowError[]): MarkingOverride | undefined {
    const key = markingKey(json);
    const known = this.markings.get(key);
    if (known !== undefined) return known;
    try {
      const parsed = parseMarkingJson(json);
      if (this.markings.size >= MARKINGS_KEPT) this.markings.clear();
      this.markings.set(key, parsed);
      return parsed;
    } catch (e) {
      const field = e instanceof ClewError ? e.where?.field : undefined;
      const p = this.mapping.provenance;
      const from = field === 'source' ? p.source : field === 'collected' ? p.collected : undefined;
      errors.push({
        row: rowNumber,
        column: typeof from === 'object' ? from.column : undefined,
        field: field === undefined ? 'provenance' : `provenance.${field}`,
        reason: reasonOf(e),
      });
      return undefined;
    }
  }
}

/** Turn one row into the entities its mapping describes (see RowMapper, for many rows). */
export const mapRow = (mapping: Mapping, row: TableRecord, rowNumber: number): MapRowResult =>
  new RowMapper(mapping).map(row, rowNumber);
