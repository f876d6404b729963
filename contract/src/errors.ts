import { Type } from 'typebox';

export { type ErrorCode, ErrorCodes } from './error-codes.js';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorBody' },
);
