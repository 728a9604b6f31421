import { SetMetadata } from '@nestjs/common';

export const OPERATIONAL_ENDPOINT = 'capstone:operational-endpoint';

/**
 * Marks a controller served to the infrastructure (probes, Prometheus), not to users: an
 * authentication guard lets it through, because a kubelet or scraper holds no user token.
 */
export const OperationalEndpoint = () => SetMetadata(OPERATIONAL_ENDPOINT, true);
