/** How long a session lasts: idle (since its last refresh) and absolute (since login). */
export abstract class SessionSettings {
  abstract readonly idleSeconds: number;
  abstract readonly absoluteSeconds: number;
}
