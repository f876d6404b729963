export * from './errors.js';
export * from './limits.js';
export * from './common.js';
export * from './settings.js';
export * from './users.js';
export * from './auth.js';
export * from './groups.js';
export * from './chat.js';
