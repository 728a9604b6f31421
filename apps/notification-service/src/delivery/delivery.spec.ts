import { canTransition, nextStep } from './delivery';

describe('a delivery', () => {
  it('is sent only from pending', () => {
    expect(nextStep('pending')).toBe('send');
    for (const status of ['sent', 'failed', 'suppressed', 'unconfirmed'] as const)
      expect(nextStep(status)).toBe('settled');
  });

  it('found still sending is treated as interrupted, never sent again', () => {
    expect(nextStep('sending')).toBe('interrupted');
    expect(canTransition('sending', 'unconfirmed')).toBe(true);
    expect(canTransition('unconfirmed', 'sending')).toBe(false);
  });

  it('goes back to pending only from sending, after a temporary failure', () => {
    expect(canTransition('sending', 'pending')).toBe(true);
    expect(canTransition('failed', 'pending')).toBe(false);
    expect(canTransition('sent', 'pending')).toBe(false);
  });
});
