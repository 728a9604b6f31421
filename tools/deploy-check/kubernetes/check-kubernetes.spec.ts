import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import { checkKubernetes } from '../index';
import {
  copyDeployment,
  editText,
  editYaml,
  removeCopies,
  resource,
} from '../testing/deployment-copies';
import { repoRoot } from '../../workspace/paths';

const INFRA = 'k8s/components/local-infra';
const REDIS = `${INFRA}/redis.yaml`;
const POSTGRES = `${INFRA}/postgres.yaml`;
const REDIS_CONTAINER = 'spec.template.spec.containers[0]';

/** A copy of the repository's k8s/ tree to break one thing in. */
function copyOfKubernetesTree(): string {
  return copyDeployment(repoRoot, ['k8s']);
}

function redisWith(
  edit: (statefulSet: Document, service: Document, documents: Document[]) => void,
): string {
  const root = copyOfKubernetesTree();
  editYaml(root, REDIS, (documents) =>
    edit(
      resource(documents, 'StatefulSet', 'redis'),
      resource(documents, 'Service', 'redis'),
      documents,
    ),
  );
  return root;
}

// Each check starts a Node process for the Kubernetes schemas.
jest.setTimeout(30_000);
afterEach(removeCopies);

describe('Kubernetes schemas', () => {
  it('reports a field of the wrong type, as kubernetes-models validates it', async () => {
    const root = redisWith((statefulSet) => statefulSet.setIn(['spec', 'replicas'], 'one'));

    expect(await checkKubernetes(root)).toEqual([
      { file: REDIS, path: 'StatefulSet/redis spec.replicas', message: 'must be integer' },
    ]);
  });

  it('reports a kind that Kubernetes does not have', async () => {
    const root = redisWith((statefulSet) => statefulSet.set('kind', 'StatefullSet'));

    expect(await checkKubernetes(root)).toContainEqual({
      file: REDIS,
      path: 'StatefullSet/redis',
      message: 'apps/v1 StatefullSet is not a Kubernetes kind',
    });
  });
});

describe('kustomizations', () => {
  it('reports a resource path that does not exist', async () => {
    const root = copyOfKubernetesTree();
    editText(root, `${INFRA}/kustomization.yaml`, (text) =>
      text.replace('- mailpit.yaml', '- mailpit.yml'),
    );

    expect(await checkKubernetes(root)).toContainEqual({
      file: `${INFRA}/kustomization.yaml`,
      path: 'resources[3]',
      message: `"${INFRA}/mailpit.yml" is neither a file nor a folder with a kustomization`,
    });
  });

  it('reports a component path that is not a kustomization folder', async () => {
    const root = copyOfKubernetesTree();
    editText(root, 'k8s/overlays/local/kustomization.yaml', (text) =>
      text.replace('components/local-infra', 'components/local'),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: 'k8s/overlays/local/kustomization.yaml',
        path: 'components[0]',
        message: '"k8s/components/local" is not a folder with a kustomization',
      },
    ]);
  });

  it('reports a secret env file without a committed .example twin', async () => {
    const root = copyOfKubernetesTree();
    rmSync(join(root, 'k8s/overlays/local/secrets.env.example'));

    expect(await checkKubernetes(root)).toEqual([
      {
        file: 'k8s/overlays/local/kustomization.yaml',
        path: 'secretGenerator[0].envs[0]',
        message:
          '"k8s/overlays/local/secrets.env" has no committed "k8s/overlays/local/secrets.env.example" listing its keys',
      },
    ]);
  });

  it('checks a patch as part of what it patches, not as a resource of its own', async () => {
    const root = copyOfKubernetesTree();
    writeFileSync(join(root, 'k8s/overlays/local/redis-memory.yaml'), 'spec:\n  template: {}\n');
    editText(root, 'k8s/overlays/local/kustomization.yaml', (text) =>
      text.concat(
        '\npatches:\n  - path: redis-memory.yaml\n    target:\n      kind: StatefulSet\n      name: redis\n',
      ),
    );

    expect(await checkKubernetes(root)).toEqual([]);
  });
});

