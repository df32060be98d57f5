/**
 * A request the portal's state refuses, in HubSpot's terms: the HTTP layer answers it with HubSpot's error body
 * (`invalid` → 400, `not_found` → 404, `conflict` → 409) and this category, message and context.
 */
export type StateErrorKind = 'invalid' | 'not_found' | 'conflict';

export class StateError extends Error {
  override name = 'StateError';
  readonly kind: StateErrorKind;
  /** HubSpot's error category: VALIDATION_ERROR, OBJECT_NOT_FOUND, OBJECT_ALREADY_EXISTS, … */
  readonly category: string;
  readonly context: Record<string, string[]> | undefined;
  /** One entry per problem (e.g. per invalid property value), when there are several. */
  readonly details: { message: string; code?: string; context?: Record<string, string[]> }[];

  constructor(
    kind: StateErrorKind,
    category: string,
    message: string,
    extra: { context?: Record<string, string[]>; details?: StateError['details'] } = {},
  ) {
    super(message);
    this.kind = kind;
    this.category = category;
    this.context = extra.context;
    this.details = extra.details ?? [];
  }
}

export const invalid = (message: string, extra?: ConstructorParameters<typeof StateError>[3]) =>
  new StateError('invalid', 'VALIDATION_ERROR', message, extra);
export const notFound = (message: string, extra?: ConstructorParameters<typeof StateError>[3]) =>
  new StateError('not_found', 'OBJECT_NOT_FOUND', message, extra);
export const conflict = (message: string, extra?: ConstructorParameters<typeof StateError>[3]) =>
  new StateError('conflict', 'OBJECT_ALREADY_EXISTS', message, extra);
