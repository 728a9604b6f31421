export * from './allowance-counter';
