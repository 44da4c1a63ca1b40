import { randomUUID } from 'node:crypto';
import { actorLabel, type Actor } from '@clew/core';
import type { Store } from '@clew/store';

/** How many rejections a report keeps in memory (all of them go to onReject as they happen). */
export const KEPT_REJECTIONS = 1000;

/** Who ran an import, as the imports table records it. */
export const actorName = (actor: Actor): string => actorLabel(actor);

/** Record the start of an import run and return its id. */
export const startImportRun = async (
  store: Store,
  run: { dataset: string; kind: 'ftm' | 'table'; fileName: string; actor: Actor },
): Promise<string> => {
  const id = randomUUID();
  await store.writes.startImport({
    id,
    dataset_id: run.dataset,
    kind: run.kind,
    file_name: run.fileName,
    actor: actorName(run.actor),
    started_at: new Date().toISOString(),
    finished_at: null,
    status: 'running',
  });
  return id;
};
