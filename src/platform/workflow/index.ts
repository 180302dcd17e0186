export {
  defineMachine,
  availableSteps,
  checkStep,
  deadlineOf,
  nextState,
  stateLabel,
  stateRefusal,
  stepsFrom,
  actorsOf,
  mayAct,
  type Actor,
  type AnyMachine,
  type AvailableStep,
  type Deadline,
  type Machine,
  type StateOf,
  type StepOf,
  type StepRefusal,
  type WorkflowPrincipal,
  type WorkflowRecord,
} from './machine';
export { enforceStep, runStep, type StepErrors, type StepHandlers, type StepOutcome, type StepRun } from './run';
export { AvailableStepSchema } from './schema';
