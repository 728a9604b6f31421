import { unpinnedImageReason } from '../image-reference';
import type { Problem } from '../problem';
import { isMapping, listOf, type Mapping } from '../yaml-documents';
import { COMPOSE_FILE, servicesOf } from './compose-model';

/** References the schema cannot follow: dependencies, named volumes and image tags. */
export function serviceReferenceProblems(compose: Mapping): Problem[] {
  const services = servicesOf(compose);
  const serviceNames = new Set(services.map(({ name }) => name));
  const declaredVolumes = new Set(
    Object.keys(isMapping(compose['volumes']) ? compose['volumes'] : {}),
  );

  return services.flatMap(({ name, definition }) => {
    const problems: Problem[] = [];
    const at = (key: string) => `services.${name}.${key}`;

    for (const dependency of dependenciesOf(definition['depends_on'])) {
      if (!serviceNames.has(dependency)) {
        problems.push({
          file: COMPOSE_FILE,
          path: at('depends_on'),
          message: `depends on "${dependency}", which is not a service`,
        });
      }
    }
    for (const volume of namedVolumesOf(definition['volumes'])) {
      if (!declaredVolumes.has(volume)) {
        problems.push({
          file: COMPOSE_FILE,
          path: at('volumes'),
          message: `uses volume "${volume}", which the top-level volumes do not declare`,
        });
      }
    }
    // A service built here is tagged with whatever name it is given; only pulled images need a pin.
    const image = definition['image'];
    const unpinned =
      typeof image === 'string' && definition['build'] === undefined
        ? unpinnedImageReason(image)
        : undefined;
    if (unpinned) {
      problems.push({ file: COMPOSE_FILE, path: at('image'), message: unpinned });
    }
    return problems;
  });
}

function dependenciesOf(dependsOn: unknown): string[] {
  if (Array.isArray(dependsOn)) {
    return dependsOn.map(String);
  }
  return isMapping(dependsOn) ? Object.keys(dependsOn) : [];
}

/** Named volumes in short (`name:/path`) or long (`type: volume`) syntax; host paths start with . / or ~. */
function namedVolumesOf(volumes: unknown): string[] {
  return listOf(volumes).flatMap((volume) => {
    if (typeof volume === 'string') {
      const [source, target] = volume.split(':');
      return target !== undefined && !/^[./~]/.test(source) ? [source] : [];
    }
    if (isMapping(volume) && volume['type'] === 'volume' && typeof volume['source'] === 'string') {
      return [volume['source']];
    }
    return [];
  });
}
