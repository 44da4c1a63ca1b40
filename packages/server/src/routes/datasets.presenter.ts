import type { Dataset, DatasetStats } from '@clew/app';
import { z } from 'zod';
import { markingSchema, presentMarking } from './markings.presenter.js';

/** A dataset on the wire. */
export const datasetSchema = z.object({
  name: z.string(),
  agency: z.string(),
  label: z.string(),
  defaults: markingSchema.meta({ description: 'The marking statements get unless they say otherwise' }),
  createdAt: z.string(),
});

/** A list of datasets on the wire. */
export const datasetListSchema = z.object({ results: z.array(datasetSchema) });

/** Entity counts of one dataset, by schema. */
export const countsSchema = z.object({
  total: z.number().int(),
  bySchema: z.record(z.string(), z.number().int()),
});

/** One dataset with its counts. */
export const datasetDetailSchema = datasetSchema.extend({ stats: countsSchema });

/** The counts of every readable dataset, and their sum. */
export const hubStatsSchema = z.object({
  total: z.number().int(),
  results: z.array(z.object({ dataset: z.string() }).extend(countsSchema.shape)),
});

/** Present a dataset. */
export const presentDataset = (d: Dataset): z.input<typeof datasetSchema> => ({
  name: d.name,
  agency: d.agency,
  label: d.label,
  defaults: presentMarking(d.defaults),
  createdAt: d.createdAt,
});

const presentCounts = (s: DatasetStats | undefined): z.input<typeof countsSchema> => ({
  total: s?.total ?? 0,
  bySchema: { ...s?.bySchema },
});

/** Present a dataset with its counts (DatasetsService.stats of that one dataset). */
export const presentDatasetDetail = (
  d: Dataset,
  stats: readonly DatasetStats[],
): z.input<typeof datasetDetailSchema> => ({
  ...presentDataset(d),
  stats: presentCounts(stats.find((s) => s.dataset === d.name)),
});

/** Present the counts of all readable datasets. */
export const presentHubStats = (stats: readonly DatasetStats[]): z.input<typeof hubStatsSchema> => ({
  total: stats.reduce((n, s) => n + s.total, 0),
  results: stats.map((s) => ({ dataset: s.dataset, ...presentCounts(s) })),
});
