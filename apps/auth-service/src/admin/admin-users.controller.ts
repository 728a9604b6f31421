import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { AdminOnly, CurrentUser, type Principal } from '@capstone/platform/auth';
import { Client, type ClientContext } from '../shared/client-context';
import { ChangeRolesDto } from './dto/change-roles.dto';
import { ManagedUserPageResponse, ManagedUserResponse } from './dto/managed-user.response';
import { SearchUsersQuery } from './dto/search-users.query';
import { UserAdministration, type AdminActor } from './user-administration.service';

@AdminOnly()
@Controller({ path: 'api/auth/v1/admin/users', version: VERSION_NEUTRAL })
export class AdminUsersController {
  constructor(private readonly administration: UserAdministration) {}

  @Get()
  @ApiOkResponse({ type: ManagedUserPageResponse })
  async search(
    @CurrentUser() caller: Principal,
    @Client() client: ClientContext,
    @Query() query: SearchUsersQuery,
  ): Promise<ManagedUserPageResponse> {
    const page = await this.administration.search(actorOf(caller, client), {
      prefix: query.q,
      role: query.role,
      after: query.cursor,
      limit: query.limit,
    });
    return ManagedUserPageResponse.of(page);
  }

  @Get(':id')
  @ApiOkResponse({ type: ManagedUserResponse })
  async get(
    @CurrentUser() caller: Principal,
    @Client() client: ClientContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedUserResponse> {
    return ManagedUserResponse.of(await this.administration.get(actorOf(caller, client), id));
  }

  @Put(':id/roles')
  @ApiOkResponse({ type: ManagedUserResponse })
  async changeRoles(
    @CurrentUser() caller: Principal,
    @Client() client: ClientContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeRolesDto,
  ): Promise<ManagedUserResponse> {
    return ManagedUserResponse.of(
      await this.administration.changeRoles(actorOf(caller, client), id, body.roles),
    );
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedUserResponse, description: 'Disabled, with every session ended' })
  async disable(
    @CurrentUser() caller: Principal,
    @Client() client: ClientContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedUserResponse> {
    return ManagedUserResponse.of(await this.administration.disable(actorOf(caller, client), id));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedUserResponse })
  async enable(
    @CurrentUser() caller: Principal,
    @Client() client: ClientContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedUserResponse> {
    return ManagedUserResponse.of(await this.administration.enable(actorOf(caller, client), id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Deleted with its sessions and API keys; its audit trail stays',
  })
  delete(
    @CurrentUser() caller: Principal,
    @Client() client: ClientContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.administration.delete(actorOf(caller, client), id);
  }
}

function actorOf(caller: Principal, client: ClientContext): AdminActor {
  return { id: caller.userId, client };
}
