export * from './common';
export * from './portfolio';
export * from './methods';
export * from './community';
