/**
 * The validated environment of one service, injected wherever a setting is needed.
 * Inject it as `AppConfig<Environment>` (the service's `z.infer` type) to get typed reads.
 */
export class AppConfig<TEnvironment extends object = Record<string, unknown>> {
  constructor(private readonly values: Readonly<TEnvironment>) {}

  get<TKey extends keyof TEnvironment>(key: TKey): TEnvironment[TKey] {
    return this.values[key];
  }
}
