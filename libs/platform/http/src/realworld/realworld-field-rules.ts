import { isEmail, isURL, ValidateBy } from 'class-validator';

/** One rule of a RealWorld field: what must hold, and the words its clients expect when it does not. */
export interface FieldRule {
  holds(value: unknown): boolean;
  message: string;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const lengthOf = (text: string) => [...text].length;

/** Empty, only spaces, null or missing: the spec's one case for "can't be blank". */
export const required: FieldRule = {
  holds: (value) => (isText(value) ? value.trim() !== '' : value !== null && value !== undefined),
  message: "can't be blank",
};

export const text: FieldRule = { holds: isText, message: 'is invalid' };

export const emailAddress: FieldRule = {
  holds: (value) => isText(value) && isEmail(value),
  message: 'is invalid',
};

export const webAddress: FieldRule = {
  holds: (value) =>
    isText(value) && isURL(value, { protocols: ['http', 'https'], require_protocol: true }),
  message: 'is invalid',
};

export const matching = (pattern: RegExp, message: string): FieldRule => ({
  holds: (value) => isText(value) && pattern.test(value),
  message,
});

export const atLeast = (characters: number): FieldRule => ({
  holds: (value) => isText(value) && lengthOf(value) >= characters,
  message: `is too short (minimum is ${characters} characters)`,
});

export const atMost = (characters: number): FieldRule => ({
  holds: (value) => isText(value) && lengthOf(value) <= characters,
  message: `is too long (maximum is ${characters} characters)`,
});

/**
 * Checks `rules` in order and reports only the first one broken: RealWorld clients expect one
 * message per field, and a blank field is "can't be blank", not also too short and malformed.
 */
export function FieldRules(...rules: FieldRule[]): PropertyDecorator {
  const firstBroken = (value: unknown) => rules.find((rule) => !rule.holds(value));
  return ValidateBy({
    name: 'fieldRules',
    validator: {
      validate: (value) => firstBroken(value) === undefined,
      defaultMessage: (context) => firstBroken(context?.value)?.message ?? 'is invalid',
    },
  });
}
