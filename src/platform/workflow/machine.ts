/**
 * A declared workflow (审批流程): the states a record passes through, the steps between them, who may take each
 * step, which steps need a written opinion (意见), the guards that refuse a step in Chinese, and the deadlines.
 *
 * This file is pure (no node, no database): the web imports it to label states, and the server uses it to compute
 * the steps open to a user (sent with every record) and to refuse every other step in the same words.
 */
import { addDays, addWorkingDays } from '../periods/dates';

/** The part of a signed-in principal the machine needs (structurally a `Principal`). */
export interface WorkflowPrincipal {
  orgPath: string;
  permissions: ReadonlySet<string>;
  scopePaths: readonly string[];
}

/**
 * Who may take a step. A permission that must hold over the record's union; `side: 'above'` further requires the
 * record's union to lie strictly below the principal's own (a superior reviews, never the union itself).
 * `'self'` is the record's own subject (the member who applied), checked by the module's own-record routes.
 */
export type Actor = { permission: string; side?: 'subtree' | 'above' } | 'self';

/** A deadline in days after a record enters a state; `working` counts Monday–Friday only. */
export interface Deadline {
  /** A fixed count, or the name of a setting passed to `deadlineOf` (a module's configurable number of days). */
  days: number | { setting: string };
  working?: boolean;
  /** What is due, as a Chinese verb phrase for the due-work list (e.g. 审核入会申请). */
  action: string;
}

export interface StateSpec {
  label: string;
  /** Work is due within this many days of the record entering the state. */
  deadline?: Deadline;
}

export interface StepSpec<S extends string, R> {
  label: string;
  from: readonly NoInfer<S>[];
  /** The state after the step; `null` records the step without moving. */
  to: NoInfer<S> | null;
  /** Who may take the step (any of a list); a function when it depends on the state it is taken from. */
  who: Actor | readonly Actor[] | ((from: NoInfer<S>) => Actor);
  /** A written opinion is required (returns, rejections). */
  opinion?: boolean;
  /** Why the step cannot be taken on this record yet, in Chinese; null when it can. */
  guard?: (record: R) => string | null;
}

export interface MachineSpec<S extends string, C extends string, R> {
  /** What the record is called in a refusal: 档案, 申请, 理赔. */
  noun: string;
  states: Record<S, StateSpec>;
  steps: Record<C, StepSpec<S, R>>;
}

export interface Machine<S extends string, C extends string, R> extends MachineSpec<S, C, R> {
  stateCodes: [S, ...S[]];
  stepCodes: [C, ...C[]];
}

/** Any machine (for functions generic over machines). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMachine = Machine<any, any, any>;
export type StateOf<M extends AnyMachine> = M['stateCodes'][number];
export type StepOf<M extends AnyMachine> = M['stepCodes'][number];
export type FactsOf<M extends AnyMachine> = M extends Machine<any, any, infer R> ? R : never; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The record as the machine sees it: its state and its union, plus the facts its guards read. */
export type WorkflowRecord<M extends AnyMachine> = { status: StateOf<M>; orgPath: string } & FactsOf<M>;

/** Declares a machine; the state and step codes are inferred, and a step naming an undeclared state is a type error. */
export function defineMachine<const S extends string, const C extends string, R = unknown>(spec: MachineSpec<S, C, R>): Machine<S, C, R> {
  return { ...spec, stateCodes: Object.keys(spec.states) as [S, ...S[]], stepCodes: Object.keys(spec.steps) as [C, ...C[]] };
}

/** The Chinese label of a state (the code itself for a state the machine does not know). */
export function stateLabel<M extends AnyMachine>(machine: M, status: string): string {
  return (machine.states as Record<string, StateSpec>)[status]?.label ?? status;
}

/** Who may take `code` from `status` (any of them). */
export function actorsOf<M extends AnyMachine>(machine: M, code: StepOf<M>, status: StateOf<M>): readonly Actor[] {
  const who = machine.steps[code]!.who;
  const actor = typeof who === 'function' ? who(status) : who;
  return Array.isArray(actor) ? actor : [actor as Actor];
}

/** True when the principal, acting on the record's union (not as its subject), is the actor of the step. */
export function mayAct(actor: Actor, principal: WorkflowPrincipal, orgPath: string): boolean {
  if (actor === 'self') return false;
  if (!principal.permissions.has(actor.permission) || !principal.scopePaths.some((p) => orgPath.startsWith(p))) return false;
  return actor.side !== 'above' || (orgPath !== principal.orgPath && orgPath.startsWith(principal.orgPath));
}

/** Why `code` cannot be taken from `status`, naming the current state in Chinese; null when the step starts there. */
export function stateRefusal<M extends AnyMachine>(machine: M, status: string, code: StepOf<M>): string | null {
  const step = machine.steps[code]!;
  if ((step.from as readonly string[]).includes(status)) return null;
  const allowed = step.from.map((s: string) => `“${stateLabel(machine, s)}”`).join('、');
  return `${machine.noun}当前为“${stateLabel(machine, status)}”，不能${step.label}（只有${allowed}的${machine.noun}可以）`;
}

