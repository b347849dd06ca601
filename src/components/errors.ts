import { ConflictError, ValidationError } from '../services/errors';

/**
 * The services' errors, recognised by name as well as by class: the SPFx build targets ES5,
 * where a subclass of Error loses its prototype and `instanceof` is false.
 */
export function isConflict(e: unknown): e is ConflictError<unknown> {
  return e instanceof ConflictError || (!!e && typeof e === 'object' && (e as Error).name === 'ConflictError' && 'theirs' in e);
}

export function isValidation(e: unknown): e is ValidationError {
  return e instanceof ValidationError || (!!e && typeof e === 'object' && (e as Error).name === 'ValidationError' && 'fields' in e);
}
