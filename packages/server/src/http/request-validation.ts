import { invalid, type ClewError } from '@clew/core';
import type { z } from 'zod';

/** The parts of a request that routes validate, named as they appear in error messages. */
export type RequestPart = 'params' | 'query' | 'body';

const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

const quoted = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

// Messages name what was expected and never echo the input: a query or body may carry personal data.
const issueMessage = (issue: z.core.$ZodRawIssue): string | undefined => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `expected ${article(issue.expected === 'int' ? 'integer' : issue.expected)}`;
    case 'too_big': {
      const le = issue.inclusive === false ? '<' : '≤';
      if (issue.origin === 'number' || issue.origin === 'int')
        return `expected a number ${le} ${issue.maximum}`;
      if (issue.origin === 'string') return `expected at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `expected at most ${issue.maximum} items`;
      return undefined;
    }
    case 'too_small': {
      const ge = issue.inclusive === false ? '>' : '≥';
      if (issue.origin === 'number' || issue.origin === 'int')
        return `expected a number ${ge} ${issue.minimum}`;
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? 'expected a non-empty string'
          : `expected at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array') return `expected at least ${issue.minimum} items`;
      return undefined;
    }
    case 'invalid_value':
      return `expected one of ${quoted(issue.values)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${quoted(issue.keys)}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? 'does not have the expected form'
        : `expected ${article(issue.format)}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return undefined;
  }
};

/** The ParseContext every request part is parsed with, so messages read the same everywhere. */
export const PARSE_CONTEXT: z.core.ParseContext<z.core.$ZodIssue> = { error: issueMessage };

const pathOf = (part: RequestPart, path: readonly PropertyKey[]): string =>
  [part, ...path.map((p) => (typeof p === 'symbol' ? (p.description ?? '?') : String(p)))].join('.');

/** An Invalid error naming the field path of each issue, e.g. `query.limit: expected a number ≤ 1000`. */
export const invalidRequest = (part: RequestPart, issues: readonly z.core.$ZodIssue[]): ClewError => {
  const first = issues[0];
  const field = pathOf(part, first?.path ?? []);
  const message = issues.map((i) => `${pathOf(part, i.path)}: ${i.message}`).join('; ');
  return invalid(message || `${part}: invalid`, { field });
};
