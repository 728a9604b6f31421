import { failedTasks } from './nx-checks';

describe('reading failed Nx tasks', () => {
  it('lists each failed project:target from the Failed tasks section', () => {
    const output = [
      ' NX   Running targets lint, typecheck for 3 projects failed',
      '',
      'Failed tasks:',
      '',
      '- tools:lint',
      '- auth-service:typecheck',
      '',
    ].join('\n');
    expect(failedTasks(output)).toEqual(['tools:lint', 'auth-service:typecheck']);
  });

  it('finds nothing in a successful run', () => {
    expect(failedTasks(' NX   Successfully ran targets lint for 2 projects')).toEqual([]);
  });
});
