import type { FieldContext } from '../crypto';

/** A value the engine encrypts before writing it (in batches, on the cipher's worker thread). */
export class SealedValue {
  constructor(
    readonly plaintext: string,
    readonly ctx: FieldContext,
  ) {}
}