describe('selectors and ports', () => {
  it("reports a workload whose selector does not match its pods' labels", async () => {
    const root = copyOfKubernetesTree();
    editYaml(root, POSTGRES, (documents) =>
      resource(documents, 'StatefulSet', 'postgres').setIn(
        ['spec', 'selector', 'matchLabels', 'app.kubernetes.io/name'],
        'postgresql',
      ),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: POSTGRES,
        path: 'StatefulSet/postgres spec.selector.matchLabels',
        message: `selects {"app.kubernetes.io/name":"postgresql"}, which the pod template's labels do not carry`,
      },
    ]);
  });

  it("reports a Service whose selector matches no workload's pods", async () => {
    const root = redisWith((_statefulSet, service) =>
      service.setIn(['spec', 'selector', 'app.kubernetes.io/name'], 'cache'),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: REDIS,
        path: 'Service/redis spec.selector',
        message: `selects {"app.kubernetes.io/name":"cache"}, which no workload's pods carry`,
      },
    ]);
  });

  it('reports a Service targetPort that no selected container declares', async () => {
    const root = redisWith((_statefulSet, service) =>
      service.setIn(['spec', 'ports', 0, 'targetPort'], 6380),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: REDIS,
        path: 'Service/redis spec.ports[0].targetPort',
        message: 'no container of the selected pods declares port 6380',
      },
    ]);
  });

  it('reports a StatefulSet whose serviceName is not a headless Service', async () => {
    const root = redisWith((_statefulSet, service) => service.deleteIn(['spec', 'clusterIP']));

    expect(await checkKubernetes(root)).toEqual([
      {
        file: REDIS,
        path: 'StatefulSet/redis spec.serviceName',
        message: '"redis" is not a headless Service (clusterIP: None)',
      },
    ]);
  });
});

describe('pod hardening', () => {
  it('reports a container without a liveness probe', async () => {
    const root = redisWith((statefulSet) =>
      statefulSet.deleteIn(['spec', 'template', 'spec', 'containers', 0, 'livenessProbe']),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: REDIS,
        path: `StatefulSet/redis ${REDIS_CONTAINER}.livenessProbe`,
        message: 'container "redis" has no livenessProbe',
      },
    ]);
  });

  it('reports a container without a memory limit', async () => {
    const root = redisWith((statefulSet) =>
      statefulSet.deleteIn([
        'spec',
        'template',
        'spec',
        'containers',
        0,
        'resources',
        'limits',
        'memory',
      ]),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: REDIS,
        path: `StatefulSet/redis ${REDIS_CONTAINER}.resources.limits.memory`,
        message: 'container "redis" sets no memory limit',
      },
    ]);
  });

  it('reports an image on the moving latest tag', async () => {
    const root = redisWith((statefulSet) =>
      statefulSet.setIn(['spec', 'template', 'spec', 'containers', 0, 'image'], 'redis:latest'),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: REDIS,
        path: `StatefulSet/redis ${REDIS_CONTAINER}.image`,
        message:
          'container "redis" image "redis:latest" uses the moving "latest" tag; pin a version',
      },
    ]);
  });

  it('reports every hardening setting a container leaves out', async () => {
    const root = redisWith((statefulSet) => {
      statefulSet.deleteIn(['spec', 'template', 'spec', 'securityContext']);
      statefulSet.deleteIn(['spec', 'template', 'spec', 'containers', 0, 'securityContext']);
    });

    const messages = (await checkKubernetes(root)).map(({ message }) => message);

    expect(messages).toEqual([
      'container "redis" may run as root; set runAsNonRoot: true',
      'container "redis" sets no non-zero runAsUser',
      'container "redis" may write to its root filesystem; mount an emptyDir where it must write',
      'container "redis" does not set allowPrivilegeEscalation: false',
      'container "redis" keeps Linux capabilities; drop ALL',
      'container "redis" has no seccomp profile; use type RuntimeDefault',
    ]);
  });
});

