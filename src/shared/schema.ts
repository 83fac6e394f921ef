/**
 * Shared TypeBox schemas. The server's Ajv coerces types, and within a union it tries the branches
 * in order: `Union([Integer, Null])` turns a form's `null` into 0 before the Null branch is seen.
 * `NullableInteger` puts Null first, so null stays null ("not set") and 0 stays 0.
 */
import { Type, type IntegerOptions } from '@sinclair/typebox';

export const NullableInteger = (options: IntegerOptions = {}) => Type.Union([Type.Null(), Type.Integer(options)]);
