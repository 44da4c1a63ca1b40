import {
  ChainVerifier,
  invalid,
  recordOfView,
  type AuditCheckpoint,
  type AuditEntryView,
  type AuditVerification,
} from '@clew/core';
import type { AuditHead } from '@clew/store';
import { nodeChainHashing, nodeSignatureVerifier } from './audit-keys.js';

/** The first line of an export: what it holds and how it was checkpointed. */
export interface AuditExportHeader {
  type: 'clew-audit-export';
  version: 1;
  exportedAt: string;
  /** Checkpoints are due every `checkpointEvery` entries. */
  checkpointEvery: number;
  /** The hub's key when exported: compare it with the hub's before trusting the file. */
  keyId: string;
  head: { seq: number; hash: string };
}

/** The header of an export taken at `head`. */
export const exportHeader = (head: AuditHead, every: number, keyId: string): AuditExportHeader => ({
  type: 'clew-audit-export',
  version: 1,
  exportedAt: new Date().toISOString(),
  checkpointEvery: every,
  keyId,
  head: { seq: head.seq, hash: head.hash },
});

/** The verdict on an export, with the key its checkpoints were checked against. */
export interface ExportVerification extends AuditVerification {
  keyId: string;
}

/**
 * Verify an exported log offline: the header, then checkpoints, then entries in seq order. The
 * checkpoints must be signed by `trustedKeyId` (the hub's, as `clew audit key` prints it) or, without
 * it, by the key the header names — then compare that key id with the hub's yourself.
 */
export const verifyExport = async (
  lines: AsyncIterable<string>,
  trustedKeyId?: string,
): Promise<ExportVerification> => {
  let header: AuditExportHeader | undefined;
  const checkpoints: AuditCheckpoint[] = [];
  let verifier: ChainVerifier | undefined;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let item: { type?: unknown };
    try {
      item = JSON.parse(line) as { type?: unknown };
    } catch {
      throw invalid('not a Clew audit export: a line is not JSON', { line: lineNo });
    }
    if (!header) {
      if (item.type !== 'clew-audit-export')
        throw invalid('not a Clew audit export: no header', { line: lineNo });
      header = item as AuditExportHeader;
      continue;
    }
    if (item.type === 'checkpoint') {
      if (verifier) throw invalid('a checkpoint after the entries: checkpoints come first', { line: lineNo });
      checkpoints.push(item as AuditCheckpoint);
    } else if (item.type === 'entry') {
      const h = header;
      verifier ??= new ChainVerifier(nodeChainHashing, nodeSignatureVerifier, checkpoints, {
        trustedKeyIds: [trustedKeyId ?? h.keyId],
        interval: h.checkpointEvery,
      });
      let ok: boolean;
      try {
        ok = verifier.add(recordOfView(item as AuditEntryView));
      } catch {
        throw invalid('a malformed entry', { line: lineNo });
      }
      if (!ok) break;
    } else {
      throw invalid(`an unknown line type ${JSON.stringify(item.type)}`, { line: lineNo });
    }
  }
  if (!header) throw invalid('not a Clew audit export: the file is empty');
  const keyId = trustedKeyId ?? header.keyId;
  verifier ??= new ChainVerifier(nodeChainHashing, nodeSignatureVerifier, checkpoints, {
    trustedKeyIds: [keyId],
    interval: header.checkpointEvery,
  });
  return { ...verifier.finish(), keyId };
};
