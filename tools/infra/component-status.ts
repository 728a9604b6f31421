import type { ComponentDriver, ComponentStatus } from './component';
import { isListening } from './network';
import type { ProcessRegistry } from './process/process-registry';

/** What is at a component's endpoint now, and who is responsible for it. */
export async function componentStatus(
  driver: ComponentDriver,
  registry: ProcessRegistry,
): Promise<ComponentStatus> {
  const { component, endpoint } = driver;
  const { healthy, detail } = await driver.probe();
  if (registry.managed(component))
    return { component, endpoint, healthy, managedBy: 'capstone', detail };
  if (healthy || (await isListening(driver.address))) {
    return { component, endpoint, healthy, managedBy: 'external', detail };
  }
  const lost = registry.recorded(component);
  if (lost) {
    const lostDetail = `the ${component} capstone started (pid ${lost.pid}) is no longer running; \`npm run infra -- up\` restarts it`;
    return { component, endpoint, healthy: false, managedBy: 'capstone', detail: lostDetail };
  }
  return { component, endpoint, healthy: false, managedBy: 'none', detail };
}
