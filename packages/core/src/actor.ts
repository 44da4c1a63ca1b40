/**
 * Who is acting. Every service method takes the actor first, so the sharing policy (users, agencies,
 * roles) slots in without changing service signatures.
 */
export type Actor =
  | { kind: 'system'; reason: string }
  | { kind: 'operator'; name: string }
  | {
      kind: 'user';
      userId: string;
      agencyId: string;
      roles: readonly string[];
      /** When acting through an API token: the permissions the token is limited to. */
      scopes?: readonly string[] | undefined;
      /** When acting through an API token: the purpose it was issued for (searches and exports need one). */
      purpose?: string | undefined;
    }
  | { kind: 'anonymous' };

/** The hub's own maintenance work (migrations, demo loading). */
export const systemActor = (reason: string): Actor => ({ kind: 'system', reason });

/** A person running the CLI on the hub machine or using the unauthenticated local API. */
export const operatorActor = (name = 'local-operator'): Actor => ({ kind: 'operator', name });

/** Nobody signed in: may reach public routes only, and sees nothing. */
export const anonymousActor: Actor = Object.freeze({ kind: 'anonymous' });

/** A short, non-identifying label of the actor for audit entries and import records. */
export const actorLabel = (actor: Actor): string => {
  switch (actor.kind) {
    case 'system':
      return `system:${actor.reason}`;
    case 'operator':
      return `operator:${actor.name}`;
    case 'user':
      return `user:${actor.userId}`;
    case 'anonymous':
      return 'anonymous';
  }
};
