import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from './route-access';

/**
 * An administrators-only controller or route: the role the guard checks and what OpenAPI tells
 * clients about it, declared together so the two cannot drift apart.
 */
export const AdminOnly = () =>
  applyDecorators(
    Roles('admin'),
    ApiTags('admin'),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'no valid credential (`token_missing`, `token_expired`, …)',
    }),
    ApiForbiddenResponse({ description: '`forbidden`: the caller is not an administrator' }),
  );