describe('secrets', () => {
  it('reports a committed Secret that holds values', async () => {
    const root = redisWith((_statefulSet, _service, documents) =>
      documents.push(
        new Document({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'redis-auth' },
          stringData: { REDIS_PASSWORD: 'hunter2' },
        }),
      ),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: REDIS,
        path: 'Secret/redis-auth stringData',
        message:
          'a Secret with values is committed; generate it from a gitignored file or create it in the cluster',
      },
    ]);
  });

  it('reports a credential set as an inline environment value', async () => {
    const root = redisWith((statefulSet) =>
      statefulSet.setIn(
        ['spec', 'template', 'spec', 'containers', 0, 'env'],
        [{ name: 'REDIS_PASSWORD', value: 'hunter2' }],
      ),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: REDIS,
        path: `StatefulSet/redis ${REDIS_CONTAINER}.env[0]`,
        message: 'REDIS_PASSWORD has an inline value; use valueFrom.secretKeyRef',
      },
    ]);
  });

  it('reports a secret value written into a secretGenerator', async () => {
    const root = copyOfKubernetesTree();
    editText(root, 'k8s/overlays/local/kustomization.yaml', (text) =>
      text.replace(
        '    envs:\n      - secrets.env',
        '    literals:\n      - POSTGRES_PASSWORD=hunter2',
      ),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: 'k8s/overlays/local/kustomization.yaml',
        path: 'secretGenerator[0].literals[0]',
        message: 'a secret value is committed; read it from a gitignored env file instead',
      },
    ]);
  });
});

describe('the gateway Ingress', () => {
  const INGRESS = 'k8s/base/gateway-ingress.yaml';
  const PATHS = ['spec', 'rules', 0, 'http', 'paths'];

  /** A copy whose Ingress entry for `path` is edited; resolves to the copy and that entry's index. */
  function ingressEntryWith(
    path: string,
    edit: (ingress: Document, index: number) => void,
  ): { root: string; index: number } {
    const root = copyOfKubernetesTree();
    let index = -1;
    editYaml(root, INGRESS, (documents) => {
      const ingress = resource(documents, 'Ingress', 'gateway');
      const entries = ingress.getIn(PATHS) as { items: { get(key: string): unknown }[] };
      index = entries.items.findIndex((entry) => entry.get('path') === path);
      edit(ingress, index);
    });
    return { root, index };
  }

  it('reports a gateway route that the Ingress leaves out', async () => {
    const { root } = ingressEntryWith('/api/tags', (ingress, index) =>
      ingress.deleteIn([...PATHS, index]),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: INGRESS,
        path: 'Ingress/gateway spec.rules',
        message: 'does not route /api/tags (Prefix) to blog-service, as the gateway does',
      },
    ]);
  });

  it('reports a path sent to another service than the gateway sends it to', async () => {
    const { root, index } = ingressEntryWith('/graphql', (ingress, at) =>
      ingress.setIn([...PATHS, at, 'backend', 'service', 'name'], 'auth-service'),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: INGRESS,
        path: `Ingress/gateway spec.rules[0].http.paths[${index}]`,
        message: 'sends /graphql to auth-service; the gateway sends it to blog-service',
      },
    ]);
  });

  it('reports a route that reaches the internal endpoints the gateway never routes', async () => {
    const { root, index } = ingressEntryWith('/api/auth/', (ingress, at) =>
      ingress.setIn([...PATHS, at, 'path'], '/'),
    );

    expect(await checkKubernetes(root)).toContainEqual({
      file: INGRESS,
      path: `Ingress/gateway spec.rules[0].http.paths[${index}]`,
      message: 'routes /internal/, which the gateway never does',
    });
  });

  it('reports an exact gateway path that the Ingress matches as a prefix', async () => {
    const { root, index } = ingressEntryWith('/api/user', (ingress, at) =>
      ingress.setIn([...PATHS, at, 'pathType'], 'Prefix'),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: INGRESS,
        path: 'Ingress/gateway spec.rules',
        message: 'does not route /api/user (Exact) to auth-service, as the gateway does',
      },
      {
        file: INGRESS,
        path: `Ingress/gateway spec.rules[0].http.paths[${index}]`,
        message:
          'routes /api/user (Prefix), which the gateway does not; add it to tools/dev/gateway-routes.ts and nginx.conf first',
      },
    ]);
  });

  it('reports a backend port that its Service does not declare', async () => {
    const { root, index } = ingressEntryWith('/api/articles', (ingress, at) =>
      ingress.setIn([...PATHS, at, 'backend', 'service', 'port'], { number: 8080 }),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: INGRESS,
        path: `Ingress/gateway spec.rules[0].http.paths[${index}]`,
        message: 'port {"number":8080} is not a port of Service blog-service',
      },
    ]);
  });

  it('reports a tree with no Ingress at all', async () => {
    const root = copyOfKubernetesTree();
    rmSync(join(root, INGRESS));
    editText(root, 'k8s/base/kustomization.yaml', (text) =>
      text.replace('  - gateway-ingress.yaml\n', ''),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: 'k8s',
        message: 'no Ingress routes the gateway paths of tools/dev/gateway-routes.ts',
      },
    ]);
  });
});

