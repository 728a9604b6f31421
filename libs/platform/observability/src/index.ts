export * from './context/correlation';
