import { UseFilters } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@capstone/platform/auth';
import { TagList } from '../tags/tag-list';
import { GraphqlErrorFilter } from './graphql-exception.filter';

@Resolver()
@UseFilters(GraphqlErrorFilter)
export class TagsResolver {
  constructor(private readonly tagList: TagList) {}

  @Public()
  @Query(() => [String], { description: 'The most used tags, most used first.' })
  tags(): Promise<string[]> {
    return this.tagList.read();
  }
}