describe('autoscaling', () => {
  const SHORTENER = 'k8s/base/shortener-service.yaml';

  /** A copy whose shortener-service.yaml is edited: its Deployment, HorizontalPodAutoscaler and documents. */
  function shortenerWith(
    edit: (deployment: Document, autoscaler: Document, documents: Document[]) => void,
  ): string {
    const root = copyOfKubernetesTree();
    editYaml(root, SHORTENER, (documents) =>
      edit(
        resource(documents, 'Deployment', 'shortener-service'),
        resource(documents, 'HorizontalPodAutoscaler', 'shortener-service'),
        documents,
      ),
    );
    return root;
  }

  it('reports a service that scales out with no HorizontalPodAutoscaler targeting it', async () => {
    const root = shortenerWith((_deployment, autoscaler, documents) =>
      documents.splice(documents.indexOf(autoscaler), 1),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: SHORTENER,
        path: 'Deployment/shortener-service',
        message: 'scales out, but no HorizontalPodAutoscaler targets it',
      },
    ]);
  });

  it('reports an autoscaler whose target no manifest defines', async () => {
    const root = shortenerWith((_deployment, autoscaler) =>
      autoscaler.setIn(['spec', 'scaleTargetRef', 'name'], 'shortner-service'),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: SHORTENER,
        path: 'Deployment/shortener-service',
        message: 'scales out, but no HorizontalPodAutoscaler targets it',
      },
      {
        file: SHORTENER,
        path: 'HorizontalPodAutoscaler/shortener-service spec.scaleTargetRef',
        message: 'scales Deployment/shortner-service, which no manifest defines',
      },
    ]);
  });

  it('reports an autoscaled Deployment that sets its own replica count', async () => {
    const root = shortenerWith((deployment) => deployment.setIn(['spec', 'replicas'], 2));

    expect(await checkKubernetes(root)).toEqual([
      {
        file: SHORTENER,
        path: 'Deployment/shortener-service spec.replicas',
        message:
          'is set, so every apply resets the count HorizontalPodAutoscaler/shortener-service chose; leave it out',
      },
    ]);
  });

  it('reports an autoscaler that may shrink the service to a single pod', async () => {
    const root = shortenerWith((_deployment, autoscaler) =>
      autoscaler.deleteIn(['spec', 'minReplicas']),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: SHORTENER,
        path: 'HorizontalPodAutoscaler/shortener-service spec.minReplicas',
        message:
          'lets Deployment/shortener-service shrink to one pod, which a crash or a node drain takes down; set at least 2',
      },
    ]);
  });

  it('reports autoscaled pods that no PodDisruptionBudget protects from a drain', async () => {
    const root = shortenerWith((_deployment, _autoscaler, documents) =>
      documents.splice(
        documents.indexOf(resource(documents, 'PodDisruptionBudget', 'shortener-service')),
        1,
      ),
    );

    expect(await checkKubernetes(root)).toEqual([
      {
        file: SHORTENER,
        path: 'Deployment/shortener-service',
        message:
          'is autoscaled, but no PodDisruptionBudget selects its pods, so a node drain may evict them all at once',
      },
    ]);
  });
});
