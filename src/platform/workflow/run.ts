import type { ActionContext } from '../context';
import { actorOf as auditActorOf } from '../context';
import { writeAudit } from '../audit';
import type { DbOrTx } from '../db';
import type { AppError } from '../errors/app-error';
import { checkStep, type Actor, type AnyMachine, type StateOf, type StepOf, type WorkflowRecord } from './machine';

/** A module's answers to a refused step (its own error codes); the messages come from the machine. */
export interface StepErrors<C extends string = string> {
  /** The step does not start from the record's state (409); `code` is the step refused. */
  illegal: (message: string, code: C) => AppError;
  /** The principal is not the step's actor: typically 403, or the module's 404 when it hides records. */
  forbidden: (message: string, actor: Actor) => AppError;
  /** The required opinion is missing (400). */
  opinion: (message: string) => AppError;
  /** A guard refused; per step when the module already had a code for it, else `illegal`. */
  guard?: Partial<Record<C, (message: string) => AppError>>;
}

/** What a handler is given: the step being taken, the move, the written opinion and the transaction. */
export interface StepRun<M extends AnyMachine, Rec> {
  tx: DbOrTx;
  ctx: ActionContext;
  code: StepOf<M>;
  label: string;
  from: StateOf<M>;
  to: StateOf<M>;
  opinion: string | null;
  record: Rec;
}

/** The audit row a handler asks for (the action defaults to the run's `auditAction`) and what the step returns. */
export interface StepOutcome<T = unknown> {
  audit: { summary: string; after?: unknown; action?: string };
  result?: T;
}

/** One handler per step: a missing or unknown step is a type error (`satisfies StepHandlers<typeof M, …>`). */
export type StepHandlers<M extends AnyMachine, Rec, Input = void, T = unknown> = {
  [C in StepOf<M>]: (run: StepRun<M, Rec> & { code: C }, input: Input) => Promise<StepOutcome<T>>;
};

export interface RunStepOptions<M extends AnyMachine, Rec> {
  tx: DbOrTx;
  ctx: ActionContext;
  /** The record loaded in `tx` (after its locks), with its state, union path and the facts the guards read. */
  record: Rec & WorkflowRecord<M>;
  code: StepOf<M>;
  opinion?: string | null | undefined;
  /** The principal acts as the record's own subject (a member on their own application). */
  asSelf?: boolean;
  errors: StepErrors<StepOf<M>>;
  /** Checks of the step's input (a missing visit record), made after the state, actor and opinion and before the guard. */
  validate?: () => void;
  /** Where the audit row is filed. */
  audit: { action: string; entityType: string; entityId: number | string; orgId: number | null; orgPath: string | null };
}

/** Throws the module's AppError for a refused step; returns the move otherwise. */
export function enforceStep<M extends AnyMachine>(machine: M, o: Pick<RunStepOptions<M, unknown>, 'ctx' | 'record' | 'code' | 'opinion' | 'asSelf' | 'errors' | 'validate'>) {
  const checked = checkStep(machine, o.record, o.ctx.principal, o.code, { opinion: o.opinion, asSelf: o.asSelf ?? false, validate: o.validate });
  if (!('kind' in checked)) return checked;
  switch (checked.kind) {
    case 'state':
    case 'self':
      throw o.errors.illegal(checked.message, o.code);
    case 'actor':
      throw o.errors.forbidden(checked.message, checked.actor);
    case 'opinion':
      throw o.errors.opinion(checked.message);
    case 'guard':
      throw o.errors.guard?.[o.code]?.(checked.message) ?? o.errors.illegal(checked.message, o.code);
  }
}

/**
 * Takes one step inside the caller's transaction: refuses it as the machine says, runs the step's handler (its
 * rules and writes), then writes the step's audit row in the same transaction. Returns the handler's result.
 */
export async function runStep<M extends AnyMachine, Rec, Input, T>(
  machine: M,
  handlers: StepHandlers<M, Rec, Input, T>,
  o: RunStepOptions<M, Rec>,
  input: Input,
): Promise<{ to: StateOf<M>; result: T | undefined }> {
  const move = enforceStep(machine, o);
  const handler = handlers[o.code] as (run: StepRun<M, Rec>, input: Input) => Promise<StepOutcome<T>>;
  const label = machine.steps[o.code]!.label;
  const out = await handler({ tx: o.tx, ctx: o.ctx, code: o.code, label, from: move.from, to: move.to, opinion: move.opinion, record: o.record }, input);
  await writeAudit(o.tx, { actor: auditActorOf(o.ctx), action: out.audit.action ?? o.audit.action, entityType: o.audit.entityType, entityId: o.audit.entityId, orgId: o.audit.orgId, orgPath: o.audit.orgPath, summary: out.audit.summary, after: out.audit.after });
  return { to: move.to, result: out.result };
}
