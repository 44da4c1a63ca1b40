/**
 * Who is acting. Every service method takes the actor first, so the sharing policy (users, agencies,
 * roles) slots in without changing service signatures.
 */
export type Actor =
  | { kind: 'system'; reason: string }
  | { kind: 'operator'; name: string }
  | { kind: 'user'; userId: string; agencyId: string; roles: readonly string[] };

/** The hub's own maintenance work (migrations, demo loading). */
export const systemActor = (reason: string): Actor => ({ kind: 'system', reason });

/** A person running the CLI on the hub machine or using the unauthenticated local API. */
export const operatorActor = (name = 'local-operator'): Actor => ({ kind: 'operator', name });
