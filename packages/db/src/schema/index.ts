export * from './auth';
export * from './grants';
export * from './incubator';
export * from './market';
export * from './money';
export * from './parties';
export * from './reviews';
export * from './security';