/** The state after `code` (the same state for a step that records without moving). */
export function nextState<M extends AnyMachine>(machine: M, status: StateOf<M>, code: StepOf<M>): StateOf<M> {
  const why = stateRefusal(machine, status, code);
  if (why) throw new Error(why);
  return (machine.steps[code]!.to ?? status) as StateOf<M>;
}

/** The steps that start from `status`, whoever may take them. */
export function stepsFrom<M extends AnyMachine>(machine: M, status: string): StepOf<M>[] {
  return machine.stepCodes.filter((c) => stateRefusal(machine, status, c) === null) as StepOf<M>[];
}

/** A step as the UI receives it with each record: the button to show, and why it is disabled if it is. */
export interface AvailableStep<C extends string = string> {
  code: C;
  label: string;
  needsOpinion: boolean;
  /** The guard's refusal: the step is open to this user but the record still lacks something. */
  blockedReason: string | null;
}

/**
 * The steps open to this principal on this record: they start from its state and the principal is their actor
 * (`asSelf`: the principal is the record's subject, so only `'self'` steps). Guards do not hide a step: they
 * disable it with their reason.
 */
export function availableSteps<M extends AnyMachine>(machine: M, record: WorkflowRecord<M>, principal: WorkflowPrincipal, asSelf = false): AvailableStep<StepOf<M>>[] {
  return stepsFrom(machine, record.status)
    .filter((code) => {
      const actors = actorsOf(machine, code, record.status);
      return asSelf ? actors.includes('self') : actors.some((a) => mayAct(a, principal, record.orgPath));
    })
    .map((code) => {
      const step = machine.steps[code]!;
      return { code, label: step.label, needsOpinion: step.opinion === true, blockedReason: step.guard?.(record) ?? null };
    });
}

/** Why a step is refused, in Chinese, and which kind of refusal it is (the server maps kinds to HTTP answers). */
export type StepRefusal =
  | { kind: 'state'; message: string }
  | { kind: 'self'; message: string }
  | { kind: 'actor'; actor: Actor; message: string }
  | { kind: 'opinion'; message: string }
  | { kind: 'guard'; message: string };

export interface CheckedStep<S extends string> {
  from: S;
  to: S;
  opinion: string | null;
}

/**
 * Checks one step, in order: it starts from the record's state, this principal is its actor, the opinion is
 * written when required, the caller's `validate` (input checks; it throws) passes, the guard lets it pass. Returns the refusal or the move.
 */
export function checkStep<M extends AnyMachine>(
  machine: M,
  record: WorkflowRecord<M>,
  principal: WorkflowPrincipal,
  code: StepOf<M>,
  opts: { opinion?: string | null | undefined; asSelf?: boolean; validate?: (() => void) | undefined } = {},
): StepRefusal | CheckedStep<StateOf<M>> {
  const step = machine.steps[code]!;
  const state = stateRefusal(machine, record.status, code);
  if (state) return { kind: 'state', message: state };
  const actors = actorsOf(machine, code, record.status);
  const unions = actors.filter((a) => a !== 'self');
  if (opts.asSelf ? !actors.includes('self') : unions.length === 0) return { kind: 'self', message: opts.asSelf ? `${step.label}不能由本人办理` : `${step.label}只能由本人办理` };
  if (!opts.asSelf && !unions.some((a) => mayAct(a, principal, record.orgPath))) return { kind: 'actor', actor: unions[0]!, message: `您不能对这条记录办理“${step.label}”` };
  const opinion = opts.opinion?.trim() || null;
  if (step.opinion && !opinion) return { kind: 'opinion', message: `${step.label}须填写书面意见` };
  opts.validate?.();
  const guard = step.guard?.(record);
  if (guard) return { kind: 'guard', message: guard };
  return { from: record.status, to: (step.to ?? record.status) as StateOf<M>, opinion };
}

/**
 * The deadline of a record in `status`, entered on `enteredOn` (YYYY-MM-DD): the state's declared deadline, with
 * days taken from `settings` when the machine names a setting. Null when the state has none.
 */
export function deadlineOf<M extends AnyMachine>(machine: M, status: string, enteredOn: string, settings: Record<string, number> = {}): { date: string; action: string } | null {
  const d = (machine.states as Record<string, StateSpec>)[status]?.deadline;
  if (!d) return null;
  const days = typeof d.days === 'number' ? d.days : settings[d.days.setting];
  if (days === undefined) throw new Error(`workflow deadline: setting ${typeof d.days === 'number' ? '' : d.days.setting} not given`);
  return { date: d.working ? addWorkingDays(enteredOn, days) : addDays(enteredOn, days), action: d.action };
}
