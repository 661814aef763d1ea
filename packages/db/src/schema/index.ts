export * from './auth';
export * from './market';
export * from './money';
export * from './parties';
