/**
 * Someone else saved the item since it was loaded (SharePoint answered 412 to our If-Match).
 * Carries both versions so the user can compare, reload, or overwrite — never a silent overwrite.
 */
export class ConflictError<T> extends Error {
  public constructor(public readonly mine: T, public readonly theirs: T) {
    super('The item was changed by someone else after you opened it.');
    this.name = 'ConflictError';
    // SPFx compiles to ES5, where extending Error loses the prototype and so `instanceof`.
    Object.setPrototypeOf(this, ConflictError.prototype);
  }
}

/** Input the service refuses before writing anything; keys are the domain field keys. */
export class ValidationError extends Error {
  public constructor(public readonly fields: Record<string, string>) {
    super(`Invalid input: ${Object.keys(fields).join(', ')}`);
    this.name = 'ValidationError';
    Object.setPrototypeOf(this, ValidationError.prototype);
  }
}
