import { UseFilters } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OptionalAuth, type Principal } from '@capstone/platform/auth';
import type { Profile as ProfileView } from '../profiles/profile';
import { Profiles } from '../profiles/profiles';
import { Caller } from './graphql-auth.guard';
import { GraphqlErrorFilter } from './graphql-exception.filter';
import { UsernameArgs } from './inputs';
import { Profile } from './profile.type';

@Resolver(() => Profile)
@UseFilters(GraphqlErrorFilter)
export class ProfilesResolver {
  constructor(private readonly profiles: Profiles) {}

  @OptionalAuth()
  @Query(() => Profile)
  profile(@Args() { username }: UsernameArgs, @Caller() caller?: Principal): Promise<ProfileView> {
    return this.profiles.view(username, caller);
  }

  @Mutation(() => Profile, { description: 'Following again changes nothing.' })
  followProfile(
    @Args() { username }: UsernameArgs,
    @Caller() caller: Principal,
  ): Promise<ProfileView> {
    return this.profiles.follow(username, caller);
  }

  @Mutation(() => Profile)
  unfollowProfile(
    @Args() { username }: UsernameArgs,
    @Caller() caller: Principal,
  ): Promise<ProfileView> {
    return this.profiles.unfollow(username, caller);
  }
}
