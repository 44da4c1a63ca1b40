import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { invalid, notFound, parseMapping, type Actor, type Mapping } from '@clew/core';
import type { DatasetsService } from '../datasets/datasets.service.js';
import { JobsService, type Job } from '../jobs/jobs.service.js';
import type { TableImportRequest, TableProgress, TableReport } from './table-import.service.js';

/** A table import running in the background, as its owner polls it. */
export type TableJob = Job<TableProgress, TableReport>;

/** An uploaded table to import in the background through a named mapping. */
export interface TableUpload {
  dataset: string;
  /** A mapping file's name (without `.yaml`, `.yml` or `.json`) in the hub's mappings directory. */
  mapping: string;
  /** The upload's original name: recorded with the run, and part of what lets a re-upload resume. */
  fileName: string;
  maxErrors?: number | undefined;
  /** Copy the upload to a file and return its path; called once the dataset and mapping are checked. */
  spool: () => Promise<string>;
}

const MAPPING_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Read a named mapping from a directory; a name is a file name, never a path. */
export const loadNamedMapping = async (dir: string, name: string): Promise<Mapping> => {
  if (!MAPPING_NAME.test(name) || name.includes('..')) {
    throw invalid(`"${name}" is not a mapping name (letters, digits, '.', '_' and '-')`, {
      field: 'mapping',
    });
  }
  for (const ext of ['.yaml', '.yml', '.json']) {
    let text: string;
    try {
      text = await readFile(join(dir, name + ext), 'utf8');
    } catch {
      continue;
    }
    return parseMapping(text, name + ext);
  }
  throw notFound(`no mapping "${name}" in the hub's mappings directory`, { field: 'mapping' });
};

/** Background table imports: uploads checked, spooled, and queued as jobs. */
export class TableJobs {
  private readonly jobs = new JobsService<TableProgress, TableReport>();

  constructor(
    private readonly datasets: DatasetsService,
    private readonly mappingsDir: string,
    private readonly importTable: (actor: Actor, req: TableImportRequest) => Promise<TableReport>,
  ) {}

  /**
   * Check the dataset (the actor must be allowed to write it) and the mapping, spool the upload, and
   * queue its import; the spooled file is deleted when the job ends.
   */
  async submit(actor: Actor, upload: TableUpload): Promise<TableJob> {
    await this.datasets.forWriting(actor, upload.dataset);
    const mapping = await loadNamedMapping(this.mappingsDir, upload.mapping);
    const file = await upload.spool();
    return this.jobs.submit(
      actor,
      'table-import',
      (report) =>
        this.importTable(actor, {
          dataset: upload.dataset,
          file,
          fileName: upload.fileName,
          mapping,
          maxErrors: upload.maxErrors,
          workers: 1,
          onProgress: report,
        }),
      () => rm(file, { force: true }),
    );
  }

  /** A job the actor submitted. */
  get(actor: Actor, id: string): TableJob {
    return this.jobs.get(actor, id);
  }

  /** Wait for every queued job to end. */
  idle(): Promise<void> {
    return this.jobs.idle();
  }
}
